"""Reads the user's files: UTF-8 (a BOM is accepted), or the encoding an XML declaration names,
with a clear error naming file and byte."""

from __future__ import annotations

import codecs
import glob
import os
import re
from dataclasses import dataclass
from typing import BinaryIO

from checker.errors import InputError

STDIN = "-"
_UTF8_BOM = b"\xef\xbb\xbf"
# An XML declaration that names its encoding, at the very start of the file, as XML requires.
_XML_ENCODING = re.compile(rb"<\?xml\s[^>]{0,200}?\bencoding\s*=\s*([\"'])([A-Za-z][\w.:-]{0,40})\1")


@dataclass(frozen=True)
class Source:
    path: str
    text: str


def decode(data: bytes, path: str) -> str:
    """The text of a file: UTF-8, or what an XML declaration names (``encoding="ISO-8859-1"``)."""
    declared = _declared_encoding(data, path)
    if declared is None or codecs.lookup(declared).name == "utf-8":
        return _decode_utf8(data, path)
    try:
        return data.decode(declared)
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


def _declared_encoding(data: bytes, path: str) -> str | None:
    """The encoding named by the XML declaration that opens `data`, if any (BOM files are UTF-8).

    An encoding Python does not know raises `InputError` (reason "unknown_encoding").
    """
    match = _XML_ENCODING.match(data)
    if match is None or data.startswith(_UTF8_BOM):
        return None
    name = match.group(2).decode("ascii")
    try:
        codecs.lookup(name)
    except LookupError as exc:
        raise InputError(
            f"its XML declaration names the encoding {name!r}, which is unknown",
            reason="unknown_encoding",
            path=path,
            encoding=name,
        ) from exc
    return name


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
    return Source(path, decode(stream.read(), path))


def read_path(path: str) -> Source:
    try:
        with open(path, "rb") as handle:
            return Source(path, decode(handle.read(), path))
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
