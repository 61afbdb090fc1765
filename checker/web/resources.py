"""What every check of the app uses, set up once per app (Flask's `init_app` pattern): the
LanguageTool engine (with its result cache, RESULT_CACHE: by default the host's SQLite file that
every worker and command-line run shares, with each worker's recent paragraphs in its memory too),
the house style profile and the names dictionary's store.

A bad profile stops the app from starting, with the file's path and line, rather than failing
every check later (or, worse, checking without the newsroom's rules). A names database that does
not answer stops nothing: checks go on with the profile's names, and the page says so.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from flask import Flask, current_app, g

from checker.engine import configured_url, open_engine
from checker.engine.choice import FOLLOW_HOST
from checker.engine.health import HealthMonitor, Observed
from checker.engine.server import WarmUp
from checker.errors import InputError, Overloaded, SetupError
from checker.house import Profile, load_profile
from checker.house.warm_up import warm_up_for
from checker.languagetool import Engine
from checker.languagetool.caching import CachingEngine
from checker.languagetool.stores import MEMORY_ENTRIES, DiskStore, LayeredStore, MemoryStore, ResultStore
from checker.names import NameStore, NamesUnavailable, database_url, with_entries

log = logging.getLogger(__name__)

_ENGINE = "wirecheck.engine"
_PROFILE = "wirecheck.profile"
_ADMISSION = "wirecheck.admission"
_NAMES = "wirecheck.names"
# Where a request keeps the profile its checks use, and whether the dictionary answered.
_CHECKING_PROFILE = "checking_profile"
_NAMES_STATE = "names_state"


class EngineHolder:
    """The app's engine: the configured object, else the one `open_engine` chooses for the
    configured URL, opened on first use and closed when the process exits; and its health, to
    which every check the engine answers counts as a sign of life."""

    def __init__(self, app: Flask) -> None:
        self._given: Engine | None = app.config.get("ENGINE")
        self._url: str | None = app.config.get("LANGUAGETOOL_URL") or None
        self._cache = str(app.config.get("RESULT_CACHE") or "")
        self._cache_entries = app.config.get("RESULT_CACHE_ENTRIES", MEMORY_ENTRIES)
        self._lock = threading.Lock()
        self._stack = contextlib.ExitStack()
        self._engine: Engine | None = None
        self._health: HealthMonitor | None = None
        # What a server started for this app is asked first (its profile's checks).
        self.warm_up: WarmUp | None = None

    def get(self) -> Engine:
        return self._open()[0]

    def health(self) -> HealthMonitor:
        return self._open()[1]

    def _open(self) -> tuple[Engine, HealthMonitor]:
        with self._lock:
            if self._engine is None or self._health is None:
                if self._given is not None:
                    # Tests and embedding: the engine as it is, only observed.
                    self._health = HealthMonitor(self._given)
                    self._engine = Observed(self._given, self._health)
                else:
                    client = self._stack.enter_context(open_engine(self._url, warm_up=self.warm_up))
                    atexit.register(self._stack.close)
                    self._health = HealthMonitor(client)
                    # Only answers from LanguageTool itself, not from the cache, are signs of its life.
                    store = result_store(self._cache, int(self._cache_entries))
                    self._engine = CachingEngine(Observed(client, self._health), store)
            return self._engine, self._health


def result_store(setting: str, memory_entries: int = MEMORY_ENTRIES) -> ResultStore | None:
    """The store of LanguageTool's answers per paragraph that RESULT_CACHE names: "" the user's
    SQLite file on this host (checker.languagetool.stores.default_path), a path another SQLite
    file, "memory" this worker's memory alone, "off" none. Where a file is shared, the worker's
    memory keeps `memory_entries` of them in front of it (0: none)."""
    if setting == "off":
        return None
    front = MemoryStore(memory_entries) if memory_entries > 0 else None
    if setting == "memory":
        return front
    shared = DiskStore(Path(setting) if setting else None)
    return LayeredStore(front, shared) if front is not None else shared


def _profile_for(app: Flask) -> Profile:
    configured = app.config.get("PROFILE")
    if isinstance(configured, Profile):  # for tests and embedding, like ENGINE
        return configured
    try:
        return load_profile(str(configured) if configured else None)
    except InputError as exc:
        raise InputError(
            f"house profile (setting PROFILE, WIRECHECK_PROFILE): {exc.message}", reason="profile", path=exc.path
        ) from exc


def init_app(app: Flask) -> None:
    app.extensions[_ENGINE] = EngineHolder(app)
    following = os.environ.get(FOLLOW_HOST) == "1"
    if app.config.get("ENGINE") is not None or configured_url(app.config.get("LANGUAGETOOL_URL")) or following:
        # The engine is a client only: its health is known before the first request asks.
        app.extensions[_ENGINE].health().start()
    slots, wait = int(app.config["MAX_CONCURRENT_CHECKS"]), float(app.config["ADMISSION_WAIT"])
    app.extensions[_ADMISSION] = Admission(slots, wait)
    app.extensions[_PROFILE] = _profile_for(app)
    app.extensions[_ENGINE].warm_up = warm_up_for(app.extensions[_PROFILE])
    try:
        app.extensions[_NAMES] = NameStore(database_url(app.config.get("DATABASE_URL")))
    except NamesUnavailable as exc:
        # A URL that cannot work at all stops the start, like a bad profile; a server that does
        # not answer does not.
        raise SetupError(f"setting DATABASE_URL: {exc.message}", reason="database_url") from exc


def get_engine() -> Engine:
    holder: EngineHolder = current_app.extensions[_ENGINE]
    return holder.get()


def get_health() -> HealthMonitor:
    holder: EngineHolder = current_app.extensions[_ENGINE]
    return holder.health()


class Admission:
    """At most `slots` checks at once in this process; a check that finds no free place within
    `wait` seconds is refused (Overloaded: 503 with Retry-After) instead of queueing without end."""

    def __init__(self, slots: int, wait: float) -> None:
        self._slots = threading.BoundedSemaphore(max(1, slots))
        self._wait = max(0.0, wait)

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        if not self._slots.acquire(timeout=self._wait):
            raise Overloaded("too many checks at once; try again in a few seconds", reason="overloaded")
        try:
            yield
        finally:
            self._slots.release()


def admission() -> Admission:
    found: Admission = current_app.extensions[_ADMISSION]
    return found


def get_profile() -> Profile:
    profile: Profile = current_app.extensions[_PROFILE]
    return profile


def get_names_store() -> NameStore:
    store: NameStore = current_app.extensions[_NAMES]
    return store


def checking_profile() -> Profile:
    """The app's profile with the dictionary's accepted names, once per request; while the
    dictionary does not answer, the profile alone (`names_state()` then says "unavailable")."""
    if _CHECKING_PROFILE not in g:
        profile = get_profile()
        try:
            profile = with_entries(profile, get_names_store().accepted())
            setattr(g, _NAMES_STATE, "available")
        except NamesUnavailable as exc:
            log.warning("checking with the profile's names alone: %s", exc.message)
            setattr(g, _NAMES_STATE, "unavailable")
        setattr(g, _CHECKING_PROFILE, profile)
    checking: Profile = getattr(g, _CHECKING_PROFILE)
    return checking


def names_state() -> str:
    """How this request's checks found the dictionary: available, unavailable, or unknown (no
    check asked it)."""
    return str(g.get(_NAMES_STATE, "unknown"))
