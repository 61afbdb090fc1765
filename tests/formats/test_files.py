"""Reading the user's files (checker.formats.files): which encodings a declaration may name, when the
bytes contradict it, and that reading stops at the text limit."""

from __future__ import annotations

import io

import pytest

from checker.errors import InputError
from checker.formats.files import LATIN_1, WINDOWS_1252, decode, read_bytes, read_stream
from checker.text.limits import MAX_TEXT_LENGTH

NITF = (
    '<?xml version="1.0" encoding="{}"?>\n'
    "<nitf><body><body.content><p>Grüße aus Köln</p></body.content></body></nitf>\n"
)
NOT_CHARSETS = ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "punycode", "unicode_escape", "idna"]


def declared(encoding: str, *, written_in: str = "utf-8") -> bytes:
    return NITF.format(encoding).encode(written_in)


# UTF-7 is a text encoding, but "+ADw-b+AD4-" in it reads as "<b>": markup that is not in the file.
@pytest.mark.parametrize("codec", [*NOT_CHARSETS, "raw_unicode_escape", "undefined", "utf-7"])
def test_a_codec_that_is_no_character_encoding_is_refused(codec: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(declared(codec), "meldung.xml")
    assert (caught.value.reason, caught.value.path) == ("not_text_encoding", "meldung.xml")
    assert repr(codec) in caught.value.message


@pytest.mark.parametrize(
    ("data", "why"),
    [
        # A .NET artefact: UTF-8 that declares UTF-16 (read so, it would be CJK text).
        (declared("utf-16"), "the declaration itself is not written in it"),
        (declared("UTF-32BE"), "the declaration itself is not written in it"),
        (declared("cp500"), "the declaration itself is not written in it"),
        # A stale declaration on a file saved as UTF-8.
        (declared("ISO-8859-1"), "they are UTF-8"),
        (declared("windows-1252"), "they are UTF-8"),
        (declared("latin-1", written_in="latin-1").replace(b"K", b"\x00"), "NUL byte at byte offset"),
        (
            '<?xml version="1.0" encoding="cp1251"?><a>Что здесь написано, не немецкий текст</a>'.encode("cp1251"),
            "most of its letters are not Latin letters",
        ),
    ],
)
def test_a_declaration_the_bytes_contradict_is_refused(data: bytes, why: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "meldung.xml")
    assert caught.value.reason == "encoding_mismatch"
    assert why in caught.value.message and "save the file as UTF-8" in caught.value.message


@pytest.mark.parametrize("encoding", ["ISO-8859-1", "windows-1252", "iso-8859-15", "cp850"])
def test_a_declaration_the_bytes_bear_out_is_followed(encoding: str) -> None:
    assert decode(declared(encoding, written_in=encoding), "koeln.xml") == NITF.format(encoding)


@pytest.mark.parametrize("encoding", ["UTF-8", "utf8", "utf-8-sig"])
def test_utf8_under_any_of_its_names_is_utf8(encoding: str) -> None:
    assert decode(declared(encoding), "koeln.xml") == NITF.format(encoding)


class EndlessStream(io.RawIOBase):
    """A stream like /dev/zero that fails the test when asked for everything."""

    def __init__(self) -> None:
        self.given = 0

    def read(self, size: int | None = -1) -> bytes:
        assert size is not None and size >= 0, "an endless stream read to its end"
        self.given += size
        return b"a" * size


def test_reading_stops_at_the_text_limit() -> None:
    stream = EndlessStream()
    with pytest.raises(InputError) as caught:
        read_stream(stream, "<stdin>")  # type: ignore[arg-type]
    assert caught.value.reason == "text_too_long"
    assert f"{MAX_TEXT_LENGTH:,} characters" in caught.value.message
    assert stream.given <= 4 * MAX_TEXT_LENGTH + 4


def test_a_text_over_the_limit_is_refused_and_one_at_it_is_read() -> None:
    assert len(read_stream(io.BytesIO(b"a" * MAX_TEXT_LENGTH)).text) == MAX_TEXT_LENGTH
    with pytest.raises(InputError) as caught:
        read_stream(io.BytesIO("ä".encode() * (MAX_TEXT_LENGTH + 1)), "lang.txt")
    assert caught.value.reason == "text_too_long"
    assert caught.value.message.startswith(f"lang.txt: too long: {MAX_TEXT_LENGTH + 1:,} characters")


GERMAN = "Grüße aus Köln: „Das Maß ist voll“ – sagte er … für 5 €.\n"


def test_windows_1252_is_read_with_a_notice() -> None:
    source = read_bytes(GERMAN.encode("cp1252"), "meldung.txt")
    assert (source.text, source.encoding) == (GERMAN, WINDOWS_1252)
    assert source.notice == "not UTF-8: read as windows-1252"


def test_latin_1_without_typographic_bytes_is_read_as_such() -> None:
    text = "Grüße aus Köln, sagte der Bürgermeister.\n"
    source = read_bytes(text.encode("latin-1"), "meldung.txt")
    assert (source.text, source.encoding) == (text, LATIN_1)


def test_utf8_is_read_without_a_notice() -> None:
    source = read_bytes(GERMAN.encode("utf-8"), "meldung.txt")
    assert (source.text, source.encoding, source.notice) == (GERMAN, None, None)


@pytest.mark.parametrize(
    "data",
    [
        # UTF-8 with one damaged byte: read as Windows-1252, every umlaut would be two characters.
        GERMAN.encode("utf-8") + "ä".encode("cp1252"),
        # UTF-16 without a BOM.
        GERMAN.encode("utf-16-le"),
        # Cyrillic in Windows-1251: Latin letters with accents if read as Windows-1252.
        "Что здесь написано, не немецкий текст".encode("cp1251"),
        # A byte Windows-1252 leaves unassigned, and a C1 control in Latin-1.
        "Grüße".encode("latin-1") + b"\x81",
    ],
    ids=["utf8-damaged", "utf16", "cp1251", "unassigned"],
)
def test_bytes_that_could_be_misread_are_refused_as_not_utf8(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(data, "meldung.txt")
    assert caught.value.reason == "not_utf8"


def test_a_declared_encoding_is_still_followed_and_utf7_still_refused() -> None:
    assert read_bytes(declared("windows-1252", written_in="cp1252"), "koeln.xml").encoding is None
    with pytest.raises(InputError) as caught:
        read_bytes(declared("utf-7"), "meldung.xml")
    assert caught.value.reason == "not_text_encoding"


def test_read_stream_reads_office_files_and_other_encodings() -> None:
    source = read_stream(io.BytesIO(GERMAN.encode("cp1252")), "meldung.txt")
    assert source.text == GERMAN
    assert source.encoding == WINDOWS_1252


def test_a_character_german_copy_does_not_hold_is_no_latin_1() -> None:
    with pytest.raises(InputError) as caught:
        read_bytes(b"Hallo\xff Welt", "meldung.txt")
    assert (caught.value.reason, caught.value.details["byte"]) == ("not_utf8", 5)
