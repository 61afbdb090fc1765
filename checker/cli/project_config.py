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
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.filters.gate import DEFAULT_FAIL_ON, FAIL_LEVELS
from checker.formats import FORMATS
from checker.options import LANGUAGES

CONFIG_FILE = ".wirecheck.toml"
DEFAULT, COMMAND_LINE = "default", "command line"


class Unset(enum.Enum):
    """A flag's value that takes a setting back to no value, whatever the file says."""

    UNSET = "none"


UNSET = Unset.UNSET


@dataclass(frozen=True)
class Key:
    name: str
    kind: str
    default: Any
    help: str


KEYS = (
    Key("language", "language", None, "German variant of every file; a Markdown file's front matter wins"),
    Key("profile", "path", None, "house style profile (TOML), relative to this file"),
    Key("house", "bool", True, "house rules and names dictionary; false: LanguageTool alone"),
    Key("picky", "bool", False, "also LanguageTool's picky rules"),
    Key("input_format", "format", "auto", "input format of every file"),
    Key("input_formats", "format_table", {}, 'input format by glob, e.g. {"wire/**/*.xml" = "nitf"}'),
    Key("include", "globs", [], "files checked when no path is given; given paths must match one"),
    Key("exclude", "globs", [], "files never checked"),
    Key("enable", "strings", [], "LanguageTool rules switched on"),
    Key("disable", "strings", [], "rules switched off"),
    Key("enable_categories", "strings", [], "LanguageTool categories switched on"),
    Key("disable_categories", "strings", [], "categories switched off"),
    Key("fail_on", "fail_level", DEFAULT_FAIL_ON, "least severity that fails: " + ", ".join(FAIL_LEVELS)),
    Key("max_issues", "count", None, "fail with more findings than this, of any severity"),
)
KEYS_BY_NAME = {key.name: key for key in KEYS}
_ADDED_TO = frozenset({"enable", "disable", "enable_categories", "disable_categories"})
_GLOB_PARTS = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
_CHOICES = {"language": LANGUAGES, "format": ("auto", *FORMATS), "fail_level": FAIL_LEVELS}


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
        for key in KEYS:
            setting = self.settings[key.name]
            if setting.value is None:
                lines.append(f"# {key.name} is not set  # {key.help if setting.source == DEFAULT else setting.source}")
                continue
            lines.append(f"{key.name} = {_toml(setting.value)}  # {setting.source}")
        return "\n".join(lines) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {json.dumps(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest `.wirecheck.toml`, or `pyproject.toml` with [tool.wirecheck], from `start` up."""
    for folder in [start, *start.parents]:
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate, _read(candidate)
        table = _pyproject_table(folder)
        if table is not None:
            return folder / "pyproject.toml", table
    return None


def _pyproject_table(folder: Path) -> dict[str, Any] | None:
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return None
    table = _read(pyproject).get("tool", {}).get("wirecheck")
    if table is not None and not isinstance(table, dict):
        raise InputError("[tool.wirecheck] must be a table", reason="config", path=str(pyproject))
    return table


def _ignored_beside(config_path: Path) -> tuple[str, ...]:
    """A warning when `.wirecheck.toml` hides a [tool.wirecheck] table in the same folder."""
    if config_path.name != CONFIG_FILE:
        return ()
    try:
        ignored = _pyproject_table(config_path.parent) is not None
    except InputError:  # a pyproject.toml that cannot be read holds no table we would use
        return ()
    if not ignored:
        return ()
    pyproject = config_path.parent / "pyproject.toml"
    return (f"{config_path} is used; [tool.wirecheck] in {pyproject} is ignored (merge them into one)",)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the configuration: {exc}", reason="config", path=str(path)) from exc


def default_config() -> ProjectConfig:
    """The settings without a project file; globs are relative to the working folder."""
    return ProjectConfig(None, Path.cwd(), {key.name: Setting(key.default, DEFAULT) for key in KEYS})


def load_config(path: Path | None = None, *, start: Path | None = None) -> ProjectConfig:
    """The settings of `path`, else of the file found from `start` upwards, else the defaults."""
    found = (path, _table(path)) if path is not None else find_config((start or Path.cwd()).resolve())
    if found is None:
        return default_config()
    settings = dict(default_config().settings)
    config_path, table = found
    source = str(config_path) + (" [tool.wirecheck]" if config_path.name == "pyproject.toml" else "")
    for name, value in table.items():
        settings[name] = Setting(_checked(name, value, config_path), source)
    warnings = _ignored_beside(config_path) if path is None else ()
    return ProjectConfig(config_path.resolve(), config_path.resolve().parent, settings, warnings)


def _table(path: Path) -> dict[str, Any]:
    data = _read(path)
    return data.get("tool", {}).get("wirecheck", {}) if path.name == "pyproject.toml" else data


def _checked(name: str, value: Any, path: Path) -> Any:
    def refuse(expected: str) -> InputError:
        return InputError(f"{name} must be {expected}", reason="config", path=str(path), key=name)

    key = KEYS_BY_NAME.get(name)
    if key is None:
        raise InputError(f"unknown setting {name!r}; known: {', '.join(KEYS_BY_NAME)}", reason="config", path=str(path))
    if key.kind in _CHOICES and value not in _CHOICES[key.kind]:
        raise refuse("one of " + ", ".join(_CHOICES[key.kind]))
    if key.kind == "bool" and not isinstance(value, bool):
        raise refuse("true or false")
    if key.kind == "count" and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
        raise refuse("a whole number, 0 or more")
    if key.kind in ("globs", "strings") and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise refuse("a list of strings")
    if key.kind == "format_table" and not (
        isinstance(value, dict) and all(v in _CHOICES["format"] for v in value.values())
    ):
        raise refuse("a table of globs and formats (" + ", ".join(_CHOICES["format"]) + ")")
    if key.kind == "path":
        if not isinstance(value, str):
            raise refuse("a file name")
        return str(path.resolve().parent / value)
    return value
