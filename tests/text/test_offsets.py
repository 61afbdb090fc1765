"""Position arithmetic, without the engine."""

from __future__ import annotations

import pytest

from checker.text.datelines import separate_datelines
from checker.text.offsets import ColumnUnit, LineIndex, Utf16Map, utf8_length, utf16_length, widen_to_characters


@pytest.mark.parametrize(
    ("text", "utf16_offset", "expected"),
    [
        ("abc", 2, 2),
        ("a😀b", 1, 1),  # at the emoji
        ("a😀b", 3, 2),  # after the emoji
        ("a😀b", 2, 1),  # inside the surrogate pair: rounds down
        ("😀😀x", 4, 2),
        ("𝐀𝐁 c", 5, 3),  # mathematical letters are astral too
        ("e\u0301x", 2, 2),  # combining accent: one unit, one code point
    ],
)
def test_utf16_to_code_points(text: str, utf16_offset: int, expected: int) -> None:
    assert Utf16Map(text).to_code_points(utf16_offset) == expected


def test_span_of_an_emoji_word() -> None:
    text = "Ein 🙂Wort hier"
    mapping = Utf16Map(text)
    start, length = mapping.span(4, 6)  # "🙂Wort" is 6 UTF-16 units
    assert text[start : start + length] == "🙂Wort"


def test_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        Utf16Map("ab").to_code_points(3)
    with pytest.raises(ValueError, match="outside"):
        Utf16Map("ab").to_utf16(3)


@pytest.mark.parametrize(("text", "offset", "expected"), [("a😀b", 1, 1), ("a😀b", 2, 3), ("😀😀x", 2, 4), ("é", 1, 1)])
def test_code_points_to_utf16(text: str, offset: int, expected: int) -> None:
    assert Utf16Map(text).to_utf16(offset) == expected


def test_utf16_length() -> None:
    assert utf16_length("a😀") == 3
    assert utf16_length("") == 0


def test_utf8_length() -> None:
    assert utf8_length("aü😀") == 7
    assert utf8_length("\ud800") == 3  # a lone surrogate as it is written


@pytest.mark.parametrize(("unit", "position"), [("code points", (2, 3)), ("utf-16", (2, 4)), ("utf-8", (2, 7))])
def test_columns_in_each_unit(unit: ColumnUnit, position: tuple[int, int]) -> None:
    assert LineIndex("x\nü😀y").position(4, unit) == position


@pytest.mark.parametrize(
    ("text", "offset", "position"),
    [
        ("ab\ncd", 3, (2, 1)),
        ("ab\r\ncd", 4, (2, 1)),
        ("ab\r\ncd", 2, (1, 3)),  # the CR of CRLF still belongs to line 1
        ("ab\rcd", 3, (2, 1)),  # lone CR ends a line
        ("a\n\nb", 3, (3, 1)),
        ("😀x\ny", 1, (1, 2)),  # columns count code points
        ("x\u2028y", 2, (1, 3)),  # Unicode line separator does not end a line
    ],
)
def test_line_and_column(text: str, offset: int, position: tuple[int, int]) -> None:
    assert LineIndex(text).position(offset) == position


@pytest.mark.parametrize(
    ("text", "span", "widened"),
    [
        ("Cafe\u0301 gut", (0, 4), "Cafe\u0301"),  # trailing combining accent joins the word
        ("a\u0308b", (1, 3), "a\u0308b"),  # a span starting on an accent takes its base letter
        ("Hi 👍🏽 da", (3, 4), "👍🏽"),  # skin-tone modifier
        ("x 👩\u200d👧 y", (2, 3), "👩\u200d👧"),  # zero-width-joiner sequence
        ("Wort und", (0, 4), "Wort"),  # nothing to widen
    ],
)
def test_spans_never_split_a_character(text: str, span: tuple[int, int], widened: str) -> None:
    start, end = widen_to_characters(text, *span)
    assert text[start:end] == widened


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Berlin (dpa) - Die Regierung", "Berlin (dpa).\n\nDie Regierung"),
        ("Kiew/Moskau (dpa/AFP) – Beide", "Kiew/Moskau (dpa/AFP).\n\nBeide"),
        ("Titel\n\nHamburg (dpa/lno) - Der Senat", "Titel\n\nHamburg (dpa/lno).\n\nDer Senat"),
        ("Frankfurt am Main (dpa-AFX) - Die", "Frankfurt am Main (dpa-AFX).\n\nDie"),
        ("Mitten im Satz Berlin (dpa) - nicht", "Mitten im Satz Berlin (dpa) - nicht"),
        ("Ohne Klammern - bleibt", "Ohne Klammern - bleibt"),
        # Other common forms: a date, the agency after a comma, a place in capitals.
        ("Moskau, 28. März, IRNA – Iranischer Präsident", "Moskau, 28. März, IRNA.\n\nIranischer Präsident"),
        ("Paris, 3. Mai (AFP) - Der Kanzler", "Paris, 3. Mai (AFP).\n\nDer Kanzler"),
        ("WASHINGTON (AP) - Der Präsident", "WASHINGTON (AP).\n\nDer Präsident"),
        ("Berlin, 12. Juni 2026 (dpa/lni) – Die", "Berlin, 12. Juni 2026 (dpa/lni).\n\nDie"),
        ("Laut IRNA – so die Agentur – reiste er", "Laut IRNA – so die Agentur – reiste er"),
        ("Die Lage - so der Minister - sei ernst.", "Die Lage - so der Minister - sei ernst."),
        # A place alone before the dash, at a line start or after a sentence (a subheading).
        ("Wien – Der Landtag", "Wien.\n\nDer Landtag"),
        ("Santiago de Chile – Die Regierung", "Santiago de Chile.\n\nDie Regierung"),
        ("Ende. Gaza/Jerusalem – Mit", "Ende. Gaza/Jerusalem.\n\nMit"),
        ("Stoke-on-Trent - Das Heimspiel", "Stoke-on-Trent.\n\nDas Heimspiel"),
        ("Ende. St. Pölten / Wien – Die Grünen", "Ende. St. Pölten / Wien.\n\nDie Grünen"),
        ("Salt Lake City (Utah) – Die Polizei", "Salt Lake City (Utah).\n\nDie Polizei"),
        ("Ende. Columbia (South Carolina) – Im", "Ende. Columbia (South Carolina).\n\nIm"),
        ("Das ist lang. Er kam (Berlin) – Die Lage", "Das ist lang. Er kam (Berlin) – Die Lage"),
        ("Das ist lang. Wien (leider) – Die Lage", "Das ist lang. Wien (leider) – Die Lage"),
        ("Der Minister kam – Die Opposition", "Der Minister kam – Die Opposition"),
        ("Die Regierung – Das Parlament", "Die Regierung – Das Parlament"),
        ("Er sagte, Wien – Die Stadt", "Er sagte, Wien – Die Stadt"),
        ("Wien – der Landtag", "Wien – der Landtag"),
    ],
)
def test_datelines_become_their_own_sentence(text: str, expected: str) -> None:
    separated = separate_datelines(text)
    assert separated == expected
    assert len(separated) == len(text)
