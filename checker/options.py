"""What a check asks for, beside the text: the German variant, the input format and LanguageTool's
rule switches. One frozen record for the command line, the web app and the API alike."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checker.errors import InvalidRequest

LANGUAGES = ("de-DE", "de-AT", "de-CH")
# The choice left to the checker: the language by the document's own tag, the format by the
# content (CheckOptions holds None for either).
AUTO = "auto"

# The learned layer's settings a house profile chooses (checker.learned reads them): how many of
# its own findings the model shows ("high" takes a lower threshold) ...
Sensitivity = Literal["normal", "high"]
SENSITIVITIES: tuple[Sensitivity, ...] = ("normal", "high")
# ... and what becomes of a LanguageTool finding it doubts.
LowConfidence = Literal["drop", "note", "keep"]
LOW_CONFIDENCE: tuple[LowConfidence, ...] = ("drop", "note", "keep")
# Whether the learned layer (checker.learned) runs with a house profile that does not say
# (`[model] enabled`): on, since it beats LanguageTool alone on precision and F0.5 on the report
# set (docs/quality.md). Without a profile a check is LanguageTool alone unless it asks for the model.
MODEL_BY_DEFAULT = True


@dataclass(frozen=True)
class CheckOptions:
    """`language` None takes the document's own language tag, else de-DE; `format` None detects
    the input format from the content (see checker.formats); `model` None runs the learned layer
    as the house profile says (without a profile, or with `enabled_only`: not at all)."""

    language: str | None = None
    format: str | None = "text"
    picky: bool = False
    model: bool | None = None
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False

    def __post_init__(self) -> None:
        if self.language is not None and self.language not in LANGUAGES:
            raise InvalidRequest(
                f"unknown language variant {self.language!r}; choose one of {', '.join(LANGUAGES)}",
                reason="unknown_language",
                value=self.language,
            )
        if self.enabled_only and not (self.enabled_rules or self.enabled_categories):
            raise InvalidRequest("enabled_only needs at least one enabled rule or category", reason="enabled_only")
        if self.enabled_only and (self.disabled_rules or self.disabled_categories):
            raise InvalidRequest(
                "enabled_only cannot be combined with disabled rules or categories", reason="enabled_only"
            )
