"""Turns a left-to-right walk over a file into parts: which whitespace is content, where paragraphs break.

Every format reader walks its file once from start to end and tells a `Sink` what each next slice
is (markup, text, an escape) and where a part of known role (headline, dateline, body …) opens and
closes. The `FlowBuilder` decides how whitespace reads: whitespace at the edge of a paragraph
belongs to the markup around it, a paragraph break reads as "\\n\\n", and in markup formats a line
break with indentation inside a paragraph reads as one space. It records each role's span in
plain-text offsets, from its first to its last character of content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Protocol

from checker.formats.document import Part, Region, RegionKind

# Whitespace that markup formats treat as layout. No-break space and friends are content.
LAYOUT_WHITESPACE = " \t\n\r\f"
# Content is cut into chunks that start and end with a visible character; the whitespace
# between chunks is what needs a decision. Spaces inside a chunk stay text; in verbatim text
# every inner whitespace does.
_CHUNKS = re.compile(r"[^ \t\n\r\f]+(?: +[^ \t\n\r\f]+)*|[ \t\n\r\f]+")
_VERBATIM_CHUNKS = re.compile(r"[^ \t\n\r\f]+(?:[ \t\n\r\f]+[^ \t\n\r\f]+)*|[ \t\n\r\f]+")
# A blank line: where text without paragraph markup starts a new paragraph.
_BLANK_LINE = re.compile(r"\n[ \t\r\f]*\n|\r[ \t\f]*\r")

PARAGRAPH = 2
LINE = 1


class Sink(Protocol):
    """What a format reader reports, slice by slice; each call covers the source up to `end`.

    `open_region` and `close_region` bracket a part of known role; they nest and cover no source.
    """

    def markup(self, end: int, *, word_break: bool = False) -> None: ...

    def text(self, end: int, *, verbatim: bool = False, blank_lines: bool = False) -> None: ...

    def char(self, end: int, value: str) -> None: ...

    def escaped_text(self, end: int, value: str, *, verbatim: bool = False) -> None: ...

    def brk(self, level: int = PARAGRAPH) -> None: ...

    def open_region(self, kind: RegionKind) -> None: ...

    def close_region(self) -> None: ...


# space: spaces, checked as written; layout: whitespace with a line break, reads as one space;
# word_break: markup between two words, reads as one space; escape: an escaped whitespace.
_Kind = Literal["markup", "space", "layout", "word_break", "escape"]


@dataclass(frozen=True)
class _Pending:
    start: int
    end: int
    kind: _Kind
    value: str = ""


class FlowBuilder:
    """Collects the parts of one source text (or of the slice `start:end` of it); implements `Sink`.

    `text(end, verbatim=False)`: the slice is checked text. Spaces inside a paragraph stay text
    (so a doubled space is still found); a whitespace run with a line break or tab reads as one
    space. With `verbatim=True` (plain-text fields) all inner whitespace stays as it is; with
    `blank_lines=True` (text without paragraph markup) a blank line breaks the paragraph.
    `char(end, value)`: the slice is an escape or entity that stands for `value`.
    `escaped_text(end, value)`: like `text`, for text that reached us escaped (JSON strings).
    `markup(end)`: the slice is not checked; with `word_break=True` it separates words (reads
    as a space unless whitespace is next to it). `brk()`: a paragraph (or, with `LINE`, line) ends.
    """

    def __init__(self, source: str, *, start: int = 0, end: int | None = None) -> None:
        self._source = source
        self._end = len(source) if end is None else end
        self._parts: list[Part] = []
        self._text_run: list[str] = []
        self._pos = start
        self._pending: list[_Pending] = []
        self._break = 0
        self._started = False
        self._plain_length = 0
        # Open regions, innermost last: their kind and plain start (None until content comes).
        self._open_regions: list[tuple[RegionKind, int | None]] = []
        self._regions: list[Region] = []

    @property
    def regions(self) -> tuple[Region, ...]:
        """The closed regions that hold content, in the order they start."""
        unique = dict.fromkeys(self._regions)  # a field and the body element inside it may coincide
        return tuple(sorted(unique, key=lambda region: (region.start, -region.end)))

    def markup(self, end: int, *, word_break: bool = False) -> None:
        start = self._advance(end)
        if end > start:
            self._pending.append(_Pending(start, end, "word_break" if word_break else "markup"))

    def text(self, end: int, *, verbatim: bool = False, blank_lines: bool = False) -> None:
        start = self._advance(end)
        chunks = _VERBATIM_CHUNKS if verbatim else _CHUNKS
        for run in chunks.finditer(self._source, start, end):
            if run.group()[0] in LAYOUT_WHITESPACE:
                literal = verbatim or not run.group().strip(" ")
                self._pending.append(_Pending(run.start(), run.end(), "space" if literal else "layout"))
                if blank_lines and _BLANK_LINE.search(run.group()):
                    self.brk(PARAGRAPH)
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

    def open_region(self, kind: RegionKind) -> None:
        self._open_regions.append((kind, None))

    def close_region(self) -> None:
        kind, start = self._open_regions.pop()
        if start is not None:
            self._regions.append(Region(kind, start, self._plain_length))

    def finish(self) -> tuple[Part, ...]:
        """The parts; the walk must have covered the whole source (or slice)."""
        if self._pos != self._end:
            raise ValueError(f"walk stopped at {self._pos} of {self._end} characters")
        while self._open_regions:
            self.close_region()
        self._flush_gap("")
        self._flush_text_run()
        return tuple(self._parts)

    def _advance(self, end: int) -> int:
        start = self._pos
        if end < start or end > self._end:
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
        self._open_regions = [
            (kind, self._plain_length if begun is None else begun) for kind, begun in self._open_regions
        ]
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
        """Whitespace and inline markup between two pieces of content in one paragraph.

        Spaces next to a line break (in a JSON string the break is an escape, the indentation
        after it literal) are layout too: the whole gap reads as one space.
        """
        layout = any(item.kind == "layout" for item in self._pending)
        spaced = any(item.kind == "escape" or (item.kind == "space" and not layout) for item in self._pending)
        for item in self._pending:
            source = self._source[item.start : item.end]
            if item.kind == "space" and not layout:
                self._emit(Part(source, markup=False))
            elif item.kind == "escape":
                self._emit(Part(source, markup=True, interpret_as=item.value))
            elif item.kind in ("layout", "word_break"):
                self._emit(Part(source, markup=True, interpret_as="" if spaced else " "))
                spaced = True
            else:
                self._emit(Part(source, markup=True))
        self._pending.clear()

    def _emit(self, part: Part) -> None:
        self._plain_length += len(part.plain)
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
