"""One typed schema for our TOML settings files (the house profile, the project file): a file is
declared as a `Record` of `SettingField`s (name, kind, default, help) and read by one path that refuses
unknown keys and names the file, the line, the key and what was expected.

It sits at the root, on errors alone, because layers far apart read settings (house/ the profile,
filters/ the gate's values, cli/ the project file) and it is about neither text nor input formats.
"""

from __future__ import annotations

import re
import tomllib
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

from checker.errors import InputError

# The default of a field that must be given.
REQUIRED: Any = object()


class ValueKind(ABC):
    """What a value may be. `expected` says it for people ("a list of strings"); `problem` says
    what is wrong with a value, or None when it fits; `decode` gives the typed value."""

    @property
    @abstractmethod
    def expected(self) -> str: ...

    @abstractmethod
    def fits(self, value: Any) -> bool: ...

    def problem(self, value: Any) -> str | None:
        return None if self.fits(value) else f"must be {self.expected}"

    def decode(self, value: Any) -> Any:
        return value


@dataclass(frozen=True)
class TextValue(ValueKind):
    """A string, empty only where `empty` allows; `meaning` names it in messages ("a file name")."""

    empty: bool = False
    meaning: str = ""

    @property
    def expected(self) -> str:
        return self.meaning or ("a string" if self.empty else "a non-empty string")

    def fits(self, value: Any) -> bool:
        return isinstance(value, str) and (self.empty or bool(value))


@dataclass(frozen=True)
class TextValues(ValueKind):
    """A list of strings, read as a tuple; empty strings only where `empty_items` allows them."""

    empty_items: bool = False

    @property
    def expected(self) -> str:
        return "a list of strings" if self.empty_items else "a list of non-empty strings"

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) and all(isinstance(item, str) and (item or self.empty_items) for item in value)

    def decode(self, value: Any) -> tuple[str, ...]:
        return tuple(value)


@dataclass(frozen=True)
class Whole(ValueKind):
    """A whole number of `minimum` or more (true and false are no numbers here, as they are in Python)."""

    minimum: int = 0

    @property
    def expected(self) -> str:
        return f"a whole number of {self.minimum} or more"

    def fits(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= self.minimum

    def problem(self, value: Any) -> str | None:
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < self.minimum:
            return f"must be at least {self.minimum}"
        return super().problem(value)


@dataclass(frozen=True)
class Flag(ValueKind):
    """true or false."""

    @property
    def expected(self) -> str:
        return "true or false"

    def fits(self, value: Any) -> bool:
        return isinstance(value, bool)


@dataclass(frozen=True)
class Choice(ValueKind):
    """One of a few fixed strings."""

    options: tuple[str, ...]

    @property
    def expected(self) -> str:
        return "one of " + ", ".join(self.options)

    def fits(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.options


@dataclass(frozen=True)
class MapOf(ValueKind):
    """A table of free keys (names, globs, rule ids), each value of one kind; read as a read-only mapping."""

    of: ValueKind
    meaning: str

    @property
    def expected(self) -> str:
        return self.meaning

    def fits(self, value: Any) -> bool:
        return isinstance(value, dict) and all(self.of.fits(item) for item in value.values())

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"must be {self.expected}"
        for key, item in value.items():
            problem = self.of.problem(item)
            if problem:
                return f"{_key_text(key)} {problem}"
        return None

    def decode(self, value: Any) -> Mapping[str, Any]:
        return MappingProxyType({key: self.of.decode(item) for key, item in value.items()})


@dataclass(frozen=True)
class SettingField:
    """One setting: its key, what it may be, its value when not given and what it is for."""

    name: str
    kind: ValueKind
    default: Any
    help: str


@dataclass(frozen=True)
class Record(ValueKind):
    """A table of declared fields, read into `into(**values)` (a dict unless given). `item` is what
    its keys are called in messages ("setting"). With `shorthand`, a bare value stands for that
    field alone (``"Wort" = "reason"`` for ``"Wort" = { reason = "reason" }``)."""

    fields: tuple[SettingField, ...]
    item: str = "key"
    shorthand: str | None = None
    into: Callable[..., Any] = dict
    by_name: Mapping[str, SettingField] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", MappingProxyType({each.name: each for each in self.fields}))

    @property
    def expected(self) -> str:
        table = "a table of " + ", ".join(self.by_name)
        return f"{self.by_name[self.shorthand].kind.expected} or {table}" if self.shorthand else table

    def known(self) -> str:
        return "known: " + ", ".join(self.by_name)

    def _expanded(self, value: Any) -> Any:
        return {self.shorthand: value} if self.shorthand and not isinstance(value, dict) else value

    def fits(self, value: Any) -> bool:
        return self.problem(value) is None

    def problem(self, value: Any) -> str | None:
        """What is wrong with the record as one value (an entry of a map, on one line): every
        unknown key at once, then the first field that does not fit."""
        bare = not isinstance(value, dict)
        value = self._expanded(value)
        if not isinstance(value, dict):
            return f"must be {self.expected}"
        unknown = sorted(set(value) - set(self.by_name))
        if unknown:
            return f"has unknown {self.item}(s) {', '.join(unknown)} ({self.known()})"
        for each in self.fields:
            if each.name not in value:
                if each.default is REQUIRED:
                    return f"needs {each.name!r} ({each.kind.expected})"
                continue
            problem = each.kind.problem(value[each.name])
            if problem:
                return f"must be {self.expected}" if bare else f"{_key_text(each.name)} {problem}"
        return None

    def decode(self, value: Any) -> Any:
        """The typed record of a checked table; fields not given take their defaults."""
        value = self._expanded(value)
        values = {}
        for each in self.fields:
            given = value.get(each.name, each.default)
            values[each.name] = None if given is None else each.kind.decode(given)
        return self.into(**values)

    def settings(self, prefix: str = "") -> list[tuple[str, SettingField]]:
        """Every setting as (dotted key, field), tables opened: ("wire.max_sentence_words", …)."""
        found = []
        for each in self.fields:
            key = prefix + each.name
            if isinstance(each.kind, Record) and each.kind.shorthand is None:
                found.extend(each.kind.settings(key + "."))
            else:
                found.append((key, each))
        return found


@dataclass(frozen=True)
class SettingsDocument:
    """A TOML file as read: its path, its text (for line numbers), its data, and the reason its
    errors carry (see checker.errors.InputError)."""

    path: Path
    source: str
    data: dict[str, Any]
    reason: str

    def fail(self, message: str, keys: tuple[str, ...]) -> NoReturn:
        raise InputError(message, reason=self.reason, path=str(self.path), line=self.line_of(keys), key=_dotted(keys))

    def line_of(self, keys: tuple[str, ...]) -> int | None:
        """The line of the key at `keys`, else of the nearest table or key around it."""
        for end in range(len(keys), 0, -1):
            line = _line_of(self.source, ".".join(keys[: end - 1]), keys[end - 1])
            if line is None:
                line = _line_of(self.source, ".".join(keys[:end]), None)
            if line is not None:
                return line
        return None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def read_document(path: Path, *, what: str, reason: str = "unreadable") -> SettingsDocument:
    """Read a TOML file; `what` it is ("profile") names it in the InputError when it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror or exc}", reason=reason, path=str(path)) from exc
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"the {what} is not UTF-8", reason=reason, path=str(path), byte_offset=exc.start) from exc
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message, line, column = str(exc), None, None
        position = _TOML_POSITION.search(message)
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = _TOML_POSITION.sub("", message)
        raise InputError(f"invalid TOML: {message}", reason=reason, path=str(path), line=line, column=column) from exc
    return SettingsDocument(path, source, data, reason)


def check(document: SettingsDocument, record: Record, *, within: tuple[str, ...] = ()) -> dict[str, Any]:
    """The table at `within` (empty when absent), checked against `record`; raises InputError with
    the file, line and key of the first problem."""
    table: Any = document.data
    for part in within:
        table = table.get(part, {}) if isinstance(table, dict) else table
    _check(document, record, table, within, tables=len(within))
    return dict(table)


def _check(document: SettingsDocument, kind: ValueKind, value: Any, keys: tuple[str, ...], tables: int) -> None:
    """Check `value` at `keys`, of which the first `tables` name TOML tables: a table's keys are
    checked one by one, at their own lines; anything else as one value."""
    if isinstance(value, dict) and len(keys) == tables and isinstance(kind, Record | MapOf):
        for key, item in value.items():
            if isinstance(kind, MapOf):
                _check(document, kind.of, item, (*keys, key), tables)
                continue
            declared = kind.by_name.get(key)
            if declared is None:
                where = f" in [{_dotted(keys)}]" if keys else ""
                document.fail(f"unknown {kind.item} {key!r}{where} ({kind.known()})", (*keys, key))
            opens_table = isinstance(declared.kind, Record | MapOf) and isinstance(item, dict)
            _check(document, declared.kind, item, (*keys, key), tables + 1 if opens_table else tables)
        return
    problem = kind.problem(value)
    if problem:
        document.fail(f"{_label(keys, tables)} {problem}", keys)


def _label(keys: tuple[str, ...], tables: int) -> str:
    """A key for messages: '[wire] max_sentence_words', a top-level one quoted ('extends')."""
    table, key = _dotted(keys[:tables]), _dotted(keys[tables:])
    if not table:
        return repr(key)
    return f"[{table}] {key}" if key else f"[{table}]"


def _dotted(keys: tuple[str, ...]) -> str:
    return ".".join(map(_key_text, keys))


def _key_text(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else f'"{key}"'


def _line_of(source: str, table: str, key: str | None) -> int | None:
    """Line of `key` in `[table]` ("" for the top), or of the table's header when key is None."""
    current = ""
    for number, line in enumerate(source.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            current = ".".join(part.strip().strip("\"'") for part in header.group(1).split("."))
            if key is None and current == table:
                return number
            continue
        if key is not None and current == table:
            stripped = line.lstrip()
            for spelled in (key, f'"{key}"', f"'{key}'"):
                if stripped.startswith(spelled) and stripped[len(spelled) :].lstrip().startswith("="):
                    return number
    return None
