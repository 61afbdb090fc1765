"""The learned detection layer: a CRF over LanguageTool's findings, part of speech, inflection,
frequency and context (trained by `make train`, see MODEL_CARD.md). `review` gives its verdict on
a text: how sure it is of each LanguageTool finding, and findings of its own (`source: "model"`).

`learned/` imports nothing from `engine`, `house`, `pipeline` or above: the profile's choices
reach it in `options`.
"""

from __future__ import annotations

from checker.learned.labels import KINDS_BY_RULE, MODEL_KINDS, ModelKind
from checker.learned.review import ModelVerdict, review
from checker.options import LOW_CONFIDENCE, SENSITIVITIES, LowConfidence, Sensitivity

__all__ = [
    "KINDS_BY_RULE",
    "LOW_CONFIDENCE",
    "MODEL_KINDS",
    "SENSITIVITIES",
    "LowConfidence",
    "ModelKind",
    "ModelVerdict",
    "Sensitivity",
    "review",
]
