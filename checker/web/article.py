"""A wire file (NITF, NewsML-G2, ninjs) shown as the article it holds: headline, dateline and body
paragraphs, each finding marked in them, and each finding's place named as an editor would
("Titel", "Ortsmarke", "Absatz 3") rather than by the line of the XML or JSON it stands on.

The blocks are the paragraphs of the text LanguageTool checked (`Document.plain_text()`, read in
the file's reading order), named by the part of the article the reader placed them in (its
regions); a finding's marks are where its source span reads in that text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.formats import FORMATS_BY_NAME, Document, parse_document
from checker.records import Report
from checker.web.annotate import Mark, Node, annotate

# What an editor calls each part of an article; the body's paragraphs are counted.
PART_NAMES = {
    "headline": "Titel",
    "subheadline": "Unterzeile",
    "dateline": "Ortsmarke",
    "byline": "Autor",
    "intertitle": "Zwischentitel",
    "caption": "Bildtext",
}
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*\n\s*")


@dataclass(frozen=True)
class ArticleBlock:
    """One paragraph of the article: its part ("headline", "body" …), its name for editors, and its
    text as strings and marks (a mark's `index` is the finding's position in the report)."""

    kind: str
    label: str
    nodes: list[Node]


@dataclass(frozen=True)
class ArticleView:
    blocks: tuple[ArticleBlock, ...]
    # Each finding's place, by its position in the report: the label of the block it starts in.
    places: tuple[str, ...]


def article_of(report: Report) -> ArticleView | None:
    """The article in a wire file's report; None for the formats whose source is the reading matter."""
    row = FORMATS_BY_NAME.get(report.format)
    if row is None or not row.article:
        return None
    document = parse_document(report.text, format=report.format)
    plain = document.plain_text()
    spans = _paragraphs(plain)
    kinds = [_kind_of(document, start, end) for start, end in spans]
    labels = _labels(kinds)
    starts = [document.to_plain_offset(issue.offset) for issue in report.issues]
    ends = [
        max(start, document.to_plain_offset(issue.end) if issue.length else start)
        for start, issue in zip(starts, report.issues, strict=True)
    ]
    blocks = []
    for (start, end), kind, label in zip(spans, kinds, labels, strict=True):
        inside = [
            index for index, (first, last) in enumerate(zip(starts, ends, strict=True)) if first < end and last > start
        ]
        inside += [
            index for index, (first, last) in enumerate(zip(starts, ends, strict=True)) if first == last == start
        ]
        shifted = [
            dataclasses.replace(
                report.issues[index],
                offset=max(starts[index], start) - start,
                length=min(ends[index], end) - max(starts[index], start),
            )
            for index in inside
        ]
        blocks.append(ArticleBlock(kind, label, _renumbered(annotate(plain[start:end], shifted), inside)))
    places = tuple(_place(start, spans, labels) for start in starts)
    return ArticleView(tuple(blocks), places)


def _paragraphs(plain: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of `plain`, without the blank lines and spaces around it."""
    spans, start = [], 0
    for gap in [*_PARAGRAPH_BREAK.finditer(plain), None]:
        end = gap.start() if gap is not None else len(plain)
        text = plain[start:end]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            spans.append((start + lead, start + len(text.rstrip())))
        start = gap.end() if gap is not None else len(plain)
    return spans


def _kind_of(document: Document, start: int, end: int) -> str:
    """The part the paragraph belongs to: the region that covers most of it, else the body."""
    best, covered = "body", 0
    for region in document.regions:
        overlap = min(region.end, end) - max(region.start, start)
        if overlap > covered:
            best, covered = region.kind, overlap
    return best


def _labels(kinds: Sequence[str]) -> list[str]:
    labels, paragraph = [], 0
    for kind in kinds:
        if kind in PART_NAMES:
            labels.append(PART_NAMES[kind])
        else:
            paragraph += 1
            labels.append(f"Absatz {paragraph}")
    return labels


def _place(start: int, spans: Sequence[tuple[int, int]], labels: Sequence[str]) -> str:
    """The label of the paragraph `start` falls in, else of the next one (a finding on markup
    between paragraphs), else of the last."""
    for (_, last), label in zip(spans, labels, strict=True):
        if start <= last:
            return label
    return labels[-1] if labels else "Text"


def _renumbered(nodes: list[Node], indexes: Sequence[int]) -> list[Node]:
    """The marks of `annotate` over a selection of findings, numbered as in the whole report."""
    renumbered: list[Node] = []
    for node in nodes:
        if isinstance(node, str):
            renumbered.append(node)
        else:
            renumbered.append(Mark(indexes[node.index], node.primary, _renumbered(node.children, indexes)))
    return renumbered
