"""Tokens as the training data cuts them, and their offsets."""

from __future__ import annotations

import pytest

from checker.learned.tokens import sentences, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Die Sanktionen behindert den Handel.", ["Die", "Sanktionen", "behindert", "den", "Handel", "."]),
        (
            "Er kam z. B. am 3. März, d.h. spät.",
            ["Er", "kam", "z.", "B.", "am", "3.", "März", ",", "d.h.", "spät", "."],
        ),
        ("Die al-Nosra-Front (IS) – „nie“ …", ["Die", "al-Nosra-Front", "(", "IS", ")", "–", "„", "nie", "“", "…"]),
        ("Es kostet 2,5 Mio. Euro usw.", ["Es", "kostet", "2,5", "Mio.", "Euro", "usw", "."]),
        ("Vor- und Nachteile", ["Vor-", "und", "Nachteile"]),
    ],
)
def test_tokens_as_the_training_data_cuts_them(text: str, tokens: list[str]) -> None:
    assert [token.text for token in tokenize(text)] == tokens


def test_token_offsets_are_code_points_into_the_text() -> None:
    text = "🇩🇪 Berlin (dpa) - Der Minister sprach mit sein Amtskollegen.\n\nZweiter Absatz: 👩‍👩‍👧 Café."
    for sentence in sentences(text):
        for token in sentence:
            assert text[token.start : token.end] == token.text
    words = [token.text for sentence in sentences(text) for token in sentence]
    assert "Amtskollegen" in words
    assert "Café" in words
