"""The second step of choosing thresholds: on news copy (tests/quality/clean/dev and
planted/dev, the sets for tuning; never heldout/). Learner essays have errors in one token of
seven, edited copy in perhaps one of a hundred, so thresholds chosen on Falko-MERLIN alone raise
too many alarms on news. Here the model's own findings are cut back until they raise at most
BUDGET alarms on the clean articles, and LanguageTool findings are dropped only as far as no
planted error is lost."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from checker.languagetool import Engine
from checker.learned.labels import KINDS_BY_LABEL
from checker.learned.model import Model, Settings
from checker.learned.review import SentenceReading, decide, read
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Issue
from training.corpus import ROOT
from training.decisions import KEEP_GRID, REPORT_GRID

QUALITY = ROOT / "tests" / "quality"
BUDGET = 3  # model alarms on the 2,940 words of clean/dev: about one per 1,000 words


@dataclass(frozen=True)
class Article:
    text: str
    issues: tuple[Issue, ...]
    readings: tuple[SentenceReading, ...]
    errors: tuple[tuple[int, int], ...] = ()  # planted errors: spans


def articles(model: Model, engine: Engine, kind: str) -> list[Article]:
    """The dev articles of `kind` ("clean" or "planted") with LanguageTool's findings alone and
    the model's reading of them."""
    result = []
    for path in sorted((QUALITY / kind / "dev").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        issues = check(text, CheckOptions(format=None, model=False), engine=engine, profile=None).issues
        errors = []
        if kind == "planted":
            for line in path.with_suffix(".tsv").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    fragment = line.split("\t")[0]
                    start = text.index(fragment)
                    errors.append((start, start + len(fragment)))
        result.append(Article(text, issues, tuple(read(text, issues, model)), tuple(errors)))
    return result


def _findings(article: Article, settings: Settings) -> list[Issue]:
    return decide(article.text, article.readings, settings).apply(article.issues, "drop")


def model_alarms(clean: Sequence[Article], settings: Settings) -> dict[str, int]:
    counts: dict[str, int] = {}
    for article in clean:
        for issue in _findings(article, settings):
            if issue.source == "model":
                counts[issue.rule] = counts.get(issue.rule, 0) + 1
    return counts


def planted_found(planted: Sequence[Article], settings: Settings | None) -> int:
    """Planted errors a finding overlaps: with the model's settings, or LanguageTool alone (None)."""
    found = 0
    for article in planted:
        issues = article.issues if settings is None else _findings(article, settings)
        for start, end in article.errors:
            found += any(i.offset < end and start < i.offset + max(i.length, 1) for i in issues)
    return found


def adjust(
    settings: Settings, clean: Sequence[Article], planted: Sequence[Article]
) -> tuple[Settings, dict[str, object]]:
    """The learner-tuned settings made fit for news: see the module docstring."""
    baseline = planted_found(planted, None)
    keep_from = 0.0
    for candidate in sorted((k for k in KEEP_GRID if k <= settings.keep_from), reverse=True):
        if planted_found(planted, replace(settings, keep_from=candidate)) >= baseline:
            keep_from = candidate
            break
    adjusted = replace(settings, keep_from=keep_from)
    while True:
        counts = model_alarms(clean, adjusted)
        if sum(counts.values()) <= BUDGET:
            break
        rule = max(counts, key=lambda r: counts[r])
        label = next(label for label in adjusted.report_from if KINDS_BY_LABEL[label].rule == rule)
        higher = [value for value in REPORT_GRID if value > adjusted.report_from[label]]
        report_from = dict(adjusted.report_from)
        if higher:
            report_from[label] = higher[0]
        else:
            del report_from[label]
        adjusted = replace(adjusted, report_from=report_from)
    figures: dict[str, object] = {
        "set": "tests/quality/clean/dev and planted/dev",
        "model_alarms_on_clean_dev": sum(model_alarms(clean, adjusted).values()),
        "planted_dev_found_languagetool": baseline,
        "planted_dev_found_with_model": planted_found(planted, adjusted),
        "planted_dev_errors": sum(len(a.errors) for a in planted),
    }
    return adjusted, figures
