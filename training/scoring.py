"""Token-level error detection scores (the MultiGED measure): precision, recall and F0.5 over the
tokens labelled as errors, and recall by error type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from training.corpus import CORRECT, Sentence


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    found_by_type: Counter[str] = field(default_factory=Counter)
    total_by_type: Counter[str] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        errors = self.true_positives + self.false_negatives
        return self.true_positives / errors if errors else 0.0

    @property
    def f05(self) -> float:
        p, r = self.precision, self.recall
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    def line(self) -> str:
        return f"P {100 * self.precision:.1f} R {100 * self.recall:.1f} F0.5 {100 * self.f05:.1f}"


def score(sentences: Sequence[Sentence], flagged: Iterable[set[int]]) -> Score:
    """How well the flagged token indices (one set per sentence) match the gold errors."""
    result = Score()
    for sentence, marks in zip(sentences, flagged, strict=True):
        for index, label in enumerate(sentence.labels):
            wrong = label != CORRECT
            if wrong:
                result.total_by_type[label] += 1
            if index in marks and wrong:
                result.true_positives += 1
                result.found_by_type[label] += 1
            elif index in marks:
                result.false_positives += 1
            elif wrong:
                result.false_negatives += 1
    return result
