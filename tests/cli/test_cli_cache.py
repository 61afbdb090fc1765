"""The command line's result cache: a SQLite file in the per-user cache folder, `--no-cache`."""

from __future__ import annotations

import http.server
import json
import os
import sqlite3
import subprocess
import threading
import zlib
from pathlib import Path

import pytest

from checker.engine.install import pinned_version
from checker.languagetool import LanguageToolClient
from tests.commands import wirecheck
from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]


def run(engine: LanguageToolClient, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_with(dict(os.environ, LANGUAGETOOL_URL=engine.url, XDG_CACHE_HOME=str(cache)), *args)


def run_with(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return wirecheck(env, "check", "--format", "json", *args)


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


def _own_engine_env(cache: Path) -> dict[str, str]:
    """A CI run with no server named: it uses the host's server, here the test session's."""
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGETOOL_URL"}
    env.update(XDG_CACHE_HOME=str(cache), CI="1")
    return env


def test_unchanged_files_are_answered_without_starting_an_engine(engine: LanguageToolClient, tmp_path: Path) -> None:
    """A CI run over files checked before (the cache restored) starts no LanguageTool: with no
    server named and none running, a run whose every file is in the cache takes nothing from the
    host's start lock, and gives the same report."""
    article = tmp_path / "meldung.txt"
    article.write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    first = run_with(_own_engine_env(tmp_path), str(article))
    assert first.returncode == 1, first.stderr
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    second = run_with({**_own_engine_env(tmp_path), "WIRECHECK_RUNTIME_DIR": str(runtime)}, str(article))
    assert second.returncode == first.returncode, second.stderr
    assert second.stdout == first.stdout
    assert list(runtime.iterdir()) == []


class _PlainLanguageTool(http.server.BaseHTTPRequestHandler):
    """A LanguageTool of the same version without our rule files, as far as these texts go: it
    finds nothing."""

    def _json(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        software = {"version": pinned_version(), "buildDate": "2025-01-01 00:00:00 +0000"}
        self._json({"software": software} if self.path.startswith("/v2/info") else [{"code": "de-DE"}])

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self._json({"software": {"version": pinned_version()}, "matches": []})

    def log_message(self, *args: object) -> None:
        pass


def test_a_report_from_another_server_is_not_served_for_ours(engine: LanguageToolClient, tmp_path: Path) -> None:
    """What a server named by URL answered (here one without our rules, on 127.0.0.1 too) is kept
    under that server's identity: the next run on our own engine checks the file again."""
    article = tmp_path / "meldung.txt"
    article.write_text("Berlin (dpa) - Putin lobte die Kooperationen der beiden Ländern.\n", encoding="utf-8")
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PlainLanguageTool)
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    try:
        elsewhere = run_with(
            dict(_own_engine_env(tmp_path), LANGUAGETOOL_URL=f"http://127.0.0.1:{plain.server_port}"), str(article)
        )
    finally:
        plain.shutdown()
    assert "Ländern" not in elsewhere.stdout, elsewhere.stderr
    ours = run_with(_own_engine_env(tmp_path), str(article))
    assert ours.returncode == 1, ours.stderr
    assert "der beiden Ländern" in ours.stdout


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
