"""The names store on SQLite and on a real PostgreSQL server: migrations, entries, concurrent
adds, a database that does not answer."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from checker.names import NameConflict, NameNotFound, NameStore, NamesUnavailable, new_entry
from checker.names.store import METADATA, MIGRATIONS, database_url, default_database_url, migrations_config


@pytest.fixture
def store(names_database: str) -> Iterator[NameStore]:
    opened = NameStore(names_database)
    yield opened
    opened.close()


def test_migrations_make_the_schema_the_store_declares(names_database: str) -> None:
    store = NameStore(names_database)
    store.upgrade()
    engine = sa.create_engine(names_database)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
        assert context.get_current_revision() == head == "0001"
        # What the migrations built is what the store's table says: no difference to migrate.
        assert compare_metadata(context, METADATA) == []
    # Each migration goes back as well as forward.
    with engine.begin() as connection:
        command.downgrade(migrations_config(connection), "base")
    assert not sa.inspect(engine).has_table("names")
    # A second store (another app host, a restart) brings the schema up to date.
    again = NameStore(names_database)
    again.upgrade()
    assert again.entries() == []
    assert sa.inspect(engine).has_table("names")
    engine.dispose()
    store.close()
    again.close()


def test_add_list_update_remove(store: NameStore) -> None:
    entry, created = store.add(
        new_entry("Abbas Araghtschi", kind="person", variants=["Abbas Araghchi"], added_by="desk", seen_in="… sagte ")
    )
    assert created
    assert (entry.name, entry.kind, entry.variants, entry.status, entry.added_by) == (
        "Abbas Araghtschi",
        "person",
        ("Abbas Araghchi",),
        "accepted",
        "desk",
    )
    assert entry.added_at is not None and entry.added_at.tzinfo is not None
    store.add(new_entry("Kaikanten", status="proposed", added_by="web"))
    assert [e.name for e in store.entries()] == ["Abbas Araghtschi", "Kaikanten"]
    assert [e.name for e in store.accepted()] == ["Abbas Araghtschi"]
    assert [e.name for e in store.entries(status="proposed")] == ["Kaikanten"]
    assert [e.name for e in store.entries(kind="person")] == ["Abbas Araghtschi"]
    assert [e.name for e in store.entries(search="araghchi")] == ["Abbas Araghtschi"]

    changed = store.update("Kaikanten", {"status": "accepted", "kind": "place", "name": "Kai-Kanten"})
    assert (changed.name, changed.kind, changed.status) == ("Kai-Kanten", "place", "accepted")
    with pytest.raises(NameConflict):
        store.update("Kai-Kanten", {"name": "Abbas Araghtschi"})
    with pytest.raises(NameNotFound):
        store.update("Niemand", {"status": "accepted"})

    assert store.remove("Kai-Kanten") is True
    assert store.remove("Kai-Kanten") is False
    assert [e.name for e in store.entries()] == ["Abbas Araghtschi"]


def test_adding_a_name_again_keeps_one_entry(store: NameStore) -> None:
    store.add(new_entry("Rohani", status="proposed", kind="other"))
    # The desk accepts what an editor proposed: one entry, accepted, with the desk's kind.
    entry, created = store.add(new_entry("Rohani", kind="person", variants=["Rouhani"]))
    assert not created
    assert (entry.status, entry.kind, entry.variants) == ("accepted", "person", ("Rouhani",))
    # An editor's proposal of a name the desk rejected changes nothing.
    store.update("Rohani", {"status": "rejected"})
    entry, created = store.add(new_entry("Rohani", status="proposed"))
    assert (created, entry.status) == (False, "rejected")
    assert len(store.entries()) == 1


def test_concurrent_adds_of_one_name_make_one_entry(store: NameStore) -> None:
    store.upgrade()
    outcomes: list[bool] = []
    start = threading.Barrier(8)

    def add() -> None:
        start.wait()
        outcomes.append(store.add(new_entry("Selenskyj", kind="person"))[1])

    threads = [threading.Thread(target=add) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False] * 7 + [True]
    assert [entry.name for entry in store.entries()] == ["Selenskyj"]


def test_entries_survive_a_new_store(names_database: str) -> None:
    first = NameStore(names_database)
    first.add(new_entry("Peseschkian", kind="person"))
    first.close()
    second = NameStore(names_database)
    assert [entry.name for entry in second.accepted()] == ["Peseschkian"]
    second.close()


def test_values_are_parameters_never_sql(store: NameStore) -> None:
    store.add(new_entry("O'Neill", kind="person"))
    assert store.get("x'; DROP TABLE names; --") is None
    assert store.remove("' OR '1'='1") is False
    assert [entry.name for entry in store.entries(search="' OR 1=1 --")] == []
    assert [entry.name for entry in store.entries()] == ["O'Neill"]


def test_a_database_that_does_not_answer_is_unavailable(tmp_path: Path) -> None:
    store = NameStore(f"postgresql://postgres@/wirecheck?host={tmp_path}/no-server")
    started = time.monotonic()
    with pytest.raises(NamesUnavailable) as raised:
        store.accepted()
    assert raised.value.http_status == 503
    assert "names database" in raised.value.message
    # Asked again at once, it says so without waiting for the database again.
    with pytest.raises(NamesUnavailable, match="a moment ago"):
        store.accepted()
    assert time.monotonic() - started < 10


def test_a_bad_url_is_unavailable_with_its_reason() -> None:
    with pytest.raises(NamesUnavailable) as raised:
        NameStore("nosuchdb://x")
    assert raised.value.reason == "bad_url"


def test_the_url_comes_from_the_environment_else_the_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("WIRECHECK_DATABASE_URL", raising=False)
    monkeypatch.setenv("WIRECHECK_DATA_DIR", str(tmp_path))
    assert database_url() == default_database_url() == f"sqlite:///{tmp_path / 'names.sqlite3'}"
    monkeypatch.setenv("WIRECHECK_DATABASE_URL", "postgresql://desk@db/names")
    assert database_url() == "postgresql://desk@db/names"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_the_sqlite_folder_is_made_on_first_use_not_before(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "wirecheck"
    store = NameStore(f"sqlite:///{folder / 'names.sqlite3'}")
    assert not folder.exists()
    assert store.entries() == []
    assert (folder / "names.sqlite3").exists()
    store.close()


def test_a_schema_newer_than_ours_is_unavailable_not_a_crash(names_database: str) -> None:
    engine = sa.create_engine(names_database)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)"))
        connection.execute(sa.text("INSERT INTO alembic_version VALUES ('9999')"))
    engine.dispose()
    store = NameStore(names_database)
    with pytest.raises(NamesUnavailable, match="cannot be brought up to date"):
        store.accepted()
    store.close()


def test_add_many_takes_a_long_list_at_once(store: NameStore) -> None:
    store.add(new_entry("Name Aaa", status="proposed"))
    store.add(new_entry("Name Aab", status="rejected"))
    names = [f"Neu {a}{b}{c}" for a in "ABCDEFGHIJ" for b in "abcdefghij" for c in "abcde"]
    entries = [new_entry(name, kind="person") for name in ["Name Aaa", "Name Aab", *names]]
    started = time.monotonic()
    assert store.add_many(entries) == 500
    took = time.monotonic() - started
    assert len(store.accepted()) == 501  # the proposed one accepted, the rejected one left so
    assert store.get("Name Aab").status == "rejected"
    assert took < 10, f"500 names took {took:.1f} s"
    # The same list again: nothing new, nothing changed.
    assert store.add_many(entries) == 0
    assert len(store.entries()) == 502
