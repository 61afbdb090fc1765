"""The gate a check must pass: fail on findings of a severity or worse (`fail_on`), or on more
findings than allowed (`max_issues`); `fail_on` "never" passes every check. One place for the
command line's exit status, the API's `passed` and the failed test cases of JUnit reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.errors import InvalidRequest
from checker.schema import Choice, Whole

if TYPE_CHECKING:
    from checker.records import Issue, Report

# From the strictest gate to none: "info" fails on any finding, "never" on none (nor on max_issues:
# a report-only step must not fail because a project file sets a limit).
FAIL_LEVELS = ("info", "warning", "error", "never")
DEFAULT_FAIL_ON = "error"
EXIT_PASSED, EXIT_FAILED = 0, 1
_RANK = {"info": 0, "warning": 1, "error": 2}
# What the gate's two settings may be, wherever they are given (project file, flags, API).
FAIL_ON = Choice(FAIL_LEVELS)
MAX_ISSUES = Whole()


@dataclass(frozen=True)
class Verdict:
    passed: bool
    # For people: why the gate failed, or what it let through.
    reason: str

    @property
    def exit_status(self) -> int:
        return EXIT_PASSED if self.passed else EXIT_FAILED


@dataclass(frozen=True)
class Gate:
    """`fail_on`: the least severity that fails ("never": nothing fails). `max_issues`: fail when
    there are more findings than this, of any severity (None: no limit; ignored with "never")."""

    fail_on: str = DEFAULT_FAIL_ON
    max_issues: int | None = None

    def __post_init__(self) -> None:
        problem = FAIL_ON.problem(self.fail_on)
        if problem:
            raise InvalidRequest(f"fail_on {problem}", reason="unknown_fail_level", value=self.fail_on)
        problem = None if self.max_issues is None else MAX_ISSUES.problem(self.max_issues)
        if problem:
            raise InvalidRequest(f"max_issues {problem}", reason="max_issues", value=self.max_issues)

    def blocking(self, issues: Iterable[Issue]) -> list[Issue]:
        """The findings that fail the gate by their severity."""
        if self.fail_on == "never":
            return []
        least = _RANK[self.fail_on]
        return [issue for issue in issues if _RANK[issue.severity] >= least]

    def too_many(self, count: int) -> bool:
        """Whether `count` findings fail the gate by their number alone."""
        return self.fail_on != "never" and self.max_issues is not None and count > self.max_issues

    def judge(self, reports: Sequence[Report]) -> Verdict:
        issues = [issue for report in reports for issue in report.issues]
        if self.fail_on == "never":
            return Verdict(True, f"{len(issues)} findings; none fails the gate (fail_on never)")
        blocking = self.blocking(issues)
        if blocking:
            return Verdict(False, f"{len(blocking)} of {len(issues)} findings are {self.fail_on} or worse")
        if self.too_many(len(issues)):
            return Verdict(False, f"{len(issues)} findings, more than the {self.max_issues} allowed")
        return Verdict(True, f"{len(issues)} findings, none {self.fail_on} or worse")


# The gate of a run that names none (`--fail-on error`, no limit).
DEFAULT_GATE = Gate()
