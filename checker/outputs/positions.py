"""Where a finding starts and ends in its file, with columns counted the way each output format
counts them: code points (ours), UTF-16 code units (SARIF's default) or UTF-8 bytes (reviewdog)."""

from __future__ import annotations

from typing import Literal

from checker.records import Issue
from checker.text.offsets import LineIndex, utf16_length

ColumnUnit = Literal["code points", "utf-16", "utf-8"]


class Positions:
    """Line and column of offsets into one report's text; ends are exclusive."""

    def __init__(self, text: str, unit: ColumnUnit = "code points") -> None:
        self._text = text
        self._lines = LineIndex(text)
        self._unit = unit

    def at(self, offset: int) -> tuple[int, int]:
        line, column = self._lines.position(offset)
        if self._unit == "code points":
            return line, column
        before = self._text[self._lines.line_start(line) : offset]
        units = utf16_length(before) if self._unit == "utf-16" else len(before.encode("utf-8", "surrogatepass"))
        return line, units + 1

    def start(self, issue: Issue) -> tuple[int, int]:
        return self.at(issue.offset)

    def end(self, issue: Issue) -> tuple[int, int]:
        return self.at(issue.end)
