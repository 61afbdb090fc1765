"""The gate: which severities and how many findings fail a run."""

from __future__ import annotations

import pytest

from checker.errors import CheckerError
from checker.filters.gate import Gate
from checker.records import Report
from tests.filters.findings import issue


def report(*severities: str) -> Report:
    text = "a " * len(severities)
    return Report(text, "de-DE", tuple(issue(text, "a", severity=s, start=2 * i) for i, s in enumerate(severities)))


@pytest.mark.parametrize(
    ("fail_on", "max_issues", "severities", "passed"),
    [
        ("error", None, ["warning", "info"], True),
        ("error", None, ["error"], False),
        ("warning", None, ["warning"], False),
        ("warning", None, ["info", "info"], True),
        ("info", None, ["info"], False),
        ("info", None, [], True),
        ("never", None, ["error"], True),
        ("never", 1, ["info", "info"], True),
        ("never", 0, ["error"], True),
        ("info", 1, ["info"], False),
        ("warning", 1, ["info", "info"], False),
        ("error", 2, ["info", "info"], True),
    ],
)
def test_gate(fail_on: str, max_issues: int | None, severities: list[str], passed: bool) -> None:
    verdict = Gate(fail_on, max_issues).judge([report(*severities)])
    assert verdict.passed is passed
    assert verdict.exit_status == (0 if passed else 1)


def test_gate_refuses_unknown_levels() -> None:
    with pytest.raises(CheckerError):
        Gate("sometimes")
