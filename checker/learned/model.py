"""The trained model: a CRFsuite model file and its settings (labels, thresholds, figures) in
JSON beside it, loaded once per process and read-only afterwards."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from checker.options import Sensitivity

MODEL_DIR = Path(__file__).resolve().parent
MODEL_FILE = MODEL_DIR / "model.crfsuite"
SETTINGS_FILE = MODEL_DIR / "model.json"

# "normal": thresholds for edited copy (chosen on learner German, then raised until the model
# raises few alarms on correct news copy); "high": the thresholds chosen on learner German alone,
# for copy with many errors (translations, writers whose first language is not German).


@dataclass(frozen=True)
class Settings:
    """What training chose on its tuning data: `keep_from` is the least confidence (probability
    of an error) at which a LanguageTool finding is kept as it is; `report_from` the least
    probability of its kind at which the model reports a token on its own, per kind;
    `alone_from` the least probability of an error at which the model alone (for the report,
    not the checker) flags a token."""

    labels: tuple[str, ...]
    keep_from: float
    report_from: Mapping[str, float]
    alone_from: float = 0.5

    @classmethod
    def from_json(cls, data: Mapping[str, Any], sensitivity: Sensitivity = "normal") -> Settings:
        thresholds = data["sensitivity"][sensitivity]
        return cls(
            labels=tuple(data["labels"]),
            keep_from=float(thresholds["keep_from"]),
            report_from=MappingProxyType({str(k): float(v) for k, v in thresholds["report_from"].items()}),
            alone_from=float(data["alone_from"]),
        )

    def thresholds(self) -> dict[str, object]:
        """The part of model.json that differs by sensitivity."""
        return {"keep_from": self.keep_from, "report_from": dict(self.report_from)}


class Model:
    """Probabilities of each label for each token of a sentence. One CRFsuite tagger, used under
    a lock (it holds the sentence being tagged)."""

    def __init__(self, model_file: Path, settings: Settings, high: Settings | None = None) -> None:
        import pycrfsuite  # noqa: PLC0415

        self.settings = settings
        self._high = high or settings
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_file))
        self._lock = threading.Lock()

    def settings_for(self, sensitivity: Sensitivity) -> Settings:
        return self._high if sensitivity == "high" else self.settings

    def probabilities(self, items: Sequence[Sequence[str]]) -> list[dict[str, float]]:
        """Per token, each label's marginal probability."""
        if not items:
            return []
        with self._lock:
            self._tagger.set([list(item) for item in items])
            return [
                {label: self._tagger.marginal(label, index) for label in self.settings.labels}
                for index in range(len(items))
            ]


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The committed model (checker/learned/model.crfsuite and model.json), once per process."""
    data = json.loads(SETTINGS_FILE.read_text(encoding="utf-8"))
    return Model(MODEL_FILE, Settings.from_json(data, "normal"), Settings.from_json(data, "high"))
