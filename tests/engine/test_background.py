"""The command line's background LanguageTool: started by the first run, used by the next,
stopped by `wirecheck server stop` or when idle and unused, leaving no JVM behind."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from checker.engine import background
from tests.commands import wirecheck

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]


def _run(runtime: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("CI", "LANGUAGETOOL_URL")}
    env["WIRECHECK_RUNTIME_DIR"] = str(runtime)
    return wirecheck(env, *args, timeout=400)


def test_the_second_run_uses_the_first_runs_background_server(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Das ist ein Fehlr.\n", encoding="utf-8")
    try:
        first = _run(tmp_path, "check", "--fail-on", "warning", str(article))
        assert first.returncode == 1, first.stderr
        assert "in the background" in first.stderr
        status = json.loads(_run(tmp_path, "server", "status").stdout)
        assert status["running"] is True
        second = _run(tmp_path, "check", "--fail-on", "warning", str(article))
        assert second.returncode == 1 and "in the background" not in second.stderr
        assert json.loads(_run(tmp_path, "server", "status").stdout)["url"] == status["url"]
    finally:
        stopped = _run(tmp_path, "server", "stop")
    assert stopped.stdout.strip() == "LanguageTool stopped."
    assert _run(tmp_path, "server", "status").returncode == 3
    deadline = time.monotonic() + 30
    while Path(f"/proc/{status['pid']}").exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not Path(f"/proc/{status['pid']}").exists(), "the JVM outlived its server"


def test_in_ci_a_run_starts_no_background_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert background.wanted() is False
    monkeypatch.delenv("CI")
    monkeypatch.setenv("WIRECHECK_BACKGROUND", "0")
    assert background.wanted() is False
    monkeypatch.delenv("WIRECHECK_BACKGROUND")
    assert background.wanted() is True


def test_a_registered_user_keeps_it_up_until_it_is_gone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    background.register_user(os.getpid())
    assert background._users_alive() is True
    background.unregister_user(os.getpid())
    users = tmp_path / f"languagetool-{background.host.own_fingerprint()}.users"
    (users / "999999").touch()  # a user that died without a word
    assert background._users_alive() is False
    assert not (users / "999999").exists()


def test_status_of_a_server_no_command_line_run_has_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server started with `wirecheck languagetool` has no record of use: status says so."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    published = background.host.Published("http://127.0.0.1:1", pid=2, owner=1, kind="languagetool")
    monkeypatch.setattr(background.host, "published", lambda: published)
    monkeypatch.setattr(background.host, "running_url", lambda: "http://127.0.0.1:1")
    found = background.status()
    assert found["running"] is True and found["idle_seconds"] is None and found["users"] == []
    (tmp_path / f"languagetool-{background.host.own_fingerprint()}.used").touch()
    assert background.status()["idle_seconds"] == 0
