"""Shared fixtures: one real LanguageTool server for the whole test session, the example
article, and the web app with its test client.

A module's tests are in tests/<package>/test_<module>.py (tests/test_<module>.py for the modules
at the root of checker/), marked `engine` where they need the real LanguageTool server. Tests of
the whole tool: golden/ (expected findings in files; `UPDATE_GOLDEN=1` rewrites them), property/,
browser/ (headless Chromium, marked `browser`), clients/ (other LanguageTool clients on our API)
and scale/ (two servers behind nginx). The names dictionary's tests run on SQLite and on a real
PostgreSQL server (`names_database`, tests/databases.py).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from checker.engine import open_engine
from checker.languagetool import LanguageToolClient
from checker.web import create_app
from tests.databases import fresh_database, postgres_server

DATA = Path(__file__).resolve().parent / "data"
# The article the project started from (see data/README.md).
SEED_ARTICLE = DATA / "seed-irna.txt"


@pytest.fixture(scope="session", autouse=True)
def data_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app's data folder (the names dictionary's SQLite file) for this test session, not the user's."""
    folder = tmp_path_factory.mktemp("data")
    os.environ["WIRECHECK_DATA_DIR"] = str(folder)
    os.environ.pop("WIRECHECK_DATABASE_URL", None)
    return folder


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LanguageToolClient]:
    """The real engine: $LANGUAGETOOL_URL if set, else a server of the session's own.

    The session keeps its server in a runtime directory of its own, so a host server that
    another program owns (and may stop) never takes part in a test run.
    """
    if not os.environ.get("LANGUAGETOOL_URL"):
        os.environ["WIRECHECK_RUNTIME_DIR"] = str(tmp_path_factory.mktemp("runtime"))
    with open_engine() as client:
        yield client


@pytest.fixture(scope="session", autouse=True)
def result_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The web app's result cache (RESULT_CACHE) in a file of the session's own, shared by every
    app the session creates as by the workers of one host, and not the user's."""
    before = os.environ.get("WIRECHECK_RESULT_CACHE")
    os.environ["WIRECHECK_RESULT_CACHE"] = str(tmp_path_factory.mktemp("cache") / "results.sqlite3")
    yield
    if before is None:
        os.environ.pop("WIRECHECK_RESULT_CACHE", None)
    else:
        os.environ["WIRECHECK_RESULT_CACHE"] = before


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def app(engine: LanguageToolClient) -> Flask:
    """The web app on the real engine, with the default house profile."""
    return create_app({"TESTING": True, "LANGUAGETOOL_URL": engine.url})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server of the test session's own (tests/databases.py)."""
    with postgres_server() as url:
        yield url


_DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture(params=["sqlite", "postgresql"])
def names_database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of a new, empty names database: an SQLite file, and a database on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'names.sqlite3'}"
    return fresh_database(request.getfixturevalue("postgres_url"), f"names_{next(_DATABASE_NUMBERS)}")
