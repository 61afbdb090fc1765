"""One `Report` prepared for the result page: findings with their kind, counts, the marked-up text.

The page's script reads the same issue dictionaries the JSON API sends (`Issue.to_dict()`),
plus each finding's number and kind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from checker.issue import Issue, Report
from checker.web.annotate import Node, annotate
from checker.web.kinds import KINDS, KINDS_BY_ID, Kind, kind_of

# Always listed in the counts, even at zero; house rules only once they find something.
_ALWAYS_COUNTED = ("spelling", "grammar", "punctuation", "style")


@dataclass(frozen=True)
class Finding:
    index: int
    issue: Issue
    kind: Kind

    @property
    def number(self) -> int:
        return self.index + 1

    def to_dict(self) -> dict[str, Any]:
        return {**self.issue.to_dict(), "index": self.index, "kind": self.kind.id}


@dataclass(frozen=True)
class KindCount:
    kind: Kind
    count: int


@dataclass(frozen=True)
class ReportView:
    report: Report
    findings: tuple[Finding, ...]
    nodes: list[Node]
    counts: tuple[KindCount, ...]

    @classmethod
    def of(cls, report: Report) -> ReportView:
        findings = tuple(Finding(index, issue, kind_of(issue)) for index, issue in enumerate(report.issues))
        tally = Counter(finding.kind.id for finding in findings)
        counts = tuple(
            KindCount(kind, tally[kind.id]) for kind in KINDS if kind.id in _ALWAYS_COUNTED or tally[kind.id]
        )
        return cls(report, findings, annotate(report.text, report.issues), counts)

    def script_data(self) -> dict[str, Any]:
        """What the page's script needs, embedded as JSON in the page."""
        return {
            **self.report.to_dict(),
            "issues": [finding.to_dict() for finding in self.findings],
            "kinds": {kind.id: kind.label for kind in KINDS_BY_ID.values()},
        }
