"""Hand-made findings for the tests of the report filters."""

from __future__ import annotations

from checker.records import Category, Issue


def issue(text: str, flagged: str, rule: str = "RULE", severity: str = "error", start: int = 0) -> Issue:
    offset = text.index(flagged, start)
    return Issue(offset, len(flagged), 1, offset + 1, flagged, rule, "", Category("C", "C"), "grammar", severity, "")  # type: ignore[arg-type]
