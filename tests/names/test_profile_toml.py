"""The dictionary as profile TOML: export, import, and a profile that reads the export."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import InputError, InvalidRequest
from checker.house import load_profile
from checker.names import from_profile_toml, new_entry, to_profile_toml


def test_export_is_a_profile_that_knows_the_names(tmp_path: Path) -> None:
    entries = [
        new_entry("Araghtschi", kind="person", variants=["Araghchi"]),
        new_entry("Kaikanten", kind="place"),
        new_entry("Nordwind AG", kind="organisation"),
        new_entry("Vorschlag", status="proposed"),
    ]
    text = to_profile_toml(entries)
    path = tmp_path / "names.toml"
    path.write_text('extends = "default"\n' + text, encoding="utf-8")
    profile = load_profile(path)
    assert profile.names["person"] == ("Araghtschi",)
    assert profile.names["place"] == ("Kaikanten",)
    assert profile.names["organisation"] == ("Nordwind AG",)
    assert "Vorschlag" not in text  # proposed entries wait for the desk
    # The default profile's groups stay: the export's groups are named by kind.
    assert "Wladimir Putin" in profile.names["people"]
    assert profile.spelling["Araghchi"] == "Araghtschi"
    assert profile.is_known_name("Araghtschis")


def test_import_reads_back_what_export_wrote(tmp_path: Path) -> None:
    entries = [new_entry("Araghtschi", kind="person", variants=["Araghchi"]), new_entry("Kaikanten", kind="place")]
    path = tmp_path / "names.toml"
    path.write_text(to_profile_toml(entries), encoding="utf-8")
    read = from_profile_toml(path, added_by="git")
    assert [(e.name, e.kind, e.variants, e.status, e.added_by) for e in read] == [
        ("Araghtschi", "person", ("Araghchi",), "accepted", "git"),
        ("Kaikanten", "place", (), "accepted", "git"),
    ]


def test_import_of_the_shipped_groups_maps_them_to_kinds(tmp_path: Path) -> None:
    path = tmp_path / "newsroom.toml"
    path.write_text('[names]\npeople = ["Putin"]\nplaces = ["Kiew"]\nagencies = ["dpa"]\n', encoding="utf-8")
    assert [(e.name, e.kind) for e in from_profile_toml(path)] == [
        ("Putin", "person"),
        ("Kiew", "place"),
        ("dpa", "other"),
    ]


def test_import_refuses_a_bad_file_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[names]\npeople = "Putin"\n', encoding="utf-8")
    with pytest.raises(InputError) as refused:
        from_profile_toml(path)
    assert refused.value.line == 2
    path.write_text('[names]\npeople = ["<b>Putin</b>"]\n', encoding="utf-8")
    with pytest.raises(InvalidRequest):
        from_profile_toml(path)
