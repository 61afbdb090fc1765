"""How LanguageTool's server is sized: its heap and its check threads, measured.

    python bench/sizing.py heap [--heaps 1g,1536m,2g] [--chars 44000]
    python bench/sizing.py threads [--threads 2,4,8] [--clients 16] [--articles 16]
    python bench/sizing.py start [--runs 3]
    python bench/sizing.py steady [--rounds 4] [--clients 16]

`heap` starts a server per heap size and sends four checks of `--chars` characters at once (one per
check thread; the core sends at most 50,000 UTF-16 units per request), sampling the heap in use
(jcmd GC.heap_info) and noting whether the server's watcher had to restart it. `threads` starts a
server per `maxCheckThreads` and measures raw /v2/check throughput with `--clients` clients at once
on the FalKo-MERLIN learner articles. `start` measures a JVM's way from nothing to the first answer
about the example article with the default profile (wall and CPU seconds): with the oldest Java
here, with the Java the checker picks, and with that Java's start-up cache
(`checker.engine.start_cache`), with the G1 and the parallel collector, in turns; `steady`
compares the same Javas and collectors warm, on the 20,000-character article alone and under
`--clients` clients at once. Each server runs in a private runtime folder and is stopped
afterwards. Results go to stdout as Markdown (docs/benchmarks.md has them).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import measure, workloads  # noqa: E402
from checker.engine import LocalServer, ServerSettings, install, start_cache  # noqa: E402
from checker.engine import java as java_module  # noqa: E402
from checker.engine.java import JavaRuntime, find_java  # noqa: E402
from checker.engine.server import WARM_UP_TEXT, answers  # noqa: E402
from checker.house.warm_up import warm_up_for_file  # noqa: E402


def _post(url: str, text: str) -> float:
    started = time.perf_counter()
    response = requests.post(url + "/v2/check", data={**warm_up_for_file().params, "text": text}, timeout=900)
    response.raise_for_status()
    return time.perf_counter() - started


def _at_once(url: str, texts: list[str]) -> list[float | str]:
    def one(text: str) -> float | str:
        try:
            return _post(url, text)
        except requests.RequestException as exc:
            return type(exc).__name__

    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        return list(pool.map(one, texts))


def heap(heaps: list[str], chars: int) -> None:
    print(f"| heap | live after GC, idle | 4 × {chars:,} characters at once | heap in use at most | "
          "resident at most | restarted |")  # fmt: skip
    print("|---|---|---|---|---|---|")
    text = workloads.composed(chars, seed=7)
    for size in heaps:
        server = LocalServer(settings=ServerSettings(heap=size)).start()
        try:
            pid = server.pid or 0
            _at_once(server.url, [measure.unique("Das ist ein Tesst. Noch ein Satz.", 100 + n) for n in range(4)])
            subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=False)
            idle = measure.heap_used_mib(pid)
            samples: list[float] = []
            done = threading.Event()

            def sample(pid: int = pid, samples: list[float] = samples, done: threading.Event = done) -> None:
                while not done.wait(0.5):
                    samples.append(measure.heap_used_mib(pid))

            sampler = threading.Thread(target=sample)
            sampler.start()
            try:
                seconds = _at_once(server.url, [measure.unique(text, 8000 + n) for n in range(4)])
            finally:
                done.set()
                sampler.join()
            _, peak = measure.memory_mib(server.pid or pid)
            answered = ", ".join(f"{s:.0f} s" if isinstance(s, float) else s for s in seconds)
            print(f"| {size} | {idle:,.0f} MiB | {answered} | {max(samples, default=float('nan')):,.0f} MiB | "
                  f"{peak:,.0f} MiB | {server.restarts} |", flush=True)  # fmt: skip
        finally:
            server.stop()


def threads(counts: list[int], clients: int, articles: int) -> None:
    print(f"| maxCheckThreads | {clients} clients: characters/s | latency median | latency p95 |")
    print("|---|---|---|---|")
    texts = [article.text for article in workloads.falko_merlin_articles()[:articles]]
    number = 3000
    for count in counts:
        server = LocalServer(settings=dataclasses.replace(ServerSettings(), max_check_threads=count)).start()
        try:
            # Warm: one pipeline per check thread, then the measured round with texts new to the cache.
            _at_once(server.url, [measure.unique(texts[0], 100 + n) for n in range(count)])
            batch = [measure.unique(text, number + n) for n, text in enumerate(texts)]
            number += len(texts)
            speed, median, p95 = _clients(server.url, batch, clients)
            print(f"| {count} | {speed:,.0f} | {median:.1f} s | {p95:.1f} s |", flush=True)
        finally:
            server.stop()


def _cpu(pid: int) -> float:
    return measure.cpu_seconds(pid)


def _java_command(java: JavaRuntime, port: int, folder: Path, extra: list[str], classpath: str) -> list[str]:
    config = folder / "server.properties"
    config.write_text(ServerSettings().config_text(), encoding="utf-8")
    (folder / "tmp").mkdir(exist_ok=True)
    return [
        str(java.executable), f"-Xmx{ServerSettings().heap}", *java_module.JVM_OPTIONS,
        f"-Djava.io.tmpdir={folder / 'tmp'}", *extra, "-cp", classpath,
        "org.languagetool.server.HTTPServer", "--port", str(port), "--config", str(config),
    ]  # fmt: skip


def _first_answer(command: list[str], port: int, warm: dict[str, str] | None, log: Path) -> tuple[float, ...]:
    """(seconds until /v2/languages answers, until warmed up, until the first answer; CPU seconds)."""
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    with open(log, "ab") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        while not answers(url, timeout=1):
            if process.poll() is not None:
                raise RuntimeError(f"the JVM exited; see {log}")
            time.sleep(0.05)
        languages = time.perf_counter() - started
        if warm is not None:
            requests.post(url + "/v2/check", data=warm, timeout=600).raise_for_status()
        warmed = time.perf_counter() - started
        article = workloads.example_article().text
        data = {**warm_up_for_file().params, "text": article}
        requests.post(url + "/v2/check", data=data, timeout=600).raise_for_status()
        return languages, warmed, time.perf_counter() - started, _cpu(process.pid)
    finally:
        measure.stop(process)


def start(runs: int, folder: Path) -> None:
    """From nothing to the first answer: the oldest Java here and the one the checker picks with the
    G1 collector (the settings before), the latter with the parallel collector, and with that and
    its start-up cache (the settings now; recorded first if missing)."""
    log = folder / "start.log"
    warm = {**warm_up_for_file().params, "text": WARM_UP_TEXT}
    variants = _variants()
    found: dict[str, list[tuple[float, ...]]] = {name: [] for name in variants}
    for number in range(runs):
        names = list(variants)
        names = names[number % len(names) :] + names[: number % len(names)]
        for name in names:
            java, extra, classpath = variants[name]
            port = measure.free_port()
            found[name].append(_first_answer(_java_command(java, port, folder, extra, classpath), port, warm, log))
    print("| start | languages answer | warmed up | first answer (example article) | JVM CPU seconds | runs |")
    print("|---|---|---|---|---|---|")
    for name, rows in found.items():
        columns = [statistics.median(column) for column in zip(*rows, strict=True)]
        seconds = " | ".join(f"{column:.1f} s" for column in columns[:3])
        print(f"| {name} | {seconds} | {columns[3]:.1f} | {len(rows)} |")


def _variants() -> dict[str, tuple[JavaRuntime, list[str], str]]:
    """The oldest Java here and the chosen one with G1 (the settings before), and the chosen one
    with the parallel collector, and with that and its start-up cache (the settings now)."""
    chosen = find_java()
    oldest = min(java_module.installed(), key=lambda java: java.major)
    g1 = ["-XX:-UseParallelGC", "-XX:+UseG1GC"]
    variants: dict[str, tuple[JavaRuntime, list[str], str]] = {}
    if oldest.major < chosen.major:
        variants[f"Java {oldest.major}, G1"] = (oldest, g1, install.classpath())
    variants[f"Java {chosen.major}, G1"] = (chosen, g1, install.classpath())
    variants[f"Java {chosen.major}, parallel collector"] = (chosen, [], install.classpath())
    if install.record_start_cache() is not None:
        options, classpath = start_cache.launch(chosen)
        variants[f"Java {chosen.major}, parallel collector, start-up cache (now)"] = (chosen, options, classpath)
    return variants


def steady(rounds: int, clients: int, folder: Path) -> None:
    """The same variants warm: the 20,000-character article alone, and `clients` clients at once on
    24 learner articles; every text new to LanguageTool's cache, the variants in turns."""
    variants = _variants()
    processes: dict[str, subprocess.Popen[bytes]] = {}
    urls: dict[str, str] = {}
    try:
        for name, (java, extra, classpath) in variants.items():
            port = measure.free_port()
            server_folder = folder / f"steady-{port}"
            server_folder.mkdir()
            with open(server_folder / "log", "ab") as log:
                command = _java_command(java, port, server_folder, extra, classpath)
                processes[name] = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            urls[name] = f"http://127.0.0.1:{port}"
            while not answers(urls[name], timeout=1):
                time.sleep(0.1)
        long_article = workloads.long_article().text
        articles = [article.text for article in workloads.falko_merlin_articles()[:24]]
        number = iter(range(20_000, 1_000_000))
        for url in urls.values():  # the JIT warm: three long checks and one round of clients each
            for _ in range(3):
                _post(url, measure.unique(long_article, next(number)))
            _clients(url, [measure.unique(text, next(number)) for text in articles], clients)
        alone: dict[str, list[float]] = {name: [] for name in variants}
        together: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
        for turn in range(rounds):
            names = list(variants)
            names = names[turn % len(names) :] + names[: turn % len(names)]
            for name in names:
                alone[name].append(_post(urls[name], measure.unique(long_article, next(number))))
                batch = [measure.unique(text, next(number)) for text in articles]
                together[name].append(_clients(urls[name], batch, clients))
        print(f"| variant | 20,000 characters alone, median | {clients} clients: characters/s | latency median | "
              "latency p95 | rounds |")  # fmt: skip
        print("|---|---|---|---|---|---|")
        for name in variants:
            speed, median, p95 = (statistics.median(column) for column in zip(*together[name], strict=True))
            print(f"| {name} | {statistics.median(alone[name]):.2f} s | {speed:,.0f} | {median:.1f} s | {p95:.1f} s | "
                  f"{rounds} |", flush=True)  # fmt: skip
    finally:
        for process in processes.values():
            measure.stop(process)


def _clients(url: str, texts: list[str], clients: int) -> tuple[float, float, float]:
    """(characters per second, latency median, latency p95) of `texts` sent by `clients` at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=clients) as pool:
        latencies = list(pool.map(functools.partial(_post, url), texts))
    wall = time.perf_counter() - started
    timings = measure.Timings(latencies)
    return sum(map(len, texts)) / wall, timings.median, timings.p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    heap_parser = commands.add_parser("heap")
    heap_parser.add_argument("--heaps", default="1g,1536m,2g")
    heap_parser.add_argument("--chars", type=int, default=44_000)
    threads_parser = commands.add_parser("threads")
    threads_parser.add_argument("--threads", default="2,4,8")
    threads_parser.add_argument("--clients", type=int, default=16)
    threads_parser.add_argument("--articles", type=int, default=16)
    start_parser = commands.add_parser("start")
    start_parser.add_argument("--runs", type=int, default=3)
    steady_parser = commands.add_parser("steady")
    steady_parser.add_argument("--rounds", type=int, default=4)
    steady_parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args()
    print(f"Machine: {measure.machine()}; load average {measure.load_average()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="wirecheck-sizing-") as folder:
        os.environ["WIRECHECK_RUNTIME_DIR"] = folder
        if args.command == "heap":
            heap(args.heaps.split(","), args.chars)
        elif args.command == "start":
            start(args.runs, Path(folder))
        elif args.command == "steady":
            steady(args.rounds, args.clients, Path(folder))
        else:
            threads([int(n) for n in args.threads.split(",")], args.clients, args.articles)
    print(f"load average at the end {measure.load_average()}")


if __name__ == "__main__":
    main()
