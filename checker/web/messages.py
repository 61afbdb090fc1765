"""What the editor reads when something goes wrong: plain German, and the draft is always safe."""

from __future__ import annotations

from checker.errors import CheckerError
from checker.web.checking import german_number

_SAFE = "Ihr Text ist erhalten."

# For failures of the engine, whose own messages are technical English.
_BY_CODE = {
    "engine_unavailable": (
        "Die Prüfung ist gerade nicht erreichbar – LanguageTool startet vielleicht neu. "
        f"{_SAFE} Bitte in einer Minute noch einmal „Prüfen“ drücken."
    ),
    "engine_timeout": (
        f"Die Prüfung hat zu lange gedauert. {_SAFE} Bitte noch einmal versuchen oder einen kürzeren Abschnitt prüfen."
    ),
    "engine_error": (
        f"Die Prüfung ist mit einem Fehler abgebrochen. {_SAFE} "
        "Bitte noch einmal versuchen; wenn es wieder passiert, der Technik Bescheid geben."
    ),
    "setup_error": f"Die Prüfung ist auf diesem Server nicht eingerichtet. {_SAFE} Bitte der Technik Bescheid geben.",
}

INTERNAL_ERROR = (
    f"Bei der Prüfung ist etwas Unerwartetes schiefgegangen. {_SAFE} "
    "Bitte noch einmal versuchen; wenn es wieder passiert, der Technik Bescheid geben."
)
NOT_FOUND = "Diese Seite gibt es nicht. Hier können Sie einen Text prüfen."
METHOD_NOT_ALLOWED = "Diese Adresse nimmt so keine Anfrage an."
BAD_REQUEST = "Die Anfrage war unvollständig oder fehlerhaft. Bitte noch einmal versuchen."


def too_large(limit_bytes: int, size: int | None, max_text_length: int) -> str:
    sizes = f"{_size(size)}, " if size else ""
    return (
        f"Der Text ist zu groß, um ihn anzunehmen ({sizes}höchstens {_size(limit_bytes)}). "
        f"Geprüft werden bis zu {german_number(max_text_length)} Zeichen auf einmal."
    )


def _size(size: int) -> str:
    if size < 1_048_576:
        return f"{german_number(max(1, round(size / 1024)))} kB"
    return f"{size / 1_048_576:.1f}".replace(".", ",") + " MB"


def for_editor(error: CheckerError) -> str:
    """The message to show: our own (already German) unless the engine failed."""
    return _BY_CODE.get(error.code, error.message)
