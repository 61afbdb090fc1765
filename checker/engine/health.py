"""The engine's health, known without waiting for it: a background thread asks the engine
whether it answers (a cheap request, never a check) every few seconds and keeps the answer, so
that a health check answers from recent state at once, also while the engine hangs.

A busy engine is healthy: under load LanguageTool may take longer to list its languages than a
probe waits (5 s against 2 s were measured), while it answers checks all the while. So every check
it answers counts as a sign of life (`Observed`), and the engine is unhealthy only when several
probes in a row went unanswered with no check answered meanwhile: stuck or gone, not busy.
Before its first answer it is unhealthy (still starting).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from checker.errors import CheckerError
from checker.languagetool.client import Engine
from checker.options import CheckOptions

PROBE_INTERVAL = 3.0
# A probe older than this no longer says anything (the prober itself is stuck or gone).
STALE_AFTER = 15.0
# Probes in a row without an answer, and without any check answered meanwhile, before an engine
# that answered before counts as stuck: with the probe's own timeout, about 15 s.
MISSES_BEFORE_UNHEALTHY = 3


@dataclass(frozen=True)
class Health:
    alive: bool
    checked_at: float  # time.monotonic() of the last probe; 0.0 before the first
    version: str | None = None

    @property
    def ok(self) -> bool:
        return self.alive and time.monotonic() - self.checked_at < STALE_AFTER


class HealthMonitor:
    """Probes `engine` in a daemon thread, started on first use (after gunicorn's fork)."""

    def __init__(self, engine: Engine, interval: float | None = None, misses_allowed: int | None = None) -> None:
        self._engine = engine
        self._interval = PROBE_INTERVAL if interval is None else interval
        self._misses_allowed = max(1, MISSES_BEFORE_UNHEALTHY if misses_allowed is None else misses_allowed)
        self._health = Health(alive=False, checked_at=0.0)
        self._first_probe = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._started = 0.0
        self._misses = 0
        self._answered = False  # a check was answered since the last probe
        self._answered_ever = False

    def current(self, wait: float = 3.0) -> Health:
        """The last probe's result. In the first `wait` seconds after the start it waits for the
        first probe, at most until then; later it never waits."""
        started = self.start()
        self._first_probe.wait(max(0.0, started + wait - time.monotonic()))
        return self._health

    def answered(self) -> None:
        """The engine answered a check: it works, however long its probes take."""
        self._answered = True

    def start(self) -> float:
        """Starts probing (once); returns when it started (time.monotonic())."""
        with self._lock:
            if self._thread is None:
                self._started = time.monotonic()
                self._thread = threading.Thread(target=self._run, name="engine-health", daemon=True)
                self._thread.start()
            return self._started

    def _run(self) -> None:
        while True:
            self._probe()
            time.sleep(self._interval)

    def _probe(self) -> None:
        answered = self._engine.alive()
        version = self._health.version
        if answered and version is None:
            try:
                version = self._engine.version()
            except CheckerError:  # a server that cannot check is not healthy
                answered = False
        progress, self._answered = self._answered, False
        if answered or progress:
            self._misses = 0
            self._answered_ever = True
        else:
            self._misses += 1
        alive = self._answered_ever and self._misses < self._misses_allowed
        self._health = Health(alive=alive, checked_at=time.monotonic(), version=version)
        self._first_probe.set()


class Observed:
    """`engine` telling `monitor` of every check it answers (for a cache: only what the engine
    itself answered, so wrap the engine, not the cache)."""

    def __init__(self, engine: Engine, monitor: HealthMonitor) -> None:
        self.engine = engine
        self._monitor = monitor

    # Read through, not copied: wrapping must not fail where using the engine would not yet (an
    # app built with a stand-in ENGINE that serves pages but never checks).
    @property
    def url(self) -> str:
        return self.engine.url

    @property
    def max_text_length(self) -> int:
        return self.engine.max_text_length

    @max_text_length.setter
    def max_text_length(self, value: int) -> None:
        self.engine.max_text_length = value

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        result = self.engine.query(payload, options)
        self._monitor.answered()
        return result

    def version(self) -> str:
        return self.engine.version()

    def identity(self) -> str:
        return self.engine.identity()

    def alive(self) -> bool:
        return self.engine.alive()
