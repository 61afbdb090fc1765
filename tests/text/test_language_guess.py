"""The language guess for texts that name no language (checker.text.language_guess)."""

from __future__ import annotations

import pytest

from checker.text.language_guess import MIN_WORDS, guess_language, not_german

ENGLISH = (
    "The city council voted on Tuesday to encourage new housing near the river, "
    "and officials said construction could begin next spring if the budget allows it."
)
FRENCH = (
    "Le conseil municipal a voté mardi pour encourager la construction de logements près du fleuve, "
    "et les responsables ont déclaré que les travaux pourraient commencer au printemps."
)
GERMAN = (
    "Berlin (dpa) - Der Stadtrat hat am Dienstag beschlossen, neue Wohnungen am Fluss zu fördern. "
    "Nach Angaben der Verwaltung könnten die Bauarbeiten im Frühjahr beginnen, wenn der Haushalt es erlaubt."
)
# German copy that quotes English at length and is full of learner errors.
GERMAN_QUOTING_ENGLISH = (
    "Die Band spielte am Freitag in Berlin ihren Hit 'Under the Bridge' vor 20.000 Fans. "
    "Der Sänger sagte: 'We love Berlin, you are the best crowd in the world.' Dem Publikum gefiel das sehr gut, "
    "den meisten Besucher war es aber zu laut und die Karten war zu teuer."
)


@pytest.mark.parametrize(("text", "language", "name"), [(ENGLISH, "en", "Englisch"), (FRENCH, "fr", "Französisch")])
def test_another_language_is_named(text: str, language: str, name: str) -> None:
    guess = not_german(text)
    assert guess is not None
    assert (guess.language, guess.name) == (language, name)
    assert guess.probability >= 0.95


@pytest.mark.parametrize("text", [GERMAN, GERMAN_QUOTING_ENGLISH])
def test_german_is_german(text: str) -> None:
    assert guess_language(text).language == "de"
    assert not_german(text) is None


def test_a_short_text_is_not_judged() -> None:
    short = " ".join(ENGLISH.split()[: MIN_WORDS - 1])
    assert guess_language(short).language == "en"
    assert not_german(short) is None
    assert not_german(" ".join(ENGLISH.split()[: MIN_WORDS + 2])) is not None
