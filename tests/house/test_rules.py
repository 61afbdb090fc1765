"""Every house rule's own examples: each wrong one yields a finding of that rule, each right
one none (with the default profile, and the ``_agency`` and ``_duden`` lists with the strict
agency and duden profiles)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.house import RULES, Profile, load_profile, run_house_rules
from checker.house.profile import PROFILES_DIR
from checker.house.rules import Rule

DEFAULT = load_profile()
AGENCY = load_profile(PROFILES_DIR / "agency.toml")
DUDEN = load_profile(PROFILES_DIR / "duden.toml")


def _cases(wrong: bool) -> list[tuple[Rule, Profile, str]]:
    cases = []
    for rule in RULES:
        default = rule.examples_wrong if wrong else rule.examples_right
        agency = rule.examples_wrong_agency if wrong else rule.examples_right_agency
        duden = rule.examples_wrong_duden if wrong else rule.examples_right_duden
        cases += [(rule, DEFAULT, text) for text in default]
        cases += [(rule, AGENCY, text) for text in agency]
        cases += [(rule, DUDEN, text) for text in duden]
    return cases


def _case_id(case: tuple[Rule, Profile, str]) -> str:
    rule, profile, text = case
    return f"{rule.id}-{profile.convention}-{text[:40]}"


@pytest.mark.parametrize("case", _cases(wrong=True), ids=_case_id)
def test_wrong_example_is_flagged(case: tuple[Rule, Profile, str]) -> None:
    rule, profile, text = case
    found = [issue for issue in run_house_rules(text, profile) if issue.rule == rule.id]
    assert found, f"{rule.id} finds nothing in {text!r}"


@pytest.mark.parametrize("case", _cases(wrong=False), ids=_case_id)
def test_right_example_is_clean(case: tuple[Rule, Profile, str]) -> None:
    rule, profile, text = case
    found = [issue for issue in run_house_rules(text, profile) if issue.rule == rule.id]
    assert found == [], f"{rule.id} wrongly flags {[issue.text for issue in found]} in {text!r}"


def test_rules_are_described() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert re.fullmatch(r"HOUSE_[A-Z_]+", rule.id)
        assert rule.category.id.startswith("HOUSE_") and rule.category.name
        assert rule.type in {"style", "typographical", "grammar", "misspelling", "inconsistency", "duplication"}
        assert rule.severity in {"error", "warning", "info"}
        wrong = rule.examples_wrong or rule.examples_wrong_agency or rule.examples_wrong_duden
        assert wrong, f"{rule.id} has no wrong example"
        assert rule.examples_right, f"{rule.id} has no right example for the default profile"


def test_findings_are_issue_records() -> None:
    text = "Kiew und Putin\n\nMoskau, 28. März, IRNA – „Wir sind bereit“, sagte Araghchi.\n\n9407"
    issues = run_house_rules(text, AGENCY)
    assert {"HOUSE_DATELINE", "HOUSE_QUOTE_STYLE", "HOUSE_NAME_SPELLING", "HOUSE_STRAY_CODE"} <= {
        issue.rule for issue in issues
    }
    assert issues == sorted(issues, key=lambda issue: issue.offset)
    lines = text.split("\n")
    for issue in issues:
        assert text[issue.offset : issue.end] == issue.text
        assert lines[issue.line - 1][issue.column - 1 :].startswith(issue.text.split("\n")[0])
        assert issue.source == "house"
        assert issue.url is None
        assert issue.rule_description and issue.message


def test_dateline_dash_is_reported_once() -> None:
    text = "Moskau, 28. März, IRNA – Rohani traf Putin – und Lawrow."
    issues = run_house_rules(text, AGENCY)
    dashes = [issue for issue in issues if issue.rule == "HOUSE_DASH"]
    assert [issue.offset for issue in dashes] == [text.index("– und")]
    assert [issue.rule for issue in issues if issue.offset == 0] == ["HOUSE_DATELINE"]


def test_profile_disables_and_reweights_house_rules(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.toml"
    path.write_text(
        'extends = "default"\n[rules]\ndisabled = ["HOUSE_STRAY_CODE"]\nseverity = { HOUSE_DATELINE = "info" }\n',
        encoding="utf-8",
    )
    profile = load_profile(path)
    text = "Moskau, 28. März, IRNA – Rohani traf Putin.\n\n9407"
    by_rule = {issue.rule: issue for issue in run_house_rules(text, profile)}
    assert "HOUSE_STRAY_CODE" not in by_rule
    assert by_rule["HOUSE_DATELINE"].severity == "info"
    assert {issue.rule for issue in run_house_rules(text, DEFAULT)} >= {"HOUSE_STRAY_CODE"}
