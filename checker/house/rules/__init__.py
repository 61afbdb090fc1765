"""The house rules, in the order their findings win when two mark the same span."""

from __future__ import annotations

from checker.house.rules.base import Finding, Rule, Scope
from checker.house.rules.dateline import DATELINE, DATELINE_MISSING
from checker.house.rules.doubled_words import DOUBLED_WORD
from checker.house.rules.numbers import NUMBER_GROUPING, NUMBER_WORDS_RULE
from checker.house.rules.proper_names import NAME_SPELLING, NAME_VARIANT
from checker.house.rules.quotes import QUOTE_BALANCE, QUOTE_STYLE
from checker.house.rules.sentence_length import SENTENCE_LENGTH
from checker.house.rules.stray_code import STRAY_CODE
from checker.house.rules.typography import DASH, NARROW_SPACE, PERCENT
from checker.house.rules.wording import AVOID, SPELLING
from checker.records import Issue

RULES: tuple[Rule, ...] = (
    DATELINE,
    DATELINE_MISSING,
    STRAY_CODE,
    QUOTE_BALANCE,
    DOUBLED_WORD,
    SPELLING,
    AVOID,
    NAME_VARIANT,
    NAME_SPELLING,
    NUMBER_WORDS_RULE,
    NUMBER_GROUPING,
    QUOTE_STYLE,
    DASH,
    PERCENT,
    NARROW_SPACE,
    SENTENCE_LENGTH,
)

RULES_BY_ID = {rule.id: rule for rule in RULES}


def scope_of(issue: Issue) -> Scope:
    """What a finding is about: "span" (its words), "sentence" or "text" (see house.rules.base)."""
    rule = RULES_BY_ID.get(issue.rule) if issue.source == "house" else None
    return rule.scope if rule is not None else "span"


__all__ = ["RULES", "RULES_BY_ID", "Finding", "Rule", "scope_of"]
