"""The house style profile every check of the app uses, read once when the app is built.

A bad profile stops the app from starting, with the file's path and line, rather than failing
every check later (or, worse, checking without the newsroom's rules).
"""

from __future__ import annotations

from flask import Flask, current_app

from checker.errors import InputError
from checker.house import Profile, load_profile

_EXTENSION = "wirecheck.profile"


def init_app(app: Flask) -> None:
    configured = app.config.get("PROFILE")
    if isinstance(configured, Profile):  # for tests and embedding, like ENGINE
        profile = configured
    else:
        try:
            profile = load_profile(str(configured) if configured else None)
        except InputError as exc:
            raise InputError(f"house profile (setting PROFILE, WIRECHECK_PROFILE): {exc.message}") from exc
    app.extensions[_EXTENSION] = profile


def get_profile() -> Profile:
    profile: Profile = current_app.extensions[_EXTENSION]
    return profile
