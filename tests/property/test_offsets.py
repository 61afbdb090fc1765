"""Properties of checker.text.offsets over arbitrary Unicode (lone surrogates included), each
against Python's own codecs: code points, UTF-16 units and UTF-8 bytes agree both ways, and
line:column counts each unit exactly. No engine, so many examples."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.languagetool.chunks import split_text
from checker.text.offsets import ColumnUnit, LineIndex, Utf16Map, utf8_length, utf16_length
from tests.property.strategies import examples, texts

PURE = settings(max_examples=examples(300), deadline=None, database=None)
_LINE_END = re.compile(r"\r\n|\r|\n")


def _units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _counted(text: str, unit: ColumnUnit) -> int:
    if unit == "utf-16":
        return _units(text)
    if unit == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text)


@PURE
@given(texts())
def test_lengths_are_those_of_the_encodings(text: str) -> None:
    assert utf16_length(text) == Utf16Map(text).utf16_length == _units(text)
    assert utf8_length(text) == len(text.encode("utf-8", "surrogatepass"))
    assert Utf16Map(text).length == len(text)


@PURE
@given(texts())
def test_code_points_and_utf16_units_convert_both_ways(text: str) -> None:
    utf16 = Utf16Map(text)
    for offset in range(len(text) + 1):
        units = utf16.to_utf16(offset)
        assert units == _units(text[:offset])
        assert utf16.to_code_points(units) == offset


@PURE
@given(texts())
def test_a_utf16_offset_inside_a_surrogate_pair_rounds_down(text: str) -> None:
    utf16 = Utf16Map(text)
    for units in range(utf16.utf16_length + 1):
        offset = utf16.to_code_points(units)
        assert _units(text[:offset]) <= units
        assert offset == len(text) or _units(text[: offset + 1]) > units


@PURE
@given(texts(), st.data())
def test_spans_convert_exactly(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    utf16 = Utf16Map(text)
    units = utf16.to_utf16(start)
    assert utf16.span(units, utf16.to_utf16(end) - units) == (start, end - start)


@PURE
@given(texts(), st.sampled_from(["code points", "utf-16", "utf-8"]))
def test_columns_count_the_line_so_far_in_each_unit(text: str, unit: ColumnUnit) -> None:
    starts = [0, *(match.end() for match in _LINE_END.finditer(text))]
    lines = LineIndex(text)
    for offset in range(len(text) + 1):
        line = sum(1 for start in starts if start <= offset)
        before = text[starts[line - 1] : offset]
        assert lines.position(offset, unit) == (line, _counted(before, unit) + 1)


@PURE
@given(texts(), st.integers(1, 12))
def test_pieces_for_languagetool_cover_the_text_within_the_limit(text: str, limit: int) -> None:
    pieces = split_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    for start, piece in pieces:
        assert text[start : start + len(piece)] == piece
        # Only a single character wider than the limit (an emoji at limit 1) goes over it.
        assert _units(piece) <= limit or len(piece) == 1
