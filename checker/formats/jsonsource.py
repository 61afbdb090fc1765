"""JSON with positions: where each string value sits in the file, and how its escapes decode.

ninjs carries headline and body as JSON strings; to point findings back into the file we need
the slice of the file behind every decoded character (``\\u00e4`` is six characters for one).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, NoReturn

from checker.errors import InputError
from checker.formats.document import RegionKind
from checker.formats.flow import PARAGRAPH, Sink
from checker.text.offsets import LineIndex

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null")
_ESCAPE = re.compile(
    r"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(.)",
    re.DOTALL,
)
_MOST_DIGITS = 4300
_LONG_NUMBER = re.compile(rf"[0-9]{{{_MOST_DIGITS + 1},}}")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

JsonPath = tuple[str | int, ...]


@dataclass(frozen=True)
class JsonString:
    """A string value: its path from the root, the slice with its quotes, the decoded value."""

    path: JsonPath
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Piece:
    """A slice of a string literal's content and what it decodes to (escapes give one char)."""

    start: int
    end: int
    value: str
    escaped: bool


def load_json(source: str, *, path: str | None = None) -> Any:
    """The parsed value; malformed JSON (and NaN/Infinity) raise `InputError` with its position."""

    def refuse_constant(name: str) -> NoReturn:
        offset = source.find(name)
        line, column = LineIndex(source).position(max(offset, 0))
        raise InputError(
            f"malformed JSON: {name} is not JSON", reason="json_malformed", path=path, line=line, column=column
        )

    try:
        return json.loads(source, parse_constant=refuse_constant)
    except json.JSONDecodeError as exc:
        line, column = LineIndex(source).position(exc.pos)
        raise InputError(
            f"malformed JSON: {exc.msg}", reason="json_malformed", path=path, line=line, column=column
        ) from exc
    except RecursionError as exc:
        raise InputError("malformed JSON: nested too deeply", reason="json_malformed", path=path) from exc
    except ValueError as exc:  # an integer beyond Python's conversion limit (sys.get_int_max_str_digits())
        found = _LONG_NUMBER.search(source)
        line, column = LineIndex(source).position(found.start() if found else 0)
        digits = len(found.group()) if found else 0
        raise InputError(
            f"a number of {digits} digits, more than {_MOST_DIGITS}",
            reason="json_malformed",
            path=path,
            line=line,
            column=column,
            digits=digits,
        ) from exc


def string_values(source: str) -> list[JsonString]:
    """Every string value (not object keys) in JSON that `load_json` accepted, in file order."""
    return _StringScan(source).run()


@dataclass
class _Container:
    """An open object or array: the path to it, and the index of the current item (None: object)."""

    path: JsonPath
    item: int | None


class _StringScan:
    """One pass over the file, value by value, knowing the path of the value at `index`."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.index = _skip(source, 0)
        self.path: JsonPath = ()
        self.open: list[_Container] = []
        self.found: list[JsonString] = []

    def run(self) -> list[JsonString]:
        while True:
            if self._value() and not self._next_sibling():
                return self.found

    def _value(self) -> bool:
        """Read the value at `index`; False if it opened a container (now at its first member)."""
        char = self.source[self.index]
        if char in "{[":
            return self._container(char)
        if char == '"':
            match = _STRING.match(self.source, self.index)
            if match is None:
                raise ValueError(f"no string at {self.index}")
            self.found.append(JsonString(self.path, match.start(), match.end(), json.loads(match.group())))
        else:
            match = _SCALAR.match(self.source, self.index)
            if match is None:
                raise ValueError(f"no JSON value at {self.index}")
        self.index = _skip(self.source, match.end())
        return True

    def _container(self, char: str) -> bool:
        """Enter the object or array at `index`; True if it is empty (and so already read)."""
        self.index = _skip(self.source, self.index + 1)
        if self.source[self.index] in "}]":
            self.index = _skip(self.source, self.index + 1)
            return True
        if char == "{":
            key, self.index = _key(self.source, self.index)
            self.open.append(_Container(self.path, None))
            self.path = (*self.path, key)
        else:
            self.open.append(_Container(self.path, 0))
            self.path = (*self.path, 0)
        return False

    def _next_sibling(self) -> bool:
        """After a complete value, move to the next one, closing the containers that end here;
        False when the outermost value has ended."""
        while self.open:
            container = self.open[-1]
            if self.source[self.index] == ",":
                self.index = _skip(self.source, self.index + 1)
                if container.item is None:
                    key, self.index = _key(self.source, self.index)
                    self.path = (*container.path, key)
                else:
                    container.item += 1
                    self.path = (*container.path, container.item)
                return True
            self.index = _skip(self.source, self.index + 1)  # "}" or "]"
            self.open.pop()
        return False


def pieces(source: str, string: JsonString) -> list[Piece]:
    """The content of `string` (without quotes) as literal runs and single escapes."""
    result: list[Piece] = []
    position, end = string.start + 1, string.end - 1
    for match in _ESCAPE.finditer(source, position, end):
        if match.start() > position:
            result.append(Piece(position, match.start(), source[position : match.start()], False))
        result.append(Piece(match.start(), match.end(), _decode_escape(match), True))
        position = match.end()
    if end > position:
        result.append(Piece(position, end, source[position:end], False))
    return result


class DecodedString:
    """A string value's decoded text, with the way back from each decoded index to the file."""

    def __init__(self, source: str, string: JsonString) -> None:
        self.pieces = pieces(source, string)
        self.value = "".join(piece.value for piece in self.pieces)
        self.content_end = string.end - 1
        starts, at = [], 0
        for piece in self.pieces:
            starts.append(at)
            at += len(piece.value)
        self._starts = starts

    def source_offset(self, decoded: int) -> int:
        """File offset of the decoded character at `decoded` (the content end for the end)."""
        if decoded >= len(self.value):
            return self.content_end
        slot = bisect_right(self._starts, decoded) - 1
        piece = self.pieces[slot]
        return piece.start if piece.escaped else piece.start + decoded - self._starts[slot]

    def slices(self, start: int, end: int) -> list[tuple[Piece, int]]:
        """Pieces overlapping the decoded span ``start:end``, each with the file offset at which
        its share of the span ends."""
        result = []
        slot = max(bisect_right(self._starts, start) - 1, 0)
        while slot < len(self.pieces) and self._starts[slot] < end:
            piece = self.pieces[slot]
            piece_end = self._starts[slot] + len(piece.value)
            if piece.escaped or end >= piece_end:
                result.append((piece, piece.end))
            else:
                result.append((piece, piece.start + end - self._starts[slot]))
            slot += 1
        return result


class MappedSink:
    """A `Sink` for a reader working on a decoded JSON string; reports to the file's sink."""

    def __init__(self, outer: Sink, decoded: DecodedString) -> None:
        self._outer = outer
        self._decoded = decoded
        self._pos = 0

    def markup(self, end: int, *, word_break: bool = False) -> None:
        self._pos = end
        self._outer.markup(self._decoded.source_offset(end), word_break=word_break)

    def text(self, end: int, *, verbatim: bool = False, blank_lines: bool = False) -> None:
        for piece, source_end in self._decoded.slices(self._pos, end):
            if piece.escaped:
                self._outer.escaped_text(source_end, piece.value, verbatim=verbatim)
            else:
                self._outer.text(source_end, verbatim=verbatim, blank_lines=blank_lines)
        self._pos = end

    def char(self, end: int, value: str) -> None:
        self._pos = end
        self._outer.char(self._decoded.source_offset(end), value)

    def escaped_text(self, end: int, value: str, *, verbatim: bool = False) -> None:
        self._pos = end
        self._outer.escaped_text(self._decoded.source_offset(end), value, verbatim=verbatim)

    def brk(self, level: int = PARAGRAPH) -> None:
        self._outer.brk(level)

    def open_region(self, kind: RegionKind) -> None:
        self._outer.open_region(kind)

    def close_region(self) -> None:
        self._outer.close_region()


def emit_plain_string(sink: Sink, source: str, string: JsonString) -> None:
    """Report a plain-text string value (headline, body_text) to `sink` as its own paragraph."""
    sink.markup(string.start + 1)
    sink.brk(PARAGRAPH)
    for piece in pieces(source, string):
        if piece.escaped:
            sink.escaped_text(piece.end, piece.value, verbatim=True)
        else:
            sink.text(piece.end, verbatim=True)
    sink.markup(string.end)
    sink.brk(PARAGRAPH)


def _skip(source: str, index: int) -> int:
    match = _WHITESPACE.match(source, index)
    return match.end() if match else index


def _key(source: str, index: int) -> tuple[str, int]:
    match = _STRING.match(source, index)
    if match is None:
        raise ValueError(f"no object key at {index}")
    index = _skip(source, match.end())
    return json.loads(match.group()), _skip(source, index + 1)  # past ":"


def _decode_escape(match: re.Match[str]) -> str:
    high, low, unit, simple = match.groups()
    if simple is not None:
        return _SIMPLE_ESCAPES[simple]
    if unit is not None:
        return chr(int(unit, 16))
    return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00))
