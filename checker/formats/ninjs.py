"""IPTC ninjs input (JSON, versions 1.x, 2.x and 3.x): headlines and the body are checked.

`ninjs_fields` decides which string values hold the text and how to read each: plain text, HTML
(decoded from its JSON string and read as HTML) or NITF (read as NITF), every position mapped
back to the JSON file. Headlines are read before the body wherever the file has them. An ``<h1>``
or NITF headline inside the body is not checked again when the document has its headline.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.errors import InputError
from checker.formats.document import Document
from checker.formats.events import Event, Frame, Role, StartTag, walk
from checker.formats.flow import PARAGRAPH, FlowBuilder
from checker.formats.html import EmbeddedHtml, walk_html
from checker.formats.htmltokens import html_events
from checker.formats.jsonsource import (
    DecodedString,
    JsonString,
    MappedSink,
    emit_plain_string,
    load_json,
    string_values,
)
from checker.formats.ninjs_fields import Field, checked_fields
from checker.formats.nitf import NITF_ENTITIES, machine_dates, nitf_region, nitf_role_in_item
from checker.formats.reading_order import headlines_first
from checker.formats.xmlsource import refuse_unsafe_xml, xml_events
from checker.text.language_tags import normalize_language
from checker.text.offsets import LineIndex

# Top-level keys that mark a JSON object as ninjs (any version).
_CONTENT_KEYS = frozenset(("headline", "headlines", "body_text", "body_html", "bodies"))
_ITEM_KEYS = frozenset(("uri", "type", "language", "versioncreated", "versionCreated", "firstCreated", "$schema"))
NINJS_KEYS = _CONTENT_KEYS | _ITEM_KEYS


def parse(source: str, *, path: str | None = None) -> Document:
    data = load_json(source, path=path)
    if not isinstance(data, dict) or not (NINJS_KEYS.intersection(data) or any(map(_is_text_key, data))):
        raise InputError(
            "JSON, but not ninjs: expected an object with headline(s) and body fields",
            reason="not_ninjs",
            path=path,
            line=1,
            column=1,
        )
    fields = {field.path: field for field in checked_fields(data)}
    headline_known = any(field.region == "headline" and field.value.strip() for field in fields.values())
    builder = FlowBuilder(source)
    for string in string_values(source):
        field = fields.get(string.path)
        if field is not None:
            builder.open_region(field.region)
            _emit(builder, source, string, field, headline_known=headline_known, path=path)
            builder.close_region()
    builder.markup(len(source))
    parts = builder.finish()
    reading_order, regions = headlines_first(parts, builder.regions)
    return Document(format="ninjs", language=_language(data), parts=parts, regions=regions, reading_order=reading_order)


def _is_text_key(key: str) -> bool:
    return key.startswith(("headline_", "body_"))


def _language(data: dict[str, Any]) -> str | None:
    language = data.get("language")
    return normalize_language(language) if isinstance(language, str) else None


def _emit(
    builder: FlowBuilder, source: str, string: JsonString, field: Field, *, headline_known: bool, path: str | None
) -> None:
    if field.reading == "plain":
        emit_plain_string(builder, source, string)
        return
    builder.markup(string.start + 1)
    builder.brk(PARAGRAPH)
    decoded = DecodedString(source, string)
    sink = MappedSink(builder, decoded)
    if field.reading == "html":
        html = EmbeddedHtml(headline_known=headline_known and field.region == "body")
        walk_html(html_events(decoded.value), sink, role=html.role, regions=html.regions)
    else:
        events = _nitf_events(decoded, string, source=source, path=path)
        dated = machine_dates(decoded.value, events)
        known = headline_known and field.region == "body"

        def role(tag: StartTag, stack: Sequence[Frame]) -> Role:
            return nitf_role_in_item(tag, stack, dated, headline_known=known, dateline_known=False)

        walk(events, sink, role, checked=False, regions=nitf_region)
    builder.markup(string.end)
    builder.brk(PARAGRAPH)


def _nitf_events(decoded: DecodedString, string: JsonString, *, source: str, path: str | None) -> list[Event]:
    """The NITF document in a string value, refused as a file would be, at its place in the file."""
    try:
        refuse_unsafe_xml(decoded.value, entities=NITF_ENTITIES)
        return xml_events(decoded.value, entities=NITF_ENTITIES)
    except InputError as error:
        line, column = error.line, error.column
        if line is not None:
            inner = LineIndex(decoded.value).line_start(line) + (column or 1) - 1
            line, column = LineIndex(source).position(decoded.source_offset(inner))
        where = ".".join(str(step) for step in string.path)
        message = error.message.removeprefix(f"{error.line}:{error.column}: ")
        raise InputError(
            f"{message} (in the NITF of {where})",
            reason=error.reason,
            path=path,
            line=line,
            column=column,
            **error.details,
        ) from error
