"""How often our LanguageTool rules fire on real published copy (../shared/corpora/10kgnad/
dev.jsonl, de-AT), where nearly every finding is a false alarm: matches per 20,000 words by rule,
with samples to read. A rule family above one alarm per 20,000 words there does not ship as it is.

    python bench/rule_alarms.py [--rules HOUSE_A,HOUSE_B | --prefix HOUSE_] [--languagetool-url URL] [--samples N]

The corpus is CC BY-NC-SA: it is read from ../shared at run time and nothing of it is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.engine import open_engine
from checker.languagetool import custom_rule_ids
from checker.options import CheckOptions

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "dev.jsonl"
PER_WORDS = 20_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default="", help="comma-separated rule ids (default: all of ours)")
    parser.add_argument("--prefix", default="", help="only our rules whose id starts with this")
    parser.add_argument("--languagetool-url", default=None)
    parser.add_argument("--samples", type=int, default=5, help="samples shown per rule")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    rules = tuple(r for r in (args.rules.split(",") if args.rules else custom_rule_ids()) if r.startswith(args.prefix))
    if not rules:
        parser.error("no rule chosen")
    articles = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line]
    words = sum(len(text.split()) for text in articles)
    options = CheckOptions(language="de-AT", enabled_rules=rules, enabled_only=True)
    found: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    with open_engine(args.languagetool_url) as engine, ThreadPoolExecutor(max_workers=4) as pool:
        for answer in pool.map(lambda text: engine.query({"text": text}, options), articles):
            for match in answer["matches"]:
                rule = match["rule"]["id"]
                found[rule] += 1
                if len(samples[rule]) < args.samples:
                    context = match["context"]
                    start, length = context["offset"], context["length"]
                    text = context["text"]
                    samples[rule].append(f"{text[:start]}[{text[start : start + length]}]{text[start + length :]}")
    print(f"{len(articles)} articles, {words} words; rules: {len(rules)}")
    for rule in rules:
        rate = found[rule] * PER_WORDS / words
        print(f"{rule}: {found[rule]} ({rate:.2f} per {PER_WORDS:,} words){'  OVER' if rate > 1 else ''}")
        for sample in samples[rule]:
            print(f"    {sample}")
    total = sum(found.values())
    print(f"all: {total} ({total * PER_WORDS / words:.2f} per {PER_WORDS:,} words)")


if __name__ == "__main__":
    main()
