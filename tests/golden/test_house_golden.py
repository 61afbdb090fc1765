"""Golden cases for the house rules: each tests/house/NAME.txt is checked with the profile
named in NAME.json, and the findings must equal the ones listed there.

To regenerate after a deliberate change: `make golden` (then read the diff: every changed
finding is a behaviour change).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from checker.house import load_profile, run_house_rules
from checker.house.profile import PROFILES_DIR
from checker.records import Issue
from tests.golden.compare import assert_golden

CASES = Path(__file__).parent / "house"
CASE_NAMES = sorted(path.stem for path in CASES.glob("*.txt"))


def _summary(issue: Issue) -> dict[str, Any]:
    return {
        "rule": issue.rule,
        "line": issue.line,
        "column": issue.column,
        "text": issue.text,
        "severity": issue.severity,
        "replacements": list(issue.replacements),
    }


def test_cases_exist() -> None:
    assert len(CASE_NAMES) >= 8
    for name in CASE_NAMES:
        assert (CASES / f"{name}.json").exists(), f"{name}.txt has no {name}.json beside it"


@pytest.mark.parametrize("name", CASE_NAMES)
def test_golden(name: str) -> None:
    text = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    expected_path = CASES / f"{name}.json"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    profile = load_profile(PROFILES_DIR / f"{expected['profile']}.toml")
    expected["issues"] = [_summary(issue) for issue in run_house_rules(text, profile)]
    assert_golden(expected_path, json.dumps(expected, ensure_ascii=False, indent=2) + "\n")
