"""Benchmark: our checking core against LanguageTool's own /v2/check on the FalKo-MERLIN sentences.

    python bench/run.py [--articles N] [--sentences-per-article N]

Starts its own LanguageTool server with the result cache off (so neither side profits from the
other's run), checks the same texts raw and through `checker.pipeline.check`, alternating, and prints
wall time, the core's overhead and the JVM's resident memory. The corpus is read from
../shared/corpora/falko-merlin/fm-dev.m2 and never copied.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.languagetool import LanguageToolClient, LocalServer, ServerSettings
from checker.languagetool.grammar_rules import house_rule_ids
from checker.options import CheckOptions
from checker.pipeline import check

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "falko-merlin" / "fm-dev.m2"


def sentences() -> list[str]:
    found = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line.startswith("S "):
            text = re.sub(r" ([.,;:!?)])", r"\1", line[2:]).replace("( ", "(")
            found.append(text)
    return found


def articles(count: int, per_article: int) -> list[str]:
    pool = sentences()
    texts = []
    for index in range(count):
        chunk = pool[index * per_article : (index + 1) * per_article]
        paragraphs = [" ".join(chunk[i : i + 4]) for i in range(0, len(chunk), 4)]
        texts.append("\n\n".join(paragraphs))
    return texts


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--sentences-per-article", type=int, default=20)
    args = parser.parse_args()
    texts = articles(args.articles, args.sentences_per_article)
    # A private server without a result cache, not the host's: alternating raw and core checks of
    # the same text must not answer each other from the cache.
    server = LocalServer(settings=ServerSettings(cache_size=0)).start()
    try:
        engine = LanguageToolClient(server.url)
        session = requests.Session()
        raw_seconds = core_seconds = 0.0
        raw_matches = core_issues = 0

        def raw(text: str) -> tuple[float, int]:
            started = time.perf_counter()
            response = session.post(
                server.url + "/v2/check",
                data={
                    "text": text,
                    "language": "de-DE",
                    "preferredLanguages": "de",
                    # the core without a profile switches our own LanguageTool rules off too
                    "disabledRules": ",".join(house_rule_ids()),
                },
            )
            return time.perf_counter() - started, len(response.json()["matches"])

        def core(text: str) -> tuple[float, int]:
            started = time.perf_counter()
            found = len(check(text, CheckOptions(), engine=engine).issues)
            return time.perf_counter() - started, found

        for index, text in enumerate(texts):
            # alternate which side goes first, so neither profits from warm JVM caches alone
            order = (raw, core) if index % 2 == 0 else (core, raw)
            results = {side: side(text) for side in order}
            raw_seconds += results[raw][0]
            raw_matches += results[raw][1]
            core_seconds += results[core][0]
            core_issues += results[core][1]
        characters = sum(len(text) for text in texts)
        machine = f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores"
        print(f"machine: {machine}, Python {platform.python_version()}")
        print(f"texts: {len(texts)} articles, {characters} characters, heap {server.settings.heap}")
        print(f"LanguageTool /v2/check: {raw_seconds:.2f} s, {raw_matches} matches")
        print(f"checker.pipeline.check:     {core_seconds:.2f} s, {core_issues} issues")
        print(f"core overhead: {100 * (core_seconds - raw_seconds) / raw_seconds:+.1f} %")
        print(f"JVM resident memory after the run: {rss_mib(server.pid or 0):.0f} MiB")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
