"""Tokens of a markup file (tags, text, references) with their positions, and the walk over them.

The XML and HTML readers both produce these events; a format's `Policy` says which elements hold
text to check, its `RegionPolicy` which elements are the headline, dateline, body …, and `walk`
reports every slice of the file to a `Sink` in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from checker.formats.document import RegionKind
from checker.formats.flow import LINE, PARAGRAPH, Sink


def element_names(spaced: str) -> frozenset[str]:
    """A set of element names written as one space-separated string."""
    return frozenset(spaced.split())


@dataclass(frozen=True)
class StartTag:
    """``<name …>``; `name` is the local name, `namespace` the resolved URI ("" if none)."""

    name: str
    namespace: str
    attrs: Mapping[str, str]
    start: int
    end: int
    self_closing: bool = False

    def attr(self, *names: str) -> str | None:
        """The first of `names` present (qualified names such as "xml:lang" as written)."""
        for name in names:
            if name in self.attrs:
                return self.attrs[name]
        return None


@dataclass(frozen=True)
class EndTag:
    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Text:
    """Character data, read literally."""

    start: int
    end: int


@dataclass(frozen=True)
class CharRef:
    """An entity or character reference that stands for `value`."""

    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Other:
    """Comments, processing instructions, declarations: never checked."""

    start: int
    end: int


Event = StartTag | EndTag | Text | CharRef | Other


def comment_spans(source: str, events: Sequence[Event]) -> tuple[tuple[int, int], ...]:
    """Where the comments among `events` are, (start, end) into `source`."""
    return tuple(
        (event.start, event.end)
        for event in events
        if isinstance(event, Other) and source.startswith("<!--", event.start)
    )


class Role(Enum):
    """What an element means for the text inside it."""

    INLINE = "inline"  # tags read as nothing, content as the parent's (em, a, span)
    BLOCK = "block"  # a paragraph break before and after (div, li, td)
    CHECK = "check"  # a paragraph break before and after, content is checked (p, hl1)
    CHECK_VERBATIM = "check_verbatim"  # like CHECK for plain text data, whitespace kept
    CHECK_LOOSE_TEXT = "check_loose_text"  # like CHECK; text outside paragraphs breaks at blank lines
    LINE_BREAK = "line_break"  # br
    SKIP = "skip"  # nothing inside is checked (script, head, metadata)


@dataclass(frozen=True)
class Frame:
    """An open element during the walk."""

    tag: StartTag
    role: Role
    checked: bool
    verbatim: bool
    blank_lines: bool = False
    region: bool = False

    @property
    def name(self) -> str:
        return self.tag.name


Policy = Callable[[StartTag, Sequence[Frame]], Role]
# The role of an element's content for the house rules (None: as its parent's); asked only for
# elements whose content is checked, after the `Policy`.
RegionPolicy = Callable[[StartTag, Sequence[Frame]], RegionKind | None]

_BREAKING = (Role.BLOCK, Role.CHECK, Role.CHECK_VERBATIM, Role.CHECK_LOOSE_TEXT)
_CHECKING = (Role.CHECK, Role.CHECK_VERBATIM, Role.CHECK_LOOSE_TEXT)
# HTML elements that may stand in <head>; any other start tag ends an unclosed head.
_HEAD_CONTENT = frozenset(("title", "meta", "link", "style", "script", "base", "noscript", "template"))


def walk(
    events: Iterable[Event],
    sink: Sink,
    policy: Policy,
    *,
    checked: bool,
    regions: RegionPolicy | None = None,
    void_elements: frozenset[str] = frozenset(),
    lenient: bool = False,
) -> None:
    """Report every event to `sink`, checked or not as `policy` decides per element.

    `checked` is whether text outside any element is checked (HTML fragments: yes; XML: no).
    `regions` names the role of checked elements for the house rules. Two inline elements
    written back to back (``<span>Politik</span><span>dpa</span>``) are two words; a tag inside
    a word (``Pres<b>se</b>konferenz``) keeps it one. `lenient` is for HTML: end tags close the
    nearest matching open element, stray ones are ignored, and ``<body>`` or any other body
    element closes an open ``<head>``.
    """
    stack: list[Frame] = []
    closed_inline_at = -1  # where the last event, if it closed an inline element, ended
    for event in events:
        top = stack[-1] if stack else None
        inside_checked = top.checked if top else checked
        inline_end = -1
        if isinstance(event, StartTag):
            if lenient and event.name not in _HEAD_CONTENT:
                _close(stack, "head", sink)
                top = stack[-1] if stack else None
                inside_checked = top.checked if top else checked
            role = Role.SKIP if top is not None and top.role is Role.SKIP else policy(event, stack)
            if role in _BREAKING:
                sink.brk(PARAGRAPH)
            elif role is Role.LINE_BREAK:
                sink.brk(LINE)
            sink.markup(event.end, word_break=role is Role.INLINE and closed_inline_at == event.start)
            if event.self_closing or event.name in void_elements:
                if role in _BREAKING:
                    sink.brk(PARAGRAPH)
            else:
                stack.append(_open(event, role, stack, inside_checked, sink=sink, regions=regions))
        elif isinstance(event, EndTag):
            sink.markup(event.end)
            closing = _innermost(stack, event.name) if lenient else len(stack) - 1
            if not lenient and (not stack or stack[-1].name != event.name):
                raise ValueError(f"end tag </{event.name}> does not match the open element")
            if closing >= 0:
                if stack[closing].role is Role.INLINE:
                    inline_end = event.end
                while len(stack) > closing:
                    _pop(stack, sink)
        elif isinstance(event, Text):
            if inside_checked:
                sink.text(
                    event.end,
                    verbatim=top.verbatim if top else False,
                    blank_lines=top.blank_lines if top else False,
                )
            else:
                sink.markup(event.end)
        elif isinstance(event, CharRef):
            if inside_checked:
                sink.char(event.end, event.value)
            else:
                sink.markup(event.end)
        else:
            sink.markup(event.end)
        closed_inline_at = inline_end


def _open(
    tag: StartTag,
    role: Role,
    stack: Sequence[Frame],
    inherited: bool,
    *,
    sink: Sink,
    regions: RegionPolicy | None,
) -> Frame:
    """The frame for an element that has content; opens its region if it has one."""
    top = stack[-1] if stack else None
    checked = _checked(role, inherited)
    kind = regions(tag, stack) if regions is not None and checked else None
    if kind is not None:
        sink.open_region(kind)
    return Frame(
        tag=tag,
        role=role,
        checked=checked,
        verbatim=role is Role.CHECK_VERBATIM or (top.verbatim if top else False),
        blank_lines=role is Role.CHECK_LOOSE_TEXT or (top.blank_lines if top and role not in _CHECKING else False),
        region=kind is not None,
    )


def _innermost(stack: Sequence[Frame], name: str) -> int:
    """Depth of the nearest open element called `name`, or -1."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].name == name:
            return depth
    return -1


def _checked(role: Role, inherited: bool) -> bool:
    if role is Role.SKIP:
        return False
    if role in _CHECKING:
        return True
    return inherited


def _close(stack: list[Frame], name: str, sink: Sink) -> None:
    """Close the nearest open `name` and everything opened inside it, if it is open."""
    depth = _innermost(stack, name)
    if depth >= 0:
        while len(stack) > depth:
            _pop(stack, sink)


def _pop(stack: list[Frame], sink: Sink) -> None:
    frame = stack.pop()
    if frame.region:
        sink.close_region()
    if frame.role in _BREAKING:
        sink.brk(PARAGRAPH)
