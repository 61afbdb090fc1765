"""Alarms and notes on published copy (../shared/corpora/10kgnad/dev.jsonl, de-AT): the checker
with the default profile against LanguageTool alone, and typos planted into the same copy.

    python bench/published.py [--sample N] [--languagetool-url URL] [--corpus PATH] [--show RULE]

Published copy is edited, so nearly every finding on it is a false alarm. An *alarm* is a finding
of severity error or warning, a *note* one of severity info. Targets: the checker's alarms at
most 8 per 1,000 words and at most 0.25 times LanguageTool's, its notes at most 5 per 1,000 words.

Planted typos, made at run time from the copy and never stored: into each article one typo in an
ordinary word (a word LanguageTool does not flag there and the model's lexicon holds as no name),
and one into a later occurrence of a name that the article spells the same way at least twice
(the misspelt repeat). A typo swaps two neighbouring letters, drops, doubles or replaces one;
the result is no word of the lexicon and does not occur in the article. A planted typo counts as
found when an alarm overlaps it; for names, the report also says how often the first suggestion
is the name as the article spells it elsewhere.

The corpus is CC BY-NC-SA: it is read at run time and nothing of it is kept.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checker.engine import open_engine
from checker.errors import EngineTimeout, EngineUnavailable
from checker.house import Profile, load_profile
from checker.languagetool import Engine
from checker.learned.features import lookup
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Issue, Report
from checker.text.statistics import text_statistics

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "10kgnad" / "dev.jsonl"
LANGUAGE = "de-AT"
ALARM_SEVERITIES = ("error", "warning")
MAX_ALARMS_PER_THOUSAND = 8.0
MAX_RATIO = 0.25
MAX_NOTES_PER_THOUSAND = 5.0
SIDES = ("LanguageTool", "checker")
ATTEMPTS = 4
KINDS = ("ordinary word", "name repeat")
_SUB_ID = re.compile(r"\[[^\]]*\]$")
_WORD = re.compile(r"(?<![\w-])[^\W\d_]+(?![\w-])")
_KEYBOARD = ("qwertzuiopü", "asdfghjklöä", "yxcvbnm")
_NAME_TAGS = frozenset({"NE", "UNK", "FM", "XY"})


@dataclass(frozen=True)
class PublishedArticle:
    id: str
    text: str


@dataclass(frozen=True)
class PlantedTypo:
    """A typo put into `text` at [start, end): `original` was there before."""

    kind: str
    start: int
    end: int
    typo: str
    original: str


@dataclass
class PlantedTally:
    """Per kind and side: typos planted, found (an alarm overlaps), found with the original as
    the first suggestion."""

    planted: Counter[str] = field(default_factory=Counter)
    found: dict[str, Counter[str]] = field(default_factory=lambda: {side: Counter() for side in SIDES})
    fixed: dict[str, Counter[str]] = field(default_factory=lambda: {side: Counter() for side in SIDES})
    missed: list[str] = field(default_factory=list)


@dataclass
class PublishedResults:
    """Findings on the copy, by side: alarms and notes counted by rule."""

    articles: int = 0
    words: int = 0
    alarms: dict[str, Counter[str]] = field(default_factory=lambda: {side: Counter() for side in SIDES})
    notes: dict[str, Counter[str]] = field(default_factory=lambda: {side: Counter() for side in SIDES})
    samples: dict[str, list[str]] = field(default_factory=dict)
    planted: PlantedTally = field(default_factory=PlantedTally)
    # Long sentences the checker's statistics count (the default profile marks none of them).
    long_sentences: int = 0

    def alarm_count(self, side: str) -> int:
        return sum(self.alarms[side].values())

    def note_count(self, side: str) -> int:
        return sum(self.notes[side].values())

    def per_thousand(self, count: int) -> float:
        return 1000 * count / self.words if self.words else 0.0

    def ratio(self) -> float:
        base = self.alarm_count("LanguageTool")
        return self.alarm_count("checker") / base if base else 0.0

    def targets_met(self) -> dict[str, bool]:
        checker = self.per_thousand(self.alarm_count("checker"))
        notes = self.per_thousand(self.note_count("checker"))
        return {
            f"alarms <= {MAX_ALARMS_PER_THOUSAND:g} per 1,000 words": checker <= MAX_ALARMS_PER_THOUSAND,
            f"alarms <= {MAX_RATIO:g} x LanguageTool's": self.ratio() <= MAX_RATIO,
            f"notes <= {MAX_NOTES_PER_THOUSAND:g} per 1,000 words": notes <= MAX_NOTES_PER_THOUSAND,
            "planted typos found as often as LanguageTool finds them": all(
                self.planted.found["checker"][kind] >= self.planted.found["LanguageTool"][kind] for kind in KINDS
            ),
        }


def load_articles(path: Path = CORPUS, sample: int | None = None) -> list[PublishedArticle]:
    """The corpus's articles; with `sample`, every k-th one so that about `sample` remain (spread
    over the file, which is not ordered by date or section in a way that matters here)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    found = [PublishedArticle(str(row["id"]), str(row["text"])) for row in rows]
    if sample is not None and 0 < sample < len(found):
        step = len(found) / sample
        found = [found[int(index * step)] for index in range(sample)]
    return found


def rule_id(issue: Issue) -> str:
    """The rule without its sub-id: PRAEP_DAT[29] counts as PRAEP_DAT."""
    return _SUB_ID.sub("", issue.rule)


def checkers(engine: Engine, profile: Profile) -> dict[str, Callable[[str], Report]]:
    """How each side checks a text: LanguageTool alone (no profile, no model) and the checker."""
    alone = CheckOptions(language=LANGUAGE, format="text", model=False)
    ours = CheckOptions(language=LANGUAGE, format="text")
    return {
        "LanguageTool": lambda text: check(text, alone, engine=engine, profile=None),
        "checker": lambda text: check(text, ours, engine=engine, profile=profile),
    }


# --- planting typos ------------------------------------------------------------------------------


def _neighbour_keys(letter: str) -> str:
    for row in _KEYBOARD:
        index = row.find(letter)
        if index >= 0:
            return row[max(0, index - 1) : index] + row[index + 1 : index + 2]
    return ""


def typo_variants(word: str) -> list[str]:
    """Typos of `word` inside it (its first and last letters stay): two neighbouring letters
    swapped, a letter dropped, doubled, or replaced by a neighbour on a German keyboard."""
    variants = []
    for index in range(1, len(word) - 1):
        letter = word[index]
        if word[index + 1] != letter and index + 1 < len(word) - 1:
            variants.append(word[:index] + word[index + 1] + letter + word[index + 2 :])
        variants.append(word[:index] + word[index + 1 :])
        variants.append(word[:index] + letter + word[index:])
        for key in _neighbour_keys(letter.lower()):
            variants.append(word[:index] + (key.upper() if letter.isupper() else key) + word[index + 1 :])
    return list(dict.fromkeys(variant for variant in variants if variant != word))


def _is_word(word: str) -> bool:
    return lookup(word)[0] != "UNK"


def plant_typos(article: PublishedArticle, flagged: Iterable[tuple[int, int]]) -> tuple[str, list[PlantedTypo]]:
    """The article with a typo in an ordinary word and one in a repeated name (where it has
    them), chosen by a generator seeded with the article's id; `flagged` are the spans
    LanguageTool alone reports on the clean article: no ordinary word there is known (a name
    may well be one the speller does not know)."""
    chooser = random.Random(article.id)
    text = article.text
    spans = list(flagged)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    present = {word for _start, _end, word in words}
    counts = Counter(word for _start, _end, word in words)

    def clean(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in spans)

    def typo_of(word: str) -> str | None:
        options = [v for v in typo_variants(word) if v not in present and not _is_word(v)]
        return chooser.choice(options) if options else None

    plans: list[tuple[int, int, str, str]] = []
    ordinary = [
        (start, end, word)
        for start, end, word in words
        if len(word) >= 6 and clean(start, end) and lookup(word)[0] not in _NAME_TAGS and start > 0
    ]
    if ordinary:
        start, end, word = chooser.choice(ordinary)
        typo = typo_of(word)
        if typo:
            plans.append((start, end, typo, KINDS[0]))
    names = []
    seen: set[str] = set()
    for start, end, word in words:
        if word[0].isupper() and len(word) >= 6 and counts[word] >= 2 and lookup(word)[0] in _NAME_TAGS:
            if word in seen and not word.isupper():
                names.append((start, end, word))
            seen.add(word)
    names = [n for n in names if not any(s < n[1] + 20 and n[0] - 20 < e for s, e, _t, _k in plans)]
    if names:
        start, end, word = chooser.choice(names)
        typo = typo_of(word)
        if typo:
            plans.append((start, end, typo, KINDS[1]))
    planted = []
    shift = 0
    pieces = []
    position = 0
    for start, end, typo, kind in sorted(plans):
        pieces += [text[position:start], typo]
        planted.append(PlantedTypo(kind, start + shift, start + shift + len(typo), typo, text[start:end]))
        shift += len(typo) - (end - start)
        position = end
    pieces.append(text[position:])
    return "".join(pieces), planted


# --- measuring -------------------------------------------------------------------------------------


def _overlaps(issue: Issue, typo: PlantedTypo) -> bool:
    return issue.offset < typo.end and typo.start < issue.offset + max(issue.length, 1)


@dataclass(frozen=True)
class ArticleOutcome:
    """Both sides' reports on one article as published and with typos planted into it."""

    clean: dict[str, Report]
    planted_text: str
    typos: list[PlantedTypo]
    planted: dict[str, Report]


def _patiently(run: Callable[[str], Report], text: str) -> Report:
    """`run(text)`, tried again after a pause when the engine is busy or away (the machine is
    shared: a check may time out under load)."""
    for attempt in range(ATTEMPTS - 1):
        try:
            return run(text)
        except (EngineTimeout, EngineUnavailable):
            time.sleep(10 * (attempt + 1))
    return run(text)


def _measure_article(article: PublishedArticle, sides: dict[str, Callable[[str], Report]]) -> ArticleOutcome:
    clean = {side: _patiently(run, article.text) for side, run in sides.items()}
    flagged = [(i.offset, i.end) for i in clean["LanguageTool"].issues]
    planted_text, typos = plant_typos(article, flagged)
    planted = {side: _patiently(run, planted_text) for side, run in sides.items()} if typos else {}
    return ArticleOutcome(clean, planted_text, typos, planted)


def measure(
    engine: Engine,
    profile: Profile,
    published: Sequence[PublishedArticle],
    *,
    workers: int = 2,
    samples_per_rule: int = 0,
) -> PublishedResults:
    """Alarms and notes of both sides on `published`, and the planted typos each side finds."""
    sides = checkers(engine, profile)
    results = PublishedResults()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(lambda article: _measure_article(article, sides), published))
    for article, outcome in zip(published, outcomes, strict=True):
        results.articles += 1
        results.words += text_statistics(article.text).words
        for side, report in outcome.clean.items():
            if side == "checker":
                results.long_sentences += report.stats.long_sentences
            for issue in report.issues:
                rule = rule_id(issue)
                if issue.severity in ALARM_SEVERITIES:
                    results.alarms[side][rule] += 1
                else:
                    results.notes[side][rule] += 1
                if side == "checker" and samples_per_rule:
                    shown = results.samples.setdefault(rule, [])
                    if len(shown) < samples_per_rule:
                        context = article.text[max(0, issue.offset - 50) : issue.end + 30]
                        shown.append(
                            f"{article.id} {issue.severity} »{issue.text}« {issue.replacements[:3]}: {context}"
                        )
        _tally_planted(outcome, results.planted)
    return results


def _tally_planted(outcome: ArticleOutcome, tally: PlantedTally) -> None:
    for typo in outcome.typos:
        tally.planted[typo.kind] += 1
        for side, report in outcome.planted.items():
            hits = [i for i in report.issues if i.severity in ALARM_SEVERITIES and _overlaps(i, typo)]
            if hits:
                tally.found[side][typo.kind] += 1
                if any(i.replacements[:1] == (typo.original,) for i in hits):
                    tally.fixed[side][typo.kind] += 1
            elif side == "checker":
                near = [f"{i.rule}/{i.severity}" for i in report.issues if _overlaps(i, typo)]
                context = outcome.planted_text[max(0, typo.start - 40) : typo.end + 20]
                tally.missed.append(f"{typo.kind}: {typo.original} -> {typo.typo} {near}: {context}")


# --- the report --------------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|---|" + "---:|" * (len(headers) - 1)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def rule_table(results: PublishedResults, limit: int = 25) -> str:
    """Alarms and notes by rule, the most frequent first."""
    rules = set().union(*results.alarms.values(), *results.notes.values())

    def cell(counter: Counter[str], rule: str) -> str:
        return f"{counter[rule]} ({results.per_thousand(counter[rule]):.1f})" if counter[rule] else "–"

    order = sorted(rules, key=lambda r: (-max(results.alarms["checker"][r], results.alarms["LanguageTool"][r]), r))
    order = [r for r in order if results.alarms["checker"][r] or results.alarms["LanguageTool"][r]][:limit]
    order += sorted((r for r in results.notes["checker"] if r not in order), key=lambda r: -results.notes["checker"][r])
    rows = [
        [
            f"`{rule}`",
            cell(results.alarms["LanguageTool"], rule),
            cell(results.alarms["checker"], rule),
            cell(results.notes["checker"], rule),
        ]
        for rule in order
    ]
    headers = ["rule", "LanguageTool alarms (per 1,000)", "checker alarms (per 1,000)", "checker notes (per 1,000)"]
    return _table(headers, rows)


def overview_table(results: PublishedResults) -> str:
    rows = []
    for side in SIDES:
        alarms, notes = results.alarm_count(side), results.note_count(side)
        rows.append(
            [
                side,
                alarms,
                f"{results.per_thousand(alarms):.1f}",
                notes,
                f"{results.per_thousand(notes):.1f}",
            ]
        )
    return _table(["side", "alarms", "alarms per 1,000 words", "notes", "notes per 1,000 words"], rows)


def planted_table(results: PublishedResults) -> str:
    tally = results.planted
    rows = []
    for kind in KINDS:
        cells: list[object] = [kind, tally.planted[kind]]
        for side in SIDES:
            cells += [f"{tally.found[side][kind]}", f"{tally.fixed[side][kind]}"]
        rows.append(cells)
    headers = ["planted typo", "planted"]
    for side in SIDES:
        headers += [f"{side} found", f"{side} first suggestion right"]
    return _table(headers, rows)


def summary(results: PublishedResults) -> str:
    lines = [
        f"{results.articles} articles, {results.words} words ({LANGUAGE}, default profile)",
        overview_table(results),
        f"ratio checker/LanguageTool alarms: {results.ratio():.2f}",
        "",
        rule_table(results),
        "",
        planted_table(results),
        "",
    ]
    lines += [f"- {'met' if met else 'NOT met'}: {target}" for target, met in results.targets_met().items()]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=None, help="about N articles spread over the corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--languagetool-url", default=None)
    parser.add_argument("--show", action="append", default=[], help="print samples of this rule's findings")
    parser.add_argument("--missed", action="store_true", help="print the planted typos the checker missed")
    args = parser.parse_args()
    if not args.corpus.is_file():
        parser.error(f"no corpus at {args.corpus}")
    published = load_articles(args.corpus, args.sample)
    profile = load_profile()
    with open_engine(args.languagetool_url, kind="bench", keep=True) as engine:
        results = measure(engine, profile, published, samples_per_rule=40 if args.show else 0)
    print(summary(results))
    for rule in args.show:
        print(f"\n{rule}:")
        print("\n".join(results.samples.get(rule, [])))
    if args.missed:
        print("\nmissed planted typos:")
        print("\n".join(results.planted.missed))


if __name__ == "__main__":
    main()
