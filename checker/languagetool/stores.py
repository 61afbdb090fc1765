"""Stores for LanguageTool's answers, one entry per paragraph (see checker.languagetool.caching),
and for the command line's whole reports (checker.cli.report_cache): bounded, in a small SQLite file
shared by every process of the user on the host (the command line's runs, the web app's workers),
with a worker's recent entries also in its memory (`LayeredStore`).

A store maps a key to plain JSON data (a paragraph's LanguageTool matches, a file's report), kept
compressed: about 1 KB a paragraph. Keys come from `cache_key`: the kind of entry, what produced
it, the parameters and the text, hashed. A store never makes a check fail: a disk store that
cannot be read or written behaves as a miss, and so does an entry of the wrong shape (a damaged
file, another program's data): `get_matches` hands on only matches a check can use.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import threading
import time
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeGuard

Matches = list[dict[str, Any]]
# An entry: JSON data (LanguageTool's matches, or a report as checker.records writes it).
Entry = Any

# Bounds: an entry is about 1 KB compressed (4 KB of JSON for a paragraph of learner German with
# many findings, less for agency copy), so the web app's store per worker stays near 20 MB and
# the command line's file near 100 MB at most.
MEMORY_ENTRIES = 20_000
DISK_ENTRIES = 100_000
# The disk store's layout; a file of another layout is emptied and started afresh.
_LAYOUT = 2
# SQLite waits this long for another process's write to finish before the store gives up
# (a miss, never an error).
_BUSY_TIMEOUT_MS = 5_000
FILE_NAME = "results.sqlite3"


class ResultStore(Protocol):
    def get_many(self, keys: Iterable[str]) -> dict[str, Entry]:
        """The entries found among `keys` (missing ones are left out)."""
        ...

    def put_many(self, entries: Mapping[str, Entry]) -> None: ...


def cache_key(kind: str, producer: str, params: Mapping[str, str], text: str) -> str:
    """The key of the answer of `kind` about `text` under `params` from `producer` (for
    LanguageTool's answers: the engine's identity)."""
    digest = hashlib.sha256()
    for part in (kind, producer, json.dumps(sorted(params.items())), text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def get_matches(store: ResultStore, lengths: Mapping[str, int]) -> dict[str, Matches]:
    """The stored LanguageTool matches among `lengths`' keys, each mapped to the length (UTF-16
    units) of the text they are about; an entry that is no list of matches within it is left out."""
    found = store.get_many(lengths)
    return {key: entry for key, entry in found.items() if _are_matches(entry, lengths[key])}


def _are_matches(entry: Entry, length: int) -> bool:
    return isinstance(entry, list) and all(_is_match(match, length) for match in entry)


def _is_match(match: Any, length: int) -> bool:
    """Whether `match` has what the checker reads of a LanguageTool match, in the right types."""
    if not isinstance(match, dict):
        return False
    offset, span, rule = match.get("offset"), match.get("length"), match.get("rule")
    if not (_is_count(offset) and _is_count(span) and offset + span <= length):
        return False
    if not (isinstance(rule, dict) and isinstance(rule.get("id"), str)):
        return False
    optional: tuple[tuple[Any, type | tuple[type, ...]], ...] = (
        (match.get("message", ""), str),
        (match.get("replacements", []), list),
        (rule.get("category") or {}, dict),
        (rule.get("urls") or [], list),
        (rule.get("subId"), (str, type(None))),
    )
    if not all(isinstance(value, kind) for value, kind in optional):
        return False
    nested = [*match.get("replacements", []), *(rule.get("urls") or [])]
    return all(isinstance(item, dict) for item in nested)


def _is_count(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _pack(entry: Entry) -> bytes:
    return zlib.compress(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def _unpack(packed: bytes) -> Entry:
    return json.loads(zlib.decompress(packed))


def _readable(rows: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Entry]]:
    """The rows whose value unpacks; a damaged one (not zlib, not JSON, nested beyond what the
    parser takes, another program's text) is left out: a miss."""
    for key, packed in rows:
        try:
            yield key, _unpack(packed)
        except (zlib.error, TypeError, ValueError, RecursionError):
            continue


def default_path() -> Path:
    """`$XDG_CACHE_HOME/wirecheck/results.sqlite3`, else under `~/.cache`: per user, beside the jars."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "wirecheck" / FILE_NAME


class MemoryStore:
    """A bounded least-recently-used store for one process, safe for its threads."""

    def __init__(self, max_entries: int = MEMORY_ENTRIES) -> None:
        self.max_entries = max(1, max_entries)
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_many(self, keys: Iterable[str]) -> dict[str, Entry]:
        found = {}
        with self._lock:
            for key in keys:
                if key in self._entries:
                    self._entries.move_to_end(key)
                    found[key] = self._entries[key]
        return dict(_readable(found.items()))

    def put_many(self, entries: Mapping[str, Entry]) -> None:
        packed = {key: _pack(entry) for key, entry in entries.items()}
        with self._lock:
            for key, value in packed.items():
                self._entries[key] = value
                self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class DiskStore:
    """A bounded store in one SQLite file, shared by every process of the user.

    Write-ahead logging lets processes read while another writes; writes wait for each other up
    to a few seconds. Each entry records when it was last used; beyond `max_entries`, the least
    recently used tenth goes. Any SQLite failure (a locked, full, read-only or damaged file)
    turns the store off for this process with one line on stderr, and the checks go on.
    """

    def __init__(self, path: Path | None = None, max_entries: int = DISK_ENTRIES) -> None:
        self.path = path or default_path()
        self.max_entries = max(10, max_entries)
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._broken = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is None and not self._broken:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(
                    self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
                )
                connection.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                with connection:
                    connection.execute("BEGIN IMMEDIATE")
                    (layout,) = connection.execute("PRAGMA user_version").fetchone()
                    if layout != _LAYOUT:
                        connection.execute("DROP TABLE IF EXISTS results")
                        connection.execute(f"PRAGMA user_version = {_LAYOUT}")
                    connection.execute(
                        "CREATE TABLE IF NOT EXISTS results"
                        " (key TEXT PRIMARY KEY, matches BLOB NOT NULL, used REAL NOT NULL)"
                    )
                    connection.execute("CREATE INDEX IF NOT EXISTS results_used ON results (used)")
                self._connection = connection
            except (OSError, sqlite3.Error) as exc:
                self._give_up(exc)
        return self._connection

    def _give_up(self, exc: Exception) -> None:
        self._broken = True
        print(f"wirecheck: result cache {self.path} not used: {exc}", file=sys.stderr)
        if self._connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self._connection.close()
            self._connection = None

    def get_many(self, keys: Iterable[str]) -> dict[str, Entry]:
        wanted = list(dict.fromkeys(keys))
        found: dict[str, Entry] = {}
        with self._lock:
            connection = self._connect()
            if connection is None or not wanted:
                return found
            try:
                for start in range(0, len(wanted), 500):  # SQLite's limit on parameters
                    batch = wanted[start : start + 500]
                    marks = ",".join("?" * len(batch))
                    rows = connection.execute(f"SELECT key, matches FROM results WHERE key IN ({marks})", batch)
                    found.update(_readable(rows))
                if found:
                    now = time.time()
                    with connection:
                        connection.execute("BEGIN IMMEDIATE")
                        connection.executemany("UPDATE results SET used = ? WHERE key = ?", [(now, k) for k in found])
            except (sqlite3.Error, ValueError, zlib.error) as exc:
                self._give_up(exc)
        return found

    def put_many(self, entries: Mapping[str, Entry]) -> None:
        if not entries:
            return
        now = time.time()
        rows = [(key, _pack(entry), now) for key, entry in entries.items()]
        with self._lock:
            connection = self._connect()
            if connection is None:
                return
            try:
                with connection:
                    connection.execute("BEGIN IMMEDIATE")
                    connection.executemany("INSERT OR REPLACE INTO results (key, matches, used) VALUES (?, ?, ?)", rows)
                    (count,) = connection.execute("SELECT count(*) FROM results").fetchone()
                    if count > self.max_entries:
                        surplus = count - self.max_entries + self.max_entries // 10
                        connection.execute(
                            "DELETE FROM results WHERE key IN (SELECT key FROM results ORDER BY used LIMIT ?)",
                            (surplus,),
                        )
            except sqlite3.Error as exc:
                self._give_up(exc)

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.close()
                self._connection = None


class LayeredStore:
    """A fast store in front of a shared one: read from `front` first, the rest from `shared`
    (and kept in `front`); writes go to both. The web app's workers each keep a `MemoryStore`
    in front of the host's `DiskStore`, so a paragraph one worker checked is found by every
    other, while the worker's own recent paragraphs cost no SQLite read."""

    def __init__(self, front: ResultStore, shared: ResultStore) -> None:
        self.front = front
        self.shared = shared

    def get_many(self, keys: Iterable[str]) -> dict[str, Entry]:
        wanted = list(dict.fromkeys(keys))
        found = self.front.get_many(wanted)
        missing = [key for key in wanted if key not in found]
        if missing:
            from_shared = self.shared.get_many(missing)
            if from_shared:
                self.front.put_many(from_shared)
                found.update(from_shared)
        return found

    def put_many(self, entries: Mapping[str, Entry]) -> None:
        self.front.put_many(entries)
        self.shared.put_many(entries)
