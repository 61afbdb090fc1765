"""The production set-up: gunicorn with checker.web.gunicorn_config, as `python -m checker serve` runs it.

The master starts one LanguageTool for all workers (unless $LANGUAGETOOL_URL names one) and
stops it again on Ctrl-C (SIGINT) or SIGTERM.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from checker.cli.main import build_parser
from checker.engine.server import answers, free_port
from checker.languagetool import LanguageToolClient
from checker.web.serve import CONFIG, gunicorn_command
from tests.commands import wirecheck

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.engine

START_TIMEOUT = 300.0  # LanguageTool's start and warm-up on a busy machine

Serving = tuple["subprocess.Popen[bytes]", str, Path]
Start = Callable[[dict[str, str]], Serving]


def test_serve_runs_gunicorn_with_the_package_config() -> None:
    command = gunicorn_command("0.0.0.0", 9000, 3)
    assert command[:3] == [sys.executable, "-m", "gunicorn"]
    assert command[command.index("--config") + 1] == CONFIG == "python:checker.web.gunicorn_config"
    assert command[command.index("--bind") + 1] == "0.0.0.0:9000"
    assert command[command.index("--workers") + 1] == "3"
    assert importlib.util.find_spec("checker.web.gunicorn_config") is not None
    assert importlib.util.find_spec("checker.web.wsgi") is not None


def test_serve_options() -> None:
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "8080", "--workers", "4"])
    assert (args.host, args.port, args.workers) == ("0.0.0.0", 8080, 4)


def _get(url: str, timeout: float = 5.0) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _wait_healthy(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn exited with {process.returncode}: {log.read_text(errors='replace')[-3000:]}")
        try:
            if _get(url + "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"gunicorn did not become healthy: {log.read_text(errors='replace')[-3000:]}")


@pytest.fixture
def start_serving(tmp_path: Path) -> Iterator[Start]:
    """Starts `python -m checker serve` with an environment; stops what is left at the end."""
    started: list[subprocess.Popen[bytes]] = []

    def start(env: dict[str, str]) -> Serving:
        port = free_port()
        log = tmp_path / f"gunicorn-{port}.log"
        with open(log, "wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "checker", "serve", "--port", str(port), "--workers", "2"],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        started.append(process)
        return process, f"http://127.0.0.1:{port}", log

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def test_gunicorn_serves_the_app_from_a_checkout(engine: LanguageToolClient, tmp_path: Path) -> None:
    """`gunicorn wsgi:app` in the checkout's top folder (wsgi.py there, not in the package)."""
    port = free_port()
    log = tmp_path / "gunicorn.log"
    command = ["-m", "gunicorn", "wsgi:app", "--bind", f"127.0.0.1:{port}", "--workers", "1", "--no-control-socket"]
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [sys.executable, *command],
            cwd=ROOT,
            env={**os.environ, "LANGUAGETOOL_URL": engine.url},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(process, url, log)
        status, body = _get(url + "/")
        assert status == 200
        assert b"Wirecheck" in body
    finally:
        process.terminate()
        process.wait(timeout=60)


def _check_page(url: str) -> str:
    body = urllib.parse.urlencode({"text": "Das ist ein Fehlr im Kremlin.", "language": "de-DE"}).encode()
    request = urllib.request.Request(url + "/check", data=body, method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return str(response.read().decode("utf-8"))


def test_gunicorn_brings_up_and_stops_its_own_languagetool(start_serving: Start, tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGETOOL_URL"}
    env["WIRECHECK_RUNTIME_DIR"] = str(tmp_path / "runtime")  # our own shared-server state file
    process, url, log = start_serving(env)
    _wait_healthy(process, url, log)

    (state_file,) = (tmp_path / "runtime").glob("languagetool-*.json")
    state = json.loads(state_file.read_text())
    assert state["owner"] == process.pid
    assert 'data-rule="DE_SIMPLE_REPLACE_KREMLIN"' in _check_page(url)

    process.send_signal(signal.SIGINT)  # Ctrl-C
    assert process.wait(timeout=60) == 0
    assert not answers(state["url"])
    assert not Path(f"/proc/{state['pid']}").exists()
    assert not state_file.exists()


def test_gunicorn_uses_the_given_languagetool(start_serving: Start, engine: LanguageToolClient) -> None:
    env = {**os.environ, "LANGUAGETOOL_URL": engine.url}
    process, url, log = start_serving(env)
    _wait_healthy(process, url, log)
    status, body = _get(url + "/healthz")
    assert status == 200
    assert json.loads(body)["languagetool"]["url"] == engine.url
    assert f"LanguageTool {engine.url} is ready" in log.read_text()

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 0
    assert answers(engine.url)  # not ours to stop


def _wirecheck(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return wirecheck(env, *args, timeout=120)


def _published(runtime: Path) -> dict[str, object]:
    """The host's state file ({} while there is none)."""
    found = list(runtime.glob("languagetool-*.json"))
    return dict(json.loads(found[0].read_text())) if found else {}


def test_gunicorn_on_anothers_languagetool_is_not_stopped_and_outlives_it(start_serving: Start, tmp_path: Path) -> None:
    """`wirecheck server stop` leaves a server that a `wirecheck serve` uses (unless --force) and
    never stops a `wirecheck serve`'s own; the web app whose server went away starts its own."""
    runtime = tmp_path / "runtime"
    env = {key: value for key, value in os.environ.items() if key != "LANGUAGETOOL_URL"}
    env["WIRECHECK_RUNTIME_DIR"] = str(runtime)
    with open(tmp_path / "languagetool.log", "wb") as output:
        owner = subprocess.Popen(
            [sys.executable, "-m", "checker", "languagetool"], cwd=ROOT, env=env, stdout=output, stderr=output
        )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not answers(str(_published(runtime).get("url", "http://127.0.0.1:1"))):
            assert owner.poll() is None and time.monotonic() < deadline, (tmp_path / "languagetool.log").read_text()
            time.sleep(0.5)
        first = _published(runtime)
        process, url, log = start_serving(env)
        _wait_healthy(process, url, log)

        refused = _wirecheck(env, "server", "stop")
        assert refused.returncode == 2 and f"in use by pid {process.pid}" in refused.stderr
        assert answers(str(first["url"]))

        assert _wirecheck(env, "server", "stop", "--force").returncode == 0
        assert owner.wait(timeout=60) == 0
        deadline = time.monotonic() + START_TIMEOUT
        while _get(url + "/healthz")[0] != 200 or _published(runtime).get("owner") != process.pid:
            assert process.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(1)
        second = _published(runtime)
        assert second["url"] != first["url"] and second["kind"] == "serve"
        assert 'data-rule="DE_SIMPLE_REPLACE_KREMLIN"' in _check_page(url)

        kept = _wirecheck(env, "server", "stop", "--force")
        assert kept.returncode == 2 and "belongs to a `wirecheck serve`" in kept.stderr
        assert _get(url + "/healthz")[0] == 200

        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        assert not answers(str(second["url"]))
    finally:
        if owner.poll() is None:
            owner.kill()


def test_the_access_log_holds_no_draft(start_serving: Start, engine: LanguageToolClient) -> None:
    """Neither the access log nor the error log, where gunicorn writes a request line it cannot
    parse (here: an unencoded umlaut and a control character) whole."""
    process, url, log = start_serving({**os.environ, "LANGUAGETOOL_URL": engine.url})
    _wait_healthy(process, url, log)
    query = urllib.parse.urlencode({"language": "de-DE", "text": "Vertraulicher Entwurf über den Minister."})
    status, _ = _get(f"{url}/v2/check?{query}", timeout=60)
    assert status == 200
    address = urllib.parse.urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=10) as raw:
        raw.sendall("GET /v2/check?text=Vertraulicher\x01Entwurf_zurück HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        raw.recv(4096)
    process.send_signal(signal.SIGTERM)  # flushes the log
    assert process.wait(timeout=60) == 0
    logged = log.read_text(errors="replace")
    assert '"GET /v2/check HTTP/1.1" 200' in logged
    assert "Vertraulicher" not in logged and "Entwurf" not in logged and "text=" not in logged
