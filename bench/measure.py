"""What the benchmark measures with: timings of sides taken in turn, medians and p95, resident
memory of a process, the JVM's heap, the web app under gunicorn, and the machine's description."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.engine import start_cache  # noqa: E402
from checker.engine.java import find_java  # noqa: E402

_SENTENCE_END = re.compile(r"([.!?])(\s|$)")


def unique(text: str, number: int) -> str:
    """`text` with every sentence changed a little (the same for every `number` of as many digits),
    so that no answer comes from LanguageTool's cache or ours: a cold check of the same work."""
    return _SENTENCE_END.sub(rf" (Nr. {number})\1\2", text)


def p95(values: Sequence[float]) -> float:
    """The 95th percentile by nearest rank (with few values: the largest but one or the largest)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(0.95 * len(ordered) + 0.5) - 1))]


@dataclass
class Timings:
    """Seconds per run of one side, in the order taken."""

    values: list[float] = field(default_factory=list)
    # Cores a watched process kept busy during each run (its CPU seconds over the run's seconds).
    cores: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        return p95(self.values)


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of process `pid` so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def in_turn(sides: Mapping[str, Callable[[int], object]], rounds: int, watch: int | None = None) -> dict[str, Timings]:
    """Runs every side once per round, in an order that rotates from round to round, so that no
    side always goes first; each side gets the round number. With `watch`, also notes how many
    cores that process (LanguageTool) kept busy during each run."""
    names = list(sides)
    found = {name: Timings() for name in names}
    for number in range(rounds):
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            cpu = cpu_seconds(watch) if watch else 0.0
            started = time.perf_counter()
            sides[name](number)
            elapsed = time.perf_counter() - started
            found[name].values.append(elapsed)
            if watch:
                found[name].cores.append((cpu_seconds(watch) - cpu) / elapsed)
    return found


def memory_mib(pid: int) -> tuple[float, float]:
    """(resident now, resident at most so far) of process `pid`, in MiB."""
    fields = {}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value

    def mib(key: str) -> float:
        return int(fields[key].split()[0]) / 1024 if key in fields else float("nan")

    return mib("VmRSS"), mib("VmHWM")


def heap_used_mib(pid: int, *, collect: bool = False) -> float:
    """The JVM's heap in use now (jcmd GC.heap_info), in MiB, after a full collection if `collect`
    (then: the live data); NaN when jcmd cannot tell."""
    if collect:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=120, check=False)
    try:
        output = subprocess.run(
            ["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, timeout=60, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return float("nan")
    # G1 reports one heap; the parallel and serial collectors a young and an old generation.
    found = re.findall(r"(?:heap|PSYoungGen|ParOldGen|generation)\s+total [^\n]*?used (\d+)K", output)
    return sum(int(used) for used in found) / 1024 if found else float("nan")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class WebApp:
    url: str
    process: subprocess.Popen[bytes]

    def worker_pids(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False)
        return [int(pid) for pid in found.stdout.split()]


@contextlib.contextmanager
def web_app(
    languagetool_url: str,
    *,
    workers: int,
    log: Path,
    app: str = "checker.web.wsgi:app",
    settings: dict[str, str] | None = None,
) -> Iterator[WebApp]:
    """The web app under gunicorn with the package's settings, on a free port, using
    `languagetool_url`, with `settings` as WIRECHECK_<NAME> variables."""
    port = free_port()
    env = dict(os.environ, LANGUAGETOOL_URL=languagetool_url)
    env.update({f"WIRECHECK_{name}": value for name, value in (settings or {}).items()})
    command = [
        sys.executable, "-m", "gunicorn", "--config", "python:checker.web.gunicorn_config",
        "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--access-logfile", "-", app,
    ]  # fmt: skip
    with open(log, "ab") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process, log, 300)
        yield WebApp(url, process)
    finally:
        stop(process)


def stop(process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """SIGTERM, then SIGKILL if the process has not ended after `timeout` seconds."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    """Until the web app at `url` answers /healthz with 200; RuntimeError if its process ends
    first or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the web app exited ({process.returncode}) while starting; its log: {log}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url + "/healthz", timeout=5).status_code == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"the web app did not answer /healthz within {timeout:.0f} s; its log: {log}")


def _first(pattern: str, text: str) -> str:
    found = re.search(pattern, text, re.MULTILINE)
    return found.group(1).strip() if found else "?"


def machine() -> str:
    """One line on the machine: CPU, cores, memory, system, Python and Java."""
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total = _first(r"^MemTotal:\s+(\d+)", meminfo)
    memory = int(total) / 1024 / 1024 if total.isdigit() else 0
    runtime = find_java()
    java = subprocess.run([str(runtime.executable), "-version"], capture_output=True, text=True, check=False).stderr
    started_from = " from its start-up cache" if start_cache.launch(runtime)[0] else ""
    cpu = _first(r"^model name\s*:\s*(.+)$", cpuinfo)
    java_version = _first(r'version "([^"]+)"', java)
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Java {java_version} ({runtime.executable}){started_from}"
    )


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f}"
