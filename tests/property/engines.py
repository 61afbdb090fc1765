"""An engine whose findings Hypothesis draws: any number, anywhere in the text it is sent (at
code point boundaries, as LanguageTool reports them), overlapping, empty or covering it all,
with any rule, type and suggestions."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from checker.options import CheckOptions
from checker.text.offsets import utf16_length

RULES = ("GERMAN_SPELLER_RULE", "UPPERCASE_SENTENCE_START", "DE_CASE", "PRAEP_DAT", "WHITESPACE_RULE", "X")
TYPES = ("misspelling", "grammar", "typographical", "style", "whitespace", "duplication", "unknown-type")
suggestions = st.lists(st.text(st.characters(exclude_categories=("Cs",)), max_size=8), max_size=3)


class DrawnEngine:
    url = "http://drawn.invalid"
    max_text_length = 50_000

    def __init__(self) -> None:
        self.data: st.DataObject | None = None

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        text = payload["text"]
        matches = []
        count = self.data.draw(st.integers(0, 5), label="findings") if self.data else 0
        for _ in range(count):
            assert self.data is not None
            start = self.data.draw(st.integers(0, len(text)))
            end = self.data.draw(st.integers(start, len(text)))
            sub_id = self.data.draw(st.sampled_from([None, "1", "29"]))
            matches.append(
                {
                    "offset": utf16_length(text[:start]),
                    "length": utf16_length(text[start:end]),
                    "message": "Gezogene Meldung",
                    "replacements": [{"value": value} for value in self.data.draw(suggestions)],
                    "rule": {
                        "id": self.data.draw(st.sampled_from(RULES)),
                        **({"subId": sub_id} if sub_id else {}),
                        "description": "Gezogene Regel",
                        "issueType": self.data.draw(st.sampled_from(TYPES)),
                        "category": {"id": "TEST", "name": "Test"},
                    },
                }
            )
        return {"software": {"version": "test"}, "matches": matches}

    def version(self) -> str:
        return "test"

    def identity(self) -> str:
        return "test"

    def alive(self) -> bool:
        return True
