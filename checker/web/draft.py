"""Gives back as much of a draft as we can when its form body was too large to accept."""

from __future__ import annotations

import codecs
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from checker.web.checking import normalise_line_ends

_FORM_TYPE = "application/x-www-form-urlencoded"
_TRAILING_PARTIAL_ESCAPE = re.compile(r"%[0-9A-Fa-f]?$")


@dataclass(frozen=True)
class RecoveredDraft:
    text: str
    complete: bool
    size: int | None  # the body's announced size in bytes, if known


def recover_form_text(environ: dict[str, Any], limit: int) -> RecoveredDraft:
    """The `text` field from the first `limit` bytes of a url-encoded body nobody has read yet.

    Our form sends the text first, so its beginning is in that prefix. A multipart or chunked
    body, or one already consumed, gives nothing back.
    """
    size = _content_length(environ)
    content_type = str(environ.get("CONTENT_TYPE", "")).split(";")[0].strip().lower()
    stream = environ.get("wsgi.input")
    if size is None or content_type != _FORM_TYPE or stream is None:
        return RecoveredDraft("", complete=False, size=size)
    try:
        prefix = stream.read(min(size, limit))
    except (OSError, ValueError):
        return RecoveredDraft("", complete=False, size=size)
    complete = len(prefix) == size
    text = _text_field(prefix.decode("ascii", errors="ignore"), complete)
    return RecoveredDraft(normalise_line_ends(text), complete=complete, size=size)


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
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        return decoder.decode(raw, final=not truncated)
    return ""
