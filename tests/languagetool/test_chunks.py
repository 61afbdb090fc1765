"""Splitting long texts for LanguageTool's maxTextLength."""

from __future__ import annotations

import pytest

from checker.languagetool.chunks import split_text
from checker.text.offsets import utf16_length

PARAGRAPHS = "\n\n".join(f"Absatz {n} hat einen Satz. Und noch einen." for n in range(30))


@pytest.mark.parametrize("limit", [10, 50, 120, 1000, 100_000])
def test_pieces_cover_the_text_within_the_limit(limit: int) -> None:
    pieces = split_text(PARAGRAPHS, limit)
    assert "".join(piece for _, piece in pieces) == PARAGRAPHS
    for start, piece in pieces:
        assert PARAGRAPHS[start : start + len(piece)] == piece
        assert utf16_length(piece) <= limit


def test_cuts_after_blank_lines_when_one_is_in_reach() -> None:
    pieces = split_text(PARAGRAPHS, 120)
    assert len(pieces) > 1
    for _, piece in pieces[:-1]:
        assert piece.endswith("\n\n")


def test_emoji_are_never_cut_in_half() -> None:
    text = "😀" * 50
    pieces = split_text(text, 7)
    assert "".join(piece for _, piece in pieces) == text
    assert all(utf16_length(piece) <= 7 for _, piece in pieces)


def test_short_text_is_one_piece() -> None:
    assert split_text("Kurz.", 100) == [(0, "Kurz.")]
