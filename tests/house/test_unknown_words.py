"""Words the speller does not know: names and compounds become notes, typing slips stay errors."""

from __future__ import annotations

import pytest

from checker.house import load_profile
from checker.house.speller import apply_names, confirm_name_variants
from checker.house.unknown_words import one_slip_apart
from checker.records import Category, Issue

DEFAULT = load_profile()
TYPOS = Category("TYPOS", "Mögliche Tippfehler")


def speller(text: str, word: str, replacements: tuple[str, ...], *, nth: int = 0) -> Issue:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(word, offset + 1)
    return Issue(
        offset=offset,
        length=len(word),
        line=1,
        column=offset + 1,
        text=word,
        rule="GERMAN_SPELLER_RULE",
        rule_description="Möglicher Rechtschreibfehler",
        category=TYPOS,
        type="misspelling",
        severity="error",
        message="Möglicher Tippfehler gefunden.",
        replacements=replacements,
    )


@pytest.mark.parametrize(
    ("text", "word", "replacements", "rule"),
    [
        ("Sprecher Ahmad Wahidi sagte, es sei ruhig.", "Wahidi", ("Tahiti", "Wadi"), "HOUSE_UNKNOWN_NAME"),
        ("Außenministerin Kaja Kallasova reiste ab.", "Kallasova", ("Kassava",), "HOUSE_UNKNOWN_NAME"),
        ("Das Treffen fand in Tschornomorsk statt.", "Tschornomorsk", (), "HOUSE_UNKNOWN_NAME"),
        (
            "Die Schiffe lagen an den Kaikanten fest.",
            "Kaikanten",
            ("Kai kanten", "Markanten"),
            "HOUSE_UNKNOWN_COMPOUND",
        ),
        ("Die Regirung plant eine Reform.", "Regirung", ("Regierung",), "GERMAN_SPELLER_RULE"),
        ("Das ist ein Fehlr.", "Fehlr", ("Fehler",), "GERMAN_SPELLER_RULE"),
        # A near miss of a dictionary name stays an error, with the dictionary's spelling first.
        ("Außenminister Araghchi reist nach Genf.", "Araghchi", ("Arachis",), "GERMAN_SPELLER_RULE"),
    ],
)
def test_unknown_words_are_classified(text: str, word: str, replacements: tuple[str, ...], rule: str) -> None:
    [issue] = apply_names([speller(text, word, replacements)], DEFAULT, text)
    assert issue.rule == rule
    if rule.startswith("HOUSE_UNKNOWN"):
        assert issue.severity == "info" and issue.source == "house" and issue.replacements == ()
    if word == "Araghchi":
        assert issue.replacements[0] == "Araghtschi"


def test_a_repeated_typo_stays_an_error_and_a_repeated_name_becomes_a_note() -> None:
    text = "Die Regirung tagt. Die Regirung schweigt. Wahidi kam. Wahidi ging."
    issues = [
        speller(text, "Regirung", ("Regierung",)),
        speller(text, "Regirung", ("Regierung",), nth=1),
        speller(text, "Wahidi", ("Tahiti",)),
        speller(text, "Wahidi", ("Tahiti",), nth=1),
    ]
    assert [issue.rule for issue in apply_names(issues, DEFAULT, text)] == [
        "GERMAN_SPELLER_RULE",
        "GERMAN_SPELLER_RULE",
        "HOUSE_UNKNOWN_NAME",
        "HOUSE_UNKNOWN_NAME",
    ]


def test_a_known_name_is_no_finding() -> None:
    text = "Wladimir Putin sprach."
    assert apply_names([speller(text, "Putin", ("Puten",))], DEFAULT, text) == []


@pytest.mark.parametrize(
    ("word", "other", "expected"),
    [
        ("Regirung", "Regierung", True),
        ("Fehlr", "Fehler", True),
        ("Hasu", "Haus", True),
        ("Wahidi", "Tahiti", False),
        ("Wahidi", "Wadi", False),
        ("Haus", "Haus", False),
    ],
)
def test_one_slip_apart(word: str, other: str, expected: bool) -> None:
    assert one_slip_apart(word, other) is expected


def test_a_name_variant_needs_a_word_the_speller_does_not_know() -> None:
    variant = speller("x", "x", ("Regirung",))
    variant = Issue(**{**variant.__dict__, "rule": "HOUSE_NAME_VARIANT", "offset": 4, "length": 9, "text": "Regierung"})
    # "Regierung" is an ordinary word: a typo "Regirung" elsewhere does not make it a variant.
    assert confirm_name_variants([variant], unknown_spans=set(), profile=DEFAULT) == []
    assert confirm_name_variants([variant], unknown_spans={(4, 9)}, profile=DEFAULT) == [variant]
