"""Thresholds chosen on the tuning part of fm-train.tsv: the model alone, which LanguageTool
findings to keep, and from what probability the model reports a token on its own."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from checker.learned.decide import confidence, error_probability, may_drop, reported_label
from checker.learned.labels import MODEL_KINDS
from checker.learned.model import Model, Settings
from training.corpus import Sentence
from training.dataset import Answer, finding_tokens, items
from training.scoring import Score, score

KEEP_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)
REPORT_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
ALONE_GRID = tuple(step / 20 for step in range(2, 19))
OFF = 2.0  # a threshold no probability reaches


@dataclass(frozen=True)
class Judged:
    """One sentence as the model sees it: the probabilities per token, and per LanguageTool
    finding the tokens it covers, the tokens its first suggestion changes and whether the model
    may drop it (checker.learned.decide.may_drop)."""

    sentence: Sentence
    probabilities: list[dict[str, float]]
    findings: list[tuple[list[int], list[int], bool]]


def judge(model: Model, sentences: Sequence[Sentence], answers: Sequence[Sequence[Answer]]) -> list[Judged]:
    judged = []
    for sentence, found in zip(sentences, answers, strict=True):
        findings = [
            (covered, changed, may_drop(category)) for covered, changed, category in finding_tokens(sentence, found)
        ]
        judged.append(Judged(sentence, model.probabilities(items(sentence, found)), findings))
    return judged


def languagetool_marks(judged: Judged, *, changed_only: bool) -> set[int]:
    return {index for covered, changed, _ in judged.findings for index in (changed if changed_only else covered)}


def alone_marks(judged: Judged, threshold: float) -> set[int]:
    return {i for i, probabilities in enumerate(judged.probabilities) if error_probability(probabilities) >= threshold}


def combined_marks(judged: Judged, settings: Settings) -> set[int]:
    """What the checker reports with the model on: LanguageTool's findings the model is sure
    enough of (their changed tokens), and the model's own where LanguageTool is silent."""
    marks: set[int] = set()
    silent = set(range(len(judged.probabilities)))
    for covered, changed, droppable in judged.findings:
        silent -= set(covered)
        if not droppable or confidence(judged.probabilities, changed) >= settings.keep_from:
            marks.update(changed)
    for index in silent:
        if reported_label(judged.probabilities[index], settings.report_from) is not None:
            marks.add(index)
    return marks


def score_of(judged: Sequence[Judged], marks: Sequence[set[int]]) -> Score:
    return score([j.sentence for j in judged], marks)


def combination_score(judged: Sequence[Judged], settings: Settings) -> Score:
    return score_of(judged, [combined_marks(j, settings) for j in judged])


def choose_settings(judged: Sequence[Judged], labels: Sequence[str]) -> tuple[Settings, dict[str, object]]:
    """Thresholds with the best F0.5 on `judged` (the tuning part) at a precision no lower than
    LanguageTool's own: coordinate ascent over the grids, twice round."""
    baseline = score_of(judged, [languagetool_marks(j, changed_only=True) for j in judged])
    alone = {t: score_of(judged, [alone_marks(j, t) for j in judged]) for t in ALONE_GRID}
    alone_from = max(alone, key=lambda t: alone[t].f05)

    def objective(keep_from: float, report_from: dict[str, float]) -> float:
        result = combination_score(judged, Settings(tuple(labels), keep_from, report_from))
        return result.f05 if result.precision >= baseline.precision else -1.0

    report_from = {kind.label: OFF for kind in MODEL_KINDS}
    keep_from = 0.0
    best = objective(keep_from, report_from)
    for _round in range(2):
        for candidate in KEEP_GRID:
            value = objective(candidate, report_from)
            if value > best:
                best, keep_from = value, candidate
        for label in list(report_from):
            for candidate in (*REPORT_GRID, OFF):
                trial = {**report_from, label: candidate}
                value = objective(keep_from, trial)
                if value > best:
                    best, report_from = value, trial
    chosen = Settings(tuple(labels), keep_from, {k: v for k, v in report_from.items() if v < OFF}, alone_from)
    figures: dict[str, object] = {
        "set": "tuning part of fm-train.tsv",
        "languagetool_changed_tokens": baseline.line(),
        "languagetool_all_tokens": score_of(judged, [languagetool_marks(j, changed_only=False) for j in judged]).line(),
        "model_alone": alone[alone_from].line(),
        "model_alone_from": alone_from,
        "combination_high": combination_score(judged, chosen).line(),
    }
    return chosen, figures
