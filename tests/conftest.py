"""Shared fixtures: one real LanguageTool server for the whole test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import LanguageToolClient, open_engine

SHARED = Path(os.environ.get("WIRECHECK_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED_ARTICLE = SHARED / "examples" / "seed-irna.txt"


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


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")
