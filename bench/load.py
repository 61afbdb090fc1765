"""Bounded load on the web app's JSON API: how many checks are answered, refused and failed, how
long accepted checks take, and how much memory the workers and the JVM hold over a short soak.

    python bench/load.py [--url URL] [--clients 16,32,64] [--per-client 4] [--soak-seconds 90]
                         [--workers N] [--threads N] [--max-concurrent-checks N] [--admission-wait S]

Without --url it starts the service itself (`python -m checker serve` on a free port of
127.0.0.1, with a LanguageTool server of its own unless $LANGUAGETOOL_URL names one) and stops it
afterwards. Each level sends a fixed number of checks (clients x per-client, each client one
after the other, no retries) of the example article (one in four) and short texts, every text
made unique so that LanguageTool's cache does not answer. `/healthz` is asked every half second
meanwhile, as a load balancer would: how long it took and how often it was not 200 (the target
is 0 while checks succeed). Only 127.0.0.1 is ever addressed.
Results go to stdout as Markdown tables (docs/reliability.md has the figures of this machine).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import measure  # noqa: E402
from checker.engine import LocalServer  # noqa: E402

ARTICLE = (ROOT / "tests" / "data" / "seed-irna.txt").read_text(encoding="utf-8")
SHORT_TEXTS = (
    "Die Regierung hat heute beschlossen, das die Steuern steigen.",
    "Der Sprecher sagte, man werde die Gespräche am Montag fortsetzen.",
    "Berlin (dpa) - Die Bundesregierung will die Hilfen für die Landwirte verlängern.",
    "Laut Polizei wurden bei dem Unfall drei Menschen leicht verletzt.",
    "Die Verhandlungen der beiden Ländern sollen nächste Woche weitergehen.",
    "Der Minister betonte die Bedeutung der Zusammenarbeiten in der Region.",
    "Die Inflation stieg im März auf 2,4 Prozent, teilte das Statistische Bundesamt mit.",
    "Nach Angaben der Behörden wurde der Flughafen am Abend wieder geöffnet.",
)
# Longer than any accepted check may take (the app's deadline is 75 s): a client that gives up
# is counted as failed.
CLIENT_TIMEOUT = 120.0
SERVICE_START_TIMEOUT = 300.0
WARM_UP_CHECKS = 12
MOST_CLIENTS = 128
MOST_SOAK_SECONDS = 600


def unique(text: str, number: int) -> str:
    """`text` with every sentence changed a little, so that no answer comes from a cache."""
    return re.sub(r"([.!?])(\s|$)", rf" (Nr. {number})\1\2", text)


def body(number: int) -> tuple[str, bytes]:
    if number % 4 == 0:
        kind, text = "article", ARTICLE
    else:
        kind, text = "short", SHORT_TEXTS[number % len(SHORT_TEXTS)]
    return kind, json.dumps({"text": unique(text, number), "language": "de-DE"}).encode()


@dataclass
class Outcome:
    kind: str
    status: int | None  # None: no answer (timeout, connection error)
    seconds: float
    error: str = ""


@dataclass
class Level:
    clients: int
    sent: int
    wall_seconds: float
    outcomes: list[Outcome] = field(default_factory=list)
    # GET /healthz meanwhile, as a load balancer probes it: it must neither wait for checks nor
    # fail while checks succeed (a busy host is a healthy one).
    health: list[Probe] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        accepted = sorted(o.seconds for o in self.outcomes if o.status == 200)
        rejected = sorted(o.seconds for o in self.outcomes if o.status in (429, 503) and not o.error)
        failed = [o for o in self.outcomes if o.status != 200 and (o.error or o.status not in (429, 503))]
        articles = sorted(o.seconds for o in self.outcomes if o.status == 200 and o.kind == "article")
        return {
            "clients": self.clients,
            "sent": self.sent,
            "completed": len(accepted),
            "rejected": len(rejected),
            "failed": len(failed),
            "failures": sorted({f"{o.status}: {o.error}" for o in failed})[:5],
            "p50": percentile(accepted, 50),
            "p95": percentile(accepted, 95),
            "p99": percentile(accepted, 99),
            "max": accepted[-1] if accepted else None,
            "article_p99": percentile(articles, 99),
            "rejected_p99": percentile(rejected, 99),
            "health_max": max((probe.seconds for probe in self.health), default=None),
            "health_probes": len(self.health),
            "health_not_ok": sum(probe.status != 200 for probe in self.health),
            "health_statuses": sorted({str(probe.status) for probe in self.health if probe.status != 200}),
            "wall": self.wall_seconds,
            "throughput": len(accepted) / self.wall_seconds if self.wall_seconds else 0.0,
        }


def percentile(values: list[float], percent: int) -> float | None:
    """Nearest rank of sorted `values`."""
    if not values:
        return None
    rank = max(1, -(-percent * len(values) // 100))
    return values[rank - 1]


def send(session: requests.Session, url: str, number: int) -> Outcome:
    kind, data = body(number)
    started = time.monotonic()
    try:
        response = session.post(
            url + "/api/v1/check", data=data, headers={"Content-Type": "application/json"}, timeout=CLIENT_TIMEOUT
        )
    except requests.RequestException as exc:
        return Outcome(kind, None, time.monotonic() - started, type(exc).__name__)
    seconds = time.monotonic() - started
    error = "" if response.status_code in (200, 429, 503) else response.text[:200]
    if response.status_code in (429, 503) and "Retry-After" not in response.headers:
        error = "no Retry-After"  # every refusal must say when to try again: a failure
    return Outcome(kind, response.status_code, seconds, error)


def run_level(url: str, clients: int, per_client: int, first_number: int) -> Level:
    """`clients` threads, each sending `per_client` checks one after the other, all at once."""
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    start = threading.Barrier(clients + 1)

    def client(index: int) -> None:
        with requests.Session() as session:
            start.wait()
            for round_ in range(per_client):
                outcome = send(session, url, first_number + round_ * clients + index)
                with lock:
                    outcomes.append(outcome)

    threads = [threading.Thread(target=client, args=(index,), daemon=True) for index in range(clients)]
    for thread in threads:
        thread.start()
    with probing_health(url) as probes:
        start.wait()
        began = time.monotonic()
        for thread in threads:
            thread.join(timeout=per_client * CLIENT_TIMEOUT + 30)
        wall = time.monotonic() - began
    return Level(clients, clients * per_client, wall, outcomes, probes)


@dataclass(frozen=True)
class Probe:
    status: int | None  # None: no answer
    seconds: float


@contextlib.contextmanager
def probing_health(url: str, interval: float = 0.5) -> Iterator[list[Probe]]:
    """GET /healthz every `interval` seconds meanwhile; the list holds each answer's status and time."""
    probes: list[Probe] = []
    stop = threading.Event()

    def probe() -> None:
        with requests.Session() as session:
            while not stop.wait(interval):
                started = time.monotonic()
                status = None
                with contextlib.suppress(requests.RequestException):
                    status = session.get(url + "/healthz", timeout=CLIENT_TIMEOUT).status_code
                probes.append(Probe(status, time.monotonic() - started))

    thread = threading.Thread(target=probe, daemon=True)
    thread.start()
    try:
        yield probes
    finally:
        stop.set()
        thread.join(timeout=CLIENT_TIMEOUT + 5)


# Memory -------------------------------------------------------------------------------------


def _processes() -> dict[int, tuple[int, str]]:
    """pid -> (parent pid, command name) of every process we may read."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            stat = (entry / "stat").read_text()
            name = stat[stat.index("(") + 1 : stat.rindex(")")]
            parent = int(stat[stat.rindex(")") + 2 :].split()[1])
            found[int(entry.name)] = (parent, name)
    return found


def rss_mib(pid: int) -> float:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def memory_sample(master: int | None, jvm: int | None) -> dict[str, float]:
    """RSS in MiB: the gunicorn master, its workers (summed, and the largest), the JVM."""
    sample: dict[str, float] = {}
    if master is not None:
        workers = [pid for pid, (parent, name) in _processes().items() if parent == master and name != "java"]
        sizes = [rss_mib(pid) for pid in workers]
        sample.update(master=rss_mib(master), workers=sum(sizes), largest_worker=max(sizes, default=0.0))
        sample["worker_count"] = len(sizes)
    if jvm is not None:
        sample["jvm"] = rss_mib(jvm)
    return sample


def soak(url: str, clients: int, seconds: float, first_number: int, *, master: int | None, jvm: int | None) -> dict:
    """`clients` clients sending checks without pause for `seconds`; memory every 10 s."""
    stop = threading.Event()
    outcomes: list[Outcome] = []
    lock = threading.Lock()
    counter = iter(range(first_number, first_number + 1_000_000))
    samples = [{"t": 0.0, **memory_sample(master, jvm)}]

    def client() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                with lock:
                    number = next(counter)
                outcome = send(session, url, number)
                with lock:
                    outcomes.append(outcome)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    began = time.monotonic()
    with probing_health(url) as probes:
        for thread in threads:
            thread.start()
        while time.monotonic() - began < seconds:
            time.sleep(min(10.0, max(0.0, seconds - (time.monotonic() - began))))
            samples.append({"t": round(time.monotonic() - began, 1), **memory_sample(master, jvm)})
        stop.set()
        for thread in threads:
            thread.join(timeout=CLIENT_TIMEOUT + 10)
    level = Level(clients, len(outcomes), time.monotonic() - began, outcomes, probes)
    return {"summary": level.summary(), "samples": samples}


# The service --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def languagetool() -> Iterator[tuple[str, int | None]]:
    """$LANGUAGETOOL_URL, else a server of our own (in a private runtime folder), and its JVM's pid."""
    if os.environ.get("LANGUAGETOOL_URL"):
        yield os.environ["LANGUAGETOOL_URL"], None
        return
    with tempfile.TemporaryDirectory(prefix="wirecheck-load-") as folder:
        os.environ["WIRECHECK_RUNTIME_DIR"] = folder
        server = LocalServer()
        try:
            server.start()
            yield server.url, server.pid
        finally:
            server.stop()


@contextlib.contextmanager
def service(args: argparse.Namespace, languagetool_url: str) -> Iterator[tuple[str, int]]:
    """`python -m checker serve` on a free port with the settings asked for; its log goes to
    args.service_log."""
    port = free_port()
    env = {**os.environ, "LANGUAGETOOL_URL": languagetool_url}
    if args.threads is not None:
        env["WIRECHECK_THREADS"] = str(args.threads)
    if args.max_concurrent_checks is not None:
        env["WIRECHECK_MAX_CONCURRENT_CHECKS"] = str(args.max_concurrent_checks)
    if args.admission_wait is not None:
        env["WIRECHECK_ADMISSION_WAIT"] = str(args.admission_wait)
    command = [sys.executable, "-m", "checker", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(args.workers)]
    url = f"http://127.0.0.1:{port}"
    with open(args.service_log, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_for_health(url, process, args.service_log)
            yield url, process.pid  # `checker serve` execs gunicorn: this is its master
        finally:
            measure.stop(process)


def _wait_for_health(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    try:
        measure.wait_until_healthy(url, process, log, SERVICE_START_TIMEOUT)
    except RuntimeError as exc:
        raise SystemExit(str(exc)) from None


# Report -------------------------------------------------------------------------------------


def machine() -> str:
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError, IndexError):
        total = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        memory = f"{int(total) / 1024 / 1024:.0f} GiB"
    return f"{os.cpu_count()} cores ({model or platform.machine()}), {memory}, Python {platform.python_version()}"


def _seconds(value: object) -> str:
    return "–" if value is None else f"{float(value):.2f}"  # type: ignore[arg-type]


def _mib(sample: dict, name: str) -> str:
    return f"{sample[name]:.0f}" if name in sample else "–"


def _health_failures(summary: dict) -> str:
    """ "0 of 120", or with the statuses seen: "3 of 120 (503)"; the target is 0 while checks succeed."""
    text = f"{summary['health_not_ok']} of {summary['health_probes']}"
    statuses = ", ".join(summary["health_statuses"])
    return f"{text} ({statuses})" if statuses else text


def markdown(levels: list[dict], soaked: dict | None) -> str:
    lines = [
        "| clients | sent | completed | rejected 503/429 | failed | p50 s | p95 s | p99 s | max s "
        "| article p99 s | rejected p99 s | /healthz max s | /healthz not 200 | checks/s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for level in levels:
        lines.append(
            f"| {level['clients']} | {level['sent']} | {level['completed']} | {level['rejected']} | {level['failed']} "
            f"| {_seconds(level['p50'])} | {_seconds(level['p95'])} | {_seconds(level['p99'])} "
            f"| {_seconds(level['max'])} | {_seconds(level['article_p99'])} | {_seconds(level['rejected_p99'])} "
            f"| {_seconds(level['health_max'])} | {_health_failures(level)} | {level['throughput']:.2f} |"
        )
    for level in levels:
        if level["failures"]:
            lines.append(f"\nFailures at {level['clients']} clients: {'; '.join(level['failures'])}")
    if soaked:
        summary = soaked["summary"]
        lines += [
            "",
            f"Soak: {summary['clients']} clients for {summary['wall']:.0f} s: {summary['completed']} completed, "
            f"{summary['rejected']} rejected, {summary['failed']} failed; p50 {_seconds(summary['p50'])} s, "
            f"p99 {_seconds(summary['p99'])} s; /healthz not 200: {_health_failures(summary)}.",
            "",
            "| t s | master MiB | workers MiB (sum) | largest worker MiB | JVM MiB |",
            "|---:|---:|---:|---:|---:|",
        ]
        for sample in soaked["samples"]:
            lines.append(
                f"| {sample['t']:.0f} | {_mib(sample, 'master')} | {_mib(sample, 'workers')} "
                f"| {_mib(sample, 'largest_worker')} | {_mib(sample, 'jvm')} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running service on 127.0.0.1 (default: start one)")
    parser.add_argument("--clients", default="16,32,64", help="concurrent clients per level (default 16,32,64)")
    parser.add_argument("--per-client", type=int, default=4, help="checks each client sends per level (default 4)")
    parser.add_argument("--soak-seconds", type=float, default=90, help="length of the soak; 0: none (default 90)")
    parser.add_argument("--soak-clients", type=int, default=16, help="clients during the soak (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers of a started service (default 2)")
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (WIRECHECK_THREADS)")
    parser.add_argument("--max-concurrent-checks", type=int, default=None, help="WIRECHECK_MAX_CONCURRENT_CHECKS")
    parser.add_argument("--admission-wait", type=float, default=None, help="WIRECHECK_ADMISSION_WAIT (seconds)")
    parser.add_argument("--json", type=Path, default=None, help="also write the results to this file")
    parser.add_argument(
        "--service-log",
        type=Path,
        default=Path(tempfile.gettempdir()) / "wirecheck-load-service.log",
        help="where a started service logs (default: wirecheck-load-service.log in the temp folder)",
    )
    args = parser.parse_args()
    # SIGTERM stops a run as Ctrl-C does: with the service and the JVM it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    levels = [int(value) for value in args.clients.split(",") if value.strip()]
    if not levels or max(levels) > MOST_CLIENTS or args.per_client < 1 or args.per_client > 50:
        parser.error(f"clients 1..{MOST_CLIENTS} and per-client 1..50")
    if not 0 <= args.soak_seconds <= MOST_SOAK_SECONDS:
        parser.error(f"--soak-seconds 0..{MOST_SOAK_SECONDS}")
    if args.url and urlsplit(args.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("--url must be on this machine (127.0.0.1)")

    with contextlib.ExitStack() as stack:
        master = jvm = None
        if args.url:
            url = args.url.rstrip("/")
        else:
            engine_url, jvm = stack.enter_context(languagetool())
            url, master = stack.enter_context(service(args, engine_url))
        health = requests.get(url + "/healthz", timeout=10).json()
        settings = (
            f"workers {args.workers}, threads {args.threads or 'default'}, MAX_CONCURRENT_CHECKS "
            f"{args.max_concurrent_checks or 'default'}, ADMISSION_WAIT {args.admission_wait or 'default'}"
        )
        print(f"# Load on {url} ({settings}); LanguageTool {health.get('languagetool', {}).get('version', '?')}")
        print(f"Machine: {machine()}; load average before: {os.getloadavg()[0]:.1f}", flush=True)
        # Not counted: a fresh JVM compiles its hot code during its first checks.
        with requests.Session() as session:
            for number in range(WARM_UP_CHECKS):
                send(session, url, 10**7 + number)
        results, number = [], 0
        for clients in levels:
            level = run_level(url, clients, args.per_client, number)
            number += level.sent
            results.append(level.summary())
            print(f"{clients} clients: {json.dumps(results[-1])}", file=sys.stderr, flush=True)
        soaked = None
        if args.soak_seconds:
            soaked = soak(url, args.soak_clients, args.soak_seconds, number, master=master, jvm=jvm)
        print(f"Load average after: {os.getloadavg()[0]:.1f}\n")
        print(markdown(results, soaked))
        if not args.url:
            print(f"\nThe service's log: {args.service_log}")
        if args.json:
            args.json.write_text(json.dumps({"levels": results, "soak": soaked, "settings": settings}, indent=1))


if __name__ == "__main__":
    main()
