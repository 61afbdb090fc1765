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
    walker = _Walker(sink, policy, checked=checked, regions=regions, void_elements=void_elements, lenient=lenient)
    for event in events:
        walker.event(event)


class _Walker:
    """The state of one `walk`: the open elements, and whether the last event closed an inline one."""

    def __init__(
        self,
        sink: Sink,
        policy: Policy,
        *,
        checked: bool,
        regions: RegionPolicy | None,
        void_elements: frozenset[str],
        lenient: bool,
    ) -> None:
        self.sink = sink
        self.policy = policy
        self.outside_checked = checked
        self.regions = regions
        self.void_elements = void_elements
        self.lenient = lenient
        self.stack: list[Frame] = []
        self.closed_inline_at = -1  # where the last event, if it closed an inline element, ended

    def event(self, event: Event) -> None:
        inline_end = -1
        if isinstance(event, StartTag):
            self._start_tag(event)
        elif isinstance(event, EndTag):
            inline_end = self._end_tag(event)
        elif isinstance(event, Text) and self._inside_checked():
            top = self._top()
            self.sink.text(
                event.end,
                verbatim=top.verbatim if top else False,
                blank_lines=top.blank_lines if top else False,
            )
        elif isinstance(event, CharRef) and self._inside_checked():
            self.sink.char(event.end, event.value)
        else:
            self.sink.markup(event.end)
        self.closed_inline_at = inline_end

    def _start_tag(self, tag: StartTag) -> None:
        if self.lenient and tag.name not in _HEAD_CONTENT:
            self._close("head")
        top = self._top()
        role = Role.SKIP if top is not None and top.role is Role.SKIP else self.policy(tag, self.stack)
        if role in _BREAKING:
            self.sink.brk(PARAGRAPH)
        elif role is Role.LINE_BREAK:
            self.sink.brk(LINE)
        self.sink.markup(tag.end, word_break=role is Role.INLINE and self.closed_inline_at == tag.start)
        if tag.self_closing or tag.name in self.void_elements:
            if role in _BREAKING:
                self.sink.brk(PARAGRAPH)
        else:
            self.stack.append(self._open(tag, role))

    def _end_tag(self, tag: EndTag) -> int:
        """Close the element `tag` ends; where it ended if it was an inline element, else -1."""
        self.sink.markup(tag.end)
        if not self.lenient and (not self.stack or self.stack[-1].name != tag.name):
            raise ValueError(f"end tag </{tag.name}> does not match the open element")
        closing = _innermost(self.stack, tag.name) if self.lenient else len(self.stack) - 1
        if closing < 0:
            return -1
        inline_end = tag.end if self.stack[closing].role is Role.INLINE else -1
        while len(self.stack) > closing:
            self._pop()
        return inline_end

    def _open(self, tag: StartTag, role: Role) -> Frame:
        """The frame for an element that has content; opens its region if it has one."""
        top = self._top()
        checked = _checked(role, self._inside_checked())
        kind = self.regions(tag, self.stack) if self.regions is not None and checked else None
        if kind is not None:
            self.sink.open_region(kind)
        return Frame(
            tag=tag,
            role=role,
            checked=checked,
            verbatim=role is Role.CHECK_VERBATIM or (top.verbatim if top else False),
            blank_lines=role is Role.CHECK_LOOSE_TEXT or (top.blank_lines if top and role not in _CHECKING else False),
            region=kind is not None,
        )

    def _close(self, name: str) -> None:
        """Close the nearest open `name` and everything opened inside it, if it is open."""
        depth = _innermost(self.stack, name)
        if depth >= 0:
            while len(self.stack) > depth:
                self._pop()

    def _pop(self) -> None:
        frame = self.stack.pop()
        if frame.region:
            self.sink.close_region()
        if frame.role in _BREAKING:
            self.sink.brk(PARAGRAPH)

    def _top(self) -> Frame | None:
        return self.stack[-1] if self.stack else None

    def _inside_checked(self) -> bool:
        top = self._top()
        return top.checked if top else self.outside_checked


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
