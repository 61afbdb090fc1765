"""The records every part of the checker speaks: one `Issue` per finding, one `Report` per text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Category:
    id: str
    name: str


@dataclass(frozen=True)
class Issue:
    """One finding, with its position in the exact text the user gave us.

    `offset` and `length` count Unicode code points (Python string indices), so
    ``text[offset:offset + length] == issue.text`` always holds. `line` and `column`
    are 1-based; a line ends at LF, CRLF or a lone CR.
    """

    offset: int
    length: int
    line: int
    column: int
    text: str
    rule: str
    rule_description: str
    category: Category
    type: str
    severity: Severity
    message: str
    replacements: tuple[str, ...] = ()
    url: str | None = None
    source: str = "languagetool"

    @property
    def end(self) -> int:
        return self.offset + self.length

    def to_dict(self) -> dict[str, Any]:
        # Not dataclasses.asdict: its deep copy took nearly half the time of writing a report's JSON.
        data = {name: getattr(self, name) for name in _ISSUE_FIELDS}
        data["category"] = {"id": self.category.id, "name": self.category.name}
        data["replacements"] = list(self.replacements)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Issue:
        """The issue `to_dict` wrote."""
        return cls(**{**data, "category": Category(**data["category"]), "replacements": tuple(data["replacements"])})


_ISSUE_FIELDS = tuple(issue_field.name for issue_field in fields(Issue))


def _described(default: Any, description: str) -> Any:
    return field(default=default, metadata={"description": description})


@dataclass(frozen=True)
class TextStats:
    """Figures about the text that was checked (for markup formats: its prose, without the markup).

    Sentences follow German news conventions (no break after "28.", "z. B.", "Mrd."; a headline
    line is a sentence). Averages and scores are null for a text without words.
    """

    # The JSON, the result page and the OpenAPI schema are all made from these fields.

    paragraphs: int = _described(0, "Paragraphs, separated by blank lines.")
    sentences: int = _described(0, "Sentences.")
    words: int = _described(0, "Words; numbers count as words.")
    syllables: int = _described(0, "Syllables, counted as vowel nuclei.")
    average_sentence_length: float | None = _described(None, "Words per sentence.")
    longest_sentence_length: int = _described(0, "Words in the longest sentence.")
    average_syllables_per_word: float | None = _described(None, "Syllables per word.")
    flesch_reading_ease: float | None = _described(
        None,
        "Amstad's German Flesch reading ease: 0 very hard … 100 very easy (below 30 very hard, "
        "30-50 hard, 50-60 fairly hard, 60-70 standard, 70-80 fairly easy, 80-90 easy, 90 and above very easy).",
    )
    wiener_sachtextformel: float | None = _described(
        None, "First Wiener Sachtextformel: about the school year, 4 very easy … 15 very hard."
    )
    long_sentences: int = _described(
        0,
        "Sentences longer than long_sentence_limit words. The default profile counts them here only; a "
        "profile that enables HOUSE_SENTENCE_LENGTH (agency, duden) marks each one.",
    )
    long_sentence_limit: int = _described(0, "The house profile's max_sentence_words; 0 when no house profile is used.")
    double_spaces: int = _described(
        0,
        "Places where two or more spaces stand between characters of a line. The default profile counts "
        "them here only; a profile that reports them (agency, duden) marks each one.",
    )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def descriptions(cls) -> dict[str, str]:
        return {item.name: str(item.metadata["description"]) for item in fields(cls)}


@dataclass(frozen=True)
class Report:
    """All findings for one text, sorted by position."""

    text: str
    language: str
    issues: tuple[Issue, ...] = ()
    engine_version: str | None = None
    format: str = "text"
    stats: TextStats = field(default_factory=TextStats)

    def counts_by_severity(self) -> dict[str, int]:
        counts = Counter(issue.severity for issue in self.issues)
        return {severity: counts.get(severity, 0) for severity in SEVERITIES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "format": self.format,
            "engine_version": self.engine_version,
            "issues": [issue.to_dict() for issue in self.issues],
            "stats": self.stats.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], text: str) -> Report:
        """The report about `text` that `to_dict` wrote."""
        return cls(
            text=text,
            language=data["language"],
            issues=tuple(Issue.from_dict(issue) for issue in data["issues"]),
            engine_version=data["engine_version"],
            format=data["format"],
            stats=TextStats(**data["stats"]),
        )


# What a run over files gives: each file's path with its report.
Results = Sequence[tuple[str, Report]]
