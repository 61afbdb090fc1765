"""How often our rules fire on real published copy (../shared/corpora/10kgnad/dev.jsonl, de-AT),
where nearly every finding is a false alarm: findings per 20,000 words by rule, alarms (error,
warning) and notes (info) apart, with samples to read. A rule family above one alarm per 20,000
words there does not ship as it is.

    python bench/rule_alarms.py [--rules HOUSE_A,HOUSE_B | --prefix HOUSE_] [--profile TOML]
                                [--languagetool-url URL] [--samples N]

Our LanguageTool rules (grammar_custom.xml) are asked of LanguageTool; the house rules
(checker/house/rules/) run here, with the profile's severities (default: the built-in profile),
over each article as plain text. The corpus is CC BY-NC-SA: it is read from ../shared at run
time and nothing of it is kept.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.engine import open_engine
from checker.house import load_profile
from checker.house.rules import RULES_BY_ID
from checker.house.run_rules import run_house_rules
from checker.languagetool import custom_rule_ids
from checker.options import CheckOptions

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "dev.jsonl"
PER_WORDS = 20_000
ALARM_SEVERITIES = frozenset(["error", "warning"])


def _in_context(text: str, start: int, end: int, width: int = 40) -> str:
    return f"{text[max(0, start - width) : start]}[{text[start:end]}]{text[end : end + width]}"


def _languagetool_findings(
    articles: list[str], rules: tuple[str, ...], url: str | None
) -> Iterator[tuple[str, str, str]]:
    """(rule, severity, sample) for each match of our LanguageTool rules."""
    options = CheckOptions(language="de-AT", enabled_rules=rules, enabled_only=True)
    with open_engine(url) as engine, ThreadPoolExecutor(max_workers=4) as pool:
        for answer in pool.map(lambda text: engine.query({"text": text}, options), articles):
            for match in answer["matches"]:
                context = match["context"]
                start, length = context["offset"], context["length"]
                yield match["rule"]["id"], "warning", _in_context(context["text"], start, start + length)


def _house_findings(
    articles: list[str], rules: tuple[str, ...], profile_path: str | None
) -> Iterator[tuple[str, str, str]]:
    """(rule, severity, sample) for each finding of the chosen house rules."""
    profile = load_profile(profile_path)
    chosen = frozenset(rules)
    for text in articles:
        for issue in run_house_rules(text, profile):
            if issue.rule in chosen:
                yield issue.rule, issue.severity, _in_context(text, issue.offset, issue.end)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", default="", help="comma-separated rule ids (default: all of ours)")
    parser.add_argument("--prefix", default="", help="only our rules whose id starts with this")
    parser.add_argument("--profile", default=None, help="house profile TOML (default: the built-in one)")
    parser.add_argument("--languagetool-url", default=None)
    parser.add_argument("--samples", type=int, default=5, help="samples shown per rule")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    ours = (*custom_rule_ids(), *RULES_BY_ID)
    rules = tuple(r for r in (args.rules.split(",") if args.rules else ours) if r.startswith(args.prefix))
    if not rules:
        parser.error("no rule chosen")
    unknown = [rule for rule in rules if rule not in ours]
    if unknown:
        parser.error(f"not one of our rules: {', '.join(unknown)}")
    articles = [json.loads(line)["text"] for line in args.corpus.read_text(encoding="utf-8").splitlines() if line]
    words = sum(len(text.split()) for text in articles)
    house = tuple(rule for rule in rules if rule in RULES_BY_ID)
    languagetool = tuple(rule for rule in rules if rule not in RULES_BY_ID)
    alarms: Counter[str] = Counter()
    notes: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    found = itertools.chain(
        _house_findings(articles, house, args.profile) if house else (),
        _languagetool_findings(articles, languagetool, args.languagetool_url) if languagetool else (),
    )
    for rule, severity, sample in found:
        (alarms if severity in ALARM_SEVERITIES else notes)[rule] += 1
        if len(samples[rule]) < args.samples:
            samples[rule].append(sample)
    print(f"{len(articles)} articles, {words} words; rules: {len(rules)}")
    for rule in rules:
        rate = alarms[rule] * PER_WORDS / words
        print(
            f"{rule}: {alarms[rule]} alarms ({rate:.2f} per {PER_WORDS:,} words), {notes[rule]} notes"
            f" ({notes[rule] * PER_WORDS / words:.2f}){'  OVER' if rate > 1 else ''}"
        )
        for sample in samples[rule]:
            print(f"    {sample}")
    total = sum(alarms.values())
    print(
        f"all: {total} alarms ({total * PER_WORDS / words:.2f} per {PER_WORDS:,} words),"
        f" {sum(notes.values())} notes ({sum(notes.values()) * PER_WORDS / words:.2f})"
    )


if __name__ == "__main__":
    main()
