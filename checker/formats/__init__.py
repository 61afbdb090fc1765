"""Input formats: turn a wire-copy file into annotated text for LanguageTool.

`formats/` imports only `text` and `errors`: it knows nothing of LanguageTool or house rules.

`parse_document` cuts the original file into text parts (checked) and markup parts (not
checked, read as what they stand for), so LanguageTool sees only the prose while every finding
points back into the file as it was given. The formats are the rows of `registry.FORMAT_TABLE`.
"""

from __future__ import annotations

from checker.errors import InputError, InvalidRequest
from checker.formats.detect import detect_format
from checker.formats.document import Document, Part, Region
from checker.formats.registry import FORMAT_TABLE, FORMATS, FORMATS_BY_NAME, Format

__all__ = [
    "FORMATS",
    "FORMATS_BY_NAME",
    "FORMAT_TABLE",
    "Document",
    "Format",
    "Part",
    "Region",
    "detect_format",
    "parse_document",
]


def parse_document(source: str, *, format: str | None = None, path: str | None = None) -> Document:
    """Read `source` as `format` (detected from the content when None).

    `path` names the file in error messages and serves as a hint for detection. Malformed or
    unsafe XML and JSON raise `InputError` with the line and column; so does a file in a
    format we do not read (reason "unsupported_format") and a wire or HTML file without any
    text to check (reason "no_text"). An unknown `format` raises `InvalidRequest`.
    """
    if format is None:
        format = detect_format(source, filename=path)
    row = FORMATS_BY_NAME.get(format)
    if row is None:
        raise InvalidRequest(
            f"unknown input format {format!r}; known: {', '.join(FORMATS)}", reason="unknown_format", value=format
        )
    document = row.parse(source, path=path)
    if row.expects is not None and not document.plain_text().strip():
        raise InputError(
            f"no text to check in this {row.label} file: expected {row.expects}",
            reason="no_text",
            path=path,
            format=row.label,
            expected=row.expects,
        )
    return document
