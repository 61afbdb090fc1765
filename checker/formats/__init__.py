"""Input formats: turn a wire-copy file into annotated text for LanguageTool.

`parse_document` cuts the original file into text parts (checked) and markup parts (not
checked, read as what they stand for), so LanguageTool sees only the prose while every finding
points back into the file as it was given.
"""

from __future__ import annotations

from collections.abc import Callable

from checker.errors import InvalidRequest
from checker.formats import html, markdown, newsml, ninjs, nitf, plain
from checker.formats.detect import detect_format
from checker.formats.model import FORMATS, Document, Part

__all__ = ["FORMATS", "Document", "Part", "detect_format", "parse_document"]

_PARSERS: dict[str, Callable[..., Document]] = {
    "text": plain.parse,
    "html": html.parse,
    "markdown": markdown.parse,
    "nitf": nitf.parse,
    "newsml": newsml.parse,
    "ninjs": ninjs.parse,
}


def parse_document(source: str, *, format: str | None = None, path: str | None = None) -> Document:
    """Read `source` as `format` (detected from the content when None).

    `path` names the file in error messages and serves as a hint for detection. Malformed or
    unsafe XML and JSON raise `InputError` with the line and column; an unknown `format`
    raises `InvalidRequest`.
    """
    if format is None:
        format = detect_format(source, filename=path)
    parser = _PARSERS.get(format)
    if parser is None:
        raise InvalidRequest(f"unknown input format {format!r}; known: {', '.join(FORMATS)}")
    return parser(source, path=path)
