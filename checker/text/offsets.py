"""Position arithmetic, the one place for it: offsets in code points (Python's), UTF-16 code units
(Java's, so LanguageTool's and SARIF's) and UTF-8 bytes, and line:column in any of the three."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from typing import Literal

# What a column counts: code points (ours), UTF-16 code units or UTF-8 bytes.
ColumnUnit = Literal["code points", "utf-16", "utf-8"]


class Utf16Map:
    """Converts offsets into one text between code points and UTF-16 code units, both ways.

    Java strings count characters outside the Basic Multilingual Plane (emoji, mathematical
    letters) as two units; Python counts them as one. The map is immutable, so one instance
    can serve many threads.
    """

    def __init__(self, text: str) -> None:
        # Where each astral character starts, in code points and in UTF-16 units, in order.
        self._astral_indices: list[int] = []
        self._astral_starts: list[int] = []
        units = 0
        for index, char in enumerate(text):
            if ord(char) > 0xFFFF:
                self._astral_indices.append(index)
                self._astral_starts.append(units)
                units += 2
            else:
                units += 1
        self.utf16_length = units
        self.length = len(text)

    def to_code_points(self, utf16_offset: int) -> int:
        """Code-point offset of `utf16_offset`; an offset inside a surrogate pair rounds down."""
        if not 0 <= utf16_offset <= self.utf16_length:
            raise ValueError(f"UTF-16 offset {utf16_offset} outside 0..{self.utf16_length}")
        # Each astral character starting before the offset took one unit more than one code
        # point; one whose low surrogate the offset points at is thereby rounded down.
        return utf16_offset - bisect_right(self._astral_starts, utf16_offset - 1)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of the code-point offset `offset`."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0..{self.length}")
        return offset + bisect_left(self._astral_indices, offset)

    def span(self, utf16_offset: int, utf16_length: int) -> tuple[int, int]:
        """(offset, length) in code points for a UTF-16 (offset, length) pair."""
        start = self.to_code_points(utf16_offset)
        end = self.to_code_points(utf16_offset + utf16_length)
        return start, end - start


def utf16_length(text: str) -> int:
    """Length of `text` as Java (and LanguageTool) counts it."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def utf8_length(text: str) -> int:
    """Length of `text` in UTF-8 bytes; a lone surrogate counts the 3 bytes it is written with."""
    return len(text.encode("utf-8", "surrogatepass"))


def _length_in(text: str, unit: ColumnUnit) -> int:
    """Length of `text` counted in `unit`."""
    if unit == "utf-16":
        return utf16_length(text)
    if unit == "utf-8":
        return utf8_length(text)
    return len(text)


class LineIndex:
    """1-based line and column for code-point offsets into one text, the column counted in code
    points, UTF-16 units or UTF-8 bytes.

    LF, CRLF and a lone CR each end a line, as editors and compilers count them.
    """

    def __init__(self, text: str) -> None:
        starts = [0]
        index = 0
        length = len(text)
        while index < length:
            char = text[index]
            if char == "\r":
                if index + 1 < length and text[index + 1] == "\n":
                    index += 1
                starts.append(index + 1)
            elif char == "\n":
                starts.append(index + 1)
            index += 1
        self._text = text
        self._line_starts = starts

    def position(self, offset: int, unit: ColumnUnit = "code points") -> tuple[int, int]:
        """(line, column) of a code-point offset, both 1-based, the column counted in `unit`."""
        line = bisect_right(self._line_starts, offset)
        start = self._line_starts[line - 1]
        if unit == "code points":
            return line, offset - start + 1
        return line, _length_in(self._text[start:offset], unit) + 1

    def line_start(self, line: int) -> int:
        """Code-point offset at which 1-based `line` starts."""
        return self._line_starts[line - 1]


_ZWJ = "\u200d"


def _is_extender(char: str) -> bool:
    """Characters that belong to the one before them: combining marks, variation selectors,
    emoji skin-tone modifiers and the zero-width joiner."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or "\ufe00" <= char <= "\ufe0f"
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or char == _ZWJ
    )


def widen_to_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so it neither splits a base letter from its accents nor an emoji sequence.

    LanguageTool may flag "Cafe" in "Cafe\u0301"; replacing just that would leave a stray accent.
    """
    if start == end:
        return start, end
    while start > 0 and start < len(text) and _is_extender(text[start]):
        start -= 1
    while end < len(text) and _is_extender(text[end]):
        end += 2 if text[end] == _ZWJ and end + 1 < len(text) else 1
    return start, end
