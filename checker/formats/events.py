"""Tokens of a markup file (tags, text, references) with their positions, and the walk over them.

The XML and HTML readers both produce these events; a format's `Policy` says which elements hold
text to check, and `walk` reports every slice of the file to a `Sink` in order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

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


class Role(Enum):
    """What an element means for the text inside it."""

    INLINE = "inline"  # tags read as nothing, content as the parent's (em, a, span)
    BLOCK = "block"  # a paragraph break before and after (div, li, td)
    CHECK = "check"  # a paragraph break before and after, content is checked (p, hl1)
    CHECK_VERBATIM = "check_verbatim"  # like CHECK for plain text data, whitespace kept
    LINE_BREAK = "line_break"  # br
    SKIP = "skip"  # nothing inside is checked (script, head, metadata)


@dataclass(frozen=True)
class Frame:
    """An open element during the walk."""

    tag: StartTag
    role: Role
    checked: bool
    verbatim: bool

    @property
    def name(self) -> str:
        return self.tag.name


Policy = Callable[[StartTag, Sequence[Frame]], Role]

_BREAKING = (Role.BLOCK, Role.CHECK, Role.CHECK_VERBATIM)
# HTML elements that may stand in <head>; any other start tag ends an unclosed head.
_HEAD_CONTENT = frozenset(("title", "meta", "link", "style", "script", "base", "noscript", "template"))


def walk(
    events: Iterable[Event],
    sink: Sink,
    policy: Policy,
    *,
    checked: bool,
    void_elements: frozenset[str] = frozenset(),
    lenient: bool = False,
) -> None:
    """Report every event to `sink`, checked or not as `policy` decides per element.

    `checked` is whether text outside any element is checked (HTML fragments: yes; XML: no).
    `lenient` is for HTML: end tags close the nearest matching open element, stray ones are
    ignored, and ``<body>`` or any other body element closes an open ``<head>``.
    """
    stack: list[Frame] = []
    for event in events:
        top = stack[-1] if stack else None
        inside_checked = top.checked if top else checked
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
            sink.markup(event.end)
            frame = Frame(
                tag=event,
                role=role,
                checked=_checked(role, inside_checked),
                verbatim=role is Role.CHECK_VERBATIM or (top.verbatim if top else False),
            )
            if event.self_closing or event.name in void_elements:
                if role in _BREAKING:
                    sink.brk(PARAGRAPH)
            else:
                stack.append(frame)
        elif isinstance(event, EndTag):
            sink.markup(event.end)
            if lenient:
                _close(stack, event.name, sink)
            elif stack and stack[-1].name == event.name:
                _pop(stack, sink)
            else:
                raise ValueError(f"end tag </{event.name}> does not match the open element")
        elif isinstance(event, Text):
            if inside_checked:
                sink.text(event.end, verbatim=top.verbatim if top else False)
            else:
                sink.markup(event.end)
        elif isinstance(event, CharRef):
            if inside_checked:
                sink.char(event.end, event.value)
            else:
                sink.markup(event.end)
        else:
            sink.markup(event.end)


def _checked(role: Role, inherited: bool) -> bool:
    if role is Role.SKIP:
        return False
    if role in (Role.CHECK, Role.CHECK_VERBATIM):
        return True
    return inherited


def _close(stack: list[Frame], name: str, sink: Sink) -> None:
    """Close the nearest open `name` and everything opened inside it, if it is open."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].name == name:
            while len(stack) > depth:
                _pop(stack, sink)
            return


def _pop(stack: list[Frame], sink: Sink) -> None:
    if stack.pop().role in _BREAKING:
        sink.brk(PARAGRAPH)
