"""Syllables and readability figures, against hand-counted texts."""

from __future__ import annotations

import pytest

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


def test_double_spaces_inside_lines_are_counted() -> None:
    text = "  Der Rat  tagt.   Er schweigt.\n\nEin Satz.  \nNoch  einer."
    assert text_statistics(text).double_spaces == 3
    assert text_statistics("Der Rat tagt.").double_spaces == 0
