"""Engines that are not LanguageTool, for tests of our own code: one that fails as a real one
can, one that answers with scripted matches, and one that shrinks the real engine's text limit.
Behaviour that depends on what LanguageTool says is tested against the real engine."""

from __future__ import annotations

from typing import Any

from checker.errors import CheckerError
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.text.offsets import utf16_length


class SmallEngine:
    """The real engine with a small maxTextLength, to force splitting."""

    def __init__(self, engine: LanguageToolClient, limit: int) -> None:
        self._engine = engine
        self.url = engine.url
        self.max_text_length = limit

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        assert len(payload["text"]) <= self.max_text_length
        return self._engine.query(payload, options)

    def version(self) -> str:
        return self._engine.version()

    def identity(self) -> str:
        return self._engine.identity()

    def alive(self) -> bool:
        return self._engine.alive()


class FailingEngine:
    """An engine that fails the way a real one can: down, slow, broken, not installed."""

    url = "http://failing.invalid"
    max_text_length = 50_000

    def __init__(self, error: CheckerError) -> None:
        self.error = error

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        raise self.error

    def version(self) -> str:
        raise self.error

    def identity(self) -> str:
        raise self.error

    def alive(self) -> bool:
        return False


def scripted_match(text: str, span: str, rule: str, replacement: str, *, start: int = 0) -> dict[str, Any]:
    offset = text.index(span, start)
    return {
        "offset": utf16_length(text[:offset]),
        "length": utf16_length(span),
        "message": f"Regel {rule}",
        "replacements": [{"value": replacement}],
        "rule": {
            "id": rule,
            "description": f"Testregel {rule}",
            "issueType": "grammar",
            "category": {"id": "GRAMMAR", "name": "Grammatik"},
        },
    }


class OverlappingEngine:
    """Findings inside findings, crossing ones and two on the same words (rare from LanguageTool
    alone, common once house rules join in)."""

    url = "http://overlapping.invalid"
    max_text_length = 50_000

    def query(self, payload: dict[str, str], options: Any) -> dict[str, Any]:
        text = payload["text"]
        if "Bundesregierung" not in text:
            return {"software": {"version": "test"}, "matches": []}
        return {
            "software": {"version": "test"},
            "matches": [
                scripted_match(text, "Bundesregierung hat", "OUTER", "Regierung hat"),
                scripted_match(text, "regierung", "INNER", "Regierung"),
                scripted_match(text, "regierung", "SAME", "REGIERUNG"),
                scripted_match(text, "hat heute 😀", "CROSSING", "hat gestern"),
            ],
        }

    def version(self) -> str:
        return "test"

    def identity(self) -> str:
        return "test"

    def alive(self) -> bool:
        return True
