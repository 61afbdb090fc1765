"""Plain text input: the whole file is one text part."""

from __future__ import annotations

from checker.formats.document import Document, Part


def parse(source: str, *, path: str | None = None) -> Document:
    parts = (Part(source, markup=False),) if source else ()
    return Document(format="text", language=None, parts=parts)
