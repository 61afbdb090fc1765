"""Gives back as much of a draft as we can when its form body was too large to accept."""

from __future__ import annotations

import codecs
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from werkzeug.http import parse_options_header

from checker.web.check_request import normalise_line_ends, upload_name

_FORM_TYPE = "application/x-www-form-urlencoded"
_MULTIPART_TYPE = "multipart/form-data"
_TRAILING_PARTIAL_ESCAPE = re.compile(r"%[0-9A-Fa-f]?$")
# In a part's headers; the look-behind keeps `filename="…"` from counting as `name="…"`.
_TEXT_PART = re.compile(rb'(?<![\w-])name="text"', re.IGNORECASE)
_FILE_NAME = re.compile(rb'(?<![\w-])filename="([^"\r\n]+)"', re.IGNORECASE)


@dataclass(frozen=True)
class RecoveredDraft:
    text: str
    complete: bool
    size: int | None  # the body's announced size in bytes, if known
    filename: str | None = None  # the file sent along, if the part of the body we read names one
    consumed: int = 0  # bytes of the body read here


def recover_form_text(environ: dict[str, Any], limit: int) -> RecoveredDraft:
    """The `text` field from the first `limit` bytes of a form body nobody has read yet.

    Our form sends the text first, so its beginning is in that prefix; the file, if any, follows.
    A chunked body, one without a multipart boundary, or one already consumed gives nothing back.
    """
    size = _content_length(environ)
    content_type, options = parse_options_header(str(environ.get("CONTENT_TYPE", "")))
    boundary = options.get("boundary", "")
    stream = environ.get("wsgi.input")
    known = content_type == _FORM_TYPE or (content_type == _MULTIPART_TYPE and boundary)
    if size is None or not known or stream is None:
        return RecoveredDraft("", complete=False, size=size)
    try:
        prefix = stream.read(min(size, limit))
    except (OSError, ValueError):
        return RecoveredDraft("", complete=False, size=size)
    complete = len(prefix) == size
    if content_type == _FORM_TYPE:
        text = _text_field(prefix.decode("ascii", errors="ignore"), complete)
        return RecoveredDraft(normalise_line_ends(text), complete=complete, size=size, consumed=len(prefix))
    text, filename = _multipart_fields(prefix, boundary.encode("latin-1"), complete)
    return RecoveredDraft(
        normalise_line_ends(text), complete=complete, size=size, filename=filename, consumed=len(prefix)
    )


def drain(environ: dict[str, Any], consumed: int, most: int) -> None:
    """Read and drop the rest of a refused body (its announced size less `consumed` bytes), so
    that the client, still sending, receives the answer instead of a reset connection. Bodies
    larger than `most` bytes are left alone (the connection is closed instead)."""
    size = _content_length(environ)
    stream = environ.get("wsgi.input")
    if size is None or stream is None or size > most:
        return
    remaining = size - consumed
    try:
        while remaining > 0:
            chunk = stream.read(min(remaining, 1024 * 1024))
            if not chunk:
                return
            remaining -= len(chunk)
    except (OSError, ValueError):
        return


def _content_length(environ: dict[str, Any]) -> int | None:
    try:
        value = int(environ.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None
    return value if value >= 0 else None


def _text_field(body: str, complete: bool) -> str:
    for field in body.split("&"):
        name, _, value = field.partition("=")
        if name != "text":
            continue
        # Only the last field of a cut body can be cut, possibly inside an escape or a character.
        truncated = not complete and not body.endswith(field + "&") and body.endswith(field)
        if truncated:
            value = _TRAILING_PARTIAL_ESCAPE.sub("", value)
        raw = urllib.parse.unquote_to_bytes(value.replace("+", " "))
        return _decode(raw, truncated)
    return ""


def _multipart_fields(body: bytes, boundary: bytes, complete: bool) -> tuple[str, str | None]:
    """(the `text` part, the name of an uploaded file) from a multipart body or its beginning."""
    delimiter = b"--" + boundary
    parts = body.split(delimiter)[1:]
    text, filename = "", None
    for position, part in enumerate(parts):
        headers, separator, content = part.partition(b"\r\n\r\n")
        if not separator:
            break  # cut inside the headers
        named = _FILE_NAME.search(headers)
        if named and filename is None:
            filename = upload_name(named.group(1).decode("utf-8", errors="replace"))
        if not _TEXT_PART.search(headers) or named:
            continue
        truncated = not complete and position == len(parts) - 1
        if truncated:
            # The cut may fall inside the line break and delimiter that end the part.
            closing = b"\r\n" + delimiter
            for length in range(len(closing), 0, -1):
                if content.endswith(closing[:length]):
                    content = content[:-length]
                    break
        else:
            content = content.removesuffix(b"\r\n")
        text = _decode(content, truncated)
    return text, filename


def _decode(raw: bytes, truncated: bool) -> str:
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    return decoder.decode(raw, final=not truncated)
