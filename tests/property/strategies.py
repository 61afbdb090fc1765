"""Texts for the property tests: arbitrary Unicode (lone surrogates included) mixed with pieces
of wire copy that make findings likely: errors LanguageTool and the house rules report, a
dateline, quotation marks, emoji sequences, combining accents and every kind of line end."""

from __future__ import annotations

import os

from hypothesis import strategies as st

PIECES = (
    "Die Bundesregierung hat heute 😀 getagt.",  # OverlappingEngine's crossing findings
    "Fehlerr",
    "der beiden Ländern",
    "Der Kremlin teilte mit",
    "Moskau, 28. März, IRNA – ",
    "Berlin (dpa) - ",
    "„Wir sind bereit“, sagte er.",
    '"Zitat"',
    "das das",
    "Sprecher Ali Chamenei",
    "10 %",
    "5,3 Prozent",
    "👍🏽",
    "👨‍👩‍👧",
    "e\u0301",
    "ﬁ",
    "\u200b",
    "\ufeff",
    "\x00",
    "<b>fett</b>",
    "&amp;",
    "# Titel",
    "\t",
    " ",
    "  ",
    ". ",
    "!?",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
)

# Lone UTF-16 surrogates: rare among arbitrary code points, so offered as pieces too.
SURROGATES = ("\ud800", "\udbff", "\udc00", "\udfff")


def texts(*, surrogates: bool = True, max_pieces: int = 16) -> st.SearchStrategy[str]:
    """Arbitrary text; with `surrogates`, every code point (category Cs included)."""
    alphabet = st.characters() if surrogates else st.characters(exclude_categories=("Cs",))
    pieces = PIECES + SURROGATES if surrogates else PIECES
    piece = st.one_of(st.sampled_from(pieces), st.text(alphabet, max_size=6))
    mixed = st.lists(piece, min_size=1, max_size=max_pieces).map("".join)
    return st.one_of(mixed, st.text(alphabet, max_size=40))


def has_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(character) <= 0xDFFF for character in text)


def examples(default: int) -> int:
    """How many examples a property tries: bounded so that the suite stays fast; a deeper search
    once in a while with WIRECHECK_PROPERTY_EXAMPLES=1000."""
    return int(os.environ.get("WIRECHECK_PROPERTY_EXAMPLES") or default)
