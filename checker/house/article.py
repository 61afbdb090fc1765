"""One article as the house rules see it: its paragraphs, headline, body and sentences."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from checker.text.offsets import LineIndex
from checker.text.segments import Span, find_heading, split_paragraphs, split_sentences


@dataclass(frozen=True)
class Article:
    """The text with its structure; spans are (start, end) code-point offsets into `text`.

    The headline is recognised as described in `checker.text.segments.find_heading`; the body is every
    paragraph after it (all paragraphs when there is none).
    """

    text: str
    paragraphs: tuple[Span, ...]
    heading: Span | None
    sentences: tuple[Span, ...]

    @classmethod
    def parse(cls, text: str) -> Article:
        paragraphs = split_paragraphs(text)
        return cls(
            text=text,
            paragraphs=tuple(paragraphs),
            heading=find_heading(text, paragraphs),
            sentences=tuple(split_sentences(text)),
        )

    @property
    def body(self) -> tuple[Span, ...]:
        if self.heading is None:
            return self.paragraphs
        return self.paragraphs[1:]

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def in_heading(self, offset: int) -> bool:
        return self.heading is not None and self.heading[0] <= offset < self.heading[1]

    def sentence_starts(self) -> frozenset[int]:
        return frozenset(start for start, _end in self.sentences)
