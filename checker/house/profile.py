"""House style profiles: a TOML file with names, preferred spellings, words to avoid, rule
switches, the typography convention and wire settings (`PROFILE_FILE` declares them all), read into
a frozen `Profile`.

`checker/house/profiles/default.toml` is the default; a newsroom points `load_profile` at its own file, which
may start from another with ``extends = "default"`` (or a path relative to itself). Tables are
merged key by key, any other value (lists included) replaces the one it extends.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from checker.errors import InputError
from checker.house.dictionary import NameIndex
from checker.options import LOW_CONFIDENCE, MODEL_BY_DEFAULT, SENSITIVITIES, LowConfidence, Sensitivity
from checker.records import SEVERITIES, Severity
from checker.schema import (
    REQUIRED,
    Choice,
    Flag,
    MapOf,
    Record,
    SettingField,
    TextValue,
    TextValues,
    Whole,
    check,
    read_document,
)

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
    """Agency-copy settings from the ``[wire]`` table; what each means is in `PROFILE_FILE`."""

    max_sentence_words: int = 30
    spell_out_up_to: int = 12
    group_digits_from: int = 5
    dateline_agencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModelSettings:
    """The learned layer's settings from the ``[model]`` table; what each means is in `PROFILE_FILE`."""

    enabled: bool = MODEL_BY_DEFAULT
    low_confidence: LowConfidence = "drop"
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

    def with_spellings(self, spellings: Mapping[str, str]) -> Profile:
        """This profile with `spellings` (variant = preferred spelling) added to its preferred
        spellings; a variant the profile itself has keeps the profile's spelling."""
        added = {variant: preferred for variant, preferred in spellings.items() if variant not in self.spelling}
        if not added:
            return self
        return dataclasses.replace(self, spelling=MappingProxyType({**self.spelling, **added}))

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


# --- the file's schema: one table per TOML table, then reading and building ----------------

_TYPOGRAPHY = Record(
    (
        SettingField(
            "convention",
            Choice(CONVENTIONS),
            "auto",
            "Quotation marks, dashes and percent signs: auto (the document's own form), agency or duden.",
        ),
    )
)
_WIRE = Record(
    (
        SettingField(
            "max_sentence_words",
            Whole(minimum=1),
            WireSettings.max_sentence_words,
            "Longer sentences are counted in the statistics; a profile that enables HOUSE_SENTENCE_LENGTH marks each"
            " one (a note; [rules] severity may make it a warning).",
        ),
        SettingField(
            "spell_out_up_to",
            Whole(),
            WireSettings.spell_out_up_to,
            'Whole numbers from 1 up to this (at most 12) are written out in running text ("drei Menschen"); 0: off.',
        ),
        SettingField(
            "group_digits_from",
            Whole(),
            WireSettings.group_digits_from,
            'Numbers with this many digits or more need thousands separators ("10.000"); 0: off.',
        ),
        SettingField(
            "dateline_agencies",
            TextValues(),
            WireSettings.dateline_agencies,
            "Agency codes a dateline may name; empty: the agencies group of [names].",
        ),
    ),
    into=WireSettings,
)
_AVOIDANCE = Record(
    (
        SettingField("reason", TextValue(), REQUIRED, "Why the house avoids the phrase."),
        SettingField("suggestions", TextValues(), (), "What to write instead."),
    ),
    shorthand="reason",
)
_RULES = Record(
    (
        SettingField("disabled", TextValues(), (), "Rules switched off, LanguageTool's and our own."),
        SettingField(
            "severity",
            MapOf(Choice(SEVERITIES), "a table of RULE_ID = severity"),
            {},
            "Another severity for a rule: RULE_ID = error, warning or info.",
        ),
    )
)
_MODEL = Record(
    (
        SettingField(
            "enabled",
            Flag(),
            ModelSettings.enabled,
            'Whether the learned layer runs; a check can still switch it off (--no-model, "model": false).',
        ),
        SettingField(
            "low_confidence",
            Choice(LOW_CONFIDENCE),
            ModelSettings.low_confidence,
            "What becomes of a LanguageTool finding the model judges very likely wrong.",
        ),
        SettingField(
            "sensitivity",
            Choice(SENSITIVITIES),
            ModelSettings.sensitivity,
            "normal for edited copy; high reports more, for copy with many errors (translations).",
        ),
    ),
    into=ModelSettings,
)
PROFILE_FILE = Record(
    (
        SettingField("name", TextValue(empty=True), None, "The profile's name; default: the file's name."),
        SettingField("description", TextValue(empty=True), None, "What the profile is for, for people."),
        SettingField("extends", TextValue(empty=True), None, '"default", or the profile file this one starts from.'),
        SettingField("typography", _TYPOGRAPHY, {}, "The typographic convention."),
        SettingField("wire", _WIRE, {}, "The wire rules' settings."),
        SettingField(
            "names",
            MapOf(TextValues(), "a table of name groups"),
            {},
            "Names by group (people, places …): never misspelt, their near misses pointed to them.",
        ),
        SettingField(
            "spelling", MapOf(TextValue(), "a table of word = preferred spelling"), {}, "Preferred spellings."
        ),
        SettingField(
            "avoid",
            MapOf(_AVOIDANCE, "a table of phrase = reason"),
            {},
            "Words and phrases to avoid: phrase = reason, or { reason = …, suggestions = […] }.",
        ),
        SettingField("rules", _RULES, {}, "Rule switches and severities."),
        SettingField("model", _MODEL, {}, "The learned layer's settings (see checker.learned)."),
    ),
    item="key or table",
)


def _read_chain(path: Path, depth: int) -> dict[str, Any]:
    if depth > _MAX_EXTENDS_DEPTH:
        raise InputError("profile 'extends' chain is too long (a cycle?)", path=str(path))
    data = check(read_document(path, what="profile"), PROFILE_FILE)
    base = data.pop("extends", None)
    if base is None:
        return data
    base_path = DEFAULT_PROFILE if base == "default" else (path.parent / base)
    return _merge(_read_chain(base_path, depth + 1), data)


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(data: dict[str, Any], source: str) -> Profile:
    values = PROFILE_FILE.decode(data)
    return Profile(
        name=Path(source).stem if values["name"] is None else values["name"],
        source=source,
        convention=values["typography"]["convention"],
        names=values["names"],
        spelling=values["spelling"],
        avoid=tuple(Avoidance(phrase, **entry) for phrase, entry in values["avoid"].items()),
        disabled_rules=frozenset(values["rules"]["disabled"]),
        severities=values["rules"]["severity"],
        wire=values["wire"],
        model=values["model"],
    )
