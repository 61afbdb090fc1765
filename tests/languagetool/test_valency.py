"""The valency table (checker/languagetool/valency.py) and the rules it writes into grammar_custom.xml.

The rules themselves run against the real engine in test_rule_files.py (every <example>)."""

from __future__ import annotations

import re

import pytest

from checker.languagetool.custom_rules import GRAMMAR_CUSTOM
from checker.languagetool.valency import (
    BEGIN,
    END,
    PREPOSITION_CASES,
    VALENCY_TABLE,
    Valency,
    render_valency_rules,
)

FLAGGED = [entry for entry in VALENCY_TABLE if entry.wrong]


def test_rule_file_holds_the_rules_the_table_gives() -> None:
    text = GRAMMAR_CUSTOM.read_text(encoding="utf-8")
    start = text.rindex("\n", 0, text.index(BEGIN)) + 1
    block = text[start : text.index(END) + len(END)]
    assert block == render_valency_rules(), "run: python -m checker.languagetool.valency"


def test_generated_rules_sit_in_the_preposition_rule_group() -> None:
    text = GRAMMAR_CUSTOM.read_text(encoding="utf-8")
    group = text.index('<rulegroup id="HOUSE_PRAEPOSITION_REKTION"')
    assert group < text.index(BEGIN) < text.index(END) < text.index("</rulegroup>", group)


def test_table_is_broad() -> None:
    assert len(VALENCY_TABLE) >= 150
    assert {entry.kind for entry in VALENCY_TABLE} == {"verb", "reflexive", "noun", "adjective", "transitive"}


@pytest.mark.parametrize("entry", VALENCY_TABLE, ids=lambda entry: f"{entry.governor}-{entry.preposition}")
def test_entry_is_consistent(entry: Valency) -> None:
    for wrong in entry.wrong + entry.doubtful:
        assert wrong in PREPOSITION_CASES, wrong
        assert wrong != entry.preposition
    assert not set(entry.wrong) & set(entry.doubtful)
    assert not entry.particle or entry.kind == "verb"
    re.compile(entry.governor)


@pytest.mark.parametrize("entry", FLAGGED, ids=lambda entry: f"{entry.governor}-{entry.wrong}")
def test_flagged_entry_has_a_wrong_and_a_correct_example(entry: Valency) -> None:
    text, _, correction = entry.example.partition(" → ")
    assert re.fullmatch(r"[^\[\]]*\[[^\[\]]+\][^\[\]]*", text), entry.example
    assert correction
    assert entry.correct and "[" not in entry.correct


def test_every_flagged_pair_becomes_rules() -> None:
    rules = render_valency_rules()
    for entry in FLAGGED:
        for wrong in entry.wrong:
            governors = rf"(?:[^:>]*\|)?{re.escape(entry.governor)}(?:\|[^:>]*)?"
            assert re.search(rf"<!-- {governors}: {wrong} → ", rules), (entry, wrong)
