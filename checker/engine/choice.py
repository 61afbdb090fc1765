"""Which LanguageTool to use: decided here and nowhere else, for the command line, the web app,
gunicorn and the benchmark alike.

Resolution order: an explicit URL, then $LANGUAGETOOL_URL, then the host's shared server if one
answers, else a server started for this process, published for others, and stopped when the
block ends; or, with `background=True` (the command line on a developer's machine), one started
in the background that outlives the block and stops itself when idle (see background). A process
that uses the host's server is registered as its user while it does, and when that server goes
away (its owner ended) it adopts the host's next one or starts its own.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from urllib.parse import urlsplit

from checker.engine import host
from checker.engine.background import ensure_running, touch_used, using
from checker.engine.server import LocalServer, WarmUp, listener_is_mine
from checker.errors import EngineUnavailable
from checker.languagetool.client import LanguageToolClient

# Set by a process that keeps the host's server for its children (the web app's gunicorn master):
# they use the published server and never start one.
FOLLOW_HOST = "WIRECHECK_FOLLOW_HOST_ENGINE"
# How often a keeper looks whether the host's server it uses still answers.
KEEP_EVERY = 5.0


def _own_client(url: str, relocate: Callable[[], str]) -> LanguageToolClient:
    """A client of a server of this installation's, checked before every request to be the one
    listening (a port its JVM left may be taken by another user's process)."""
    return LanguageToolClient(
        url,
        fingerprint=host.own_fingerprint(),
        relocate=relocate,
        verify=lambda current: listener_is_mine(urlsplit(current).port or 0),
    )


def configured_url(explicit: str | None = None) -> str | None:
    """The URL the caller or the environment names, if any."""
    return explicit or os.environ.get("LANGUAGETOOL_URL") or None


class HostServer:
    """This process's hold on the host's server: adopted, or started and published here. Servers
    are started on a thread that lives as long as the hold, because a JVM ends with the thread
    that started it; `close` stops the ones started here."""

    def __init__(self, kind: str, warm_up: WarmUp | None = None) -> None:
        self._kind = kind
        self._warm_up = warm_up
        self._jobs: queue.Queue[Future[str]] = queue.Queue()
        self._started: list[LocalServer] = []
        self._closed = threading.Event()
        # A daemon thread, unlike an executor's: a start in progress never holds up the exit.
        threading.Thread(target=self._start_jobs, name="languagetool-starter", daemon=True).start()
        self.url = self.relocate()

    def relocate(self) -> str:
        """The host's server now: the published one (waiting while its owner restarts it), else one
        started here."""
        job: Future[str] = Future()
        self._jobs.put(job)
        self.url = job.result()
        return self.url

    def _start_jobs(self) -> None:
        while True:
            job = self._jobs.get()
            if not job.set_running_or_notify_cancel():
                continue
            try:
                if self._closed.is_set():
                    raise EngineUnavailable("LanguageTool is being stopped")
                url, server = host.use_or_start(self._kind, self._warm_up)
                if server is not None:
                    self._started.append(server)
                job.set_result(url)
            except BaseException as exc:  # handed to the waiting caller
                job.set_exception(exc)

    def keep(self) -> None:
        """Adopts or starts the host's next server, in a thread until `close`, whenever the one in
        use is no longer the one published or its owner has ended (for a process whose children
        follow the host's server). A slow answer is no reason: a busy server is still the one."""

        def gone() -> bool:
            found = host.published()
            return found is None or found.url != self.url or not found.owner_alive()

        def run() -> None:
            while not self._closed.wait(KEEP_EVERY):
                with contextlib.suppress(Exception):  # a failed start is tried again next round
                    if gone():
                        self.relocate()

        threading.Thread(target=run, name="languagetool-keeper", daemon=True).start()

    def close(self) -> None:
        self._closed.set()
        for server in self._started:
            host.unpublish(server)
            server.stop()


@contextlib.contextmanager
def open_engine(
    url: str | None = None,
    *,
    background: bool = False,
    kind: str = "check",
    keep: bool = False,
    warm_up: WarmUp | None = None,
) -> Iterator[LanguageToolClient]:
    """An engine for the duration of the block (see the module docstring for which). `kind`
    names this process in the host's state file; `keep`: adopt or start the host's next server
    as soon as the one in use goes away, not only when a check finds it gone; `warm_up`: what a
    server started here is asked first (the checks' parameters)."""
    remote = configured_url(url)
    if remote:
        yield LanguageToolClient(remote)
        return
    if os.environ.get(FOLLOW_HOST) == "1":
        yield _own_client(host.wait_for_running(), host.wait_for_running)
        return
    if background:
        yield _own_client(ensure_running(), ensure_running)
        touch_used()
        return
    hold = HostServer(kind, warm_up)
    try:
        with using():
            if keep:
                hold.keep()
            yield _own_client(hold.url, hold.relocate)
    finally:
        hold.close()
