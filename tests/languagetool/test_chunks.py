"""Splitting texts for LanguageTool: pieces within its maxTextLength, and paragraphs where it ends one."""

from __future__ import annotations

import pytest

from checker.languagetool.chunks import paragraphs, split_text
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eins.\n\nZwei.", ["Eins.\n\n", "Zwei."]),
        ("Eins.\n\n\nZwei.\n\n", ["Eins.\n\n\n", "Zwei.\n\n"]),
        ("Eins.\r\n\r\nZwei.", ["Eins.\r\n\r\n", "Zwei."]),
        # LanguageTool's paragraph ends only: not after a line with spaces, not before a tab or an
        # indented line, not at a single line end or a lone CR.
        ("Eins.\n \nZwei.", ["Eins.\n \nZwei."]),
        ("Eins.\n\n\tZwei.", ["Eins.\n\n\tZwei."]),
        ("Eins.\n\n Zwei.", ["Eins.\n\n Zwei."]),
        ("Eins.\nZwei.\r\rDrei.", ["Eins.\nZwei.\r\rDrei."]),
        ("", []),
    ],
)
def test_paragraphs_are_cut_where_languagetool_ends_one(text: str, expected: list[str]) -> None:
    found = paragraphs(text)
    assert [piece for _, piece in found] == expected
    assert all(text[start : start + len(piece)] == piece for start, piece in found)
