"""A LanguageTool server in the background for the command line on a developer's machine.

The first `wirecheck check` that finds no server starts one in a process of its own, detached
from the terminal; every later run on the host uses it (a second run takes about a second, not
the half minute a JVM needs to start). It stops itself after `IDLE_TIMEOUT` seconds in which no
run used it and no long-running user (a `wirecheck serve`) is registered: the last user, not the
first starter, ends it. `wirecheck server status|stop` show and end it. In CI ($CI set), where
one run does everything, a run starts its own server and stops it at the end.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from checker.engine import host
from checker.engine.runtime import runtime_dir
from checker.engine.server import WarmUp
from checker.errors import CheckerError, EngineUnavailable

IDLE_TIMEOUT = 15 * 60.0
START_TIMEOUT = 240.0
_CHECK_EVERY = 10.0


def wanted() -> bool:
    """Whether the command line should use a background server: not in CI, and not switched off
    with WIRECHECK_BACKGROUND=0."""
    return not os.environ.get("CI") and os.environ.get("WIRECHECK_BACKGROUND", "1") != "0"


# Use and users are kept per engine (fingerprint), as the state file is: a `wirecheck serve` of one
# LanguageTool version does not keep another version's background server up.
def _used_path() -> Path:
    return runtime_dir() / f"languagetool-{host.own_fingerprint()}.used"


def _users_dir() -> Path:
    path = runtime_dir() / f"languagetool-{host.own_fingerprint()}.users"
    path.mkdir(exist_ok=True, mode=0o700)
    return path


def touch_used() -> None:
    """Records that the host's server was just used (the idle clock starts again)."""
    with contextlib.suppress(OSError):
        _used_path().write_text(str(time.time()), encoding="utf-8")


def register_user(pid: int | None = None) -> None:
    """A long-running process (the web app) uses the server: it stays up while that process lives."""
    (_users_dir() / str(pid or os.getpid())).touch()


def unregister_user(pid: int | None = None) -> None:
    with contextlib.suppress(OSError):
        (_users_dir() / str(pid or os.getpid())).unlink()


@contextlib.contextmanager
def using() -> Iterator[None]:
    """Registers this process as a user of the host's server for the block."""
    register_user()
    try:
        yield
    finally:
        unregister_user()


def users() -> list[int]:
    """The live processes registered as users of the host's server."""
    alive = []
    for entry in _users_dir().iterdir():
        if entry.name.isdigit() and host.process_is_mine(int(entry.name)):
            alive.append(int(entry.name))
        else:
            with contextlib.suppress(OSError):
                entry.unlink()  # a user that died without unregistering
    return sorted(alive)


def _users_alive() -> bool:
    return bool(users())


def _idle_for() -> float:
    try:
        return time.time() - _used_path().stat().st_mtime
    except OSError:
        return float("inf")


def ensure_running() -> str:
    """The URL of the host's server, starting one in the background if none answers."""
    running = host.running_url()
    if running is None:
        _spawn()
        running = _wait_for_server()
    touch_used()
    return running


def _spawn() -> None:
    log = runtime_dir() / "background.log"
    command = [sys.executable, "-m", "checker", "server", "run"]
    with open(log, "ab") as output:
        subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    print("Starting LanguageTool in the background (once; 10–15 s on two cores) …", file=sys.stderr, flush=True)


def _wait_for_server() -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        running = host.running_url()
        if running is not None:
            return running
        time.sleep(0.5)
    log = runtime_dir() / "background.log"
    raise EngineUnavailable(f"the background LanguageTool did not start within {START_TIMEOUT:.0f} s; see {log}")


def run(idle_timeout: float = IDLE_TIMEOUT, warm_up: WarmUp | None = None) -> None:
    """The background process: start and publish the server, stop when idle and unused, or on
    SIGTERM (`wirecheck server stop`)."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    server = host.start_for_host(kind="background", warm_up=warm_up)
    touch_used()
    try:
        while not stop.wait(_CHECK_EVERY):
            if _idle_for() > idle_timeout and not _users_alive():
                break
    finally:
        host.unpublish(server)
        server.stop()


def status() -> dict[str, object]:
    """What runs: the published server's URL, its owner, and how long it has been idle."""
    found = host.published()
    if found is None or host.running_url() is None:
        return {"running": False}
    idle = _idle_for()  # infinite for a server no command-line run has used (`wirecheck languagetool`)
    return {
        "running": True,
        **found.as_dict(),
        "idle_seconds": round(idle) if idle != float("inf") else None,
        "users": users(),
    }


# Owners that run a server for others and may be asked to stop it; a `wirecheck serve` or a check
# run that started one needs it itself.
STOPPABLE = ("background", "languagetool")


def stop_server(*, force: bool = False) -> bool:
    """Asks the published server's owner to stop; False if none runs. Refuses (CheckerError) when
    the owner is a process that needs it itself, or, unless `force`, while others use it."""
    found = host.published()
    if found is None or host.running_url() is None:
        return False
    if found.kind not in STOPPABLE:
        raise CheckerError(
            f"the host's LanguageTool belongs to a `wirecheck {found.kind}` (pid {found.owner}), "
            "which stops it when it ends; stop that process instead",
            reason="server_in_use",
        )
    others = [pid for pid in users() if pid != found.owner]
    if others and not force:
        listed = ", ".join(str(pid) for pid in others)
        raise CheckerError(
            f"the host's LanguageTool is in use by pid {listed}; stop those first, or use --force",
            reason="server_in_use",
        )
    with contextlib.suppress(ProcessLookupError):
        os.kill(found.owner, signal.SIGTERM)
    deadline = time.monotonic() + 30
    while host.running_url() is not None and time.monotonic() < deadline:
        time.sleep(0.25)
    return True
