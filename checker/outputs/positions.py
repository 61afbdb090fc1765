"""Where a finding starts and ends in its file, with columns counted the way each output format
counts them: code points (ours), UTF-16 code units (SARIF's default) or UTF-8 bytes (reviewdog)."""

from __future__ import annotations

from typing import Literal

from checker.outputs.repository import is_file
from checker.records import Issue
from checker.text.offsets import LineIndex, utf16_length

ColumnUnit = Literal["code points", "utf-16", "utf-8"]
UTF8_BOM = b"\xef\xbb\xbf"


def has_byte_order_mark(path: str, text: str) -> bool:
    """Whether the file at `path` starts with a UTF-8 BOM that its text, as read, no longer holds."""
    if text.startswith("\ufeff") or not is_file(path):
        return False
    try:
        with open(path, "rb") as handle:
            return handle.read(len(UTF8_BOM)) == UTF8_BOM
    except OSError:
        return False


class Positions:
    """Line and column of offsets into one report's text; ends are exclusive. With `bom`, byte
    columns on line 1 count the 3 bytes of a BOM the file has before the text."""

    def __init__(self, text: str, unit: ColumnUnit = "code points", *, bom: bool = False) -> None:
        self._text = text
        self._lines = LineIndex(text)
        self._unit = unit
        self._first_line_bytes = len(UTF8_BOM) if bom and unit == "utf-8" else 0

    def at(self, offset: int) -> tuple[int, int]:
        line, column = self._lines.position(offset)
        if self._unit == "code points":
            return line, column
        before = self._text[self._lines.line_start(line) : offset]
        if self._unit == "utf-16":
            return line, utf16_length(before) + 1
        lead = self._first_line_bytes if line == 1 else 0
        return line, lead + len(before.encode("utf-8", "surrogatepass")) + 1

    def start(self, issue: Issue) -> tuple[int, int]:
        return self.at(issue.offset)

    def end(self, issue: Issue) -> tuple[int, int]:
        return self.at(issue.end)
