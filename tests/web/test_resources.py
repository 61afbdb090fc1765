"""What every check of the app uses (checker.web.resources): the result store RESULT_CACHE names,
shared by the workers of one host."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.languagetool import LanguageToolClient
from checker.languagetool.caching import CachingEngine
from checker.languagetool.stores import DiskStore, LayeredStore, MemoryStore
from checker.web import create_app
from checker.web.resources import result_store

ARTICLE = "\n\n".join(
    f"Berlin (dpa) - Der {n}. Absatz dieser Meldung hat einen Fehlr und sonst nichts Besonderes." for n in range(1, 7)
)


def test_result_store_settings(tmp_path: Path) -> None:
    default = result_store("")
    assert isinstance(default, LayeredStore)
    assert isinstance(default.front, MemoryStore)
    assert isinstance(default.shared, DiskStore)
    assert default.shared.path.name == "results.sqlite3"
    named = result_store(str(tmp_path / "other.sqlite3"), 0)
    assert isinstance(named, DiskStore)
    assert named.path == tmp_path / "other.sqlite3"
    assert isinstance(result_store("memory"), MemoryStore)
    assert result_store("memory", 0) is None
    assert result_store("off") is None


@pytest.mark.engine
def test_a_recheck_finds_the_paragraphs_another_worker_checked(engine: LanguageToolClient, tmp_path: Path) -> None:
    settings = {"TESTING": True, "LANGUAGETOOL_URL": engine.url, "RESULT_CACHE": str(tmp_path / "results.sqlite3")}
    first_worker, second_worker = create_app(settings), create_app(settings)
    first = first_worker.test_client().post("/api/v1/check", json={"text": ARTICLE, "model": False})
    assert first.status_code == 200
    edited = ARTICLE.replace("Der 3. Absatz", "Der dritte Absatz")
    second = second_worker.test_client().post("/api/v1/check", json={"text": edited, "model": False})
    assert second.status_code == 200
    caching = second_worker.extensions["wirecheck.engine"].get()
    assert isinstance(caching, CachingEngine)
    # One paragraph asked about, and the context rules once; the five others came from the file.
    assert caching.counts["paragraphs"] == 1
    assert caching.counts["plain"] == 0
    assert [issue["text"] for issue in second.get_json()["issues"]].count("Fehlr") == 6
