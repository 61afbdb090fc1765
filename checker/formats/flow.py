"""Turns a left-to-right walk over a file into parts: which whitespace is content, where paragraphs break.

Every format reader walks its file once from start to end and tells a `Sink` what each next slice
is (markup, text, an escape). The `FlowBuilder` decides how whitespace reads: whitespace at the
edge of a paragraph belongs to the markup around it, a paragraph break reads as "\\n\\n", and in
markup formats a line break with indentation inside a paragraph reads as one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Protocol

from checker.formats.document import Part

# Whitespace that markup formats treat as layout. No-break space and friends are content.
LAYOUT_WHITESPACE = " \t\n\r\f"
# Content is cut into chunks that start and end with a visible character; the whitespace
# between chunks is what needs a decision. Spaces inside a chunk stay text; in verbatim text
# every inner whitespace does.
_CHUNKS = re.compile(r"[^ \t\n\r\f]+(?: +[^ \t\n\r\f]+)*|[ \t\n\r\f]+")
_VERBATIM_CHUNKS = re.compile(r"[^ \t\n\r\f]+(?:[ \t\n\r\f]+[^ \t\n\r\f]+)*|[ \t\n\r\f]+")

PARAGRAPH = 2
LINE = 1


class Sink(Protocol):
    """What a format reader reports, slice by slice; each call covers the source up to `end`."""

    def markup(self, end: int) -> None: ...

    def text(self, end: int, *, verbatim: bool = False) -> None: ...

    def char(self, end: int, value: str) -> None: ...

    def escaped_text(self, end: int, value: str, *, verbatim: bool = False) -> None: ...

    def brk(self, level: int = PARAGRAPH) -> None: ...


_Kind = Literal["markup", "space", "layout", "escape"]


@dataclass(frozen=True)
class _Pending:
    start: int
    end: int
    kind: _Kind
    value: str = ""


class FlowBuilder:
    """Collects the parts of one source text; implements `Sink`.

    `text(end, verbatim=False)`: the slice is checked text. Spaces inside a paragraph stay text
    (so a doubled space is still found); a whitespace run with a line break or tab reads as one
    space. With `verbatim=True` (plain-text fields) all inner whitespace stays as it is.
    `char(end, value)`: the slice is an escape or entity that stands for `value`.
    `escaped_text(end, value)`: like `text`, for text that reached us escaped (JSON strings).
    `markup(end)`: the slice is not checked. `brk()`: a paragraph (or, with `LINE`, line) ends.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._parts: list[Part] = []
        self._text_run: list[str] = []
        self._pos = 0
        self._pending: list[_Pending] = []
        self._break = 0
        self._started = False

    def markup(self, end: int) -> None:
        start = self._advance(end)
        if end > start:
            self._pending.append(_Pending(start, end, "markup"))

    def text(self, end: int, *, verbatim: bool = False) -> None:
        start = self._advance(end)
        chunks = _VERBATIM_CHUNKS if verbatim else _CHUNKS
        for run in chunks.finditer(self._source, start, end):
            if run.group()[0] in LAYOUT_WHITESPACE:
                literal = verbatim or not run.group().strip(" ")
                self._pending.append(_Pending(run.start(), run.end(), "space" if literal else "layout"))
            else:
                self._content(run.start(), run.end(), None)

    def char(self, end: int, value: str) -> None:
        self.escaped_text(end, value, verbatim=True)

    def escaped_text(self, end: int, value: str, *, verbatim: bool = False) -> None:
        start = self._advance(end)
        if value and not value.strip(LAYOUT_WHITESPACE):
            self._pending.append(_Pending(start, end, "escape" if verbatim else "layout", value))
        else:
            self._content(start, end, value)

    def brk(self, level: int = PARAGRAPH) -> None:
        self._break = max(self._break, level)

    def finish(self) -> tuple[Part, ...]:
        """The parts; the walk must have covered the whole source."""
        if self._pos != len(self._source):
            raise ValueError(f"walk stopped at {self._pos} of {len(self._source)} characters")
        self._flush_gap("")
        self._flush_text_run()
        return tuple(self._parts)

    def _advance(self, end: int) -> int:
        start = self._pos
        if end < start or end > len(self._source):
            raise ValueError(f"slice {start}:{end} does not continue the walk")
        self._pos = end
        return start

    def _content(self, start: int, end: int, value: str | None) -> None:
        if not self._started:
            self._flush_gap("")
        elif self._break:
            self._flush_gap("\n\n" if self._break >= PARAGRAPH else "\n")
        else:
            self._flush_inner_gap()
        self._started = True
        self._break = 0
        if value is None:
            self._emit(Part(self._source[start:end], markup=False))
        else:
            self._emit(Part(self._source[start:end], markup=True, interpret_as=value))

    def _flush_gap(self, reads_as: str) -> None:
        """The whole gap becomes one markup part, e.g. ``</p>\\n<p>`` reading as a break."""
        if self._pending or reads_as:
            start = self._pending[0].start if self._pending else self._pos
            end = self._pending[-1].end if self._pending else self._pos
            self._emit(Part(self._source[start:end], markup=True, interpret_as=reads_as))
        self._pending.clear()

    def _flush_inner_gap(self) -> None:
        """Whitespace and inline markup between two pieces of content in one paragraph."""
        spaced = any(item.kind in ("space", "escape") for item in self._pending)
        for item in self._pending:
            source = self._source[item.start : item.end]
            if item.kind == "space":
                self._emit(Part(source, markup=False))
            elif item.kind == "escape":
                self._emit(Part(source, markup=True, interpret_as=item.value))
            elif item.kind == "layout":
                self._emit(Part(source, markup=True, interpret_as="" if spaced else " "))
                spaced = True
            else:
                self._emit(Part(source, markup=True))
        self._pending.clear()

    def _emit(self, part: Part) -> None:
        if not part.markup:
            self._text_run.append(part.source)
            return
        self._flush_text_run()
        self._parts.append(part)

    def _flush_text_run(self) -> None:
        """Adjacent text becomes one part."""
        if self._text_run:
            self._parts.append(Part("".join(self._text_run), markup=False))
            self._text_run.clear()
