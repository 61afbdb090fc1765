"""Runs LanguageTool's HTTP server as a child process on 127.0.0.1: start, wait, watch, restart, stop."""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from checker.engine import install, start_cache
from checker.engine.java import JVM_OPTIONS, find_java
from checker.engine.runtime import runtime_dir
from checker.errors import EngineUnavailable, SetupError
from checker.languagetool.client import request_params
from checker.languagetool.custom_rules import RULES_DIR
from checker.options import CheckOptions

HOST = "127.0.0.1"


@dataclass(frozen=True)
class ServerSettings:
    """How the JVM and LanguageTool are sized. See docs/engine.md for why these figures."""

    # German's dictionaries, four rule pipelines and the result cache take about 380 MiB after a
    # full collection; four checks of 44,000 characters at once (near the longest piece, one per
    # check thread) raised the heap in use to 890 MiB of 1 GiB, and on a busy machine the JVM then
    # collected so long that its watcher killed it (twice in three tries). 1.5 GiB leaves room
    # (docs/benchmarks.md, `bench/sizing.py heap`).
    heap: str = field(default_factory=lambda: os.environ.get("LANGUAGETOOL_HEAP", "1536m"))
    # LanguageTool counts Java chars (UTF-16 units); longer texts are split by the core.
    max_text_length: int = 50_000
    max_check_time_ms: int = 60_000
    max_check_threads: int = field(default_factory=lambda: max(2, 2 * (os.cpu_count() or 1)))
    cache_size: int = 1000

    def config_text(self) -> str:
        # pipelinePrewarming stays off: it prewarms languages a German-only classpath lacks.
        return "\n".join(
            [
                f"maxTextLength={self.max_text_length}",
                f"maxCheckTimeMillis={self.max_check_time_ms}",
                f"maxCheckThreads={self.max_check_threads}",
                f"cacheSize={self.cache_size}",
                "pipelineCaching=true",
                "",
            ]
        )


def fingerprint(settings: ServerSettings) -> str:
    """What makes two servers interchangeable: the LanguageTool version, our rule files and the
    settings. A host's server is shared only with processes whose fingerprint is the same."""
    digest = hashlib.sha256(install.pinned_version().encode())
    for rule_file in sorted(RULES_DIR.rglob("*.xml")):
        digest.update(rule_file.read_bytes())
    digest.update(settings.config_text().encode())
    return digest.hexdigest()[:16]


def _rotate(log: Path) -> None:
    """Keep the log below LOG_LIMIT: a larger one becomes log.1 (replacing the previous)."""
    with contextlib.suppress(OSError):
        if log.stat().st_size > LOG_LIMIT:
            log.replace(log.with_name(log.name + ".1"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
        return True


def answers(url: str, timeout: float = 2.0) -> bool:
    """True when a LanguageTool server at `url` lists its languages."""
    try:
        with urllib.request.urlopen(url.rstrip("/") + "/v2/languages", timeout=timeout) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.URLError, ValueError):
        return False


_PROC_NET = Path("/proc/net")
# Local addresses a connection to 127.0.0.1 can reach: 127.0.0.1 itself and the wildcard, in
# /proc/net/tcp's notation (little-endian hex) and in /proc/net/tcp6's (IPv4-mapped and ::).
_REACHABLE = {"0100007F", "00000000", "0000000000000000FFFF00000100007F", "00000000000000000000000000000000"}
_LISTEN = "0A"


def listener_is_mine(port: int) -> bool:
    """Whether every socket listening where a connection to 127.0.0.1:`port` goes belongs to this
    user, and there is one: another local user who binds a port our server left (or has not bound
    yet) must not receive a draft. True where the system does not tell (no /proc/net)."""
    if not (_PROC_NET / "tcp").exists():
        return True
    owners = []
    for table in ("tcp", "tcp6"):
        try:
            lines = (_PROC_NET / table).read_text(encoding="ascii").splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, _, hex_port = fields[1].partition(":")
            if fields[3] == _LISTEN and int(hex_port, 16) == port and address in _REACHABLE:
                owners.append(int(fields[7]))
    return bool(owners) and all(owner == os.getuid() for owner in owners)


def _die_with_parent() -> None:
    # Linux: the JVM receives SIGTERM when the thread that started it ends, so a killed
    # Python process leaves no JVM behind.
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    os.setsid()


# The warm-up's text: a dateline set apart as the pipeline does, a misspelling, a quotation.
WARM_UP_TEXT = (
    "Berlin (dpa).\n\nDie Regierung hat am Dienstag einen neuen Beschlus gefasst. "
    "«Wir gehen voran», sagte die Ministerin am 3. Mai in der Hauptstadt."
)


@dataclass(frozen=True)
class WarmUp:
    """What a new server is asked before it serves. LanguageTool builds a rule pipeline per set of
    request parameters (seconds each), so `params` are those of the checks it will see (the
    caller's house profile, which this package does not read); `text` has a misspelling and a
    quotation, so that suggestions load too; `training`, sentences as users send them, is what
    the start-up cache's recording checks besides."""

    params: Mapping[str, str] = field(default_factory=lambda: request_params(CheckOptions(language="de-DE")))
    text: str = WARM_UP_TEXT
    training: tuple[str, ...] = ()

    def request(self, text: str | None = None) -> bytes:
        return urllib.parse.urlencode({**self.params, "text": self.text if text is None else text}).encode()


# The watcher asks a running server whether it answers this often; after this many missed
# answers in a row (a hung or stopped JVM) it kills and restarts it. A busy server still
# answers /v2/languages, which does no checking.
HANG_PROBE_INTERVAL = 10.0
HANG_PROBE_TIMEOUT = 10.0
HANG_PROBES_MISSED = 3
# A JVM that exits within this many seconds of its restart waits this long before the next.
RESTART_PAUSE = 5.0
# Ports tried at a start when another user's process takes the one chosen first.
_PORT_ATTEMPTS = 3
# The server's log is started afresh beyond this size (the previous one is kept as .1).
LOG_LIMIT = 5 * 1024 * 1024


class PortTaken(SetupError):
    """Another user's process listens on the port our server was to use."""


class LocalServer:
    """One LanguageTool server process, owned by this Python process.

    A watcher thread restarts the server on the same port if it dies or stops answering;
    `stop()` ends it, waits until the JVM is gone and removes its files (its config, and the
    dictionaries LanguageTool unpacks into its own temporary folder).
    """

    def __init__(
        self,
        *,
        port: int | None = None,
        settings: ServerSettings | None = None,
        launch: tuple[list[str], str] | None = None,
        warm_up: WarmUp | None = None,
    ) -> None:
        """`launch`: JVM options and class path instead of `start_cache.launch`'s (for recording)."""
        self.settings = settings or ServerSettings()
        self.warm_up = warm_up or WarmUp()
        self._launch = launch
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.fingerprint = fingerprint(self.settings)
        # One log per engine, not per port: ports change with every start, engines seldom.
        self.log_path = runtime_dir() / f"languagetool-{self.fingerprint}.log"
        self.config_path = runtime_dir() / f"languagetool-{self.port}.properties"
        # LanguageTool unpacks its Hunspell dictionaries (about 10 MB) into java.io.tmpdir.
        self.temp_dir = runtime_dir() / f"languagetool-{self.port}-tmp"
        self._process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self.restarts = 0
        self._last_restart = 0.0
        # Called with the server after the watcher started a new JVM (the host's state names its pid).
        self.on_restart: Callable[[LocalServer], None] | None = None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start(self, *, timeout: float = 180.0) -> LocalServer:
        install.install(warm_up=self.warm_up)
        for attempt in range(_PORT_ATTEMPTS):
            with self._lock:
                self._spawn()
            try:
                self._wait_until_ready(timeout)
                break
            except PortTaken:
                self._kill_process()
                if attempt == _PORT_ATTEMPTS - 1:
                    raise
                self._move_to(free_port())
        self._warm_up()
        self._watcher = threading.Thread(target=self._watch, name="languagetool-watcher", daemon=True)
        self._watcher.start()
        return self

    def _command(self) -> list[str]:
        java = find_java()
        options, class_path = self._launch or start_cache.launch(java)
        config = self.config_path
        config.write_text(self.settings.config_text(), encoding="utf-8")
        shutil.rmtree(self.temp_dir, ignore_errors=True)
        self.temp_dir.mkdir(mode=0o700)
        return [
            str(java.executable),
            f"-Xmx{self.settings.heap}",
            *JVM_OPTIONS,
            f"-Djava.io.tmpdir={self.temp_dir}",
            *options,
            "-cp",
            class_path,
            # The server jar's manifest names HTTPSServer; we want plain HTTP on loopback.
            "org.languagetool.server.HTTPServer",
            "--port",
            str(self.port),
            "--config",
            str(config),
        ]

    def _spawn(self) -> None:
        command = self._command()
        _rotate(self.log_path)
        with open(self.log_path, "ab") as log:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,  # noqa: PLW1509 - needed for PDEATHSIG
            )

    def _log_tail(self, lines: int = 12) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        useful = [line for line in text.splitlines() if not line.startswith("\tat ")]
        return " | ".join(useful[-lines:])

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            process = self._process
            if process is None or process.poll() is not None:
                code = process.returncode if process else None
                if not port_is_free(self.port) and not listener_is_mine(self.port):
                    raise self._taken()
                raise SetupError(
                    f"LanguageTool exited during start (exit {code}); log {self.log_path}: {self._log_tail()}"
                )
            if answers(self.url):
                if listener_is_mine(self.port):
                    return
                raise self._taken()
            time.sleep(0.1)
        self.stop()
        raise EngineUnavailable(f"LanguageTool did not answer on {self.url} within {timeout:.0f} s")

    def _warm_up(self) -> None:
        # The first German check loads dictionaries and rules (many seconds); do it now rather
        # than in a user's request. LanguageTool builds a rule pipeline per set of request
        # parameters (seconds each), so the warm-up asks as the default profile's checks do, and
        # with a misspelling and a quotation, so that suggestions and their data load too.
        data = self.warm_up.request()
        with contextlib.suppress(OSError):
            urllib.request.urlopen(self.url + "/v2/check", data=data, timeout=120).close()

    def _watch(self) -> None:
        missed = 0
        last_probe = time.monotonic()
        while not self._stopping.wait(1.0):
            process = self._process
            if process is not None and process.poll() is not None and not self._stopping.is_set():
                self._restart()
                missed, last_probe = 0, time.monotonic()
            elif time.monotonic() - last_probe >= HANG_PROBE_INTERVAL:
                last_probe = time.monotonic()
                missed = 0 if answers(self.url, timeout=HANG_PROBE_TIMEOUT) else missed + 1
                if missed >= HANG_PROBES_MISSED and not self._stopping.is_set():
                    self._kill_hung()
                    missed = 0

    def _kill_hung(self) -> None:
        """Kill a JVM that no longer answers; the watcher's next round restarts it."""
        with self._lock:
            self._kill_process()

    def _restart(self) -> None:
        # A JVM that dies again at once (its port taken, say) is not restarted in a tight loop.
        if time.monotonic() - self._last_restart < RESTART_PAUSE:
            self._stopping.wait(RESTART_PAUSE)
        self._last_restart = time.monotonic()
        with self._lock:
            if self._stopping.is_set():
                return
            self.restarts += 1
            if not port_is_free(self.port):
                self._move_to(free_port())  # someone bound the port the JVM left
            self._spawn()
            if self.on_restart is not None:
                self.on_restart(self)
        try:
            self._wait_until_ready(180.0)
            self._warm_up()
        except PortTaken:
            self._kill_process()  # the watcher's next round starts it on another port
        except (SetupError, EngineUnavailable):
            pass

    def _taken(self) -> PortTaken:
        """Another user's process took the port before the JVM could: it is never used."""
        return PortTaken(f"port {self.port} on {HOST} was taken by another user's process")

    def _move_to(self, port: int) -> None:
        self.port = port
        self.url = f"http://{HOST}:{port}"
        self.config_path = runtime_dir() / f"languagetool-{port}.properties"
        self.temp_dir = runtime_dir() / f"languagetool-{port}-tmp"

    def _kill_process(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()
            process.wait(15)

    def ensure_running(self, timeout: float = 180.0) -> None:
        """Block until the server answers again (after a crash the watcher restarts it)."""
        deadline = time.monotonic() + timeout
        while not answers(self.url):
            # Restarting is the watcher's job: a JVM started from a short-lived request thread
            # would die with that thread (PR_SET_PDEATHSIG).
            if self._stopping.is_set() or time.monotonic() > deadline:
                raise EngineUnavailable(f"LanguageTool on {self.url} is not running")
            time.sleep(0.25)

    def stop(self, timeout: float = 15.0, *, graceful: bool = False) -> None:
        """End the server. LanguageTool keeps nothing worth a clean exit (SIGTERM cost 0.3 s more),
        so it is killed, unless `graceful`: the JVM then writes what it records at exit."""
        self._stopping.set()
        with self._lock:
            process = self._process
            if process is None:
                return
            if process.poll() is None:
                if graceful:
                    process.terminate()
                else:
                    process.kill()
                try:
                    process.wait(timeout)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(timeout)
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join(timeout=5)
        shutil.rmtree(self.temp_dir, ignore_errors=True)
        with contextlib.suppress(OSError):
            self.config_path.unlink()
