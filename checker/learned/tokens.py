"""Sentences cut into tokens the way the training data (Falko-MERLIN) is tokenized: words (with
inner hyphens, apostrophes and decimal marks, and the full stop of an abbreviation or ordinal
number), and each punctuation mark on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.text.segments import ABBREVIATIONS, split_sentences

_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # "z.B.", "d.h.", "u.a."
    r"|[^\W_]+(?:(?:[-'’´]|(?<=\d)[.,](?=\d))[^\W_]+)*-?"  # a word, "Vor-" of "Vor- und Nachteile" too
    r"|\.{2,}|[^\w\s]"  # an ellipsis, any other mark
)
_ORDINAL = re.compile(r"\d{1,2}")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


@dataclass(frozen=True)
class Token:
    """A token's code-point span in the text it was cut from."""

    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with their positions in `text`."""
    end = len(text) if end is None else end
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word_start, word_end = match.span()
        if _keeps_full_stop(text, match.group(), word_end, end):
            word_end += 1
        if tokens and word_start < tokens[-1].end:  # the full stop taken by the word before
            continue
        tokens.append(Token(word_start, word_end, text[word_start:word_end]))
    return tokens


def _keeps_full_stop(text: str, word: str, word_end: int, end: int) -> bool:
    """Whether the full stop after `word` belongs to it ("z.", "usw.", "3.") rather than ending
    the sentence: never at the very end of the sentence."""
    if word_end >= end - 1 or text[word_end] != ".":
        return False
    return (
        word in ABBREVIATIONS
        or (len(word) == 1 and word.isalpha())
        or bool(_ORDINAL.fullmatch(word))
        or bool(_DOTTED.fullmatch(word))
    )


def sentences(text: str) -> list[list[Token]]:
    """The tokens of each sentence of `text` (see checker.text.segments.split_sentences)."""
    return [tokens for start, end in split_sentences(text) if (tokens := tokenize(text, start, end))]
