"""`wirecheck names list|add|remove|export|import` in a process of its own, on SQLite and
PostgreSQL, and a profile made from the export that checks without the database."""

from __future__ import annotations

import json
import os
from pathlib import Path

from checker.house import load_profile
from tests.commands import wirecheck


def _env(database: str) -> dict[str, str]:
    return dict(os.environ, WIRECHECK_DATABASE_URL=database)


def test_add_list_export_import_remove(names_database: str, tmp_path: Path) -> None:
    env = _env(names_database)
    added = wirecheck(env, "names", "add", "Araghtschi", "--kind", "person", "--variant", "Araghchi")
    assert added.returncode == 0, added.stderr
    assert added.stdout == "added: Araghtschi (person, accepted)\n"
    assert wirecheck(env, "names", "add", "Wahidi", "--proposed").returncode == 0

    listed = wirecheck(env, "names", "list")
    assert listed.stdout == "Araghtschi\tperson\taccepted\treplaces Araghchi\nWahidi\tother\tproposed\n"
    as_json = wirecheck(env, "names", "list", "--status", "proposed", "--json")
    assert [json.loads(line)["name"] for line in as_json.stdout.splitlines()] == ["Wahidi"]
    assert json.loads(as_json.stdout)["added_by"].startswith("cli")

    exported = tmp_path / "names.toml"
    assert wirecheck(env, "names", "export", "--output", str(exported)).returncode == 0
    # A profile that extends the default with the export knows the names, without the database.
    profile_path = tmp_path / "newsroom.toml"
    profile_path.write_text('extends = "default"\n' + exported.read_text(encoding="utf-8"), encoding="utf-8")
    profile = load_profile(profile_path)
    assert profile.is_known_name("Araghtschis") and not profile.is_known_name("Wahidi")
    assert profile.spelling["Araghchi"] == "Araghtschi"

    removed = wirecheck(env, "names", "remove", "Araghtschi")
    assert (removed.returncode, removed.stdout) == (0, "removed: Araghtschi\n")
    gone = wirecheck(env, "names", "remove", "Araghtschi")
    assert gone.returncode == 2 and "no name 'Araghtschi'" in gone.stderr

    imported = wirecheck(env, "names", "import", str(exported))
    assert imported.returncode == 0 and "1 new" in imported.stdout
    assert "Araghtschi\tperson\taccepted" in wirecheck(env, "names", "list").stdout


def test_bad_input_is_an_error_message_and_status_2(tmp_path: Path) -> None:
    env = _env(f"sqlite:///{tmp_path / 'n.sqlite3'}")
    bad = wirecheck(env, "names", "add", "<b>Putin</b>")
    assert bad.returncode == 2 and bad.stderr.startswith("error: Der Name") and "Traceback" not in bad.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("[names]\npeople = 3\n", encoding="utf-8")
    refused = wirecheck(env, "names", "import", str(broken))
    assert refused.returncode == 2 and f"{broken}:2" in refused.stderr
    unreachable = wirecheck(_env(f"postgresql://postgres@/x?host={tmp_path}/gone"), "names", "list")
    assert unreachable.returncode == 2 and "names database" in unreachable.stderr
    assert "Traceback" not in unreachable.stderr
