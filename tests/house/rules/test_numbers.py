"""Numbers in names, models, scores and identifiers are no number-style findings; counts are."""

from __future__ import annotations

import pytest

from checker.house import load_profile
from checker.house.run_rules import run_house_rules

DATELINE = "Berlin (dpa) - "


def number_findings(sentence: str) -> list[tuple[str, str, tuple[str, ...]]]:
    issues = run_house_rules(DATELINE + sentence, load_profile())
    return [(issue.rule, issue.text, issue.replacements) for issue in issues if issue.rule.startswith("HOUSE_NUMBER")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Der FC Schalke 04 gewann in Gelsenkirchen.",
        "Bayer 04 Leverkusen verlor am Samstag.",
        "Apollo 11 landete 1969 auf dem Mond.",
        "Die Formel 1 fährt in Monza, die Formel 1 ist teuer.",
        "Formel 1 ist ein teurer Sport.",
        "Airbus liefert die A320 aus, das Spiel endete 2:1.",
        "Microsoft bringt Windows 11 heraus.",
        "Nach Paragraf 218 und Artikel 5 des Gesetzes ist Level 3 erreicht.",
        "Mit iOS 9 hat Apple das iPhone 7 verbessert, die Ligue 1 spielt.",
        "Der Sender Puls 4 zeigt die Debatte, das Galaxy Note 4 oder die Playstation 4 auch.",
        "Das Gericht entschied (1 R 77/15y) gegen den Kläger.",
        "Er kam auf 13 Punkte und 7 Rebounds.",
        "Der Modus (2 Sprünge/15 km) wurde verändert.",
        "Build 10572 bringt neue Funktionen.",
        "Das Handy hat 2 GB Arbeitsspeicher und 10 Gbit/s.",
        "Die Wohnung kostet 2000 Euro pro 1 m² und liegt 3 km² vom Zentrum.",
        "Die Botschaft lädt für den 8 Juli und ab 10 Sept. ein.",
        "Post an Maria Müller Bahnhofsstraße 12 Stadt X oder Müllergasse 3 Wien.",
        "Anschrift: Computer-Spezialist Odenwaldstraße 5 53119 Bonn, Zentralplatz 1a, 12345 Stadt X.",
        "Anschrift: Bahnhofstr. 101 65185 Wiesbaden.",
    ],
)
def test_numbers_that_belong_to_a_name_or_code_are_not_findings(sentence: str) -> None:
    assert number_findings(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "number", "word"),
    [
        ("Am Montag nahm die Polizei 3 Männer fest.", "3", "drei"),
        ("Rund 3 Menschen warteten.", "3", "drei"),
        ("Es gab Tote. 5 Menschen starben.", "5", "Fünf"),
        ("Bei dem Unfall wurden z. B. 3 Kinder verletzt.", "3", "drei"),
        ("Ziegler kam auf 7 Stimmen.", "7", "sieben"),
    ],
)
def test_counts_are_still_written_out(sentence: str, number: str, word: str) -> None:
    assert number_findings(sentence) == [("HOUSE_NUMBER_WORDS", number, (word,))]


def test_long_counts_still_get_their_thousands_separator() -> None:
    assert number_findings("Rund 15000 Menschen kamen.") == [("HOUSE_NUMBER_GROUPING", "15000", ("15.000",))]
    assert number_findings("Im Jahr 2019 kamen 15000 Menschen.") == [("HOUSE_NUMBER_GROUPING", "15000", ("15.000",))]


def test_counts_beside_a_month_or_a_street_word_are_still_counts() -> None:
    """A month or a street only keeps the digits right before or after it."""
    assert number_findings("Im Juli kamen 3 Minister in die Mariahilfer Straße.") == [
        ("HOUSE_NUMBER_WORDS", "3", ("drei",))
    ]
    assert number_findings("Die Straße blieb 3 Tage gesperrt.") == [("HOUSE_NUMBER_WORDS", "3", ("drei",))]
