"""Cuts a text into nested `Mark`s, one per finding, so overlapping findings all stay reachable.

Findings that contain one another nest. A finding that crosses the end of an enclosing one is
cut: its first piece is the primary mark (it carries the finding's attributes), the rest are
continuation pieces. Concatenating the strings of the tree in order gives back the text exactly.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeAlias

from checker.records import Issue


@dataclass
class Mark:
    """One `<mark>`: `index` is the finding's position in the report; `primary` for its first piece."""

    index: int
    primary: bool
    children: list[Node] = field(default_factory=list)


Node: TypeAlias = "str | Mark"


@dataclass(frozen=True)
class _Span:
    index: int
    start: int
    end: int


def annotate(text: str, issues: Sequence[Issue]) -> list[Node]:
    """The text as a forest of strings and marks, in text order."""
    size = len(text)
    spans = []
    for index, issue in enumerate(issues):
        start = min(max(issue.offset, 0), size)
        spans.append(_Span(index, start, min(max(issue.end, start), size)))
    # Outer findings first: earlier start, then longer, then report order.
    ranged = sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, -s.end, s.index))
    empty_at: dict[int, list[int]] = defaultdict(list)
    for span in spans:
        if span.end == span.start:
            empty_at[span.start].append(span.index)

    boundaries = sorted({0, size} | {s.start for s in spans} | {s.end for s in spans})
    root: list[Node] = []
    stack: list[tuple[int, Mark]] = []
    opened: set[int] = set()

    def container() -> list[Node]:
        return stack[-1][1].children if stack else root

    for position, start in enumerate(boundaries):
        end = boundaries[position + 1] if position + 1 < len(boundaries) else None
        covering = [] if end is None else [s for s in ranged if s.start <= start and s.end >= end]
        kept = 0
        while kept < min(len(stack), len(covering)) and stack[kept][0] == covering[kept].index:
            kept += 1
        del stack[kept:]
        for index in empty_at.get(start, ()):
            container().append(Mark(index, primary=True))
        for span in covering[kept:]:
            mark = Mark(span.index, primary=span.index not in opened)
            opened.add(span.index)
            container().append(mark)
            stack.append((span.index, mark))
        if end is not None:
            container().append(text[start:end])
    return root


def text_of(nodes: Sequence[Node]) -> str:
    """The text a forest stands for (what the browser's `textContent` gives)."""
    parts: list[str] = []
    for node in nodes:
        parts.append(node if isinstance(node, str) else text_of(node.children))
    return "".join(parts)
