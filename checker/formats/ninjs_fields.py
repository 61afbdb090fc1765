"""Which fields of a ninjs document are checked, how each is read, and what it is for the house rules.

ninjs 1.x names its texts by field: ``headline`` and any ``headline_*``, ``body_text``,
``body_html`` and any ``body_*`` (``body_xhtml``, ``body_richtext`` …). 2.x and 3.x list them in
``headlines`` and ``bodies``, each with a role and a content type. Headlines are all checked (a
repeated one once). Bodies are renditions of the same text more often than not, and agencies
name renditions in the role (``html5``, ``richhtml5``, ``nitf``), so of the bodies that are the
main text one is checked: the richest (NITF or HTML before plain text, then the longest); a body
with another role (``summary`` …) is checked as its own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from checker.formats.document import RegionKind
from checker.formats.jsonsource import JsonPath

Reading = Literal["plain", "html", "nitf"]

_CONTENT_TYPES: dict[str, Reading] = {
    "text/plain": "plain",
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/nitf+xml": "nitf",
    "application/vnd.iptc.nitf+xml": "nitf",
    "text/vnd.iptc.nitf": "nitf",
    "text/vnd.iptc.nitf+xml": "nitf",
}
_GENERIC_XML = frozenset(("application/xml", "text/xml"))
_RICHNESS: dict[Reading, int] = {"nitf": 2, "html": 2, "plain": 1}
# Roles that name a rendition of the main text rather than another text.
_RENDITION_ROLE = re.compile(r"main|body|default|text|plain|rich\w*|\w*html\d*|\w*nitf\w*|xml", re.IGNORECASE)
_NITF_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:\w+:)?nitf\b", re.DOTALL)
_MARKUP = re.compile(r"</[A-Za-z]|/>")
_NAMED_HEADLINE = re.compile(r"headline_\w+")
_NAMED_BODY = re.compile(r"body_\w+")


@dataclass(frozen=True)
class Field:
    """A string value to check: where it is, how to read it, and its role."""

    path: JsonPath
    reading: Reading
    region: RegionKind
    value: str


def checked_fields(data: dict[str, Any]) -> list[Field]:
    """The fields to check: headlines, then one body per group, each in the order found."""
    return _unique(_headlines(data)) + _bodies(data)


def headline_kind(role: object) -> RegionKind:
    """ "subheadline" for a headline whose role (or 1.x field name) says so, else "headline"."""
    name = role.rpartition(":")[2].lower() if isinstance(role, str) else ""
    return "subheadline" if name.startswith("sub") else "headline"


def _headlines(data: dict[str, Any]) -> list[Field]:
    fields = []
    for key, value in data.items():
        if isinstance(value, str) and (key == "headline" or _NAMED_HEADLINE.fullmatch(key)):
            reading: Reading = "html" if "html" in key else _sniffed(value)
            fields.append(Field((key,), reading, headline_kind(key.removeprefix("headline_")), value))
    for index, entry in _entries(data, "headlines"):
        found = _reading(entry)
        if found is not None:
            kind = headline_kind(entry.get("role"))
            fields.append(Field(("headlines", index, "value"), found, kind, entry["value"]))
    return fields


def _bodies(data: dict[str, Any]) -> list[Field]:
    candidates: dict[str, list[Field]] = {}
    for key, value in data.items():
        if isinstance(value, str) and value.strip() and _NAMED_BODY.fullmatch(key):
            reading: Reading = "nitf" if "nitf" in key else "html" if "html" in key else _sniffed(value)
            candidates.setdefault("main", []).append(Field((key,), reading, "body", value))
    for index, entry in _entries(data, "bodies"):
        found = _reading(entry)
        if found is not None and entry["value"].strip():
            role = entry.get("role")
            group = "main" if not isinstance(role, str) or _RENDITION_ROLE.fullmatch(role) else role
            candidates.setdefault(group, []).append(Field(("bodies", index, "value"), found, "body", entry["value"]))
    return [max(group, key=lambda field: (_RICHNESS[field.reading], len(field.value))) for group in candidates.values()]


def _reading(entry: dict[str, Any]) -> Reading | None:
    """How to read a 2.x/3.x headline or body by its content type; None for types that are not text."""
    value = entry.get("value")
    if not isinstance(value, str):
        return None
    content_type = entry.get("contenttype", entry.get("contentType"))
    if not isinstance(content_type, str) or not content_type.strip():
        return _sniffed(value)
    content_type = content_type.split(";")[0].strip().lower()
    if content_type in _GENERIC_XML:
        return "nitf" if _NITF_START.match(value) else None
    return _CONTENT_TYPES.get(content_type)


def _sniffed(value: str) -> Reading:
    """How to read a text without a content type, by what it looks like."""
    if _NITF_START.match(value):
        return "nitf"
    return "html" if _MARKUP.search(value) else "plain"


def _unique(fields: list[Field]) -> list[Field]:
    """The first of fields with the same text (a headline given twice is checked once)."""
    seen: set[str] = set()
    unique = []
    for field in fields:
        if field.value.strip() not in seen:
            seen.add(field.value.strip())
            unique.append(field)
    return unique


def _entries(data: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    items = data.get(key)
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]
