"""What a check asks for, beside the text: the German variant, the input format and LanguageTool's
rule switches. One frozen record for the command line, the web app and the API alike."""

from __future__ import annotations

from dataclasses import dataclass

from checker.errors import InvalidRequest

LANGUAGES = ("de-DE", "de-AT", "de-CH")


@dataclass(frozen=True)
class CheckOptions:
    """`language` None takes the document's own language tag, else de-DE; `format` None detects
    the input format from the content (see checker.formats)."""

    language: str | None = None
    format: str | None = "text"
    picky: bool = False
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
