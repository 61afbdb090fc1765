"""Position arithmetic: LanguageTool's UTF-16 offsets to code points, and offsets to line:column."""

from __future__ import annotations

import unicodedata
from bisect import bisect_right


class Utf16Map:
    """Converts UTF-16 code-unit offsets into code-point offsets for one text.

    Java strings count characters outside the Basic Multilingual Plane (emoji, mathematical
    letters) as two units; Python counts them as one. The map is immutable, so one instance
    can serve many threads.
    """

    def __init__(self, text: str) -> None:
        # UTF-16 offsets at which each astral character starts, in order.
        self._astral_starts: list[int] = []
        units = 0
        for char in text:
            if ord(char) > 0xFFFF:
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

    def span(self, utf16_offset: int, utf16_length: int) -> tuple[int, int]:
        """(offset, length) in code points for a UTF-16 (offset, length) pair."""
        start = self.to_code_points(utf16_offset)
        end = self.to_code_points(utf16_offset + utf16_length)
        return start, end - start


def utf16_length(text: str) -> int:
    """Length of `text` as Java (and LanguageTool) counts it."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """1-based line and column (in code points) for offsets into one text.

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
        self._line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of a code-point offset, both 1-based."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

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
