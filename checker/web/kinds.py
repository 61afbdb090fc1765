"""Sorts findings into the kinds the page colours them by, with their German names."""

from __future__ import annotations

from dataclasses import dataclass

from checker.languagetool import custom_rule_ids
from checker.records import Issue


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    description: str


KINDS: tuple[Kind, ...] = (
    Kind("spelling", "Rechtschreibung", "Tippfehler, unbekannte Wörter, Groß- und Kleinschreibung"),
    Kind("grammar", "Grammatik", "Beugung, Kongruenz, Satzbau, verwechselte Wörter"),
    Kind("punctuation", "Zeichensetzung", "Kommas, Satzzeichen, Leerzeichen und Typografie"),
    Kind("style", "Stil", "Wortwahl, Wiederholungen, Umgangssprache und Sonstiges"),
    Kind("house", "Hausregeln", "Regeln unserer Redaktion"),
    Kind("model", "Modell", "Vom statistischen Modell vermutet: Beugung, Verbform, Wortstellung, Schreibung"),
)
KINDS_BY_ID = {kind.id: kind for kind in KINDS}

# LanguageTool's German category ids; anything not listed counts as style.
_SPELLING_CATEGORIES = frozenset({"TYPOS", "CASING", "COMPOUNDING", "EMPFOHLENE_RECHTSCHREIBUNG", "OLD_SPELLING"})
_GRAMMAR_CATEGORIES = frozenset({"GRAMMAR", "CONFUSED_WORDS"})
_PUNCTUATION_CATEGORIES = frozenset({"PUNCTUATION", "TYPOGRAPHY", "HILFESTELLUNG_KOMMASETZUNG"})
_PUNCTUATION_TYPES = frozenset({"typographical", "whitespace", "punctuation"})


def is_ours(issue: Issue) -> bool:
    """Whether the newsroom's own rules found it: the house rules in Python, or ours inside
    LanguageTool (checker/languagetool/rule_files)."""
    return issue.source == "house" or issue.rule.partition("[")[0] in custom_rule_ids()


def kind_of(issue: Issue) -> Kind:
    if issue.source == "house":
        return KINDS_BY_ID["house"]
    if issue.source == "model":
        return KINDS_BY_ID["model"]
    category = issue.category.id
    if issue.type == "misspelling" or category in _SPELLING_CATEGORIES:
        return KINDS_BY_ID["spelling"]
    if issue.type == "grammar" or category in _GRAMMAR_CATEGORIES:
        return KINDS_BY_ID["grammar"]
    if issue.type in _PUNCTUATION_TYPES or category in _PUNCTUATION_CATEGORIES:
        return KINDS_BY_ID["punctuation"]
    return KINDS_BY_ID["style"]
