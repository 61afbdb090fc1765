"""Text statistics for German wire copy: words, sentences, syllables and two readability scores
(Amstad's German Flesch reading ease, first Wiener Sachtextformel).

Syllables come from a vowel-group counter (see `count_syllables`), not from a hyphenation
dictionary, which leaves single letters at the word edges alone ("Abend", "Idee" come out with
one syllable) and splits "Teheran" into four.
"""

from __future__ import annotations

import re

from checker.records import TextStats
from checker.text.segments import WORD_RE, split_paragraphs, split_sentences

# Two or more spaces between characters of one line (not at its start or end).
_DOUBLE_SPACE = re.compile(r"(?<=[^\s]) {2,}(?=[^\s])")
_VOWELS = frozenset("aeiouyäöüéèêàáâíìîóòôúùû")
# Vowel pairs spoken as one syllable nucleus.
_ONE_NUCLEUS = frozenset(["ai", "au", "ay", "ei", "eu", "ey", "ie", "äu", "aa", "ee", "oo", "ou"])


def count_syllables(word: str) -> int:
    """Syllables of a German word, counted as vowel nuclei; at least 1.

    A vowel run counts one syllable per nucleus, where a nucleus is a single vowel or one of the
    pairs spoken as one sound (ai, au, ei, eu, äu, ie, aa, ee, oo, ou, ay, ey): "Feuer" has
    "eu" + "e", "Kooperation" "oo", "e", "a", "i", "o". A "u" after "q" is a consonant. Known
    misses: "-ien" ("Syrien" 2 instead of 3), "Museum" 2 instead of 3, "oo" in "Kooperation".
    Tokens without vowels (numbers, "Pkw") count one syllable.
    """
    letters = word.casefold()
    count = 0
    index = 0
    length = len(letters)
    while index < length:
        char = letters[index]
        if char in _VOWELS and not (char == "u" and index > 0 and letters[index - 1] == "q"):
            count += 1
            if index + 1 < length and letters[index : index + 2] in _ONE_NUCLEUS:
                index += 2
            else:
                index += 1
        else:
            index += 1
    return max(count, 1)


def letter_count(word: str) -> int:
    return sum(1 for char in word if char.isalpha())


def text_statistics(text: str) -> TextStats:
    """Counts and readability scores of `text`.

    Double spaces are runs of two or more spaces inside a line.

    Words are `WORD_RE` tokens, numbers included (one syllable, no letters). Scores:
    ``flesch_reading_ease`` = 180 - ASL - 58.5 * ASW (Amstad, 1978), and
    ``wiener_sachtextformel`` = 0.1935 * MS + 0.1672 * SL + 0.1297 * IW - 0.0327 * ES - 0.875
    (Bamberger/Vanecek, first formula), with ASL/SL the mean sentence length in words, ASW the
    mean syllables per word, MS the percentage of words with three or more syllables, IW of
    words with more than six letters, ES of one-syllable words. Figures are rounded to two
    decimals; scores are None for a text without words.
    """
    sentence_lengths: list[int] = []
    syllables: list[int] = []
    letters: list[int] = []
    for start, end in split_sentences(text):
        words = WORD_RE.findall(text, start, end)
        if not words:
            continue
        sentence_lengths.append(len(words))
        syllables.extend(count_syllables(word) for word in words)
        letters.extend(letter_count(word) for word in words)
    word_count = len(syllables)
    sentence_count = len(sentence_lengths)
    paragraphs = len(split_paragraphs(text))
    longest = max(sentence_lengths, default=0)
    double_spaces = len(_DOUBLE_SPACE.findall(text))
    if not word_count:
        return TextStats(
            paragraphs=paragraphs,
            sentences=sentence_count,
            longest_sentence_length=longest,
            double_spaces=double_spaces,
        )
    mean_sentence = word_count / sentence_count
    mean_syllables = sum(syllables) / word_count
    many_syllables = 100 * sum(1 for count in syllables if count >= 3) / word_count
    long_words = 100 * sum(1 for count in letters if count > 6) / word_count
    one_syllable = 100 * sum(1 for count in syllables if count == 1) / word_count
    return TextStats(
        paragraphs=paragraphs,
        sentences=sentence_count,
        words=word_count,
        syllables=sum(syllables),
        average_sentence_length=round(mean_sentence, 2),
        longest_sentence_length=longest,
        average_syllables_per_word=round(mean_syllables, 2),
        flesch_reading_ease=round(180 - mean_sentence - 58.5 * mean_syllables, 2),
        wiener_sachtextformel=round(
            0.1935 * many_syllables + 0.1672 * mean_sentence + 0.1297 * long_words - 0.0327 * one_syllable - 0.875,
            2,
        ),
        double_spaces=double_spaces,
    )
