"""Reads the user's files, for the command line and the web app's uploads alike: UTF-8 (a BOM is
accepted), or the text encoding an XML declaration names where the bytes bear it out; text that is
neither, in Windows-1252 or ISO-8859-1 (Latin-1), with a notice that says so; Word (.docx) and
OpenDocument (.odt) files as their paragraphs (checker.formats.office). Up to the text limit, with
a clear error naming file and byte.

Windows-1252 or Latin-1: they differ only in the bytes 0x80 to 0x9F, which are typographic marks
in Windows-1252 („ “ – … €) and control characters, never written, in Latin-1. So bytes with any
of them are Windows-1252 (unless one of its five unassigned bytes is among them: then neither),
and bytes without them read the same either way, named ISO-8859-1. Bytes are read so only where
that cannot be a misreading: none is NUL (UTF-16), none is part of a valid UTF-8 sequence (a UTF-8
file with one damaged byte would turn every umlaut into two characters), every character beyond
ASCII is one German copy holds (umlauts, accents, typographic marks: not "ÿ" or "¤"), and most
letters come out as ASCII letters (not Cyrillic or Greek in another single-byte code).
"""

from __future__ import annotations

import codecs
import glob
import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from checker.errors import InputError
from checker.formats.office import OfficeText, office_kind, read_office
from checker.text.limits import MAX_TEXT_LENGTH

STDIN = "-"
_UTF8_BOM = b"\xef\xbb\xbf"
# An XML declaration that names its encoding, at the very start of the file, as XML requires.
_XML_ENCODING = re.compile(rb"<\?xml\s[^>]{0,200}?\bencoding\s*=\s*([\"'])([A-Za-z][\w.:-]{0,40})\1")
# Codecs Python decodes bytes with that are no character set a file can be written in, and UTF-7,
# in which "+ADw-b+AD4-" reads as "<b>": markup that is not in the bytes, at other offsets.
_NOT_CHARSETS = frozenset({"charmap", "idna", "punycode", "raw-unicode-escape", "undefined", "unicode-escape", "utf-7"})
_UTF8 = frozenset({"utf-8", "utf-8-sig"})
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# The most bytes a text within MAX_TEXT_LENGTH can take: four per character, and a BOM.
_MAX_BYTES = 4 * MAX_TEXT_LENGTH + len(_UTF8_BOM)


WINDOWS_1252 = "windows-1252"
LATIN_1 = "iso-8859-1"
# Bytes 0x80-0x9F: typographic marks in Windows-1252, control characters in Latin-1.
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_UNASSIGNED_IN_1252 = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
# A sequence that is valid UTF-8 beyond ASCII; in Windows-1252 German it would read as "Ã¤".
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# In a Western European text most letters are ASCII; more than this share beyond it is another script.
_MOST_NON_ASCII_LETTERS = 0.3
# What a German article written in Windows-1252 or Latin-1 has beyond ASCII: umlauts, the accents
# of names and loanwords, typographic quotes and dashes, currency, degrees, fractions. Anything
# else ("ÿ", "þ", "¤", "¬") says the bytes are in another encoding.
_WESTERN = frozenset(
    "äöüÄÖÜß"
    "àáâãåæçèéêëìíîïñòóôõøùúûýÀÁÂÃÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕØÙÚÛÝŠšŽžŒœ"
    "„“”‚‘’‹›«»–—…•·´€£¥¢°§¶©®™±×÷²³¹½¼¾µ‰†¡¿ªº\u00a0\u00ad"
)


@dataclass(frozen=True)
class Source:
    """A file's text, and how it was read: `encoding` names the single-byte encoding of a text
    file that is not UTF-8, `office` the kind of an office file (its `paragraphs` and headings)."""

    path: str
    text: str
    encoding: str | None = None
    office: OfficeText | None = None
    office_kind: str | None = None

    @property
    def notice(self) -> str | None:
        """What the reader should know about how the file was read, in English (None: nothing)."""
        if self.encoding is not None:
            return f"not UTF-8: read as {self.encoding}"
        if self.office_kind is not None:
            return (
                f"a {self.office_kind} file: its paragraphs and headings are checked, one paragraph a block "
                "between blank lines (lines and columns count in that text), not its formatting"
            )
        return None


def read_bytes(data: bytes, path: str) -> Source:
    """The text of a file's bytes: an office file's paragraphs, else `decode`'s text, or, for
    bytes that are not UTF-8 and declare nothing, their text in Windows-1252 or Latin-1 where that
    cannot be a misreading (see the module's notes); else the InputError that they are not UTF-8."""
    kind = office_kind(data)
    if kind is not None:
        office = read_office(data, kind, path)
        return Source(path, office.text, office=office, office_kind=kind)
    try:
        return Source(path, decode(data, path))
    except InputError as exc:
        if exc.reason != "not_utf8":
            raise
        fallback = _single_byte_encoding(data)
        if fallback is None:
            raise
        return Source(path, data.decode(fallback), encoding=fallback)


def _single_byte_encoding(data: bytes) -> str | None:
    if b"\x00" in data or _UTF8_SEQUENCE.search(data) or _UNASSIGNED_IN_1252.search(data):
        return None
    encoding = WINDOWS_1252 if _C1_BYTES.search(data) else LATIN_1
    text = data.decode(encoding)
    if any(not character.isascii() and character not in _WESTERN for character in text):
        return None
    letters = _LETTER.findall(text)
    beyond_ascii = sum(1 for letter in letters if not letter.isascii())
    if not letters or beyond_ascii > _MOST_NON_ASCII_LETTERS * len(letters):
        return None
    return encoding


def decode(data: bytes, path: str) -> str:
    """The text of a file: UTF-8, or what an XML declaration names (``encoding="ISO-8859-1"``).

    The declaration must name a character encoding that the bytes bear out; otherwise, as for
    bytes that are not valid in the encoding, an `InputError` says why.
    """
    declared = _declared_encoding(data, path)
    if declared is None or codecs.lookup(declared).name in _UTF8:
        return _decode_utf8(data, path)
    try:
        text = data.decode(declared)
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise InputError(
            f"not valid {declared}, as its XML declaration says (byte 0x{bad} at byte offset {exc.start})",
            reason="not_declared_encoding",
            path=path,
            encoding=declared,
            hex=bad,
            byte=exc.start,
        ) from exc
    except UnicodeError as exc:
        raise _mismatch(declared, "they cannot be decoded in it", path) from exc
    _check_decoded(text, data, declared, path)
    return text


def _declared_encoding(data: bytes, path: str) -> str | None:
    """The encoding named by the XML declaration that opens `data`, if any (BOM files are UTF-8).

    An encoding Python does not know raises `InputError` (reason "unknown_encoding"), a codec that
    is no character encoding (base64, rot13, unicode_escape …) reason "not_text_encoding", and a
    declaration not written in the encoding it names reason "encoding_mismatch".
    """
    match = _XML_ENCODING.match(data)
    if match is None or data.startswith(_UTF8_BOM):
        return None
    name = match.group(2).decode("ascii")
    try:
        codec = codecs.lookup(name)
    except LookupError as exc:
        raise InputError(
            f"its XML declaration names the encoding {name!r}, which is unknown",
            reason="unknown_encoding",
            path=path,
            encoding=name,
        ) from exc
    if not codec._is_text_encoding or codec.name in _NOT_CHARSETS:
        raise InputError(
            f"its XML declaration names {name!r}, which is no character encoding",
            reason="not_text_encoding",
            path=path,
            encoding=name,
        )
    if codec.name in _UTF8:
        return name
    declaration = match.group(0)
    try:
        readable = data[: len(declaration)].decode(name) == declaration.decode("ascii")
    except UnicodeError:
        readable = False
    if not readable:
        raise _mismatch(name, "the declaration itself is not written in it", path)
    return name


def _check_decoded(text: str, data: bytes, declared: str, path: str) -> None:
    """Raises where the text decoded as `declared` shows that the bytes are in another encoding."""
    if not data.isascii() and _is_utf8(data):
        raise _mismatch(declared, "they are UTF-8, with characters beyond ASCII", path)
    nul = data.find(b"\x00")
    if nul >= 0 and "\x00" in text:
        raise _mismatch(declared, f"there is a NUL byte at byte offset {nul}", path)
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise _mismatch(declared, f"read so, character {surrogate.start()} is a lone UTF-16 surrogate", path)
    letters = len(_LETTER.findall(text))
    if letters and len(_LATIN_LETTER.findall(text)) * 2 < letters:
        raise _mismatch(declared, "read so, most of its letters are not Latin letters", path)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mismatch(declared: str, why: str, path: str) -> InputError:
    return InputError(
        f"its XML declaration names the encoding {declared!r}, which does not fit the bytes ({why}); "
        "save the file as UTF-8",
        reason="encoding_mismatch",
        path=path,
        encoding=declared,
        why=why,
    )


def _decode_utf8(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(_UTF8_BOM) else 0)
        bad = data[offset : offset + 1].hex()
        raise InputError(
            f"not valid UTF-8 (byte 0x{bad} at byte offset {offset})",
            reason="not_utf8",
            path=path,
            hex=bad,
            byte=offset,
        ) from exc


def read_stream(stream: BinaryIO, path: str = "<stdin>") -> Source:
    """The text of `stream`, read no further than the text limit allows."""
    data = stream.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise _too_long(path, f"more than {_MAX_BYTES:,} bytes")
    source = read_bytes(data, path)
    if len(source.text) > MAX_TEXT_LENGTH:
        raise _too_long(path, f"{len(source.text):,} characters")
    return source


def _too_long(path: str, size: str) -> InputError:
    return InputError(
        f"too long: {size}, and one check takes at most {MAX_TEXT_LENGTH:,} characters; check it in parts",
        reason="text_too_long",
        path=path,
        limit=MAX_TEXT_LENGTH,
    )


def read_path(path: str) -> Source:
    try:
        with open(path, "rb") as handle:
            return read_stream(handle, path)
    except IsADirectoryError as exc:
        raise InputError(
            "is a directory; give files or a glob such as dir/**/*.txt", reason="unreadable_file", path=path
        ) from exc
    except FileNotFoundError as exc:
        raise InputError("no such file", reason="no_file", path=path) from exc
    except PermissionError as exc:
        raise InputError("permission denied", reason="unreadable_file", path=path) from exc
    except OSError as exc:
        raise InputError(exc.strerror or "cannot be read", reason="unreadable_file", path=path) from exc


def expand(arguments: list[str]) -> list[str]:
    """Paths for the command-line arguments: globs expanded, order kept, duplicates dropped."""
    paths: list[str] = []
    for argument in arguments:
        if argument == STDIN or not glob.has_magic(argument):
            paths.append(argument)
            continue
        matched = sorted(p for p in glob.glob(argument, recursive=True) if not os.path.isdir(p))
        if not matched:
            raise InputError("the pattern matches no file", reason="no_file", path=argument)
        paths.extend(matched)
    return list(dict.fromkeys(paths))
