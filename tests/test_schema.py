"""The typed schema of the settings files (checker/schema.py), and its completeness against the docs."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from checker.cli.project_config import PROJECT_FILE
from checker.errors import InputError
from checker.house.profile import PROFILE_FILE
from checker.schema import (
    REQUIRED,
    Choice,
    Flag,
    MapOf,
    Record,
    SettingField,
    TextValue,
    TextValues,
    ValueKind,
    Whole,
    check,
    read_document,
)

ROOT = Path(__file__).resolve().parents[1]

_ENTRY = Record(
    (SettingField("reason", TextValue(), REQUIRED, ""), SettingField("suggestions", TextValues(), (), "")),
    shorthand="reason",
)
_LIMITS = Record(
    (SettingField("most", Whole(minimum=1), 30, ""), SettingField("groups", TextValues(), (), "")), into=dict
)
SAMPLE = Record(
    (
        SettingField("name", TextValue(empty=True), None, ""),
        SettingField("limits", _LIMITS, {}, ""),
        SettingField("levels", MapOf(Choice(("low", "high")), "a table of name = level"), {}, ""),
        SettingField("entries", MapOf(_ENTRY, "a table of phrase = reason"), {}, ""),
    ),
    item="key or table",
)


@pytest.mark.parametrize(
    ("kind", "value", "problem"),
    [
        (TextValue(), "x", None),
        (TextValue(), "", "must be a non-empty string"),
        (TextValue(empty=True), "", None),
        (TextValue(empty=True, meaning="a file name"), 3, "must be a file name"),
        (TextValues(), ["a", "b"], None),
        (TextValues(), ["a", ""], "must be a list of non-empty strings"),
        (TextValues(empty_items=True), ["a", ""], None),
        (TextValues(), "a", "must be a list of non-empty strings"),
        (Whole(), 0, None),
        (Whole(), -1, "must be a whole number of 0 or more"),
        (Whole(), True, "must be a whole number of 0 or more"),
        (Whole(minimum=1), 0, "must be at least 1"),
        (Whole(minimum=1), "zwölf", "must be a whole number of 1 or more"),
        (Flag(), False, None),
        (Flag(), 0, "must be true or false"),
        (Choice(("low", "high")), "high", None),
        (Choice(("low", "high")), "medium", "must be one of low, high"),
        (Choice(("low", "high")), ["low"], "must be one of low, high"),
        (MapOf(Whole(), "a table of counts"), {"a b": -1}, '"a b" must be a whole number of 0 or more'),
        (MapOf(Whole(), "a table of counts"), [], "must be a table of counts"),
        (_ENTRY, "a reason", None),
        (_ENTRY, {"reason": "r", "suggestions": ["s"]}, None),
        (_ENTRY, 3, "must be a non-empty string or a table of reason, suggestions"),
        (_ENTRY, {"grund": "x", "weil": "y"}, "has unknown key(s) grund, weil (known: reason, suggestions)"),
        (_ENTRY, {"suggestions": []}, "needs 'reason' (a non-empty string)"),
        (_ENTRY, {"reason": "r", "suggestions": "s"}, "suggestions must be a list of non-empty strings"),
        (_ENTRY, {"reason": ""}, "reason must be a non-empty string"),
    ],
)
def test_each_kind_says_what_is_wrong(kind: ValueKind, value: Any, problem: str | None) -> None:
    assert kind.problem(value) == problem
    assert kind.fits(value) is (problem is None)


def _document(tmp_path: Path, content: str, name: str = "settings.toml") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "line", "key", "message"),
    [
        ("[limits]\nmost = 3\nmots = 4\n", 3, "limits.mots", "unknown key 'mots' in [limits] (known: most, groups)"),
        ('name = "x"\n\n[colours]\nred = 1\n', 3, "colours", "unknown key or table 'colours' (known: name, limits"),
        ("name = 3\n", 1, "name", "'name' must be a string"),
        ("limits = 3\n", 1, "limits", "'limits' must be a table of most, groups"),
        ("[limits]\nmost = 0\n", 2, "limits.most", "[limits] most must be at least 1"),
        ('# a comment\n[limits]\ngroups = ["a", 1]\n', 3, "limits.groups", "[limits] groups must be a list of non"),
        ('[levels]\n"a b" = "medium"\n', 2, 'levels."a b"', '[levels] "a b" must be one of low, high'),
        ('levels = { x = "medium" }\n', 1, "levels.x", "[levels] x must be one of low, high"),
        ('[entries]\n"Wort" = { grund = "x" }\n', 2, "entries.Wort", "[entries] Wort has unknown key(s) grund"),
    ],
)
def test_a_problem_names_the_file_line_key_and_what_was_expected(
    tmp_path: Path, content: str, line: int, key: str, message: str
) -> None:
    path = _document(tmp_path, content)
    with pytest.raises(InputError) as caught:
        check(read_document(path, what="test file", reason="config"), SAMPLE)
    assert (caught.value.path, caught.value.line, caught.value.details["key"]) == (str(path), line, key)
    assert message in caught.value.message
    assert caught.value.reason == "config"


def test_a_table_within_a_file_is_checked_alone(tmp_path: Path) -> None:
    path = _document(tmp_path, '[project]\nname = 3\n\n[tool.sample]\nname = "x"\nlimits = { most = 0 }\n')
    document = read_document(path, what="test file")
    with pytest.raises(InputError) as caught:
        check(document, SAMPLE, within=("tool", "sample"))
    assert caught.value.line == 6
    assert "[tool.sample.limits] most must be at least 1" in caught.value.message
    assert check(document, SAMPLE, within=("tool", "other")) == {}


@pytest.mark.parametrize(
    ("raw", "message", "where"),
    [
        (b"[limits\n", "invalid TOML", {"line": 1}),
        (b"name = = 3\n", "invalid TOML", {"line": 1, "column": 8}),
        ('name = "Grüße"\n'.encode("latin-1"), "the test file is not UTF-8", {"byte_offset": 10}),
    ],
)
def test_a_file_that_is_no_toml_is_refused_with_its_place(
    tmp_path: Path, raw: bytes, message: str, where: dict[str, int]
) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(raw)
    with pytest.raises(InputError) as caught:
        read_document(path, what="test file")
    assert message in caught.value.message and caught.value.path == str(path)
    assert {name: getattr(caught.value, name) for name in where} == where


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the test file") as caught:
        read_document(tmp_path / "nowhere.toml", what="test file")
    assert caught.value.path == str(tmp_path / "nowhere.toml")


def test_decoding_fills_defaults_and_gives_typed_values() -> None:
    values = SAMPLE.decode({"limits": {"groups": ["a"]}, "entries": {"x": "weil", "y": {"reason": "r"}}})
    assert values["name"] is None
    assert values["limits"] == {"most": 30, "groups": ("a",)}
    assert values["levels"] == MappingProxyType({})
    assert dict(values["entries"]) == {
        "x": {"reason": "weil", "suggestions": ()},
        "y": {"reason": "r", "suggestions": ()},
    }


def test_settings_open_the_tables() -> None:
    assert [key for key, _ in SAMPLE.settings()] == ["name", "limits.most", "limits.groups", "levels", "entries"]


# --- completeness: the docs list every setting of both files, and no other ------------------

_ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)


def _documented(doc: str, marker: str) -> list[str]:
    """The settings named in the first column of the table after `marker` in `doc`, as dotted keys."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    table = text[text.index(marker) :].split("\n\n", 1)[0]
    keys = []
    for name in _ROW.findall(table):
        table_name, _, key = name.partition("] ")
        keys.append(f"{table_name.lstrip('[')}.{key}" if key else name.strip("[]"))
    return keys


@pytest.mark.parametrize(
    ("record", "doc", "marker"),
    [
        (PROFILE_FILE, "docs/profile.md", "<!-- profile settings"),
        (PROJECT_FILE, "docs/ci.md", "<!-- project settings"),
    ],
    ids=["profile", "project file"],
)
def test_every_setting_is_documented_and_every_documented_one_declared(record: Record, doc: str, marker: str) -> None:
    declared = [key for key, _ in record.settings()]
    assert _documented(doc, marker) == declared
