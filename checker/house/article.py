"""One article as the house rules see it: its paragraphs, headline, dateline, body and sentences.

A reader that knows the file's structure (NITF, NewsML-G2, ninjs) hands over its regions; for
plain text the structure is read from the text itself (see `checker.text.segments.find_heading`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from checker.formats.document import Region
from checker.text.offsets import LineIndex
from checker.text.segments import Span, find_heading, split_paragraphs, split_sentences

_HEADING_KINDS = frozenset({"headline", "subheadline"})
_NOT_BODY_KINDS = frozenset({"headline", "subheadline", "dateline", "byline", "intertitle", "caption"})


@dataclass(frozen=True)
class Article:
    """The text with its structure; spans are (start, end) code-point offsets into `text`.

    `body` holds the body's paragraphs, without its intertitles (`intertitles`, headings inside
    the body that the reader marks); `dateline` is the reader's dateline element, if it has
    one (else a dateline, if any, opens the first body paragraph); `structured` says whether
    the structure came from the reader rather than from the text's shape.
    """

    text: str
    paragraphs: tuple[Span, ...]
    heading: Span | None
    sentences: tuple[Span, ...]
    body: tuple[Span, ...]
    dateline: Span | None = None
    structured: bool = False
    intertitles: tuple[Span, ...] = ()

    @classmethod
    def parse(cls, text: str, regions: Sequence[Region] = ()) -> Article:
        paragraphs = split_paragraphs(text)
        sentences = tuple(split_sentences(text))
        if not regions:
            heading = find_heading(text, paragraphs)
            guessed_body = paragraphs[1:] if heading is not None else paragraphs
            return cls(text, tuple(paragraphs), heading, sentences, tuple(guessed_body))
        headings = [region for region in regions if region.kind in _HEADING_KINDS]
        heading = (min(r.start for r in headings), max(r.end for r in headings)) if headings else None
        datelines = [region for region in regions if region.kind == "dateline"]
        dateline = (datelines[0].start, datelines[0].end) if datelines else None
        elsewhere = [region for region in regions if region.kind in _NOT_BODY_KINDS]
        body = tuple(
            span for span in paragraphs if not any(r.start <= span[0] < max(r.end, r.start + 1) for r in elsewhere)
        )
        intertitles = tuple((r.start, r.end) for r in regions if r.kind == "intertitle")
        return cls(text, tuple(paragraphs), heading, sentences, body, dateline, True, intertitles)

    @property
    def opening(self) -> Span | None:
        """Where the dateline is, or would be: the dateline element, else the first body paragraph."""
        if self.dateline is not None:
            return self.dateline
        return self.body[0] if self.body else None

    @property
    def article_shaped(self) -> bool:
        """Whether this reads as an article (a headline, a dateline or several paragraphs) rather
        than a sentence or a paragraph pasted alone."""
        return self.heading is not None or self.dateline is not None or len(self.body) >= 2

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def in_heading(self, offset: int) -> bool:
        """Whether `offset` is in the headline, a subheadline or an intertitle."""
        spans = (self.heading, *self.intertitles) if self.heading is not None else self.intertitles
        return any(start <= offset < end for start, end in spans)

    def sentence_starts(self) -> frozenset[int]:
        return frozenset(start for start, _end in self.sentences)
