"""What a house rule is: an id, German texts, a severity, examples, and a function that finds its findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from checker.house.article import Article
from checker.house.profile import Profile
from checker.records import Category, Severity


@dataclass(frozen=True)
class Finding:
    """What a rule found: a span of the text, the message, and fixes if there are any."""

    offset: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()


Scope = Literal["span", "sentence", "text"]
FindFunction = Callable[[Article, Profile], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A house rule.

    `examples_wrong` must each produce at least one finding of this rule and `examples_right`
    none, checked with the default profile (typography: `auto`); the ``_agency`` and ``_duden``
    lists likewise with the strict conventions (the built-in agency and duden profiles). One
    parametrised test in tests/house runs them all.
    """

    id: str
    description: str
    category: Category
    type: str
    severity: Severity
    find: FindFunction
    examples_wrong: tuple[str, ...] = ()
    examples_right: tuple[str, ...] = ()
    # What a finding is about: its words ("span"), a whole sentence, or the whole text. The
    # page marks the latter two where they start instead of underlining them.
    scope: Scope = "span"
    examples_wrong_agency: tuple[str, ...] = ()
    examples_right_agency: tuple[str, ...] = ()
    examples_wrong_duden: tuple[str, ...] = ()
    examples_right_duden: tuple[str, ...] = ()


WIRE = Category("HOUSE_WIRE", "Agenturformat")
QUOTES = Category("HOUSE_QUOTES", "Anführungszeichen")
NAMES = Category("HOUSE_NAMES", "Namen")
WORDING = Category("HOUSE_WORDING", "Schreibweise und Wortwahl")
DUPLICATION = Category("HOUSE_DUPLICATION", "Wortdopplung")
SENTENCES = Category("HOUSE_SENTENCES", "Satzlänge")
NUMBERS = Category("HOUSE_NUMBERS", "Zahlen")
TYPOGRAPHY = Category("HOUSE_TYPOGRAPHY", "Typografie")
