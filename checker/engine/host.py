"""The host-wide LanguageTool server: one per host and engine, found through a small state file in
the runtime folder and started under a lock, so that only one process starts it.

A published server is used only when its state file is this user's (checker.engine.runtime)
and the processes it names are this user's own: the owner that watches it, and a LanguageTool
server listening on the published port. A server whose owner lives but which does not answer is
being restarted by that owner and is waited for, not started a second time.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from checker.engine import install
from checker.engine.runtime import read_state, runtime_dir, write_state
from checker.engine.server import (
    HOST,
    LocalServer,
    ServerSettings,
    WarmUp,
    answers,
    fingerprint,
    listener_is_mine,
    port_is_free,
)
from checker.errors import CheckerError, EngineUnavailable
from checker.languagetool.client import own_identity

# How long a server whose owner lives may take to answer again (a JVM restart takes about 15 s).
RESTART_WAIT = 90.0
_PROC = Path("/proc")


def own_fingerprint() -> str:
    return fingerprint(ServerSettings())


def own_engine_identity() -> str:
    """The identity (LanguageToolClient.identity) of the server this installation starts or finds
    published for the host, known without asking it: only a server with this fingerprint is used."""
    return own_identity(install.pinned_version(), own_fingerprint())


def _state_path() -> Path:
    # One state file per engine, so that two versions on one host do not overwrite each other.
    return runtime_dir() / f"languagetool-{own_fingerprint()}.json"


@contextlib.contextmanager
def start_lock() -> Iterator[None]:
    """Held while a process decides whether to start the host's server, so only one does."""
    with open(runtime_dir() / "languagetool.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def process_is_mine(pid: int) -> bool:
    """Whether `pid` is a live process of this user (anywhere without /proc: alive)."""
    if not _PROC.is_dir():
        return process_alive(pid)
    try:
        return (_PROC / str(pid)).stat().st_uid == os.getuid()
    except OSError:
        return False


def _serves(pid: int, port: int) -> bool:
    """Whether process `pid` is a LanguageTool server of this user's started for `port`, and what
    listens there is this user's."""
    if not process_is_mine(pid) or not listener_is_mine(port):
        return False
    try:
        arguments = (_PROC / str(pid) / "cmdline").read_bytes().split(b"\0")
    except OSError:
        return not _PROC.is_dir()
    if b"org.languagetool.server.HTTPServer" not in arguments or b"--port" not in arguments:
        return False
    at = arguments.index(b"--port")
    return at + 1 < len(arguments) and arguments[at + 1] == str(port).encode()


@dataclass(frozen=True)
class Published:
    """The host's server as its state file names it."""

    url: str
    pid: int  # the JVM
    owner: int  # the process that started and watches it
    kind: str  # what the owner is: "background", "languagetool", "serve" or "check"

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or 0

    def owner_alive(self) -> bool:
        return process_is_mine(self.owner)

    def verified(self) -> bool:
        """The owner lives and the JVM on the port is this user's LanguageTool."""
        return self.owner_alive() and _serves(self.pid, self.port)

    def as_dict(self) -> dict[str, object]:
        return {"url": self.url, "pid": self.pid, "owner": self.owner, "kind": self.kind}


def published() -> Published | None:
    """The published server of this engine (same fingerprint: version, rule files, settings), if
    the state file names one on 127.0.0.1; raises SetupError for a state file not this user's."""
    state = read_state(_state_path())
    if state is None or state.get("fingerprint") != own_fingerprint():
        return None
    try:
        found = Published(str(state["url"]), int(str(state["pid"])), int(str(state["owner"])), str(state["kind"]))
    except (KeyError, ValueError):
        return None
    address = urlsplit(found.url)
    return found if address.scheme == "http" and address.hostname == HOST and found.port else None


def running_url() -> str | None:
    """URL of the host's server if one is published, verified, and answers."""
    found = published()
    if found is not None and found.verified() and answers(found.url):
        return found.url
    return None


def _running_or_restarting() -> str | None:
    """The host's server, waiting while its owner lives and restarts it; None if there is none."""
    deadline = time.monotonic() + RESTART_WAIT
    found = published()
    while found is not None and found.owner_alive() and time.monotonic() < deadline:
        if found.verified() and answers(found.url):
            return found.url
        time.sleep(0.5)
        found = published()
    return None


def publish(server: LocalServer, kind: str) -> None:
    """Names `server` as the host's, again whenever its watcher restarts the JVM (a new pid)."""
    write_state(
        _state_path(),
        {"url": server.url, "pid": server.pid, "owner": os.getpid(), "kind": kind, "fingerprint": server.fingerprint},
    )
    server.on_restart = lambda restarted: publish(restarted, kind)


def unpublish(server: LocalServer) -> None:
    server.on_restart = None
    with contextlib.suppress(OSError, CheckerError):
        found = published()
        if found is not None and found.url == server.url:
            _state_path().unlink()


def use_or_start(kind: str, warm_up: WarmUp | None = None) -> tuple[str, LocalServer | None]:
    """The host's server: (its URL, None) if one answers, else one started and published here
    (its URL, the server, which the caller stops and unpublishes)."""
    with start_lock():
        running = _running_or_restarting()
        if running is not None:
            return running, None
        server = LocalServer(warm_up=warm_up).start()
        publish(server, kind)
        return server.url, server


def wait_for_running(timeout: float = RESTART_WAIT + 150.0) -> str:
    """The host's server once one answers, for a process that never starts one itself (the web
    app's workers, whose master keeps it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = running_url()
        if running is not None:
            return running
        time.sleep(0.5)
    raise EngineUnavailable(f"no LanguageTool server answered on this host within {timeout:.0f} s")


def start_for_host(
    port: int | None = None, *, kind: str = "languagetool", warm_up: WarmUp | None = None
) -> LocalServer:
    """A server started and published as the host's, for a caller that runs it for others
    (`checker languagetool`); refuses when the host already has one or the port is taken."""
    with start_lock():
        running = running_url()
        if running:
            raise CheckerError(f"a LanguageTool server already runs on this host: {running}", reason="host_server_runs")
        if port is not None and not port_is_free(port):
            raise CheckerError(f"port {port} on 127.0.0.1 is in use; choose another with --port", reason="port_in_use")
        server = LocalServer(port=port, warm_up=warm_up).start()
        publish(server, kind)
        return server
