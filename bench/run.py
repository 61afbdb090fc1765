"""Benchmark suite: the checker against LanguageTool's own /v2/check, on one server, in one run.

    python bench/run.py [--quick] [--out docs/benchmarks.md]      (make bench, make bench QUICK=1)
    python bench/run.py --steps api_recheck                         (one step, printed only)

Starts a LanguageTool server with the host's settings (result cache on, as the web app and the
command line use it) in a private runtime folder, and the web app under gunicorn on it. Every
cold check sends text that is new to both caches, LanguageTool's and ours: each sentence carries
a run number (`measure.unique`), the same shape for every side, a different number per side and
run, so that no side profits from another's work. Sides run in turn in a rotating order. Reports
medians and p95 with each side's ratio to raw LanguageTool with the same rules, characters per
second, and resident memory; writes the results between the markers in docs/benchmarks.md.

Workloads: the example article; an article of 20,000 and a text of 200,000 characters made from
the clean corpus (tests/quality/clean/); 500 sentences of ../shared/corpora/falko-merlin/fm-dev.tsv
as 25 articles (read at run time, never copied); 1, 4 and 16 clients at once; a second check
after one paragraph was edited, in the core and through the API with the workers' result cache shared
or each worker's own; a CI-style command-line run over 200 files, twice, the second time
with 5 files changed. --quick runs fewer rounds and smaller sets (about five minutes).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import measure, workloads  # noqa: E402
from bench.measure import Timings, in_turn, unique  # noqa: E402
from checker.engine import LocalServer  # noqa: E402
from checker.engine import install as engine_install  # noqa: E402
from checker.house import load_profile  # noqa: E402
from checker.languagetool import LanguageToolClient, custom_rule_ids, split_text  # noqa: E402
from checker.languagetool.caching import CachingEngine  # noqa: E402
from checker.languagetool.client import request_params  # noqa: E402
from checker.languagetool.stores import MemoryStore  # noqa: E402
from checker.options import CheckOptions  # noqa: E402
from checker.pipeline import check  # noqa: E402

DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
RAW = "LanguageTool /v2/check"


@dataclass
class Settings:
    quick: bool
    rounds_example: int = 15
    rounds_long: int = 4
    long_text: bool = True
    learner_articles: int = 25
    clients: tuple[int, ...] = (1, 4, 16)
    ci_files: int = 200
    cold_cli_runs: int = 3

    @classmethod
    def for_run(cls, quick: bool) -> Settings:
        if quick:
            return cls(True, 5, 2, False, 8, (1, 4, 16), 40, 1)
        return cls(False)


@dataclass
class Results:
    lines: list[str] = field(default_factory=list)
    targets: list[tuple[str, str, bool | None]] = field(default_factory=list)

    def section(self, title: str, *text: str) -> None:
        self.lines += ["", f"### {title}", "", *text]
        print(f"\n### {title}", flush=True)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        block = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        block += ["| " + " | ".join(row) + " |" for row in rows]
        self.lines += [*block, ""]
        print("\n".join(block), flush=True)

    def note(self, text: str) -> None:
        self.lines += [text, ""]
        print(text, flush=True)

    def target(self, what: str, measured: str, met: bool | None) -> None:
        self.targets.append((what, measured, met))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def timing_row(name: str, timings: Timings, chars: int, raw: Timings | None) -> list[str]:
    ratio = f"{timings.median / raw.median:.2f}×" if raw is not None else "1.00×"
    difference = f"{(timings.median - raw.median) * 1000:+,.0f} ms" if raw is not None else ""
    speed = f"{chars / timings.median:,.0f}"
    return [name, ms(timings.median), ms(timings.p95), ratio, difference, speed, str(len(timings.values))]


TIMING_HEADER = ["side", "median", "p95", "ratio to raw", "difference", "characters/s", "runs"]


class Bench:
    def __init__(self, settings: Settings, work: Path) -> None:
        self.settings = settings
        self.work = work
        self.results = Results()
        self.profile = load_profile()
        # What the core sends without a profile (our own LanguageTool rules off) and with the
        # default profile (its switched-off rules): raw LanguageTool gets the same.
        self.plain_options = CheckOptions(language="de-DE")
        self.raw_alone = request_params(CheckOptions(language="de-DE", disabled_rules=tuple(sorted(custom_rule_ids()))))
        self.raw_house = request_params(
            CheckOptions(language="de-DE", disabled_rules=tuple(sorted(self.profile.disabled_rules)))
        )
        self._sessions = threading.local()
        self.server: LocalServer | None = None
        self.client: LanguageToolClient | None = None
        self.web: measure.WebApp | None = None
        self.number = 1000

    # -- sides ---------------------------------------------------------------------------------

    def fresh(self) -> int:
        """A new run number (four digits, so every unique text has the same length)."""
        self.number += 1
        return self.number

    def session(self) -> requests.Session:
        if not hasattr(self._sessions, "session"):
            self._sessions.session = requests.Session()
        session: requests.Session = self._sessions.session
        return session

    def raw(self, text: str, params: dict[str, str]) -> int:
        """Raw LanguageTool as a plain client uses it: the text in pieces it accepts, one after another."""
        assert self.server is not None
        found = 0
        for _, piece in split_text(text, self.server.settings.max_text_length):
            response = self.session().post(self.server.url + "/v2/check", data={**params, "text": piece}, timeout=600)
            response.raise_for_status()
            found += len(response.json()["matches"])
        return found

    def core(
        self, text: str, *, house: bool, parallel: int = 1, store: MemoryStore | None = None, forced: bool = False
    ) -> int:
        """The checking core in this process, as the web app runs it (`store`, `parallel` when the
        machine has a core to spare, or always when `forced`)."""
        assert self.client is not None
        engine = CachingEngine(self.client, store, parallel=parallel, idle_cores_only=not forced)
        profile = self.profile if house else None
        return len(
            check(text, self.plain_options if not house else CheckOptions(), engine=engine, profile=profile).issues
        )

    def api(self, text: str, *, web: measure.WebApp | None = None, new_connection: bool = False) -> int:
        """A check through the web app's API (`web`, else the run's), on this thread's connection
        unless `new_connection`."""
        web = web or self.web
        assert web is not None
        for _ in range(120):
            post = requests.post if new_connection else self.session().post
            response = post(web.url + "/api/v1/check", json={"text": text}, timeout=600)
            if response.status_code != 503:
                break
            time.sleep(min(1.0, float(response.headers.get("Retry-After", "1"))))
        response.raise_for_status()
        return len(response.json()["issues"])

    def page(self, text: str) -> int:
        assert self.web is not None
        response = self.session().post(self.web.url + "/check", data={"text": text}, timeout=600)
        response.raise_for_status()
        return len(response.text)

    def cli(
        self, paths: Sequence[Path], *extra: str, cache: Path | None = None, env: dict[str, str] | None = None
    ) -> float:
        environment = dict(os.environ if env is None else env)
        if cache is not None:
            environment["XDG_CACHE_HOME"] = str(cache)
        command = [sys.executable, "-m", "checker", "check", "--format", "json", *extra, *map(str, paths)]
        started = time.perf_counter()
        completed = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, check=False)
        elapsed = time.perf_counter() - started
        if completed.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(command[:8])} …: exit {completed.returncode}: {completed.stderr[-800:]!r}")
        return elapsed

    # -- setup ---------------------------------------------------------------------------------

    def start(self, *, warm: bool = True) -> None:
        os.environ["WIRECHECK_RUNTIME_DIR"] = str(self.work / "runtime")
        started = time.perf_counter()
        self.server = LocalServer().start()
        self.start_seconds = time.perf_counter() - started
        self.client = LanguageToolClient(self.server.url, max_text_length=self.server.settings.max_text_length)
        self.web_context = measure.web_app(
            self.server.url, workers=2, log=self.work / "gunicorn.log", settings=self.cache_setting("shared")
        )
        self.web = self.web_context.__enter__()
        # Warm every path, four at a time: LanguageTool builds a rule pipeline per check thread and
        # set of parameters (seconds each), which no measured check should pay for.
        article = workloads.example_article().text
        jobs: list[Callable[[], object]] = [
            lambda: self.raw(unique(article, self.fresh()), self.raw_alone),
            lambda: self.raw(unique(article, self.fresh()), self.raw_house),
            lambda: self.core(unique(article, self.fresh()), house=False),
            lambda: self.core(unique(article, self.fresh()), house=True),
            lambda: self.api(unique(article, self.fresh())),
            lambda: self.page(unique(article, self.fresh())),
        ]
        if warm:
            with ThreadPoolExecutor(max_workers=4) as pool:
                list(pool.map(lambda job: job(), [job for job in jobs for _ in range(4)]))

    def cache_setting(self, kind: str) -> dict[str, str]:
        """The web app's RESULT_CACHE: a file of this run's own ("shared", the default's kind), or
        each worker's memory ("memory")."""
        return {"RESULT_CACHE": str(self.work / "results.sqlite3") if kind == "shared" else kind}

    def stop(self) -> None:
        if self.web is not None:
            self.web_context.__exit__(None, None, None)
        if self.server is not None:
            self.server.stop()

    # -- workloads -----------------------------------------------------------------------------

    def example_article(self) -> None:
        article = workloads.example_article().text
        rounds = self.settings.rounds_example
        timings = in_turn(
            {
                f"{RAW} (our rules off)": lambda n: self.raw(unique(article, self.fresh()), self.raw_alone),
                "checker.pipeline.check, no profile": lambda n: self.core(unique(article, self.fresh()), house=False),
                f"{RAW} (profile's rules off)": lambda n: self.raw(unique(article, self.fresh()), self.raw_house),
                "check, default profile (house rules, model)": lambda n: self.core(
                    unique(article, self.fresh()), house=True, store=MemoryStore(), parallel=2
                ),
                "POST /api/v1/check (gunicorn)": lambda n: self.api(unique(article, self.fresh())),
                "POST /check, the result page (gunicorn)": lambda n: self.page(unique(article, self.fresh())),
            },
            rounds,
        )
        names = list(timings)
        alone, house = timings[names[0]], timings[names[2]]
        rows = [
            timing_row(names[0], alone, len(article), None),
            timing_row(names[1], timings[names[1]], len(article), alone),
        ]
        rows += [timing_row(names[2], house, len(article), None)]
        rows += [timing_row(name, timings[name], len(article), house) for name in names[3:]]
        self.results.section(
            f"Example article ({len(article):,} characters, every check new to both caches)",
        )
        self.results.table(TIMING_HEADER, rows)
        self.results.note(
            "The result page checks twice: the draft, and the draft with every verified fix applied "
            "(for “Geprüfte Vorschläge übernehmen”)."
        )
        core = timings[names[1]]
        overhead = core.median - alone.median
        self.results.target(
            "overhead on the example article ≤ 10 % or ≤ 10 ms (median, core vs raw, same rules)",
            f"{overhead * 1000:+.0f} ms, {core.median / alone.median:.2f}×",
            overhead <= 0.010 or core.median <= 1.10 * alone.median,
        )
        api = timings[names[4]]
        self.results.target(
            "the same for the JSON API with house rules and model (vs raw, the profile's rules)",
            f"{(api.median - house.median) * 1000:+.0f} ms, {api.median / house.median:.2f}×",
            api.median - house.median <= 0.010 or api.median <= 1.10 * house.median,
        )
        self.example_timings = (alone, house)

    def command_line(self) -> None:
        assert self.server is not None
        article = workloads.example_article().text
        folder = self.work / "cli"
        folder.mkdir()
        cache = self.work / "cli-cache"
        raw_times, warm_times, hit_times = Timings(), Timings(), Timings()
        for number in range(5 if not self.settings.quick else 3):
            path = folder / f"article{number}.txt"
            path.write_text(unique(article, self.fresh()), encoding="utf-8")
            url = ["--languagetool-url", self.server.url]
            started = time.perf_counter()
            self.raw(unique(article, self.fresh()), self.raw_house)
            raw_times.values.append(time.perf_counter() - started)
            warm_times.values.append(self.cli([path], *url, cache=cache))
            hit_times.values.append(self.cli([path], *url, cache=cache))
        cold_times = Timings()
        for number in range(self.settings.cold_cli_runs):
            path = folder / f"cold{number}.txt"
            path.write_text(unique(article, self.fresh()), encoding="utf-8")
            env = {k: v for k, v in os.environ.items() if k != "LANGUAGETOOL_URL"}
            env.update(CI="1", WIRECHECK_RUNTIME_DIR=str(self.work / f"cold-runtime-{number}"))
            cold_times.values.append(self.cli([path], "--no-cache", env=env))
        self.results.section(
            "Command line on the example article",
            "Each run is a new process (`python -m checker check --format json FILE`), Python's start included.",
        )
        self.results.table(
            TIMING_HEADER,
            [
                timing_row(f"{RAW} (profile's rules off)", raw_times, len(article), None),
                timing_row("CLI, server running, text new", warm_times, len(article), raw_times),
                timing_row("CLI, server running, same file again (disk cache)", hit_times, len(article), raw_times),
                timing_row(
                    "CLI, nothing running (CI=1: JVM start, warm-up, check, stop)", cold_times, len(article), raw_times
                ),
            ],
        )
        self.results.note(
            "Starting the benchmark's own LanguageTool server (JVM start to warmed up) took "
            f"{self.start_seconds:.1f} s."
        )
        self.results.target(
            "cold command-line run on the example article ≤ 10 s",
            f"median {cold_times.median:.1f} s (server alone: {self.start_seconds:.1f} s)",
            cold_times.median <= 10,
        )

    def long_texts(self) -> None:
        assert self.server is not None
        article = workloads.long_article().text
        rounds = self.settings.rounds_long
        sides: dict[str, Callable[[int], object]] = {
            f"{RAW}, one request": lambda n: self.raw(unique(article, self.fresh()), self.raw_alone),
            "check, no profile, one request": lambda n: self.core(unique(article, self.fresh()), house=False),
            "check, no profile, paragraphs in parallel (forced)": lambda n: self.core(
                unique(article, self.fresh()), house=False, parallel=os.cpu_count() or 1, forced=True
            ),
            "check, default profile (as the web app)": lambda n: self.core(
                unique(article, self.fresh()), house=True, parallel=os.cpu_count() or 1, store=MemoryStore()
            ),
        }
        timings = in_turn(sides, rounds, watch=self.server.pid)
        names = list(timings)
        raw = timings[names[0]]
        self.results.section(
            f"Article of {len(article):,} characters ({article.count(chr(10) * 2) + 1} paragraphs)",
            "Cores busy: LanguageTool's CPU seconds over the run's seconds. The web app checks paragraphs "
            "in parallel only when the machine's cores were idle enough over the last 0.1 s (/proc/stat).",
        )
        self.results.table(
            [*TIMING_HEADER, "LanguageTool cores busy"],
            [
                [
                    *timing_row(name, timings[name], len(article), None if name == names[0] else raw),
                    f"{statistics.median(timings[name].cores):.2f}",
                ]
                for name in names
            ],
        )
        serial, parallel = timings[names[1]], timings[names[2]]
        self.results.target(
            "overhead on the 20,000-character article ≤ 5 % (median, one request)",
            f"{serial.median / raw.median:.2f}×",
            serial.median <= 1.05 * raw.median,
        )
        self.results.target(
            "20,000-character article with paragraphs in parallel ≤ 0.7× raw's single request",
            f"{parallel.median / raw.median:.2f}×",
            parallel.median <= 0.7 * raw.median,
        )
        self.long_serial = serial
        if not self.settings.long_text:
            return
        text = workloads.long_text().text
        huge = in_turn(
            {
                f"{RAW}, pieces of ≤ 50,000 one after another": lambda n: self.raw(
                    unique(text, self.fresh()), self.raw_alone
                ),
                "check, no profile, one request per piece": lambda n: self.core(
                    unique(text, self.fresh()), house=False
                ),
            },
            1,
            watch=self.server.pid,
        )
        names = list(huge)
        raw_huge = huge[names[0]]
        self.results.section(f"Text of {len(text):,} characters")
        self.results.table(
            TIMING_HEADER,
            [timing_row(name, huge[name], len(text), None if name == names[0] else raw_huge) for name in names],
        )
        growth = huge[names[1]].median / serial.median
        self.results.target(
            "200,000 characters ≤ 11× the 20,000-character article (check, one request per piece)",
            f"{growth:.1f}× ({len(text) / len(article):.1f}× the characters)",
            growth <= 11,
        )
        self.heap_after_long = (
            measure.heap_used_mib(self.server.pid or 0),
            measure.heap_used_mib(self.server.pid or 0, collect=True),
        )

    def learner_articles(self) -> None:
        articles = workloads.falko_merlin_articles()[: self.settings.learner_articles]
        totals: dict[str, Timings] = {}
        for article in articles:
            text = article.text
            found = in_turn(
                {
                    f"{RAW} (our rules off)": lambda n, t=text: self.raw(unique(t, self.fresh()), self.raw_alone),
                    "check, no profile": lambda n, t=text: self.core(unique(t, self.fresh()), house=False),
                    f"{RAW} (profile's rules off)": lambda n, t=text: self.raw(unique(t, self.fresh()), self.raw_house),
                    "POST /api/v1/check (gunicorn)": lambda n, t=text: self.api(unique(t, self.fresh())),
                },
                1,
            )
            for name, timings in found.items():
                totals.setdefault(name, Timings()).values.extend(timings.values)
        chars = sum(len(article) for article in articles)
        names = list(totals)
        self.results.section(
            f"{len(articles) * 20} learner sentences (FalKo-MERLIN fm-dev.tsv) as {len(articles)} articles "
            f"of 20 sentences, {chars:,} characters",
            "Per article; characters/s over all articles.",
        )
        rows = []
        for index, name in enumerate(names):
            raw = None if index % 2 == 0 else totals[names[index - 1]]
            row = timing_row(name, totals[name], chars // len(articles), raw)
            row[5] = f"{chars / sum(totals[name].values):,.0f}"
            rows.append(row)
        self.results.table(TIMING_HEADER, rows)

    def concurrency(self) -> None:
        assert self.server is not None and self.web is not None
        articles = [a.text for a in workloads.falko_merlin_articles()[: max(16, self.settings.learner_articles)]]
        sides: dict[str, Callable[[str], object]] = {
            RAW: lambda text: self.raw(text, self.raw_house),
            "POST /api/v1/check": self.api,
        }

        def batch(name: str, clients: int) -> tuple[float, int, list[float]]:
            texts = [unique(text, self.fresh()) for text in articles]
            latencies: list[float] = []

            def one(text: str) -> None:
                started = time.perf_counter()
                sides[name](text)
                latencies.append(time.perf_counter() - started)

            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=clients) as pool:
                list(pool.map(one, texts))
            return time.perf_counter() - started, sum(len(text) for text in texts), latencies

        rows = []
        worst = None
        for level, clients in enumerate(self.settings.clients):
            names = list(sides) if level % 2 == 0 else list(reversed(sides))
            if clients == max(self.settings.clients):
                names = [*names, *reversed(names)]  # the target's level twice, A B B A
            walls: dict[str, float] = dict.fromkeys(sides, 0.0)
            chars: dict[str, int] = dict.fromkeys(sides, 0)
            latencies: dict[str, list[float]] = {name: [] for name in sides}
            for name in names:
                wall, size, seconds = batch(name, clients)
                walls[name] += wall
                chars[name] += size
                latencies[name] += seconds
            raw_speed = chars[RAW] / walls[RAW]
            for name in sides:
                speed = chars[name] / walls[name]
                timings = Timings(latencies[name])
                rows.append(
                    [
                        str(clients),
                        name,
                        f"{speed:,.0f}",
                        f"{speed / raw_speed:.2f}",
                        ms(timings.median),
                        ms(timings.p95),
                    ]
                )
                if name != RAW and clients == max(self.settings.clients):
                    worst = speed / raw_speed
        self.results.section(
            f"Clients at once ({len(articles)} learner articles per side and level, twice at the highest; "
            "web app: 2 workers)",
            "A client that gets 503 (admission control) tries again after Retry-After (at most 1 s). "
            "Throughput: characters/s of the side over raw LanguageTool's at the same level.",
        )
        self.results.table(
            ["clients", "side", "characters/s", "throughput vs raw", "latency median", "latency p95"], rows
        )
        if worst is not None:
            self.results.target(
                f"throughput at {max(self.settings.clients)} clients ≥ 90 % of raw LanguageTool's",
                f"{worst * 100:.0f} %",
                worst >= 0.9,
            )
        self.heap_after_clients = (
            measure.heap_used_mib(self.server.pid or 0),
            measure.heap_used_mib(self.server.pid or 0, collect=True),
        )

    def recheck(self) -> None:
        texts = [workloads.example_article(), *workloads.falko_merlin_articles()[:5], workloads.long_article()]
        rows = []
        ratios = []
        for article in texts:
            first, second, raw_second, stored = Timings(), Timings(), Timings(), Timings()
            for _ in range(1 if len(article) > 10_000 else 3):
                store = MemoryStore()
                text = unique(article.text, self.fresh())
                edited = workloads.edit_one_paragraph(text)
                ours = functools.partial(self.core, house=True, store=store, parallel=2)
                for into, job in (
                    (first, functools.partial(ours, text)),
                    (stored, functools.partial(ours, text)),
                    (raw_second, functools.partial(self.raw, edited, self.raw_house)),
                    (second, functools.partial(ours, edited)),
                ):
                    started = time.perf_counter()
                    job()
                    into.values.append(time.perf_counter() - started)
            speedup = first.median / second.median
            ratios.append(speedup)
            rows.append(
                [
                    article.name,
                    f"{len(article):,}",
                    ms(first.median),
                    ms(stored.median),
                    ms(second.median),
                    f"{speedup:.1f}×",
                    ms(raw_second.median),
                    f"{second.median / raw_second.median:.2f}×",
                ]
            )
        self.results.section(
            "Second check after one paragraph was edited (default profile, the web app's memory cache)",
            "First: new to both caches. Same again: the unchanged text. After the edit: one paragraph "
            "changed. Raw after the edit: LanguageTool on the edited text, its own cache warm from the "
            "first check, as a plain client would re-check.",
        )
        self.results.table(
            [
                "text",
                "characters",
                "first check",
                "same again",
                "after the edit",
                "first / after",
                "raw after the edit",
                "after / raw",
            ],
            rows,
        )
        self.results.target(
            "re-check after a one-paragraph edit ≥ 5× faster than the first check",
            "median " + f"{sorted(ratios)[len(ratios) // 2]:.1f}× (range {min(ratios):.1f}–{max(ratios):.1f}×)",
            min(ratios) >= 5,
        )

    def api_recheck(self) -> None:
        """A re-check after a one-paragraph edit through the web app's API, two workers, each
        request on a connection of its own (so either worker may answer): with the workers'
        shared result file (the default) and with each worker's memory alone."""
        texts = [workloads.example_article(), *workloads.falko_merlin_articles()[:5]]
        rounds = 3 if self.settings.quick else 5
        timings: dict[tuple[str, str], tuple[Timings, Timings]] = {}
        for kind in ("shared", "memory"):
            with measure.web_app(
                self.client_url(), workers=2, log=self.work / f"gunicorn-{kind}.log", settings=self.cache_setting(kind)
            ) as web:
                for _ in range(4):  # both workers warm
                    self.api(unique(workloads.example_article().text, self.fresh()), web=web, new_connection=True)
                for article in texts:
                    pair = timings.setdefault((kind, article.name), (Timings(), Timings()))
                    self.first_and_after([article], rounds, (web, web), pair)
        # The case that decides: the re-check answered by the other worker. Two apps of one worker
        # each stand for the two workers: the first check goes to one, the re-check to the other.
        for kind in ("shared", "memory"):
            settings = self.cache_setting(kind)
            with (
                measure.web_app(
                    self.client_url(), workers=1, log=self.work / f"one-{kind}.log", settings=settings
                ) as one,
                measure.web_app(
                    self.client_url(), workers=1, log=self.work / f"other-{kind}.log", settings=settings
                ) as other,
            ):
                for web in (one, other, one, other):
                    self.api(unique(workloads.example_article().text, self.fresh()), web=web)
                pair = timings.setdefault((kind, "other worker"), (Timings(), Timings()))
                self.first_and_after(texts, max(1, rounds // 2), (one, other), pair)
        rows, ratios = [], []
        for article in [*texts, workloads.Text("all texts, re-check by the other worker", "")]:
            name = article.name if article.text else "other worker"
            row = [article.name, f"{len(article):,}" if article.text else "—"]
            for kind in ("shared", "memory"):
                first, second = timings[(kind, name)]
                ratio = first.median / second.median
                if kind == "shared":
                    ratios.append(ratio)
                row += [ms(first.median), ms(second.median), f"{ratio:.1f}×", ms(max(second.values))]
            rows.append(row)
        self.results.section(
            "Re-check after a one-paragraph edit through the API (gunicorn, 2 workers)",
            f"POST /api/v1/check, each request on a new connection, so either worker answers; then the same "
            f"text with one paragraph edited; {rounds} rounds per text, medians and the slowest re-check. The "
            "result cache as RESULT_CACHE sets it: the host's SQLite file that both workers share (the "
            "default), or each worker's memory alone. Last row: every text's first check answered by one "
            "worker and its re-check by the other (two apps of one worker each), the case a worker's own "
            "memory cannot help.",
        )
        self.results.table(
            [
                "text",
                "characters",
                "shared: first",
                "after the edit",
                "first / after",
                "slowest after",
                "memory: first",
                "after the edit",
                "first / after",
                "slowest after",
            ],
            rows,
        )
        self.results.target(
            "re-check after a one-paragraph edit through the API ≥ 5× faster than the first check, two workers",
            f"median {sorted(ratios)[len(ratios) // 2]:.1f}× "
            f"(range {min(ratios):.1f}–{max(ratios):.1f}×, medians per text)",
            min(ratios) >= 5,
        )

    def first_and_after(
        self,
        texts: Sequence[workloads.Text],
        rounds: int,
        webs: tuple[measure.WebApp, measure.WebApp],
        into: tuple[Timings, Timings],
    ) -> None:
        """Times `rounds` first checks of each text through `webs[0]`'s API and the re-checks after
        a one-paragraph edit through `webs[1]`'s, each on a new connection."""
        for article in texts:
            for _ in range(rounds):
                text = unique(article.text, self.fresh())
                for timings, sent, web in zip(into, (text, workloads.edit_one_paragraph(text)), webs, strict=True):
                    started = time.perf_counter()
                    self.api(sent, web=web, new_connection=True)
                    timings.values.append(time.perf_counter() - started)

    def client_url(self) -> str:
        assert self.server is not None
        return self.server.url

    def ci_run(self) -> None:
        assert self.server is not None
        files = workloads.ci_files(self.settings.ci_files)
        ours, theirs = self.work / "ci-ours", self.work / "ci-raw"
        ours.mkdir()
        theirs.mkdir()
        for index, item in enumerate(files):
            (ours / item.name).write_text(unique(item.text, 5000 + index), encoding="utf-8")
            (theirs / item.name).write_text(unique(item.text, 7000 + index), encoding="utf-8")
        cache = self.work / "ci-cache"
        url = ["--languagetool-url", self.server.url]

        def raw_run(folder: Path) -> float:
            texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=4) as pool:  # as the command line's --jobs 4
                list(pool.map(lambda text: self.raw(text, self.raw_house), texts))
            return time.perf_counter() - started

        first = self.cli(sorted(ours.glob("*.txt")), *url, cache=cache)
        raw_first = raw_run(theirs)
        changed = files[:: len(files) // 5][:5]
        for folder in (ours, theirs):
            for item in changed:
                path = folder / item.name
                path.write_text(workloads.edit_one_paragraph(path.read_text(encoding="utf-8")), encoding="utf-8")
        second = self.cli(sorted(ours.glob("*.txt")), *url, cache=cache)
        raw_second = raw_run(theirs)
        chars = sum(len(item) for item in files)
        self.results.section(
            f"CI-style run: {len(files)} files ({chars:,} characters), then again with 5 changed",
            "`python -m checker check --format json` over all files (4 at a time, disk cache in a fresh "
            "folder); raw: the same texts to /v2/check, 4 at a time (LanguageTool's own cache warm in the "
            "second run, as ours is).",
        )
        self.results.table(
            ["run", "command line", "raw LanguageTool", "command line / raw"],
            [
                ["first", ms(first), ms(raw_first), f"{first / raw_first:.2f}×"],
                ["second, 5 files changed", ms(second), ms(raw_second), f"{second / raw_second:.2f}×"],
                ["first / second", f"{first / second:.1f}×", f"{raw_first / raw_second:.1f}×", ""],
            ],
        )
        self.results.target(
            "CI-style second run (5 of 200 files changed) ≥ 10× faster than the first",
            f"{first / second:.1f}× ({ms(first)} → {ms(second)})",
            first / second >= 10,
        )

    def memory(self) -> None:
        assert self.server is not None and self.web is not None
        rss, peak = measure.memory_mib(self.server.pid or 0)
        rows = [["LanguageTool JVM (-Xmx" + self.server.settings.heap + ")", f"{rss:,.0f}", f"{peak:,.0f}"]]
        for pid in self.web.worker_pids():
            worker, worker_peak = measure.memory_mib(pid)
            rows.append([f"web worker {pid}", f"{worker:,.0f}", f"{worker_peak:,.0f}"])
        master, master_peak = measure.memory_mib(self.web.process.pid)
        rows.append(["gunicorn master", f"{master:,.0f}", f"{master_peak:,.0f}"])
        self.results.section("Memory after the run (one JVM for all workers)")
        self.results.table(["process", "resident MiB", "resident at most MiB"], rows)
        heaps = []
        if hasattr(self, "heap_after_long"):
            heaps.append(
                "after the 200,000-character text {:,.0f} MiB (live {:,.0f} MiB)".format(*self.heap_after_long)
            )
        if hasattr(self, "heap_after_clients"):
            heaps.append("after 16 clients at once {:,.0f} MiB (live {:,.0f} MiB)".format(*self.heap_after_clients))
        heaps.append(f"at the end {measure.heap_used_mib(self.server.pid or 0):,.0f} MiB")
        self.results.note(
            "Java heap in use (jcmd GC.heap_info; live: after a full collection): " + "; ".join(heaps) + "."
        )

    def our_share(self) -> None:
        """The checker's own time per check, with LanguageTool's answers replayed (no engine time)."""
        assert self.client is not None
        rows = []
        for article in (workloads.example_article(), workloads.long_article()):
            replay = Replay(self.client)
            for house in (False, True):
                check(article.text, CheckOptions(), engine=replay, profile=self.profile if house else None)
            for house in (False, True):
                timings = Timings()
                for _ in range(10 if len(article) < 10_000 else 3):
                    started = time.perf_counter()
                    check(article.text, CheckOptions(), engine=replay, profile=self.profile if house else None)
                    timings.values.append(time.perf_counter() - started)
                rows.append(
                    [
                        article.name,
                        "default profile (house rules, model)" if house else "no profile",
                        ms(timings.median),
                        ms(timings.p95),
                    ]
                )
        self.results.section(
            "The checker's own share (LanguageTool's answers replayed, so no engine time)",
            "`make profile` shows where it goes.",
        )
        self.results.table(["text", "check", "median", "p95"], rows)

    def write(self, out: Path, started: float, load_before: str) -> None:
        assert self.server is not None
        rows = [
            [what, measured, {True: "met", False: "not met", None: "—"}[met]]
            for what, measured, met in self.results.targets
        ]
        head = [
            f"## Results of {date.today().isoformat()}{' (--quick)' if self.settings.quick else ''}",
            "",
            f"Machine: {measure.machine()}; LanguageTool {engine_install.pinned_version()}, heap "
            f"-Xmx{self.server.settings.heap}, server settings as the host's (docs/engine.md). Load average "
            f"(1/5/15 min) {load_before} at the start, {measure.load_average()} at the end: other work ran on "
            "the machine, so single figures move by 10–30 % between runs.",
            "",
            f"Command: `{' '.join(['python', 'bench/run.py', *sys.argv[1:]])}`, "
            f"{time.perf_counter() - started:,.0f} s in all.",
            "",
            "### Targets",
            "",
            "| target | measured | |",
            "|---|---|---|",
            *["| " + " | ".join(row) + " |" for row in rows],
        ]
        block = "\n".join([BEGIN, *head, *self.results.lines, END])
        current = out.read_text(encoding="utf-8") if out.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
        if BEGIN in current and END in current:
            before, rest = current.split(BEGIN, 1)
            after = rest.split(END, 1)[1]
            current = before + block + after
        else:
            current = current.rstrip("\n") + "\n\n" + block + "\n"
        out.write_text(current, encoding="utf-8")
        print(f"\nwrote {out}", flush=True)


class Replay:
    """An Engine that asks LanguageTool once per text and options, then answers from memory."""

    def __init__(self, engine: LanguageToolClient) -> None:
        self.engine = engine
        self.url = engine.url
        self.max_text_length = engine.max_text_length
        self.answers: dict[str, dict[str, Any]] = {}

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        key = json.dumps([payload, request_params(options)], sort_keys=True)
        if key not in self.answers:
            self.answers[key] = self.engine.query(payload, options)
        return self.answers[key]

    def version(self) -> str:
        return self.engine.version()

    def alive(self) -> bool:
        return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and smaller sets (about five minutes)")
    parser.add_argument("--out", type=Path, default=None, help="Markdown file to write the results into")
    parser.add_argument(
        "--steps",
        default=None,
        help="only these steps, separated by commas (such as api_recheck); the results go to --out if given, "
        "else only to the terminal",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    load_before = measure.load_average()
    with tempfile.TemporaryDirectory(prefix="wirecheck-bench-") as folder:
        bench = Bench(Settings.for_run(args.quick), Path(folder))
        try:
            # Single steps warm what they use themselves.
            bench.start(warm=not args.steps)
            steps = [
                bench.example_article,
                bench.command_line,
                bench.long_texts,
                bench.learner_articles,
                bench.concurrency,
                bench.recheck,
                bench.api_recheck,
                bench.ci_run,
                bench.memory,
                bench.our_share,
            ]
            if args.steps:
                wanted = args.steps.split(",")
                unknown = set(wanted) - {step.__name__ for step in steps}
                if unknown:
                    parser.error(f"unknown steps: {', '.join(sorted(unknown))}")
                steps = [step for step in steps if step.__name__ in wanted]
            for step in steps:
                step_started = time.perf_counter()
                step()
                print(f"({step.__name__}: {time.perf_counter() - step_started:.0f} s)", flush=True)
            out = args.out or (None if args.steps else DOC)
            if out is not None:
                bench.write(out, started, load_before)
        finally:
            bench.stop()


if __name__ == "__main__":
    main()
