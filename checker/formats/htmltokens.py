"""An HTML tokenizer with positions, forgiving like a browser and linear in the input length.

It follows the HTML5 tokenizer where that decides what is text: comments, doctype and bogus
comments, start tags with quoted or bare attributes, end tags, raw text in script and style,
and character references (named ones also without the semicolon). Unterminated constructs run
to the end of the input. The standard library's `HTMLParser` is not used because in Python 3.11
it rescans the rest of the input for every unterminated tag, which is quadratic.
"""

from __future__ import annotations

import re
from html import unescape
from html.entities import html5

from checker.formats.events import CharRef, EndTag, Event, Other, StartTag, Text

# Elements whose content is raw text up to their end tag (no tags, no references inside).
RAW_TEXT = frozenset(("script", "style", "xmp", "iframe", "noembed", "noframes"))
# Elements whose content is text with references but no tags.
ESCAPABLE_RAW_TEXT = frozenset(("title", "textarea"))

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_ATTRIBUTE_NAME = re.compile(r"[^\s/>][^\s/>=]*")
_SPACE_OR_SLASH = re.compile(r"[\s/]*")
_SPACE = re.compile(r"\s*")
_UNQUOTED_VALUE = re.compile(r"[^\s>]*")
_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|([A-Za-z][A-Za-z0-9]*)(;?))")


def html_events(source: str) -> list[Event]:
    """Cut HTML into events that cover `source` without gaps."""
    events: list[Event] = []
    position, length = 0, len(source)
    while position < length:
        opening = source.find("<", position)
        if opening < 0:
            opening = length
        if opening > position:
            events.extend(text_events(source, position, opening))
        if opening == length:
            break
        event, position = _markup(source, opening)
        if event is None:
            events.extend(text_events(source, opening, position))
            continue
        events.append(event)
        if isinstance(event, StartTag) and not event.self_closing:
            position = _raw_text(source, event, position, events)
    return events


def text_events(source: str, start: int, end: int) -> list[Event]:
    """Text with its character references (``&amp;``, ``&#252;``, ``&auml``) as `CharRef`."""
    events: list[Event] = []
    position = start
    for match in _REFERENCE.finditer(source, start, end):
        if match.start() < position:
            continue
        reference = _reference(match)
        if reference is None:
            continue
        size, value = reference
        if match.start() > position:
            events.append(Text(position, match.start()))
        events.append(CharRef(match.start(), match.start() + size, value))
        position = match.start() + size
    if end > position:
        events.append(Text(position, end))
    return events


def _markup(source: str, start: int) -> tuple[Event | None, int]:
    """The construct starting with "<" at `start` and where it ends; None if "<" is text."""
    following = source[start + 1 : start + 2]
    if source.startswith("<!--", start):
        close = source.find("-->", start + 4)
        if source.startswith("<!-->", start) or source.startswith("<!--->", start):
            close = source.find(">", start + 2) - 2
        return _other(source, start, close, 3)
    if following in ("!", "?"):
        return _other(source, start, source.find(">", start + 2), 1)
    if following == "/":
        return _end_tag(source, start)
    name = _TAG_NAME.match(source, start + 1)
    if name is None:
        return None, start + 1
    attrs: dict[str, str] = {}
    end = _tag_end(source, name.end(), attrs)
    self_closing = source[end - 2 : end] == "/>" and end - 2 >= name.end()
    return StartTag(name.group().lower(), "", attrs, start, end, self_closing), end


def _end_tag(source: str, start: int) -> tuple[Event, int]:
    """The construct starting with "</" at `start`: an end tag, else a bogus comment."""
    name = _TAG_NAME.match(source, start + 2)
    if name is not None:
        end = _tag_end(source, name.end(), {})
        return EndTag(name.group().lower(), start, end), end
    if source.startswith("</>", start):
        return Other(start, start + 3), start + 3
    return _other(source, start, source.find(">", start + 2), 1)


def _tag_end(source: str, position: int, attrs: dict[str, str]) -> int:
    """End of a tag whose name ends at `position`, collecting attributes into `attrs`."""
    length = len(source)
    while True:
        position = _skip(_SPACE_OR_SLASH, source, position)
        if position >= length:
            return length
        if source[position] == ">":
            return position + 1
        name = _ATTRIBUTE_NAME.match(source, position)
        if name is None:  # cannot happen: the character is neither space, "/" nor ">"
            return length
        position = name.end()
        value = ""
        after_name = _skip(_SPACE, source, position)
        if source.startswith("=", after_name):
            position = _skip(_SPACE, source, after_name + 1)
            quote = source[position : position + 1]
            if quote in ('"', "'"):
                close = source.find(quote, position + 1)
                close = length if close < 0 else close
                value = source[position + 1 : close]
                position = min(close + 1, length)
            else:
                unquoted = _UNQUOTED_VALUE.match(source, position)
                end = unquoted.end() if unquoted else position
                value, position = source[position:end], end
        attrs.setdefault(name.group().lower(), unescape(value))


def _raw_text(source: str, tag: StartTag, position: int, events: list[Event]) -> int:
    """For script, style, title …: their content up to the matching end tag."""
    if tag.name not in RAW_TEXT and tag.name not in ESCAPABLE_RAW_TEXT:
        return position
    closing = re.compile(r"</" + re.escape(tag.name) + r"[\s/>]", re.IGNORECASE)
    match = closing.search(source, position)
    end = match.start() if match else len(source)
    if end > position:
        if tag.name in RAW_TEXT:
            events.append(Text(position, end))
        else:
            events.extend(text_events(source, position, end))
    return end


def _skip(pattern: re.Pattern[str], source: str, position: int) -> int:
    match = pattern.match(source, position)
    return match.end() if match else position


def _other(source: str, start: int, close: int, closer_length: int) -> tuple[Event, int]:
    end = len(source) if close < 0 else close + closer_length
    return Other(start, end), end


def _reference(match: re.Match[str]) -> tuple[int, str] | None:
    """(length, value) of the reference at `match`, or None if it is just an ampersand."""
    name, semicolon = match.groups()
    if name is None:
        return len(match.group()), unescape(match.group())
    if semicolon and name + ";" in html5:
        return len(match.group()), html5[name + ";"]
    # Legacy names work without a semicolon, and as a prefix: "&auml" and "&notin" (¬in).
    for size in range(len(name), 1, -1):
        if name[:size] in html5:
            return 1 + size, html5[name[:size]]
    return None
