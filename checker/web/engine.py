"""Which LanguageTool the app checks with, resolved once per app (Flask's `init_app` pattern)."""

from __future__ import annotations

import threading

from flask import Flask, current_app

from checker.core import default_engine
from checker.engine import Engine, LanguageToolClient

_EXTENSION = "wirecheck.engine"


class EngineHolder:
    """The app's engine: the configured one, a client for the configured URL, or the default."""

    def __init__(self, app: Flask) -> None:
        self._engine: Engine | None = app.config.get("ENGINE")
        self._url: str | None = app.config.get("LANGUAGETOOL_URL") or None
        self._lock = threading.Lock()

    def get(self) -> Engine:
        with self._lock:
            if self._engine is None and self._url:
                self._engine = LanguageToolClient(self._url)
            engine = self._engine
        # Without a configured URL the core decides ($LANGUAGETOOL_URL, the host's shared
        # server, or one it starts), so the web app and the CLI find the same server.
        return engine if engine is not None else default_engine()


def init_app(app: Flask) -> None:
    app.extensions[_EXTENSION] = EngineHolder(app)


def get_engine() -> Engine:
    holder: EngineHolder = current_app.extensions[_EXTENSION]
    return holder.get()
