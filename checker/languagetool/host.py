"""The host-wide LanguageTool server: one per host, found through a small state file in the
runtime directory and started under a lock, so that only one process starts it."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path

from checker.errors import CheckerError
from checker.languagetool.server import LocalServer, ServerSettings, answers, fingerprint, port_is_free, runtime_dir


def _state_path() -> Path:
    return runtime_dir() / "languagetool.json"


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


def published_state() -> dict[str, object] | None:
    """The state file's content (url, pid, owner, fingerprint), if there is a readable one."""
    try:
        state = json.loads(_state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def running_url() -> str | None:
    """URL of the host's server if one is published, its owner lives, it answers, and it runs
    the same engine as this process would (same fingerprint: version, rule files, settings)."""
    try:
        state = json.loads(_state_path().read_text(encoding="utf-8"))
        url, owner, published = str(state["url"]), int(state["owner"]), str(state.get("fingerprint"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if published != fingerprint(ServerSettings()):
        return None
    if process_alive(owner) and answers(url):
        return url
    return None


def publish(server: LocalServer) -> None:
    state = {
        "url": server.url,
        "pid": server.pid,
        "owner": os.getpid(),
        "fingerprint": fingerprint(server.settings),
    }
    temporary = _state_path().with_suffix(".tmp")
    temporary.write_text(json.dumps(state), encoding="utf-8")
    temporary.replace(_state_path())


def unpublish(server: LocalServer) -> None:
    with contextlib.suppress(OSError, ValueError, KeyError):
        state = json.loads(_state_path().read_text(encoding="utf-8"))
        if state.get("url") == server.url:
            _state_path().unlink()


def use_or_start() -> tuple[str, LocalServer | None]:
    """The host's server: (its URL, None) if one answers, else one started and published here
    (its URL, the server, which the caller stops and unpublishes)."""
    with start_lock():
        running = running_url()
        if running is not None:
            return running, None
        server = LocalServer().start()
        publish(server)
        return server.url, server


def start_for_host(port: int | None = None) -> LocalServer:
    """A server started and published as the host's, for a caller that runs it for others
    (`checker languagetool`); refuses when the host already has one or the port is taken."""
    with start_lock():
        running = running_url()
        if running:
            raise CheckerError(f"a LanguageTool server already runs on this host: {running}", reason="host_server_runs")
        if port is not None and not port_is_free(port):
            raise CheckerError(f"port {port} on 127.0.0.1 is in use; choose another with --port", reason="port_in_use")
        server = LocalServer(port=port).start()
        publish(server)
        return server
