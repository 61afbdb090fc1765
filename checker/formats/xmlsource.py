"""Safe XML reading with positions: refuses entity declarations, reports malformed input, tokenizes.

The text is first parsed by defusedxml, which never expands entities or fetches anything; only a
document it accepts is cut into position-carrying events by our own small tokenizer. A format
whose DTD defines named entities (NITF: the HTML and ISO sets) passes them as a built-in table;
the DTD itself is never read, and documents that declare entities are still refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import NoReturn
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException, EntitiesForbidden

from checker.errors import InputError
from checker.formats.events import CharRef, EndTag, Event, Other, StartTag, Text
from checker.text.offsets import LineIndex

XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"
PREDEFINED_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}

_START_TAG = re.compile(r"<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTRIBUTE = re.compile(r"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_END_TAG = re.compile(r"</([^\s>]+)\s*>")
_REFERENCE = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([A-Za-z_:][\w.:-]*));")
_TAG_MISMATCH = 7  # expat's XML_ERROR_TAG_MISMATCH
_POSITION_SUFFIX = re.compile(r":\s*line \d+, column \d+\s*$")


def refuse_unsafe_xml(source: str, *, path: str | None = None, entities: Mapping[str, str] | None = None) -> None:
    """Raise `InputError` unless `source` is well-formed XML without entity declarations.

    References to the named `entities` are accepted as if the DTD declared them.
    """
    text, shift = (source[1:], 1) if source.startswith("\ufeff") else (source, 0)
    if entities:
        text = _blank_known_references(text, entities)
    try:
        SafeElementTree.fromstring(text)
    except EntitiesForbidden as exc:
        line, column = _declaration_position(source, exc.name)
        kind = "an external entity" if exc.sysid or exc.pubid else "an entity"
        raise InputError(
            f"XML refused: its DOCTYPE declares {kind} ({exc.name!r}); documents that declare "
            "entities are not read, because entities can expand without bound or read files",
            reason="xml_entities",
            path=path,
            line=line,
            column=column,
        ) from exc
    except DefusedXmlException as exc:
        line, column = _declaration_position(source, None)
        raise InputError(f"XML refused: {exc}", reason="xml_refused", path=path, line=line, column=column) from exc
    except ParseError as exc:
        line, column = exc.position
        column += 1 + (shift if line == 1 else 0)
        if exc.code == _TAG_MISMATCH:
            # expat points at the name in "</name>"; people look for the tag itself.
            offset = LineIndex(source).line_start(line) + column - 1
            if source[offset - 2 : offset] == "</":
                column -= 2
        reason = _POSITION_SUFFIX.sub("", str(exc))
        raise InputError(
            f"malformed XML: {reason}", reason="xml_malformed", path=path, line=line, column=column, expat=reason
        ) from exc


def xml_events(source: str, *, path: str | None = None, entities: Mapping[str, str] | None = None) -> list[Event]:
    """Cut well-formed XML (see `refuse_unsafe_xml`) into events that cover the text without gaps.

    References to the named `entities` read as their values; any other named reference but the
    five predefined ones is an error.
    """
    return _Tokenizer(source, path, entities or {}).run()


def iter_elements(events: list[Event]) -> Iterator[tuple[StartTag, tuple[StartTag, ...]]]:
    """Each start tag with its ancestors, outermost first."""
    stack: list[StartTag] = []
    for event in events:
        if isinstance(event, StartTag):
            yield event, tuple(stack)
            if not event.self_closing:
                stack.append(event)
        elif isinstance(event, EndTag) and stack:
            stack.pop()


def decode_references(value: str) -> str:
    """Attribute value with its references decoded (only predefined and character references)."""
    return _REFERENCE.sub(lambda match: _reference_value(match) or match.group(), value)


def _reference_value(match: re.Match[str], entities: Mapping[str, str] | None = None) -> str | None:
    decimal, hexadecimal, name = match.groups()
    try:
        if decimal is not None:
            return chr(int(decimal))
        if hexadecimal is not None:
            return chr(int(hexadecimal, 16))
    except (ValueError, OverflowError):
        return None
    if name in PREDEFINED_ENTITIES:
        return PREDEFINED_ENTITIES[name]
    return entities.get(name) if entities else None


def _blank_known_references(text: str, entities: Mapping[str, str]) -> str:
    """`text` for the well-formedness check: each reference to a known entity becomes as many
    no-break spaces, which stand where character data may stand and nowhere else, so that every
    error keeps its line and column."""

    def blank(match: re.Match[str]) -> str:
        name = match.group(3)
        known = name is not None and name not in PREDEFINED_ENTITIES and name in entities
        return "\u00a0" * len(match.group()) if known else match.group()

    return _REFERENCE.sub(blank, text)


def _declaration_position(source: str, name: str | None) -> tuple[int | None, int | None]:
    patterns = [r"<!ENTITY\s+(?:%\s+)?" + re.escape(name) + r"\b"] if name else []
    patterns += [r"<!ENTITY\b", r"<!DOCTYPE\b"]
    for pattern in patterns:
        match = re.search(pattern, source)
        if match:
            return LineIndex(source).position(match.start())
    return None, None


class _Tokenizer:
    def __init__(self, source: str, path: str | None, entities: Mapping[str, str]) -> None:
        self.source = source
        self.path = path
        self.entities = entities
        self.events: list[Event] = []
        self.scopes: list[dict[str, str]] = [{"xml": XML_NAMESPACE}]
        self.open_names: list[str] = []

    def run(self) -> list[Event]:
        source, events = self.source, self.events
        pos = 0
        if source.startswith("\ufeff"):
            events.append(Other(0, 1))
            pos = 1
        while pos < len(source):
            if source[pos] != "<":
                end = source.find("<", pos)
                end = len(source) if end < 0 else end
                self._text(pos, end)
            elif source.startswith("<!--", pos):
                end = self._find("-->", pos + 4, pos) + 3
                events.append(Other(pos, end))
            elif source.startswith("<![CDATA[", pos):
                close = self._find("]]>", pos + 9, pos)
                events.append(Other(pos, pos + 9))
                if close > pos + 9:
                    events.append(Text(pos + 9, close))
                events.append(Other(close, close + 3))
                end = close + 3
            elif source.startswith("<!DOCTYPE", pos):
                end = self._doctype_end(pos)
                events.append(Other(pos, end))
            elif source.startswith("<?", pos):
                end = self._find("?>", pos + 2, pos) + 2
                events.append(Other(pos, end))
            elif source.startswith("</", pos):
                end = self._end_tag(pos)
            else:
                end = self._start_tag(pos)
            pos = end
        return events

    def _text(self, start: int, end: int) -> None:
        pos = start
        for match in _REFERENCE.finditer(self.source, start, end):
            value = _reference_value(match, self.entities)
            if value is None:
                self._fail(f"undefined entity {match.group()}", match.start())
            if match.start() > pos:
                self.events.append(Text(pos, match.start()))
            self.events.append(CharRef(match.start(), match.end(), value))
            pos = match.end()
        if end > pos:
            self.events.append(Text(pos, end))

    def _start_tag(self, pos: int) -> int:
        match = _START_TAG.match(self.source, pos)
        if match is None:
            self._fail("malformed start tag", pos)
        qualified, raw_attributes, self_closing = match.groups()
        attrs: dict[str, str] = {}
        scope = dict(self.scopes[-1])
        for attribute in _ATTRIBUTE.finditer(raw_attributes):
            name = attribute.group(1)
            value = decode_references(attribute.group(2) or attribute.group(3) or "")
            attrs[name] = value
            if name == "xmlns":
                scope[""] = value
            elif name.startswith("xmlns:"):
                scope[name[6:]] = value
        prefix, _, local = qualified.rpartition(":")
        self.events.append(
            StartTag(
                name=local,
                namespace=scope.get(prefix, ""),
                attrs=attrs,
                start=pos,
                end=match.end(),
                self_closing=bool(self_closing),
            )
        )
        if not self_closing:
            self.scopes.append(scope)
            self.open_names.append(local)
        return match.end()

    def _end_tag(self, pos: int) -> int:
        match = _END_TAG.match(self.source, pos)
        if match is None or not self.open_names:
            self._fail("malformed end tag", pos)
        self.scopes.pop()
        self.events.append(EndTag(self.open_names.pop(), pos, match.end()))
        return match.end()

    def _doctype_end(self, pos: int) -> int:
        """End of ``<!DOCTYPE …>``; refuses entity declarations in the internal subset."""
        source, index, depth = self.source, pos + len("<!DOCTYPE"), 0
        while index < len(source):
            char = source[index]
            if char in "\"'":
                index = self._find(char, index + 1, index) + 1
                continue
            if source.startswith("<!--", index):
                index = self._find("-->", index + 4, index) + 3
                continue
            if depth and source.startswith("<!ENTITY", index):
                self._fail("XML refused: its DOCTYPE declares an entity", index, "xml_entities")
            if char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
            elif char == ">" and depth == 0:
                return index + 1
            index += 1
        self._fail("unterminated DOCTYPE", pos)

    def _find(self, needle: str, start: int, opened_at: int) -> int:
        found = self.source.find(needle, start)
        if found < 0:
            self._fail(f"missing {needle!r}", opened_at)
        return found

    def _fail(self, message: str, offset: int, reason: str = "unreadable") -> NoReturn:
        line, column = LineIndex(self.source).position(offset)
        raise InputError(message, reason=reason, path=self.path, line=line, column=column)
