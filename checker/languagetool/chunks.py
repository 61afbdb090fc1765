"""Splits texts for LanguageTool: long texts into pieces it accepts (`split_text`), and a piece
into the paragraphs it analyses independently of each other (`paragraphs`)."""

from __future__ import annotations

import itertools
import re

from checker.text.offsets import Utf16Map

# Preferred cut points, best first: after a blank line, after any line end, after a sentence end,
# after any whitespace.
_BOUNDARIES = (
    re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*"),
    re.compile(r"(?:\r\n|\r|\n)"),
    re.compile(r"[.!?…][»«“”\"')\]]*\s+"),
    re.compile(r"\s+"),
)
# Where LanguageTool ends a paragraph: its sentence splitter breaks after a line end, optional
# whitespace and another line end, and a sentence that ends in "\n\n" or "\r\n\r\n" ends a
# paragraph (StringTools.isParagraphEnd). Only where the next character is not whitespace is the
# break exactly there, so only there do we cut.
_PARAGRAPH_END = re.compile(r"(?:\n\n|\r\n\r\n)(?=\S)")


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """Consecutive (start offset, piece) pairs covering `text`, each at most `limit` UTF-16 units.

    Pieces end at the best boundary available: a paragraph break if there is one in reach,
    else a line end, a sentence end, whitespace, or, for a single overlong word, anywhere
    outside a surrogate pair.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[tuple[int, str]] = []
    utf16 = Utf16Map(text)
    start = 0
    while start < len(text):
        start_units = utf16.to_utf16(start)
        if utf16.utf16_length - start_units <= limit:
            pieces.append((start, text[start:]))
            break
        # The longest window of at most `limit` units: one ending inside a surrogate pair
        # rounds down, so leaves the pair out.
        window = text[start : utf16.to_code_points(start_units + limit)]
        cut = _best_cut(window)
        pieces.append((start, text[start : start + cut]))
        start += cut
    return pieces


def _best_cut(window: str) -> int:
    for boundary in _BOUNDARIES:
        last_end = max((match.end() for match in boundary.finditer(window)), default=0)
        if last_end > 0:
            return last_end
    return max(1, len(window))


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Consecutive (start offset, paragraph) pairs covering `text`, cut only where LanguageTool
    ends a paragraph; each paragraph keeps the line ends that close it."""
    cuts = [0, *(match.end() for match in _PARAGRAPH_END.finditer(text)), len(text)]
    return [(start, text[start:end]) for start, end in itertools.pairwise(cuts) if end > start]
