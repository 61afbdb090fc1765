"""Sentence splitting, syllables and readability figures, against hand-counted texts."""

from __future__ import annotations

import pytest

from checker.text.segments import (
    find_heading,
    split_paragraphs,
    split_sentences,
)
from checker.text.statistics import count_syllables, text_statistics

# Headline (a sentence of its own), then two body paragraphs. Hand count:
#   "Hund bellt laut"                         3 words, syllables 1+1+1
#   "Der Hund bellt."                         3 words, 1+1+1
#   "Am 28. März kam z. B. Dr. Meier nach Berlin."
#                                             10 words, 1+1+1+1+1+1+1+2+1+2 = 12
#   "Die Bundesregierung beschließt Steuererleichterungen."
#                                             4 words, 1+5+2+7 = 15
# 20 words, 4 sentences (ASL 5), 33 syllables (ASW 1.65); three or more syllables: 2 (10 %);
# more than six letters: Bundesregierung, beschließt, Steuererleichterungen (15 %);
# one syllable: 3 + 3 + 8 + 1 = 15 (75 %).
TEXT = (
    "Hund bellt laut\n\n"
    "Der Hund bellt. Am 28. März kam z. B. Dr. Meier nach Berlin.\n\n"
    "Die Bundesregierung beschließt Steuererleichterungen."
)


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_statistics_of_hand_counted_text() -> None:
    stats = text_statistics(TEXT)
    assert stats.paragraphs == 3
    assert stats.sentences == 4
    assert stats.words == 20
    assert stats.syllables == 33
    assert stats.average_sentence_length == 5.0
    assert stats.longest_sentence_length == 10
    assert stats.average_syllables_per_word == 1.65
    # 180 - 5 - 58.5 * 1.65
    assert stats.flesch_reading_ease == pytest.approx(78.475, abs=0.006)
    # 0.1935 * 10 + 0.1672 * 5 + 0.1297 * 15 - 0.0327 * 75 - 0.875
    assert stats.wiener_sachtextformel == pytest.approx(1.389, abs=0.006)


def test_statistics_of_empty_text() -> None:
    stats = text_statistics("  \n\n ")
    assert stats.words == 0 and stats.sentences == 0
    assert stats.flesch_reading_ease is None and stats.wiener_sachtextformel is None


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


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("Hund", 1),
        ("Teheran", 3),
        ("Zusammenarbeiten", 6),
        ("Feuer", 2),
        ("Bauer", 2),
        ("Präsident", 3),
        ("Idee", 2),
        ("Abend", 2),
        ("Quelle", 2),
        ("beieinander", 4),
        ("Steuererleichterungen", 7),
        ("9407", 1),
        ("Pkw", 1),
    ],
)
def test_count_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables
