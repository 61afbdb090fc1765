"""Markdown input: headings, paragraphs, list items and quotes are checked; syntax is markup.

A line-based reader, not a renderer: it only needs to know which characters are prose.
Block markers (``#``, ``-``, ``>``), emphasis delimiters, link targets, images, code spans and
blocks, HTML tags and comments, and YAML front matter are markup; backslash escapes and
entities are markup that reads as the character they stand for. Emphasis delimiters count as
markup only when they pair up within the paragraph, as CommonMark would render them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape

from checker.formats.document import Document
from checker.formats.flow import FlowBuilder
from checker.text.language_tags import normalize_language

_LINE = re.compile(r"[^\r\n]*(\r\n|\r|\n)?")
_FRONT_MATTER_LANGUAGE = re.compile(r"^(?:lang|language)\s*:\s*[\"']?([A-Za-z0-9_-]+)", re.M)
_QUOTE = re.compile(r"(?: {0,3}> ?)+")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)[ \t]*")
_ATX_CLOSING = re.compile(r"(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_LIST_ITEM = re.compile(r" {0,3}(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+(?:\[[ xX]\][ \t]+)?|$)")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]]+\]:[ \t]*\S+")
_INDENTED_CODE = re.compile(r"(?: {4}|\t)")

_INLINE = re.compile(
    r"""
    (?P<escape>\\[!-/:-@\[-`{-~])
    |(?P<hardbreak>\\$)
    |(?P<code>`+)
    |(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    |(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>)
    |(?P<comment><!--(?:-?>|.{0,2000}?-->))
    |(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"\n]{0,1000}"|'[^'\n]{0,1000}'|[^\s"'=<>`]+))?){0,100}\s*/?>)
    |(?P<image>!\[)
    |(?P<open>\[)
    |(?P<target>\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)|\]\[[^\]]*\])
    |(?P<delimiter>\*+|_+|~~+)
    """,
    re.VERBOSE,
)


@dataclass
class _Op:
    """One slice of the walk; delimiters and brackets are decided after the paragraph is read."""

    kind: str  # "text", "markup", "char", "break", "delimiter", "bracket"
    end: int = 0
    value: str = ""
    can_open: bool = False
    can_close: bool = False


def parse(source: str, *, path: str | None = None) -> Document:
    reader = _Reader(source)
    ops = reader.read()
    builder = FlowBuilder(source)
    for op in ops:
        if op.kind == "text":
            builder.text(op.end)
        elif op.kind == "char":
            builder.char(op.end, op.value)
        elif op.kind == "break":
            builder.brk()
        else:
            builder.markup(op.end)
    return Document(format="markdown", language=reader.language, parts=builder.finish(), comments=reader.comments())


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.ops: list[_Op] = []
        self.language: str | None = None
        self.in_paragraph = False
        self.in_list = False
        self.in_comment = False
        self.fence: str | None = None
        self._comments: list[tuple[int, int]] = []
        self._comment_start = 0
        self._brackets: list[tuple[int, bool]] = []  # the line's open "[" and "![": (op index, is image)

    def comments(self) -> tuple[tuple[int, int], ...]:
        """The HTML comments read, (start, end); one left open runs to the end of the file."""
        if self.in_comment:
            return (*self._comments, (self._comment_start, len(self.source)))
        return tuple(self._comments)

    def read(self) -> list[_Op]:
        lines = [
            (match.start(), match.start() + len(match.group()) - len(match.group(1) or ""), match.end())
            for match in _LINE.finditer(self.source)
            if match.end() > match.start()
        ]
        for start, content_end, line_end in lines[self._front_matter(lines) :]:
            self._line(start, content_end, line_end)
        self._end_paragraph()
        return self.ops

    def _line(self, start: int, content_end: int, line_end: int) -> None:
        line = self.source[start:content_end]
        if self.fence is not None:
            self._markup(line_end)
            if line.strip().startswith(self.fence) and not line.strip().strip(self.fence[0]):
                self.fence = None
                self._break()
            return
        if self.in_comment:
            closed = self._close_comment(start, line)
            if closed is not None and self.source[closed:content_end].strip():
                self._prose_after_comment(closed, content_end, line_end)
            else:
                self._markup(line_end)
            return
        quote = _QUOTE.match(line)
        offset = quote.end() if quote else 0
        rest = line[offset:]
        if offset:
            self._markup(start + offset)
        if not rest.strip():
            self._markup(line_end)
            self._end_paragraph()
        elif not self._block_line(rest, start + offset, content_end, line_end):
            item = _LIST_ITEM.match(rest)
            if item:
                self._end_paragraph()
                self._markup(start + offset + item.end())
                self.in_list = True
            elif not self.in_paragraph and not rest[:1].isspace():
                self.in_list = False
            self.in_paragraph = True
            self._inline(start + offset + (item.end() if item else 0), content_end)
            self._text(line_end)

    def _close_comment(self, start: int, line: str, after: int = 0) -> int | None:
        """Ends the open comment block if `line` (at `start`) closes it; where it ends, if it does."""
        closing = line.find("-->", after)
        if closing < 0:
            return None
        self._comments.append((self._comment_start, start + closing + 3))
        self.in_comment = False
        return start + closing + 3

    def _prose_after_comment(self, at: int, content_end: int, line_end: int) -> None:
        """The rest of the line a comment block ends on ("<!-- x -->Text"): a browser shows it
        as text, a block of its own."""
        self._markup(at)
        self.in_paragraph = True
        self._inline(at, content_end)
        self._text(line_end)
        self._end_paragraph()

    def _block_line(self, rest: str, start: int, content_end: int, line_end: int) -> bool:
        """Handle a line that is a block of its own (fence, heading, rule …); False for prose."""
        opened = _FENCE.match(rest)
        heading = _ATX.match(rest)
        code = not self.in_paragraph and not self.in_list and _INDENTED_CODE.match(rest)
        if opened:
            self.fence = opened.group(1)
        elif not self.in_paragraph and not code and rest.lstrip().startswith("<!--"):
            opening = len(rest) - len(rest.lstrip())
            self._comment_start, self.in_comment = start + opening, True
            closed = self._close_comment(start, rest, opening + 2)  # "<!-->" is a whole comment
            if closed is not None and self.source[closed:content_end].strip():
                self._prose_after_comment(closed, content_end, line_end)
                return True
        elif heading:
            self._heading(start + heading.end(), content_end, line_end)
            return True
        elif not (
            (self.in_paragraph and _SETEXT.match(rest))
            or _THEMATIC.match(rest)
            or (not self.in_paragraph and _LINK_DEFINITION.match(rest))
            or code
        ):
            return False
        self._block_markup(line_end)
        return True

    def _front_matter(self, lines: list[tuple[int, int, int]]) -> int:
        """Skip YAML front matter (reading its language); returns the first line after it."""
        if not lines or self.source[lines[0][0] : lines[0][1]].rstrip() != "---":
            return 0
        for index in range(1, len(lines)):
            start, content_end, line_end = lines[index]
            if self.source[start:content_end].rstrip() in ("---", "..."):
                match = _FRONT_MATTER_LANGUAGE.search(self.source, 0, start)
                self.language = normalize_language(match.group(1)) if match else None
                self._markup(line_end)
                self._break()
                return index + 1
        return 0

    def _heading(self, text_start: int, content_end: int, line_end: int) -> None:
        self._end_paragraph()
        self._markup(text_start)
        closing = _ATX_CLOSING.search(self.source, text_start, content_end)
        text_end = closing.start() if closing else content_end
        self._inline(text_start, text_end)
        self._markup(line_end)
        self._end_paragraph()

    def _block_markup(self, end: int) -> None:
        self._end_paragraph()
        self._markup(end)
        self._break()

    def _end_paragraph(self) -> None:
        _resolve_paragraph(self.ops)
        self.in_paragraph = False
        self._break()

    def _inline(self, start: int, end: int) -> None:
        """Ops for the inline content ``start:end`` of one line, one `_INLINE` match at a time."""
        position = start
        self._brackets = []
        for match in _INLINE.finditer(self.source, start, end):
            if match.start() < position:
                continue
            self._text(match.start())
            _INLINE_HANDLERS[match.lastgroup or ""](self, match)
            position = max(position, self.ops[-1].end if self.ops else position, match.end())
        self._text(end)
        for opener, _ in self._brackets:
            self.ops[opener].kind = "text"

    # The handlers of `_INLINE`'s groups. Each match was found in ``match.pos:match.endpos``,
    # the line's inline content.

    def _escape(self, match: re.Match[str]) -> None:
        self._char(match.end(), match.group()[1])

    def _inline_markup(self, match: re.Match[str]) -> None:
        if match.lastgroup == "comment":
            self._comments.append((match.start(), match.end()))
        self._markup(match.end())

    def _entity(self, match: re.Match[str]) -> None:
        value = unescape(match.group())
        if value == match.group():
            self._text(match.end())
        else:
            self._char(match.end(), value)

    def _code_span(self, match: re.Match[str]) -> None:
        closing = re.compile(r"(?<!`)" + match.group() + r"(?!`)").search(self.source, match.end(), match.endpos)
        if closing:
            self._markup(closing.end())
        else:
            self._text(match.end())

    def _open_bracket(self, match: re.Match[str]) -> None:
        self._brackets.append((len(self.ops), match.lastgroup == "image"))
        self.ops.append(_Op("bracket", match.end()))

    def _link_target(self, match: re.Match[str]) -> None:
        """``](url)`` or ``][ref]``: the brackets it closes are markup, an image's whole text too."""
        if not self._brackets:
            self._text(match.end())
            return
        opener, image = self._brackets.pop()
        if image:
            del self.ops[opener:]
        else:
            self.ops[opener].kind = "markup"
        self._markup(match.end())

    def _delimiter(self, match: re.Match[str]) -> None:
        """A run of ``*``, ``_`` or ``~``, and whether it can open or close emphasis (CommonMark's flanking)."""
        start, end = match.start(), match.end()
        before = self.source[start - 1] if start > match.pos else " "
        after = self.source[end] if end < match.endpos else " "
        left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
        right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
        if self.source[start] == "_":
            can_open = left and (not right or _punctuation(before))
            can_close = right and (not left or _punctuation(after))
        else:
            can_open, can_close = left, right
        self.ops.append(_Op("delimiter", end, self.source[start:end], can_open, can_close))

    def _text(self, end: int) -> None:
        if end > self._covered():
            self.ops.append(_Op("text", end))

    def _markup(self, end: int) -> None:
        if end > self._covered():
            self.ops.append(_Op("markup", end))

    def _char(self, end: int, value: str) -> None:
        self.ops.append(_Op("char", end, value))

    def _break(self) -> None:
        self.ops.append(_Op("break"))

    def _covered(self) -> int:
        for op in reversed(self.ops):
            if op.kind != "break":
                return op.end
        return 0


_INLINE_HANDLERS: dict[str, Callable[[_Reader, re.Match[str]], None]] = {
    "escape": _Reader._escape,
    "hardbreak": _Reader._inline_markup,
    "autolink": _Reader._inline_markup,
    "comment": _Reader._inline_markup,
    "tag": _Reader._inline_markup,
    "entity": _Reader._entity,
    "code": _Reader._code_span,
    "image": _Reader._open_bracket,
    "open": _Reader._open_bracket,
    "target": _Reader._link_target,
    "delimiter": _Reader._delimiter,
}


def _resolve_paragraph(ops: list[_Op]) -> None:
    """Pair the paragraph's emphasis delimiters (markup); unpaired ones are literal text."""
    first = len(ops)
    while first > 0 and ops[first - 1].kind != "break":
        first -= 1
    openers: list[_Op] = []
    for op in ops[first:]:
        if op.kind != "delimiter":
            continue
        op.kind = "text"
        if op.can_close:
            for depth in range(len(openers) - 1, -1, -1):
                if openers[depth].value[0] == op.value[0]:
                    openers[depth].kind = op.kind = "markup"
                    del openers[depth:]
                    break
            else:
                if op.can_open:
                    openers.append(op)
        elif op.can_open:
            openers.append(op)


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"
