"""Sentence and paragraph splitting and heading lines, against hand-counted texts."""

from __future__ import annotations

import pytest

from checker.text.segments import (
    find_heading,
    split_paragraphs,
    split_sentences,
)
from tests.text.test_statistics import TEXT


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_of_hand_counted_text() -> None:
    assert _sentences(TEXT) == [
        "Hund bellt laut",
        "Der Hund bellt.",
        "Am 28. März kam z. B. Dr. Meier nach Berlin.",
        "Die Bundesregierung beschließt Steuererleichterungen.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Am 28. März kam er an.",
        "Es gibt z. B. Kaffee.",
        "Das kostet 2,5 Mrd. Euro und 3 Mio. Dollar.",
        "Dr. Meier und Prof. Schulz kamen.",
        "Es kamen u. a. Minister bzw. Staatssekretäre.",
        "Es waren ca. 300 Menschen.",
        "Die Nr. 3 gewann.",
        "John F. Kennedy starb in Dallas.",
        "Papst Benedikt XVI. reiste nach Bayern.",
        "Der 1. FC Köln verlor.",
        "Sie fragte: «Kommst du?», und ging.",
        "Er sagte z.B. nichts.",
    ],
)
def test_no_break_inside(text: str) -> None:
    assert _sentences(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er kam. Sie ging.", ["Er kam.", "Sie ging."]),
        ("Er kam! Sie ging? Ja.", ["Er kam!", "Sie ging?", "Ja."]),
        ("«Ja!» Er ging.", ["«Ja!»", "Er ging."]),
        ("Er sagte: «Nein.» Dann ging er.", ["Er sagte: «Nein.»", "Dann ging er."]),
        ("Das war 2024. Dann kam 2025.", ["Das war 2024.", "Dann kam 2025."]),
        ("Er kam\nnach Hause. Sie nicht", ["Er kam\nnach Hause.", "Sie nicht"]),
        ("Ohne Punkt\n\nZweiter Absatz.", ["Ohne Punkt", "Zweiter Absatz."]),
        ("Absatz eins.\r\n\r\nAbsatz zwei.", ["Absatz eins.", "Absatz zwei."]),
    ],
)
def test_breaks(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_heading_lines_are_sentences() -> None:
    text = "Konflikte\nRohani und Putin in Moskau\n\nMoskau (dpa) - Beide trafen sich. Es gab Gespräche."
    assert _sentences(text) == [
        "Konflikte",
        "Rohani und Putin in Moskau",
        "Moskau (dpa) - Beide trafen sich.",
        "Es gab Gespräche.",
    ]


@pytest.mark.parametrize(
    ("text", "is_heading"),
    [
        ("Rohani trifft Putin\n\nMoskau (dpa) - Text.", True),
        ("Rohani trifft Putin?\n\nMoskau (dpa) - Text.", True),
        ("Ein ganzer Satz.\n\nNoch einer.", False),
        ("Moskau (dpa) - Kurz\n\nNoch einer.", False),
        ("Nur ein Absatz ohne Punkt", False),
        ("Eins\nZwei\nDrei\nVier\n\nText.", False),
    ],
)
def test_heading_recognition(text: str, is_heading: bool) -> None:
    heading = find_heading(text)
    assert (heading is not None) == is_heading
    if heading is not None:
        assert heading == split_paragraphs(text)[0]


def test_paragraphs_are_trimmed_spans() -> None:
    text = "  Eins.\n \t\nZwei\nzwei.\r\n\r\n\r\nDrei. "
    assert [text[start:end] for start, end in split_paragraphs(text)] == ["Eins.", "Zwei\nzwei.", "Drei."]
