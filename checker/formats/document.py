"""The result of reading an input file: the original text cut into checked text and markup parts."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

# An intertitle is a heading inside the body (NITF `hl2` in body.content, HTML `h2`-`h6`).
RegionKind = Literal["headline", "subheadline", "dateline", "byline", "body", "intertitle", "caption"]
REGION_KINDS: tuple[RegionKind, ...] = (
    "headline",
    "subheadline",
    "dateline",
    "byline",
    "body",
    "intertitle",
    "caption",
)


@dataclass(frozen=True)
class Part:
    """One contiguous slice of the original file.

    `source` is the exact slice. Text parts (`markup=False`) are checked as they stand; markup
    parts are not checked and read as `interpret_as` ("\\n\\n" for a paragraph break, "&" for
    ``&amp;``, "" for a tag inside a word).
    """

    source: str
    markup: bool
    interpret_as: str = ""

    def __post_init__(self) -> None:
        if not self.markup and self.interpret_as:
            raise ValueError("a text part reads as its own source; interpret_as is for markup")

    @property
    def plain(self) -> str:
        """What this part contributes to the plain text."""
        return self.interpret_as if self.markup else self.source


@dataclass(frozen=True)
class _PlainIndex:
    text: str
    # For each part that contributes plain text: where that contribution starts in the plain
    # text, where the part starts in the source, and the part itself.
    plain_starts: tuple[int, ...]
    source_starts: tuple[int, ...]
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Region:
    """A stretch of the plain text whose role the reader knows: `start` and `end` are offsets
    into `Document.plain_text()`. The house rules use them instead of guessing from paragraph
    order (a dateline element is the dateline, an `<hl2>` a sub-headline, not the body)."""

    kind: RegionKind
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """An input file as LanguageTool should see it, with a way back to the original positions.

    ``"".join(part.source for part in parts)`` is always the original file text. Offsets are
    Unicode code points (Python string indices). The plain text reads the parts in file order,
    unless `reading_order` (indices into `parts`, each once) says otherwise: a ninjs headline
    written after the body is still read first.
    """

    format: str
    language: str | None
    parts: tuple[Part, ...]
    # Empty when the format does not say (plain text, Markdown): the house rules then read the
    # structure from the text itself.
    regions: tuple[Region, ...] = ()
    reading_order: tuple[int, ...] | None = None
    # Where the file's comments are, (start, end) into the source: `<!-- … -->` that the format
    # reads as a comment (not one shown in code, a CDATA section or a script).
    comments: tuple[tuple[int, int], ...] = ()

    def __post_init__(self) -> None:
        if self.reading_order is not None and sorted(self.reading_order) != list(range(len(self.parts))):
            raise ValueError("reading_order must name every part exactly once")

    @property
    def source(self) -> str:
        """The original file text."""
        return "".join(part.source for part in self.parts)

    def plain_text(self) -> str:
        """The text LanguageTool checks: text parts as they stand, markup as it reads."""
        return self._index.text

    def markup_spans(self) -> list[tuple[int, int, str]]:
        """Where the file holds markup, in file order: (start, end, what it reads as)."""
        spans, position = [], 0
        for part in self.parts:
            if part.markup and part.source:
                spans.append((position, position + len(part.source), part.interpret_as))
            position += len(part.source)
        return spans

    def to_source_offset(self, plain_offset: int) -> int:
        """Offset in the original text of the character at `plain_offset` in `plain_text()`.

        A character that markup stands for (an entity, a paragraph break) maps to the start of
        that markup. The end of the plain text maps to just after its last character.
        """
        index = self._index
        if not 0 <= plain_offset <= len(index.text):
            raise ValueError(f"plain offset {plain_offset} outside 0..{len(index.text)}")
        if plain_offset == len(index.text):
            return self._source_end_of_char(plain_offset - 1) if plain_offset else 0
        slot = bisect_right(index.plain_starts, plain_offset) - 1
        part = index.parts[slot]
        if part.markup:
            return index.source_starts[slot]
        return index.source_starts[slot] + plain_offset - index.plain_starts[slot]

    def to_plain_offset(self, source_offset: int) -> int:
        """Offset in `plain_text()` of the character at `source_offset` in the original text, the
        inverse of `to_source_offset`: inside markup, where what the markup reads as starts; in
        markup that reads as nothing (a tag), where the text after it starts."""
        index = self._index
        after: tuple[int, int] | None = None  # (source start, plain start) of the next part
        for plain_start, source_start, part in zip(index.plain_starts, index.source_starts, index.parts, strict=True):
            if source_start <= source_offset < source_start + len(part.source):
                return plain_start if part.markup else plain_start + source_offset - source_start
            if source_start > source_offset and (after is None or source_start < after[0]):
                after = (source_start, plain_start)
        return after[1] if after is not None else len(index.text)

    def to_source_span(self, plain_start: int, plain_end: int) -> tuple[int, int]:
        """(start, end) in the original text of the plain text span `plain_start:plain_end`.

        The span covers whole markup at its edges, so a finding on "Bürger" in
        ``B&uuml;rger`` covers the entity, and one on "Pressekonferenz" in
        ``Pres<b>se</b>konferenz`` covers the tags inside the word.
        """
        if plain_end < plain_start:
            raise ValueError(f"span end {plain_end} before start {plain_start}")
        start = self.to_source_offset(plain_start)
        if plain_end == plain_start:
            return start, start
        self.to_source_offset(plain_end)  # validates the range
        end = self._source_end_of_char(plain_end - 1)
        if end <= start:  # the span runs across parts read out of file order
            return start, self._source_end_of_char(plain_start)
        return start, end

    def annotation(self) -> list[dict[str, str]]:
        """LanguageTool's `data` parameter, in file order; adjacent parts of the same kind are merged."""
        items: list[dict[str, str]] = []
        for part in self.parts:
            if not part.source and not part.interpret_as:
                continue
            last = items[-1] if items else None
            if part.markup:
                if last is not None and "markup" in last:
                    last["markup"] += part.source
                    last["interpretAs"] += part.interpret_as
                else:
                    items.append({"markup": part.source, "interpretAs": part.interpret_as})
            elif last is not None and "text" in last:
                last["text"] += part.source
            else:
                items.append({"text": part.source})
        return items

    def _source_end_of_char(self, plain_offset: int) -> int:
        index = self._index
        slot = bisect_right(index.plain_starts, plain_offset) - 1
        part = index.parts[slot]
        if part.markup:
            return index.source_starts[slot] + len(part.source)
        return index.source_starts[slot] + plain_offset - index.plain_starts[slot] + 1

    @cached_property
    def _index(self) -> _PlainIndex:
        plain: list[str] = []
        plain_starts: list[int] = []
        source_starts: list[int] = []
        parts: list[Part] = []
        part_starts = []
        source_at = 0
        for part in self.parts:
            part_starts.append(source_at)
            source_at += len(part.source)
        order = range(len(self.parts)) if self.reading_order is None else self.reading_order
        plain_at = 0
        for index in order:
            part = self.parts[index]
            contribution = part.plain
            if contribution:
                plain.append(contribution)
                plain_starts.append(plain_at)
                source_starts.append(part_starts[index])
                parts.append(part)
                plain_at += len(contribution)
        return _PlainIndex("".join(plain), tuple(plain_starts), tuple(source_starts), tuple(parts))
