"""The records every part of the checker speaks: one `Issue` per finding, one `Report` per text."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
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
        data = asdict(self)
        data["replacements"] = list(self.replacements)
        return data


@dataclass(frozen=True)
class Report:
    """All findings for one text, sorted by position."""

    text: str
    language: str
    issues: tuple[Issue, ...] = ()
    engine_version: str | None = None
    format: str = "text"
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def return_code(self) -> int:
        """0 when the text is clean, 1 when anything was found (the CLI's exit status)."""
        return 1 if self.issues else 0

    def counts_by_severity(self) -> dict[str, int]:
        counts = Counter(issue.severity for issue in self.issues)
        return {severity: counts.get(severity, 0) for severity in SEVERITIES}

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "format": self.format,
            "engine_version": self.engine_version,
            "issues": [issue.to_dict() for issue in self.issues],
            "stats": self.stats,
        }
