"""More load than one host carries: two LanguageTool servers behind nginx (Debian's package) as
one engine URL. One server stops in the middle of a bounded load run; no request fails, because
nginx passes a check that finds its server gone to the other one (docs/reliability.md)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.engine.server import answers, free_port
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions

pytestmark = pytest.mark.engine

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
ROOT = Path(__file__).resolve().parents[2]

# The load: checks from a few clients, all to 127.0.0.1. Once BEFORE_STOP are done, one server
# is stopped; when it is gone, AFTER_STOP more are sent. Never more than MOST_REQUESTS in all.
CLIENTS = 4
BEFORE_STOP = 40
AFTER_STOP = 60
MOST_REQUESTS = 400
# Bounds on the whole test: starting two JVMs on two busy cores, and the run itself.
START_TIMEOUT = 240.0
RUN_TIMEOUT = 120.0

# What docs/reliability.md recommends, with the two servers' ports filled in. A check has no side
# effects, so nginx may send it again to the other server even after the first one took it
# (non_idempotent), within 30 s of the first try; a stopped server refuses connections at once, a
# hung one is given 2 s to accept and 65 s (LanguageTool's own limit is 60 s) to answer. Bodies
# and answers stay in memory (no temporary files, which nginx's workers could not write in the
# test's folder).
NGINX_CONF = """\
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    log_format upstreams '$request_method|$uri|$status|$upstream_addr|$upstream_status';
    access_log {folder}/access.log upstreams;
    client_max_body_size 2m;
    client_body_buffer_size 2m;
    proxy_buffering off;
    upstream languagetool {{
        server 127.0.0.1:{first} max_fails=1 fail_timeout=5s;
        server 127.0.0.1:{second} max_fails=1 fail_timeout=5s;
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://languagetool;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_connect_timeout 2s;
            proxy_send_timeout 10s;
            proxy_read_timeout 65s;
            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
            proxy_next_upstream_tries 2;
            proxy_next_upstream_timeout 30s;
        }}
    }}
}}
"""


@dataclass
class Server:
    """`python -m checker languagetool` with a runtime folder of its own: its own host server."""

    process: subprocess.Popen[str]
    port: int
    output: Path

    @property
    def ready(self) -> bool:
        """It says where it listens once it has started and warmed up (dictionaries loaded)."""
        return "listens on" in self.output.read_text(encoding="utf-8", errors="replace")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # as Ctrl-C: it stops its JVM and waits
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def _start_server(folder: Path) -> Server:
    folder.mkdir()
    port = free_port()
    env = {**os.environ, "WIRECHECK_RUNTIME_DIR": str(folder)}
    env.pop("LANGUAGETOOL_URL", None)
    command = [sys.executable, "-m", "checker", "languagetool", "--port", str(port)]
    output = folder / "server.out"
    with open(output, "w", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
    return Server(process, port, output)


def _wait_until_ready(servers: list[Server], deadline: float) -> None:
    waiting = list(servers)
    while waiting and time.monotonic() < deadline:
        for server in list(waiting):
            assert server.process.poll() is None, f"LanguageTool exited while starting: {server.output.read_text()}"
            if server.ready:
                waiting.remove(server)
        time.sleep(1.0)
    assert not waiting, f"LanguageTool did not start within {START_TIMEOUT:.0f} s"


@contextlib.contextmanager
def nginx_in_front(folder: Path, servers: list[Server]) -> Iterator[str]:
    assert NGINX is not None
    folder.mkdir()
    port = free_port()
    config = folder / "nginx.conf"
    config.write_text(
        NGINX_CONF.format(folder=folder, port=port, first=servers[0].port, second=servers[1].port), encoding="utf-8"
    )
    command = [NGINX, "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log")]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while not answers(url) and time.monotonic() < deadline:
            assert process.poll() is None, f"nginx did not start: {process.stderr.read() if process.stderr else ''}"
            time.sleep(0.2)
        assert answers(url), "nginx does not pass requests on to LanguageTool"
        yield url
    finally:
        process.send_signal(signal.SIGQUIT)  # graceful: finishes what it has, then exits
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


@pytest.fixture
def two_servers(tmp_path: Path) -> Iterator[list[Server]]:
    if NGINX is None:
        pytest.skip("nginx is not installed: `make system-deps` as root installs Debian's nginx package")
    servers = [_start_server(tmp_path / "first"), _start_server(tmp_path / "second")]
    try:
        _wait_until_ready(servers, time.monotonic() + START_TIMEOUT)
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_a_server_stopped_under_load_fails_no_check(two_servers: list[Server], tmp_path: Path) -> None:
    first, second = two_servers
    with nginx_in_front(tmp_path / "nginx", two_servers) as url:
        load = Load(LanguageToolClient(url))
        load.start()
        load.wait_until_done(BEFORE_STOP)
        first.stop()  # returns when its JVM is gone
        assert not answers(first.url)
        load.send_more(AFTER_STOP)
        load.join()

    assert load.done == load.planned, f"only {load.done} of {load.planned} checks finished in {RUN_TIMEOUT:.0f} s"
    assert not load.failures, load.failures
    # nginx's log, in the order the checks finished: all answered 200; both servers took checks
    # before the stop, and only the second one after it.
    log = (tmp_path / "nginx" / "access.log").read_text(encoding="utf-8").splitlines()
    checks = [line.split("|") for line in log if line.startswith("POST|/v2/check|")]
    assert len(checks) == load.done
    assert {status for _, _, status, _, _ in checks} == {"200"}, log
    # A check nginx had to pass on lists both servers; the last one answered.
    served_by = [f"http://{addresses.split(', ')[-1]}" for _, _, _, addresses, _ in checks]
    assert {first.url, second.url} <= set(served_by[:BEFORE_STOP])
    assert set(served_by[-(AFTER_STOP - CLIENTS) :]) == {second.url}


class Load:
    """CLIENTS threads that send checks until `planned` have been sent (or RUN_TIMEOUT passed)."""

    def __init__(self, client: LanguageToolClient) -> None:
        self.client = client
        self.planned = MOST_REQUESTS
        self.sent = 0
        self.done = 0
        self.failures: list[str] = []
        self._lock = threading.Condition()
        self._deadline = time.monotonic() + RUN_TIMEOUT
        self._threads = [threading.Thread(target=self._send, daemon=True) for _ in range(CLIENTS)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def wait_until_done(self, count: int) -> None:
        with self._lock:
            self._lock.wait_for(lambda: self.done >= count, timeout=self._deadline - time.monotonic())

    def send_more(self, count: int) -> None:
        """From now on, `count` more checks and then no more."""
        with self._lock:
            self.planned = min(self.planned, self.sent + count)

    def join(self) -> None:
        for thread in self._threads:
            thread.join(timeout=max(1.0, self._deadline - time.monotonic() + 5))

    def _send(self) -> None:
        while time.monotonic() < self._deadline:
            with self._lock:
                if self.sent >= self.planned:
                    return
                number = self.sent
                self.sent += 1
            # Each text differs, so that no answer comes from LanguageTool's cache.
            text = f"Meldung {number}: Die Regierung hat heute beschlossen, das die Steuern steigen."
            try:
                result = self.client.query({"text": text}, CheckOptions(language="de-DE"))
                assert isinstance(result["matches"], list)
            except Exception as exc:  # every kind of failure counts
                with self._lock:
                    self.failures.append(f"check {number}: {type(exc).__name__}: {exc}")
            with self._lock:
                self.done += 1
                self._lock.notify_all()
