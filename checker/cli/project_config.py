"""A project's own settings for the command line: `.wirecheck.toml`, or `[tool.wirecheck]` in
`pyproject.toml`, found from the checked path upwards (in one folder `.wirecheck.toml` wins, with
a warning). Flags override the file; the rule lists of flags are added to the file's. Every value
remembers where it came from (`--print-config`).

Globs (include, exclude, input_formats) are relative to the file's folder; one without a slash
matches at any depth, as in .gitignore; `**` spans folders.
"""

from __future__ import annotations

import enum
import glob
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.filters.gate import DEFAULT_FAIL_ON, FAIL_LEVELS, FAIL_ON, MAX_ISSUES
from checker.formats import FORMATS
from checker.options import LANGUAGES
from checker.schema import (
    Choice,
    Flag,
    MapOf,
    Record,
    SettingField,
    SettingsDocument,
    TextValue,
    TextValues,
    check,
    read_document,
)

CONFIG_FILE = ".wirecheck.toml"
_PYPROJECT_TABLE = ("tool", "wirecheck")
DEFAULT, COMMAND_LINE = "default", "command line"


class Unset(enum.Enum):
    """A flag's value that takes a setting back to no value, whatever the file says."""

    UNSET = "none"


UNSET = Unset.UNSET


_FORMAT = Choice(("auto", *FORMATS))
_STRINGS = TextValues(empty_items=True)
_FILE_NAME = TextValue(empty=True, meaning="a file name")
PROJECT_FILE = Record(
    (
        SettingField(
            "language", Choice(LANGUAGES), None, "German variant of every file; a Markdown file's front matter wins"
        ),
        SettingField("profile", _FILE_NAME, None, "house style profile (TOML), relative to this file"),
        SettingField("house", Flag(), True, "house rules and names dictionary; false: LanguageTool alone"),
        SettingField("picky", Flag(), False, "also LanguageTool's picky rules"),
        SettingField("input_format", _FORMAT, "auto", "input format of every file"),
        SettingField(
            "input_formats",
            MapOf(_FORMAT, "a table of globs and formats"),
            {},
            'input format by glob, e.g. {"wire/**/*.xml" = "nitf"}',
        ),
        SettingField("include", _STRINGS, (), "files checked when no path is given; given paths must match one"),
        SettingField("exclude", _STRINGS, (), "files never checked"),
        SettingField("enable", _STRINGS, (), "LanguageTool rules switched on"),
        SettingField("disable", _STRINGS, (), "rules switched off"),
        SettingField("enable_categories", _STRINGS, (), "LanguageTool categories switched on"),
        SettingField("disable_categories", _STRINGS, (), "categories switched off"),
        SettingField("fail_on", FAIL_ON, DEFAULT_FAIL_ON, "least severity that fails: " + ", ".join(FAIL_LEVELS)),
        SettingField("max_issues", MAX_ISSUES, None, "fail with more findings than this, of any severity"),
    ),
    item="setting",
)
_ADDED_TO = frozenset({"enable", "disable", "enable_categories", "disable_categories"})
_GLOB_PARTS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str


def glob_pattern(pattern: str) -> re.Pattern[str]:
    """A regular expression for a path glob: `**` any folders, `*` and `?` within one name. It
    matches a path or any of its folders; a glob without a slash matches at any depth."""
    anchored = "/" in pattern.strip("/")
    parts = re.split(r"(\*\*/|\*\*|\*|\?)", pattern.strip("/"))
    body = "".join(_GLOB_PARTS.get(part, re.escape(part)) for part in parts)
    return re.compile(("" if anchored else "(?:.*/)?") + body + r"(?:/.*)?\Z")


@dataclass(frozen=True)
class ProjectConfig:
    path: Path | None
    root: Path
    settings: dict[str, Setting] = field(default_factory=dict)
    # For people, on stderr: what about the configuration may surprise them.
    warnings: tuple[str, ...] = ()

    def __getitem__(self, name: str) -> Any:
        return self.settings[name].value

    def with_flags(self, flags: dict[str, Any]) -> ProjectConfig:
        """The configuration with the flags given on the command line (None: not given; UNSET:
        no value, e.g. `--max-issues none`)."""
        settings = dict(self.settings)
        for name, value in flags.items():
            current = settings[name]
            if value is None:
                continue
            if value is UNSET:
                settings[name] = Setting(None, COMMAND_LINE)
            elif name in _ADDED_TO and current.value:
                merged = list(dict.fromkeys([*current.value, *value]))
                settings[name] = Setting(merged, f"{current.source} + {COMMAND_LINE}")
            else:
                settings[name] = Setting(value, COMMAND_LINE)
        return ProjectConfig(self.path, self.root, settings, self.warnings)

    def relative(self, path: str) -> str | None:
        """`path` relative to the configuration's folder, with slashes; None outside it."""
        relative = os.path.relpath(os.path.abspath(path), self.root)
        return None if relative.startswith("..") else Path(relative).as_posix()

    def _matches(self, path: str, patterns: list[str]) -> bool:
        relative = self.relative(path)
        return relative is not None and any(glob_pattern(pattern).match(relative) for pattern in patterns)

    def is_selected(self, path: str) -> bool:
        included = not self["include"] or self._matches(path, self["include"])
        return included and not self._matches(path, self["exclude"])

    def included_files(self) -> list[str]:
        """The files the include globs name, relative to the working folder where possible."""
        found: set[str] = set()
        for pattern in self["include"]:
            anywhere = "" if "/" in pattern.strip("/") else "**/"
            found.update(glob.glob(str(self.root / (anywhere + pattern.strip("/"))), recursive=True))
        files = (os.path.relpath(path) if not os.path.relpath(path).startswith("..") else path for path in found)
        return sorted(path for path in files if os.path.isfile(path) and self.is_selected(path))

    def input_format_for(self, path: str) -> str | None:
        """The format to read `path` as: the last matching glob of input_formats, else input_format
        (None: detect)."""
        matching = [fmt for pattern, fmt in self["input_formats"].items() if self._matches(path, [pattern])]
        chosen = matching[-1] if matching else self["input_format"]
        return None if chosen == "auto" else str(chosen)

    def describe(self) -> str:
        """The merged settings as TOML, each with where its value came from."""
        lines = [f"# configuration file: {self.path or 'none'}"]
        for key in PROJECT_FILE.fields:
            setting = self.settings[key.name]
            if setting.value is None:
                lines.append(f"# {key.name} is not set  # {key.help if setting.source == DEFAULT else setting.source}")
                continue
            lines.append(f"{key.name} = {_toml(setting.value)}  # {setting.source}")
        return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def find_config(start: Path) -> SettingsDocument | None:
    """The nearest `.wirecheck.toml`, or `pyproject.toml` with [tool.wirecheck], from `start` up."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return _read(candidate)
        pyproject = _pyproject_with_table(folder)
        if pyproject is not None:
            return pyproject
    return None


def _pyproject_with_table(folder: Path) -> SettingsDocument | None:
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    document = _read(pyproject)
    tool = document.data.get("tool")
    return document if isinstance(tool, dict) and "wirecheck" in tool else None


def _ignored_beside(config_path: Path) -> tuple[str, ...]:
    """A warning when `.wirecheck.toml` hides a [tool.wirecheck] table in the same folder."""
    if config_path.name != CONFIG_FILE:
        return ()
    try:
        ignored = _pyproject_with_table(config_path.parent) is not None
    except InputError:  # a pyproject.toml that cannot be read holds no table we would use
        return ()
    if not ignored:
        return ()
    pyproject = config_path.parent / "pyproject.toml"
    return (f"{config_path} is used; [tool.wirecheck] in {pyproject} is ignored (merge them into one)",)


def _read(path: Path) -> SettingsDocument:
    return read_document(path, what="configuration", reason="config")


def default_config() -> ProjectConfig:
    """The settings without a project file; globs are relative to the working folder."""
    defaults = PROJECT_FILE.decode({})
    return ProjectConfig(None, Path.cwd(), {name: Setting(value, DEFAULT) for name, value in defaults.items()})


def load_config(path: Path | None = None, *, start: Path | None = None) -> ProjectConfig:
    """The settings of `path`, else of the file found from `start` upwards, else the defaults."""
    document = _read(path) if path is not None else find_config((start or Path.cwd()).resolve())
    if document is None:
        return default_config()
    config_path = document.path
    in_pyproject = config_path.name == "pyproject.toml"
    table = check(document, PROJECT_FILE, within=_PYPROJECT_TABLE if in_pyproject else ())
    values = PROJECT_FILE.decode(table)
    if values["profile"] is not None:
        values["profile"] = str(config_path.resolve().parent / values["profile"])
    source = str(config_path) + (" [tool.wirecheck]" if in_pyproject else "")
    settings = {name: Setting(value, source if name in table else DEFAULT) for name, value in values.items()}
    warnings = _ignored_beside(config_path) if path is None else ()
    return ProjectConfig(config_path.resolve(), config_path.resolve().parent, settings, warnings)
