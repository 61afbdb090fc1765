"""IPTC ninjs input (JSON, versions 1.x, 2.x and 3.x): headlines and the body are checked.

1.x has ``headline``, ``body_text`` and ``body_html``; 2.x has ``headlines`` and ``bodies``
with ``contenttype``; 3.x the same in camelCase (``contentType``). An HTML body is decoded from
its JSON string and read as HTML, with every position mapped back to the JSON file. When a
text has both an HTML and a plain-text rendition, only the HTML one is checked.
"""

from __future__ import annotations

from typing import Any, Literal

from checker.errors import InputError
from checker.formats.document import Document
from checker.formats.flow import PARAGRAPH, FlowBuilder
from checker.formats.html import walk_html
from checker.formats.htmltokens import html_events
from checker.formats.jsonsource import (
    DecodedString,
    JsonPath,
    JsonString,
    MappedSink,
    emit_plain_string,
    load_json,
    string_values,
)
from checker.text.language_tags import normalize_language

# Top-level keys that mark a JSON object as ninjs (any version).
_CONTENT_KEYS = frozenset(("headline", "headlines", "body_text", "body_html", "bodies"))
_ITEM_KEYS = frozenset(("uri", "type", "language", "versioncreated", "versionCreated", "firstCreated", "$schema"))
NINJS_KEYS = _CONTENT_KEYS | _ITEM_KEYS
_Kind = Literal["plain", "html"]


def parse(source: str, *, path: str | None = None) -> Document:
    data = load_json(source, path=path)
    if not isinstance(data, dict) or not NINJS_KEYS.intersection(data):
        raise InputError(
            "JSON, but not ninjs: expected an object with headline(s) and body fields",
            reason="not_ninjs",
            path=path,
            line=1,
            column=1,
        )
    selected = _checked_paths(data)
    builder = FlowBuilder(source)
    for string in string_values(source):
        kind = selected.get(string.path)
        if kind == "plain":
            emit_plain_string(builder, source, string)
        elif kind == "html":
            _emit_html_string(builder, source, string)
    builder.markup(len(source))
    language = data.get("language")
    language = normalize_language(language) if isinstance(language, str) else None
    return Document(format="ninjs", language=language, parts=builder.finish())


def _emit_html_string(builder: FlowBuilder, source: str, string: JsonString) -> None:
    builder.markup(string.start + 1)
    builder.brk(PARAGRAPH)
    decoded = DecodedString(source, string)
    walk_html(html_events(decoded.value), MappedSink(builder, decoded))
    builder.markup(string.end)
    builder.brk(PARAGRAPH)


def _checked_paths(data: dict[str, Any]) -> dict[JsonPath, _Kind]:
    """Paths of the string values to check, and how to read each."""
    selected: dict[JsonPath, _Kind] = {}
    if isinstance(data.get("headline"), str):
        selected[("headline",)] = "plain"
    for index, headline in _entries(data, "headlines"):
        if isinstance(headline.get("value"), str):
            selected[("headlines", index, "value")] = _kind(headline) or "plain"
    if isinstance(data.get("body_html"), str) and data["body_html"].strip():
        selected[("body_html",)] = "html"
    elif isinstance(data.get("body_text"), str):
        selected[("body_text",)] = "plain"
    bodies = {
        index: kind
        for index, body in _entries(data, "bodies")
        if isinstance(body.get("value"), str) and (kind := _kind(body)) is not None
    }
    preferred = "html" if "html" in bodies.values() else "plain"
    for index, kind in bodies.items():
        if kind == preferred:
            selected[("bodies", index, "value")] = kind
    return selected


def _entries(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _kind(entry: dict[str, Any]) -> _Kind | None:
    """How to read a headline or body by its content type; None for types that are not text."""
    content_type = entry.get("contenttype", entry.get("contentType"))
    if not isinstance(content_type, str) or not content_type.strip():
        value = entry.get("value", "")
        return "html" if isinstance(value, str) and "</" in value else "plain"
    content_type = content_type.split(";")[0].strip().lower()
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type.startswith("text/"):
        return "plain"
    return None
