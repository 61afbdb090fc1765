"""Where a finding starts and ends in its file, with columns counted the way each output format
counts them (checker.text.offsets): code points (ours), UTF-16 code units (SARIF's default) or
UTF-8 bytes (reviewdog), the bytes of a byte order mark the file has before its text included."""

from __future__ import annotations

from checker.outputs.repository import is_file
from checker.records import Issue
from checker.text.offsets import ColumnUnit, LineIndex

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
        self._lines = LineIndex(text)
        self._unit = unit
        self._first_line_bytes = len(UTF8_BOM) if bom and unit == "utf-8" else 0

    def at(self, offset: int) -> tuple[int, int]:
        line, column = self._lines.position(offset, self._unit)
        return line, column + (self._first_line_bytes if line == 1 else 0)

    def start(self, issue: Issue) -> tuple[int, int]:
        return self.at(issue.offset)

    def end(self, issue: Issue) -> tuple[int, int]:
        return self.at(issue.end)
