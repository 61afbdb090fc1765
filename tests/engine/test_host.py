"""The host's LanguageTool server (checker/engine/host.py, choice.py): published per engine,
used only when verified, followed across restarts, adopted or started again when its owner ends."""

from __future__ import annotations

import http.server
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker.engine import background, host, open_engine
from checker.engine.runtime import write_state
from checker.engine.server import LocalServer, answers, free_port, listener_is_mine
from checker.errors import EngineUnavailable
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from tests.commands import wirecheck

ROOT = Path(__file__).resolve().parents[2]


class _Impostor(http.server.BaseHTTPRequestHandler):
    """Answers like LanguageTool and keeps every text sent to it."""

    received: list[str] = []  # noqa: RUF012 - one list per test run of this class

    def do_GET(self) -> None:
        self._answer(b'[{"code": "de-DE"}]')

    def do_POST(self) -> None:
        _Impostor.received.append(self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode())
        self._answer(b'{"software": {"version": "6.8"}, "matches": []}')

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def impostor() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Impostor)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Impostor.received = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def _plant(runtime: Path, url: str, *, pid: int, owner: int) -> None:
    state = {"url": url, "pid": pid, "owner": owner, "kind": "background", "fingerprint": host.own_fingerprint()}
    write_state(runtime / f"languagetool-{host.own_fingerprint()}.json", state)


def test_a_published_server_that_is_not_ours_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, impostor: str
) -> None:
    """A state file naming a server that answers, with live processes, but no LanguageTool of this
    user's on that port: not used."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    _plant(tmp_path, impostor, pid=1, owner=os.getpid())
    assert answers(impostor)
    found = host.published()
    assert found is not None and found.owner_alive() and not found.verified()
    assert host.running_url() is None


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another user needs root")
def test_a_check_refuses_a_runtime_folder_another_user_made(tmp_path: Path, impostor: str) -> None:
    """Another local user creates /tmp/wirecheck-<uid> first and names their server in it: the
    command line stops with the folder's name and sends the draft nowhere."""
    planted = tmp_path / "wirecheck"
    planted.mkdir(mode=0o777)
    _plant(planted, impostor, pid=1, owner=1)
    os.chown(planted, 65534, 65534)
    article = tmp_path / "entwurf.txt"
    article.write_text("Geheimer Entwurf über die Kooperationen der beiden Ländern.\n", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key not in ("LANGUAGETOOL_URL", "WIRECHECK_RUNTIME_DIR")}
    env.update(XDG_RUNTIME_DIR=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for ci in ("1", ""):
        result = wirecheck({**env, "CI": ci}, "check", "--no-cache", str(article), timeout=120)
        assert result.returncode == 2, result.stderr
        assert f"the runtime folder {planted} belongs to user id 65534" in result.stderr
    assert _Impostor.received == []


def test_each_engine_has_a_state_file_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two LanguageTool versions (or rule files) on one host publish side by side."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))

    class Started:
        pid = os.getpid()
        on_restart = None

        def __init__(self, port: int, fingerprint: str) -> None:
            self.url, self.fingerprint = f"http://127.0.0.1:{port}", fingerprint

    for port, fingerprint in ((8101, "aaaa"), (8102, "bbbb")):
        monkeypatch.setattr(host, "own_fingerprint", lambda fingerprint=fingerprint: fingerprint)
        host.publish(Started(port, fingerprint), "background")  # type: ignore[arg-type]
    assert sorted(path.name for path in tmp_path.glob("languagetool-*.json")) == [
        "languagetool-aaaa.json",
        "languagetool-bbbb.json",
    ]
    for fingerprint, port in (("aaaa", 8101), ("bbbb", 8102)):
        monkeypatch.setattr(host, "own_fingerprint", lambda fingerprint=fingerprint: fingerprint)
        found = host.published()
        assert found is not None and found.port == port


@pytest.mark.engine
def test_the_state_follows_a_restarted_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the watcher restarts a crashed JVM, the state file names the new one, and the server
    keeps one log however often it starts."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    server = LocalServer().start()
    try:
        host.publish(server, "check")
        first = server.pid
        assert first is not None and host.running_url() == server.url
        os.kill(first, signal.SIGKILL)
        server.ensure_running(timeout=180)
        found = host.published()
        assert found is not None and found.pid == server.pid != first
        assert host.running_url() == server.url
    finally:
        host.unpublish(server)
        server.stop()
    assert [path.name for path in tmp_path.glob("languagetool-*.log")] == [f"languagetool-{server.fingerprint}.log"]
    assert host.published() is None


@pytest.mark.engine
def test_a_user_of_the_host_server_goes_on_when_its_starter_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two CI jobs on one runner share the runtime folder: the first starts the server and stops it
    when it ends; the second, still checking, adopts or starts the next one and its check succeeds."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    monkeypatch.delenv("LANGUAGETOOL_URL", raising=False)
    with open_engine() as first:
        second_scope = open_engine()
        second = second_scope.__enter__()
        try:
            assert second.url == first.url
            users = tmp_path / f"languagetool-{host.own_fingerprint()}.users"
            assert [path.name for path in users.iterdir()] == [str(os.getpid())]
            old = first.url
        except BaseException:
            second_scope.__exit__(None, None, None)
            raise
    try:
        assert not answers(old)
        answer = second.query({"text": "Das ist ein Fehlr."}, CheckOptions(language="de-DE"))
        assert any(match["rule"]["id"] == "GERMAN_SPELLER_RULE" for match in answer["matches"])
        assert host.running_url() == second.url
    finally:
        second_scope.__exit__(None, None, None)
    deadline = time.monotonic() + 30
    while answers(second.url) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not answers(second.url)


def _squat(port: int) -> subprocess.Popen[bytes]:
    """Another local user's process (uid 65534) that listens on `port` and answers like
    LanguageTool; it prints each body it receives."""
    program = (
        "import http.server, sys\n"
        "class H(http.server.BaseHTTPRequestHandler):\n"
        "    def _answer(self, body):\n"
        "        self.send_response(200); self.send_header('Content-Length', str(len(body))); self.end_headers()\n"
        "        self.wfile.write(body)\n"
        "    def do_GET(self): self._answer(b'[]')\n"
        "    def do_POST(self):\n"
        "        print(self.rfile.read(int(self.headers['Content-Length'])).decode(), flush=True)\n"
        '        self._answer(b\'{"software": {"version": "6.8"}, "matches": []}\')\n'
        "    def log_message(self, *a): pass\n"
        f"http.server.HTTPServer(('127.0.0.1', {port}), H).serve_forever()\n"
    )

    squatter = subprocess.Popen(
        [SYSTEM_PYTHON, "-c", program], stdout=subprocess.PIPE, user=65534, group=65534, cwd="/"
    )
    deadline = time.monotonic() + 10
    while not answers(f"http://127.0.0.1:{port}") and time.monotonic() < deadline:
        time.sleep(0.1)
    return squatter


# Another user cannot run this user's Python (under /root); the system's can.
SYSTEM_PYTHON = shutil.which("python3", path="/usr/bin:/bin") or "/usr/bin/python3"
as_root = pytest.mark.skipif(
    os.getuid() != 0 or not Path(SYSTEM_PYTHON).exists(), reason="acting as another local user needs root"
)


@as_root
def test_a_port_another_user_listens_on_is_never_ours(impostor: str) -> None:
    port = free_port()
    squatter = _squat(port)
    try:
        assert answers(f"http://127.0.0.1:{port}")
        assert not listener_is_mine(port)
        assert listener_is_mine(int(impostor.rsplit(":", 1)[1]))  # this user's own
        client = LanguageToolClient(
            f"http://127.0.0.1:{port}", fingerprint="x", verify=lambda url: listener_is_mine(int(url.rsplit(":", 1)[1]))
        )
        with pytest.raises(EngineUnavailable, match="no longer this user's LanguageTool"):
            client.query({"text": "Geheimer Entwurf."}, CheckOptions(language="de-DE"))
    finally:
        squatter.kill()
        received = squatter.communicate(timeout=10)[0].decode()
    assert "Geheimer" not in received
    assert not listener_is_mine(port)  # nobody listens now


@as_root
@pytest.mark.engine
def test_a_server_whose_port_is_taken_starts_on_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another user binds the port before our JVM can (watching /proc for its command line): the
    server starts on another port and the other process receives nothing."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    taken = free_port()
    squatter = _squat(taken)
    server = LocalServer(port=taken)
    try:
        server.start()
        assert server.port != taken and listener_is_mine(server.port)
        host.publish(server, "check")
        assert host.running_url() == server.url
    finally:
        server.stop()
        squatter.kill()
        received = squatter.communicate(timeout=10)[0].decode()
    assert received == ""


def test_users_are_counted_per_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A `wirecheck serve` of one LanguageTool version is no user of another version's server."""
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(host, "own_fingerprint", lambda: "aaaa")
    with background.using():
        assert background.users() == [os.getpid()]
        monkeypatch.setattr(host, "own_fingerprint", lambda: "bbbb")
        assert background.users() == []
