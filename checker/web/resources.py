"""What every check of the app uses, set up once per app (Flask's `init_app` pattern): the
LanguageTool engine and the house style profile.

A bad profile stops the app from starting, with the file's path and line, rather than failing
every check later (or, worse, checking without the newsroom's rules).
"""

from __future__ import annotations

import atexit
import contextlib
import threading

from flask import Flask, current_app

from checker.errors import InputError
from checker.house import Profile, load_profile
from checker.languagetool import Engine, open_engine

_ENGINE = "wirecheck.engine"
_PROFILE = "wirecheck.profile"


class EngineHolder:
    """The app's engine: the configured object, else the one `open_engine` chooses for the
    configured URL, opened on first use and closed when the process exits."""

    def __init__(self, app: Flask) -> None:
        self._engine: Engine | None = app.config.get("ENGINE")
        self._url: str | None = app.config.get("LANGUAGETOOL_URL") or None
        self._lock = threading.Lock()
        self._stack = contextlib.ExitStack()

    def get(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = self._stack.enter_context(open_engine(self._url))
                atexit.register(self._stack.close)
            return self._engine


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
    app.extensions[_PROFILE] = _profile_for(app)


def get_engine() -> Engine:
    holder: EngineHolder = current_app.extensions[_ENGINE]
    return holder.get()


def get_profile() -> Profile:
    profile: Profile = current_app.extensions[_PROFILE]
    return profile
