"""The engine's health, known without waiting for it: a background thread asks the engine
whether it answers (a cheap request, never a check) every few seconds and keeps the answer, so
that a health check answers from recent state at once, also while the engine hangs."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from checker.errors import CheckerError
from checker.languagetool.client import Engine

PROBE_INTERVAL = 3.0
# A probe older than this no longer says anything (the prober itself is stuck or gone).
STALE_AFTER = 15.0


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

    def __init__(self, engine: Engine, interval: float = PROBE_INTERVAL) -> None:
        self._engine = engine
        self._interval = interval
        self._health = Health(alive=False, checked_at=0.0)
        self._first_probe = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._started = 0.0

    def current(self, wait: float = 3.0) -> Health:
        """The last probe's result. In the first `wait` seconds after the start it waits for the
        first probe, at most until then; later it never waits."""
        started = self.start()
        self._first_probe.wait(max(0.0, started + wait - time.monotonic()))
        return self._health

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
        alive = self._engine.alive()
        version = self._health.version
        if alive and version is None:
            try:
                version = self._engine.version()
            except CheckerError:  # health is yes or no: a server that cannot check is not healthy
                alive = False
        self._health = Health(alive=alive, checked_at=time.monotonic(), version=version)
        self._first_probe.set()
