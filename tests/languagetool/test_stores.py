"""The result stores (checker.languagetool.stores): keys, bounds, sharing, and damaged or unwritable files."""

from __future__ import annotations

import sqlite3
import threading
import zlib
from pathlib import Path

import pytest

from checker.languagetool.stores import DiskStore, LayeredStore, MemoryStore, cache_key, get_matches

MATCHES = [{"offset": 3, "length": 7, "message": "Möglicher Tippfehler 😀", "rule": {"id": "GERMAN_SPELLER_RULE"}}]


def test_keys_differ_in_every_part() -> None:
    base = cache_key("paragraph", "6.8|abc|", {"language": "de-DE"}, "Text.")
    assert base == cache_key("paragraph", "6.8|abc|", {"language": "de-DE"}, "Text.")
    others = [
        cache_key("text", "6.8|abc|", {"language": "de-DE"}, "Text."),
        cache_key("paragraph", "6.8|abd|", {"language": "de-DE"}, "Text."),
        cache_key("paragraph", "6.8|abc|", {"language": "de-AT"}, "Text."),
        cache_key("paragraph", "6.8|abc|", {"language": "de-DE", "level": "picky"}, "Text."),
        cache_key("paragraph", "6.8|abc|", {"language": "de-DE"}, "Text. "),
    ]
    assert base not in others
    assert len(set(others)) == len(others)
    # A lone surrogate (which the checker refuses before LanguageTool) does not break the key.
    assert cache_key("paragraph", "", {}, "\ud800")


def test_memory_store_forgets_the_least_recently_used() -> None:
    store = MemoryStore(max_entries=2)
    store.put_many({"a": MATCHES, "b": []})
    assert store.get_many(["a"]) == {"a": MATCHES}  # a is now the most recent
    store.put_many({"c": []})
    assert store.get_many(["a", "b", "c"]) == {"a": MATCHES, "c": []}
    assert len(store) == 2


def test_disk_store_is_shared_between_instances(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "results.sqlite3"
    DiskStore(path).put_many({"a": MATCHES, "b": []})
    other = DiskStore(path)
    assert other.get_many(["a", "b", "missing"]) == {"a": MATCHES, "b": []}
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_disk_store_stays_within_its_bound(tmp_path: Path) -> None:
    store = DiskStore(tmp_path / "results.sqlite3", max_entries=50)
    for start in range(0, 200, 10):
        store.put_many({f"key{n}": [] for n in range(start, start + 10)})
    (count,) = sqlite3.connect(tmp_path / "results.sqlite3").execute("SELECT count(*) FROM results").fetchone()
    assert count <= 50
    assert "key199" in store.get_many(["key199"])  # the newest stay
    assert not store.get_many(["key0"])


def test_disk_store_under_threads_and_a_second_process_connection(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    stores = [DiskStore(path), DiskStore(path)]
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            store = stores[index % 2]
            for n in range(20):
                store.put_many({f"{index}-{n}": MATCHES})
                assert store.get_many([f"{index}-{n}"]) == {f"{index}-{n}": MATCHES}
        except BaseException as exc:  # the thread reports it below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(DiskStore(path).get_many(f"{i}-{n}" for i in range(8) for n in range(20))) == 160


def test_a_damaged_file_is_a_miss_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "results.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    store = DiskStore(path)
    assert store.get_many(["a"]) == {}
    store.put_many({"a": MATCHES})  # ignored
    assert "result cache" in capsys.readouterr().err


def test_an_unwritable_place_is_a_miss_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = DiskStore(blocker / "results.sqlite3")
    store.put_many({"a": MATCHES})
    assert store.get_many(["a"]) == {}


def test_a_file_of_another_layout_is_started_afresh(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE results (key TEXT PRIMARY KEY, matches TEXT NOT NULL, used REAL NOT NULL)")
    old.execute("INSERT INTO results VALUES ('a', '[]', 0)")
    old.commit()
    old.close()
    store = DiskStore(path)
    assert store.get_many(["a"]) == {}
    store.put_many({"a": MATCHES})
    assert DiskStore(path).get_many(["a"]) == {"a": MATCHES}


@pytest.mark.parametrize(
    "damaged",
    [
        {"matches": MATCHES},  # a dict, not a list of matches
        "[]",
        [["offset", 3]],
        [{key: value for key, value in MATCHES[0].items() if key != "offset"}],
        [{**MATCHES[0], "length": "7"}],
        [{**MATCHES[0], "offset": True}],
        [{**MATCHES[0], "offset": -1}],
        [{**MATCHES[0], "offset": 10}],  # beyond the paragraph's 12 units
        [{**MATCHES[0], "rule": "GERMAN_SPELLER_RULE"}],
        [{**MATCHES[0], "rule": {}}],
        [{**MATCHES[0], "replacements": [{"value": "x"}, "y"]}],
        [{**MATCHES[0], "rule": {"id": "X", "category": ["TYPOS"]}}],
    ],
)
def test_a_damaged_entry_is_a_miss(tmp_path: Path, damaged: object) -> None:
    store = DiskStore(tmp_path / "results.sqlite3")
    store.put_many({"good": MATCHES, "empty": [], "damaged": damaged})
    found = get_matches(store, {"good": 12, "empty": 12, "damaged": 12, "missing": 12})
    assert found == {"good": MATCHES, "empty": []}


@pytest.mark.parametrize(
    "stored",
    [
        "garbage text",  # another program's TEXT value, not zlib
        b"not zlib",
        zlib.compress(b"{not json"),
        zlib.compress(b"[" * 100_000 + b"]" * 100_000),  # nested beyond the JSON parser
    ],
    ids=["text", "not-zlib", "not-json", "too-deep"],
)
def test_an_entry_that_does_not_unpack_is_a_miss(tmp_path: Path, stored: object) -> None:
    path = tmp_path / "results.sqlite3"
    store = DiskStore(path)
    store.put_many({"a": MATCHES, "b": MATCHES})
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE results SET matches = ? WHERE key = 'a'", (stored,))
    assert DiskStore(path).get_many(["a", "b"]) == {"b": MATCHES}


def test_layered_store_reads_the_shared_store_behind_its_front(tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    one_worker = LayeredStore(MemoryStore(), DiskStore(path))
    other_worker = LayeredStore(MemoryStore(), DiskStore(path))
    one_worker.put_many({"a": MATCHES})
    assert other_worker.get_many(["a", "missing"]) == {"a": MATCHES}
    # What the shared store gave is kept in front: found there once the file is gone.
    path.unlink()
    assert other_worker.front.get_many(["a"]) == {"a": MATCHES}
    assert other_worker.get_many(["a"]) == {"a": MATCHES}
