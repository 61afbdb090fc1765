"""Text that LanguageTool must not be sent is found before any check, with the place and the limit."""

from __future__ import annotations

import pytest

from checker.text.limits import MAX_PARAGRAPH, MAX_SYMBOL_RUN, MAX_TOKEN, find_unsafe


@pytest.mark.parametrize(
    ("text", "reason", "offset"),
    [
        ("!?.,;:" * 8000, "paragraph_too_long", 0),
        ("Titel\n\n" + "!?.,;:" * 2000, "symbol_run", 7),
        ("Ein Wort " + "x" * (MAX_TOKEN + 1), "token_too_long", 9),
        ("Ein a \ud800 Text", "lone_surrogate", 6),
        ("ok\n\n" + "Wort " * (MAX_PARAGRAPH // 5 + 1), "paragraph_too_long", 4),
        ("ok\nWort " + "Wort " * (MAX_PARAGRAPH // 5 + 1), "paragraph_too_long", 3),
        ("ok\r\n" + "Wort " * (MAX_PARAGRAPH // 5 + 1), "paragraph_too_long", 4),
        ("Name" + "_" * (MAX_SYMBOL_RUN + 1), "symbol_run", 4),
    ],
)
def test_unsafe_text_is_found_where_it_starts(text: str, reason: str, offset: int) -> None:
    unsafe = find_unsafe(text)
    assert unsafe is not None
    assert (unsafe.reason, unsafe.offset) == (reason, offset)


@pytest.mark.parametrize(
    "text",
    [
        "Berlin (dpa) - Ein ganz normaler Satz mit „Zitat“ – und Gedankenstrich …",
        "\n\n".join(["Ein Absatz mit Wörtern. " * 40] * 40),  # a long article of normal paragraphs
        "https://www.example.org/ein/langer/pfad?mit=parametern&und=mehr",
        "Tabelle:  ---------------------------------------------  Ende",
        # A line break ends a paragraph: a long list of short lines is none.
        "\n".join(["Wort"] * 20_000),
        "\r\n".join(["Zeile mit Text"] * 5_000),
        # Blank lines written with carriage returns alone are line ends, not symbols.
        "Erster Absatz." + "\r" * 300 + "Zweiter Absatz.",
    ],
)
def test_ordinary_text_is_within_the_bounds(text: str) -> None:
    assert find_unsafe(text) is None
