"""What a check request asks for, read from the HTML form or from JSON, and the check itself.

Line endings: browsers send a textarea's line ends as CRLF (the HTML form encoding), while the
textarea itself and the rendered page hold LF. Drafts from the form are therefore checked with
line ends normalised to LF, so offsets, the annotated text and the editor's textarea agree.
The JSON API checks the text exactly as sent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import current_app

from checker.core import check
from checker.engine import LANGUAGES
from checker.errors import InvalidRequest, TextTooLong
from checker.issue import Report
from checker.web.engine import get_engine

LANGUAGE_NAMES = {"de-DE": "Deutschland", "de-AT": "Österreich", "de-CH": "Schweiz"}
_TRUE_WORDS = frozenset({"1", "on", "true", "yes", "ja"})


def german_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class CheckRequest:
    text: str
    language: str = "de-DE"
    picky: bool = False

    @classmethod
    def from_form(cls, form: Mapping[str, str]) -> CheckRequest:
        """The draft as the editor sees it; never raises, so an error page can show it again."""
        return cls(
            text=normalise_line_ends(form.get("text", "")),
            language=form.get("language", "de-DE"),
            picky=form.get("picky", "").strip().lower() in _TRUE_WORDS,
        )

    @classmethod
    def from_json(cls, data: Any) -> CheckRequest:
        if not isinstance(data, dict):
            raise InvalidRequest('Erwartet wird ein JSON-Objekt, etwa {"text": "…", "language": "de-DE"}.')
        if "text" not in data:
            raise InvalidRequest("Das Feld „text“ fehlt.")
        text, language, picky = data["text"], data.get("language", "de-DE"), data.get("picky", False)
        if not isinstance(text, str):
            raise InvalidRequest("Das Feld „text“ muss eine Zeichenkette sein.")
        if not isinstance(language, str):
            raise InvalidRequest("Das Feld „language“ muss eine Zeichenkette sein.")
        if not isinstance(picky, bool):
            raise InvalidRequest("Das Feld „picky“ muss true oder false sein.")
        return cls(text=text, language=language, picky=picky)

    def validate(self) -> None:
        """Raises for a request we will not send to LanguageTool."""
        if self.language not in LANGUAGES:
            raise InvalidRequest(f"Unbekannte Sprachvariante „{self.language}“. Möglich sind: {', '.join(LANGUAGES)}.")
        limit = int(current_app.config["MAX_TEXT_LENGTH"])
        if len(self.text) > limit:
            raise TextTooLong(
                f"Der Text ist zu lang: {german_number(len(self.text))} Zeichen, "
                f"höchstens {german_number(limit)} sind möglich. Bitte kürzen oder in Teilen prüfen."
            )


def run_check(request: CheckRequest) -> Report:
    request.validate()
    return check(request.text, language=request.language, picky=request.picky, engine=get_engine())
