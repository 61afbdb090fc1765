"""Reads the user's files: UTF-8 (a BOM is accepted), with a clear error naming file and byte."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from typing import BinaryIO

from checker.errors import InputError

STDIN = "-"


@dataclass(frozen=True)
class Source:
    path: str
    text: str


def decode(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
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
