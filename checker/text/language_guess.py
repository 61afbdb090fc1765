"""Whether a text without a language tag is German: a guess from its letters, so that an English
article is not checked as German (hundreds of "misspellings", and fixes that turn "encourage"
into "Entourage").

LanguageTool cannot make this guess here: its language identification knows only the languages
whose modules it has loaded, and the German-only server answers `language=auto` for English with
German at a low confidence, or names a language it has no module for (Spanish, Catalan) and fails
with an internal error. So the guess comes from py3langid (langid.py's model of 97 languages,
BSD-3-Clause), loaded once per process on first use (about 0.6 s and 90 MB).

Short texts say too little about their language, and German copy quotes English: only a text of
`MIN_WORDS` words or more that the model gives to one other language with at least
`MIN_PROBABILITY` counts as not German.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Measured with bench/language_guess.py: no German article of 10kgnad's development set and no
# learner text of Falko-MERLIN falls under these (docs/formats.md, "Language").
MIN_WORDS = 12
MIN_PROBABILITY = 0.95
# The model reads this much of a long text: enough to tell, and a bound on the time.
_SAMPLE_CHARACTERS = 5_000
_WORD = re.compile(r"[^\W\d_]{2,}")

# The languages an editor is most likely to meet, by name; others by their code.
OTHER_LANGUAGE_NAMES = {
    "en": "Englisch",
    "fr": "Französisch",
    "es": "Spanisch",
    "it": "Italienisch",
    "pt": "Portugiesisch",
    "nl": "Niederländisch",
    "pl": "Polnisch",
    "cs": "Tschechisch",
    "da": "Dänisch",
    "sv": "Schwedisch",
    "no": "Norwegisch",
    "fi": "Finnisch",
    "hu": "Ungarisch",
    "ro": "Rumänisch",
    "tr": "Türkisch",
    "ru": "Russisch",
    "uk": "Ukrainisch",
    "el": "Griechisch",
    "ar": "Arabisch",
    "fa": "Persisch",
    "zh": "Chinesisch",
    "ja": "Japanisch",
    "la": "Latein",
    "lb": "Luxemburgisch",
}


@dataclass(frozen=True)
class LanguageGuess:
    language: str  # ISO 639-1, as the model names it ("en")
    probability: float

    @property
    def name(self) -> str:
        """The language's German name ("Englisch"), else its code."""
        return OTHER_LANGUAGE_NAMES.get(self.language, self.language)


_identifier: Any = None
_lock = threading.Lock()


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def guess_language(text: str) -> LanguageGuess:
    """The model's guess for `text` (its first few thousand characters)."""
    language, probability = _model().classify(text[:_SAMPLE_CHARACTERS])
    return LanguageGuess(str(language), float(probability))


def not_german(text: str) -> LanguageGuess | None:
    """The other language `text` is surely written in, or None where it is German or too short
    to tell."""
    sample = text[:_SAMPLE_CHARACTERS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    guess = guess_language(sample)
    if guess.language == "de" or guess.probability < MIN_PROBABILITY:
        return None
    return guess
