"""The two uses of the model's probabilities, shared by checking and by training (which picks
the thresholds): how sure an error is where LanguageTool found one, and which tokens the model
reports where LanguageTool is silent."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from checker.learned.labels import CORRECT

Probabilities = Mapping[str, float]

# LanguageTool's categories whose findings are kept whatever the model's confidence in them: its
# speller's (a misspelt word and a name the speller lacks look alike to the model; dropping them
# loses more errors than false alarms on the tuning part of fm-train.tsv, and a typo dropped on
# edited copy is a typo published).
ALWAYS_KEPT = frozenset({"TYPOS"})


def may_drop(category: str) -> bool:
    """Whether a LanguageTool finding of `category` is dropped when the model doubts it."""
    return category not in ALWAYS_KEPT


def error_probability(probabilities: Probabilities) -> float:
    return 1.0 - probabilities.get(CORRECT, 0.0)


def confidence(token_probabilities: Sequence[Probabilities], tokens: Iterable[int]) -> float:
    """The model's confidence in a finding over `tokens`: the highest error probability among
    them (1.0 when the finding covers no token, so that it is kept)."""
    values = [error_probability(token_probabilities[index]) for index in tokens]
    return max(values, default=1.0)


def reported_label(probabilities: Probabilities, report_from: Mapping[str, float]) -> str | None:
    """The kind the model reports this token as, or None: the most probable error label, when
    it is a reporting kind and at least as probable as that kind's threshold."""
    label, probability = max(
        ((label, value) for label, value in probabilities.items() if label != CORRECT), key=lambda pair: pair[1]
    )
    threshold = report_from.get(label)
    return label if threshold is not None and probability >= threshold else None
