"""The command line's result cache: a SQLite file in the per-user cache folder, `--no-cache`."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from checker.languagetool import LanguageToolClient
from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]


def run(engine: LanguageToolClient, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_with(dict(os.environ, LANGUAGETOOL_URL=engine.url, XDG_CACHE_HOME=str(cache)), *args)


def run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", "check", "--format", "json", *args],
        capture_output=True,
        cwd=ROOT,
        env=env,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_second_run_answers_from_the_cache_with_the_same_report(engine: LanguageToolClient, tmp_path: Path) -> None:
    first = run(engine, tmp_path, str(SEED_ARTICLE))
    assert first.returncode == 1, first.stderr
    assert (tmp_path / "wirecheck" / "results.sqlite3").exists()
    second = run(engine, tmp_path, str(SEED_ARTICLE))
    assert second.stdout == first.stdout
    assert second.returncode == first.returncode


def test_no_cache_leaves_no_file(engine: LanguageToolClient, tmp_path: Path) -> None:
    result = run(engine, tmp_path, "--no-cache", str(SEED_ARTICLE))
    assert result.returncode == 1, result.stderr
    assert not (tmp_path / "wirecheck").exists()


def test_unchanged_files_are_answered_without_starting_an_engine(engine: LanguageToolClient, tmp_path: Path) -> None:
    """A CI run over files checked before (the cache restored) starts no LanguageTool: with no
    server named and none running, a run whose every file is in the cache takes nothing from the
    host's start lock, and gives the same report."""
    article = tmp_path / "meldung.txt"
    article.write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    first = run(engine, tmp_path, str(article))
    assert first.returncode == 1, first.stderr
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGETOOL_URL"}
    env.update(XDG_CACHE_HOME=str(tmp_path), CI="1", WIRECHECK_RUNTIME_DIR=str(runtime))
    second = run_with(env, str(article))
    assert second.returncode == first.returncode, second.stderr
    assert second.stdout == first.stdout
    assert list(runtime.iterdir()) == []


def test_damaged_entries_are_misses(engine: LanguageToolClient, tmp_path: Path) -> None:
    """Entries that are valid JSON of the wrong shape (a damaged file, another program's data)
    are asked again, with the same report as before."""
    first = run(engine, tmp_path, str(SEED_ARTICLE))
    assert first.returncode == 1, first.stderr
    path = tmp_path / "wirecheck" / "results.sqlite3"
    for damaged in ({"matches": []}, [{"length": 3, "rule": {"id": "X"}}]):
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE results SET matches = ?", (zlib.compress(json.dumps(damaged).encode()),))
        again = run(engine, tmp_path, str(SEED_ARTICLE))
        assert "Traceback" not in again.stderr
        assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
