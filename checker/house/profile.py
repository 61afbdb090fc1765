"""House style profiles: a TOML file with names, preferred spellings, words to avoid, rule
switches, the typography convention and wire settings, read into a frozen `Profile`.

`checker/house/profiles/default.toml` is the default; a newsroom points `load_profile` at its own file, which
may start from another with ``extends = "default"`` (or a path relative to itself). Tables are
merged key by key, any other value (lists included) replaces the one it extends.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, NoReturn

from checker.errors import InputError
from checker.house.dictionary import NameIndex
from checker.options import LOW_CONFIDENCE, MODEL_BY_DEFAULT, SENSITIVITIES, LowConfidence, Sensitivity
from checker.records import SEVERITIES, Severity

Convention = Literal["auto", "agency", "duden"]
CONVENTIONS: tuple[Convention, ...] = ("auto", "agency", "duden")

PROFILES_DIR = Path(__file__).resolve().parent / "profiles"
DEFAULT_PROFILE = PROFILES_DIR / "default.toml"
_MAX_EXTENDS_DEPTH = 8


@dataclass(frozen=True)
class Avoidance:
    """A word or phrase the house avoids, why, and what to write instead."""

    phrase: str
    reason: str
    suggestions: tuple[str, ...] = ()


@dataclass(frozen=True)
class WireSettings:
    """Agency-copy settings from the ``[wire]`` table."""

    max_sentence_words: int = 30
    # Whole numbers from 1 up to this (at most 12) are written out in running text ("drei Menschen"); 0 = off.
    spell_out_up_to: int = 12
    # Numbers with this many digits or more need thousands separators ("10.000"); 0 = off.
    group_digits_from: int = 5
    # Agency codes a dateline may name; empty = the ``agencies`` group of ``[names]``.
    dateline_agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModelSettings:
    """The learned layer's settings from the ``[model]`` table (see checker.learned)."""

    # Whether it runs (a check can still switch it off: --no-model, "model": false).
    enabled: bool = MODEL_BY_DEFAULT
    # What becomes of a LanguageTool finding the model judges very likely wrong.
    low_confidence: LowConfidence = "drop"
    # "normal" for edited copy; "high" reports more, for copy with many errors (translations).
    sensitivity: Sensitivity = "normal"


@dataclass(frozen=True, eq=False)
class Profile:
    """A loaded profile; immutable, so one instance serves all threads. Compared by identity."""

    name: str
    source: str
    convention: Convention = "auto"
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    spelling: Mapping[str, str] = field(default_factory=dict)
    avoid: tuple[Avoidance, ...] = ()
    disabled_rules: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    wire: WireSettings = WireSettings()
    model: ModelSettings = ModelSettings()
    _index: NameIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        entries = [entry for group in self.names.values() for entry in group]
        object.__setattr__(self, "_index", NameIndex(entries))

    @property
    def agencies(self) -> tuple[str, ...]:
        return self.names.get("agencies", ())

    @property
    def dateline_agencies(self) -> tuple[str, ...]:
        return self.wire.dateline_agencies or self.agencies

    def is_known_name(self, word: str) -> bool:
        """Whether `word` is a dictionary name or an inflected form of one (see checker.house.dictionary)."""
        return self._index.is_known(word)

    def name_base(self, word: str) -> tuple[str, str] | None:
        """(dictionary name, inflection ending) for a known name form, else None."""
        return self._index.base_name(word)

    def suggest_names(self, word: str, limit: int = 3) -> list[str]:
        """Dictionary names that `word` is a near miss of, closest first ("Araghchi" -> ["Araghtschi"]).

        Near misses are other transliterations of a name (see checker.house.dictionary): known names
        and ordinary German words ("Menschen", "Schule") get nothing.
        """
        return self._index.suggest(word, limit)

    def with_names(self, group: str, names: Sequence[str]) -> Profile:
        """This profile with `names` added to the names dictionary as `group` (for names an editor
        accepts for one session). The profile itself stays as it is."""
        if not names:
            return self
        return dataclasses.replace(self, names=MappingProxyType({**self.names, group: tuple(names)}))

    @cached_property
    def digest(self) -> str:
        """A digest of everything the profile says, in its order (not where it was read from):
        equal digests check alike. For cache keys (checker.cli.report_cache)."""
        content = [
            self.name,
            self.convention,
            list(self.names.items()),
            list(self.spelling.items()),
            [dataclasses.astuple(avoidance) for avoidance in self.avoid],
            sorted(self.disabled_rules),
            list(self.severities.items()),
            dataclasses.astuple(self.wire),
            dataclasses.astuple(self.model),
        ]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()

    def rule_severity(self, rule_id: str, default: Severity) -> Severity:
        return self.severities.get(rule_id, default)

    def is_disabled(self, rule_id: str) -> bool:
        return rule_id in self.disabled_rules


def load_profile(path: str | Path | None = None) -> Profile:
    """Read a profile file; None reads the default profile. Raises InputError with path/line."""
    if path is None:
        return _default_profile()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _default_profile() -> Profile:
    return _load(DEFAULT_PROFILE)


def _load(path: Path) -> Profile:
    data = _read_chain(path, depth=0)
    return _build(data, str(path))


# --- reading and checking the file --------------------------------------------------------

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)")

# Declarative schema: table -> {key: kind}; "*" stands for any key (name groups, spellings …).
_SCHEMA: dict[str, dict[str, str]] = {
    "typography": {"convention": "convention"},
    "wire": {
        "max_sentence_words": "positive_int",
        "spell_out_up_to": "int",
        "group_digits_from": "int",
        "dateline_agencies": "strings",
    },
    "names": {"*": "strings"},
    "spelling": {"*": "string"},
    "avoid": {"*": "avoidance"},
    "rules": {"disabled": "strings", "severity": "severities"},
    "model": {"enabled": "bool", "low_confidence": "low_confidence", "sensitivity": "sensitivity"},
}
_TOP_LEVEL = {"name": "string", "description": "string", "extends": "string"}


def _read_chain(path: Path, depth: int) -> dict[str, Any]:
    if depth > _MAX_EXTENDS_DEPTH:
        raise InputError("profile 'extends' chain is too long (a cycle?)", path=str(path))
    source = _read_text(path)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = column = None
        if position:
            line, column = int(position.group(1)), int(position.group(2))
            message = _TOML_POSITION.sub("", message)
        raise InputError(f"invalid TOML: {message}", path=str(path), line=line, column=column) from exc
    _validate(data, source, str(path))
    base = data.pop("extends", None)
    if base is None:
        return data
    base_path = DEFAULT_PROFILE if base == "default" else (path.parent / base)
    return _merge(_read_chain(base_path, depth + 1), data)


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read profile: {exc.strerror or exc}", path=str(path)) from exc
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("profile is not UTF-8", path=str(path), byte_offset=exc.start) from exc


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _line_of(source: str, table: str | None, key: str | None) -> int | None:
    """Line of `key` in `[table]` (or of the table header when key is None), for messages."""
    current: str | None = None
    header = re.compile(r"\s*\[\s*([^\]]+?)\s*\]\s*(?:#.*)?$")
    for number, line in enumerate(source.splitlines(), 1):
        match = header.match(line)
        if match:
            current = match.group(1).strip().strip("\"'")
            if key is None and current == table:
                return number
            continue
        if key is not None and current == table:
            stripped = line.lstrip()
            for spelled in (key, f'"{key}"', f"'{key}'"):
                if stripped.startswith(spelled) and stripped[len(spelled) :].lstrip().startswith("="):
                    return number
    return None


def _validate(data: dict[str, Any], source: str, path: str) -> None:
    def fail(message: str, table: str | None, key: str | None) -> NoReturn:
        raise InputError(message, path=path, line=_line_of(source, table, key))

    for key, value in data.items():
        if key in _TOP_LEVEL:
            if not isinstance(value, str):
                fail(f"'{key}' must be a string", None, key)
            continue
        if key not in _SCHEMA:
            known = ", ".join([*_TOP_LEVEL, *_SCHEMA])
            line = _line_of(source, key, None) if isinstance(value, dict) else _line_of(source, None, key)
            raise InputError(f"unknown key or table '{key}' (known: {known})", path=path, line=line)
        if not isinstance(value, dict):
            fail(f"'{key}' must be a table ([{key}])", None, key)
        schema = _SCHEMA[key]
        for entry, entry_value in value.items():
            kind = schema.get(entry, schema.get("*"))
            if kind is None:
                known = ", ".join(schema)
                fail(f"unknown key '{entry}' in [{key}] (known: {known})", key, entry)
            problem = _check_value(kind, entry_value)
            if problem:
                fail(f"[{key}] {entry}: {problem}", key, entry)


def _check_value(kind: str, value: Any) -> str | None:  # noqa: PLR0911, PLR0912  (being replaced)
    """A description of what is wrong with `value` for `kind`, or None when it fits."""
    if kind == "string":
        return None if isinstance(value, str) and value else "must be a non-empty string"
    if kind == "strings":
        ok = isinstance(value, list) and all(isinstance(item, str) and item for item in value)
        return None if ok else "must be a list of non-empty strings"
    if kind in ("int", "positive_int"):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return "must be a whole number of 0 or more"
        return "must be at least 1" if kind == "positive_int" and value < 1 else None
    if kind == "bool":
        return None if isinstance(value, bool) else "must be true or false"
    if kind == "low_confidence":
        return None if value in LOW_CONFIDENCE else f"must be one of {', '.join(LOW_CONFIDENCE)}"
    if kind == "sensitivity":
        return None if value in SENSITIVITIES else f"must be one of {', '.join(SENSITIVITIES)}"
    if kind == "convention":
        return None if value in CONVENTIONS else f"must be one of {', '.join(CONVENTIONS)}"
    if kind == "severities":
        if not isinstance(value, dict):
            return "must be a table of RULE_ID = severity"
        wrong = [rule for rule, severity in value.items() if severity not in SEVERITIES]
        return f"severity of {', '.join(wrong)} must be one of {', '.join(SEVERITIES)}" if wrong else None
    if kind == "avoidance":
        if isinstance(value, str):
            return None if value else "the reason must not be empty"
        if not isinstance(value, dict):
            return "must be a reason string or a table { reason = ..., suggestions = [...] }"
        unknown = set(value) - {"reason", "suggestions"}
        if unknown:
            return f"unknown key(s) {', '.join(sorted(unknown))} (known: reason, suggestions)"
        if not isinstance(value.get("reason"), str) or not value["reason"]:
            return "needs a non-empty 'reason'"
        return _check_value("strings", value.get("suggestions", []))
    raise AssertionError(f"unknown schema kind {kind}")


def _build(data: dict[str, Any], source: str) -> Profile:
    wire = data.get("wire", {})
    rules = data.get("rules", {})
    avoid = []
    for phrase, value in data.get("avoid", {}).items():
        if isinstance(value, str):
            avoid.append(Avoidance(phrase, value))
        else:
            avoid.append(Avoidance(phrase, value["reason"], tuple(value.get("suggestions", ()))))
    return Profile(
        name=data.get("name", Path(source).stem),
        source=source,
        convention=data.get("typography", {}).get("convention", "auto"),
        names=MappingProxyType({group: tuple(items) for group, items in data.get("names", {}).items()}),
        spelling=MappingProxyType(dict(data.get("spelling", {}))),
        avoid=tuple(avoid),
        disabled_rules=frozenset(rules.get("disabled", ())),
        severities=MappingProxyType(dict(rules.get("severity", {}))),
        wire=WireSettings(
            max_sentence_words=wire.get("max_sentence_words", WireSettings.max_sentence_words),
            spell_out_up_to=wire.get("spell_out_up_to", WireSettings.spell_out_up_to),
            group_digits_from=wire.get("group_digits_from", WireSettings.group_digits_from),
            dateline_agencies=tuple(wire.get("dateline_agencies", ())),
        ),
        model=ModelSettings(
            enabled=data.get("model", {}).get("enabled", ModelSettings.enabled),
            low_confidence=data.get("model", {}).get("low_confidence", ModelSettings.low_confidence),
            sensitivity=data.get("model", {}).get("sensitivity", ModelSettings.sensitivity),
        ),
    )
