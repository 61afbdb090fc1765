"""Which input format a file is in, judged by its content; the file name only breaks ties."""

from __future__ import annotations

import re
from pathlib import PurePath

import defusedxml.ElementTree as SafeElementTree

from checker.errors import InputError
from checker.formats.events import element_names
from checker.formats.html import BLOCKS, SKIPPED, VOID_ELEMENTS
from checker.formats.newsml import NEWSML_NAMESPACE
from checker.formats.registry import FORMAT_BY_EXTENSION
from checker.formats.unsupported import refuse_unsupported_root

# Items and messages, and the fragments of an item that IPTC's examples show alone.
NEWSML_ROOTS = element_names(
    "newsItem newsMessage packageItem conceptItem knowledgeItem planningItem catalogItem contentMeta contentSet itemSet"
)

_PROLOG = re.compile(
    r"\A\ufeff?(?:\s+|<\?[^>]*>|<!--(?:[^-]|-(?!->))*-->|<!DOCTYPE[^\[>]*(?:\[[^\]]*\][^>]*)?>)*",
    re.IGNORECASE,
)
# Formats show themselves early; looking further only costs time on large files.
_SNIFF_LENGTH = 65536
_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)((?:\s[^<>]*)?)/?>")
_XMLNS = re.compile(r"""\sxmlns(?::[\w.-]+)?\s*=\s*["']([^"']*)["']""")
_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]{0,1000}>")
# Bounded repetitions keep the search linear on long lines without any of these markers.
_MARKDOWN = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S"  # ATX heading
    r"|^ {0,3}(?:```|~~~)"  # code fence
    r"|^[^\n]{1,200}\n {0,3}(?:=+|-+)[ \t]*$"  # setext heading
    r"|\*\*[^*\s][^*\n]{0,200}\*\*|__[^_\s][^_\n]{0,200}__"  # strong emphasis
    r"|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)"  # inline link
    r"|^ {0,3}>[ \t]",  # block quote
    re.MULTILINE,
)
_HTML_NAMES = (
    BLOCKS | SKIPPED | VOID_ELEMENTS | element_names("a abbr b cite em i q s small span strong sub sup u mark time")
)


def detect_format(source: str, *, filename: str | None = None) -> str:
    """One of `FORMATS`: "text", "html", "markdown", "nitf", "newsml" or "ninjs".

    JSON is ninjs; XML is NITF or NewsML-G2 (an item, a message or a fragment of an item) by its
    root element and namespace, with or without an XML declaration; a document that starts with
    an HTML tag is HTML. Other text is Markdown or HTML if it shows their markers clearly, else
    what the file name's extension says, else plain text. XML with an unknown root raises
    `InputError` (reason "xml_unknown_root"), NewsML 1.x too (reason "unsupported_format").
    """
    hint = FORMAT_BY_EXTENSION.get(PurePath(filename).suffix.lower()) if filename else None
    whole, source = source, source[:_SNIFF_LENGTH]
    body = source.lstrip("\ufeff \t\r\n")
    if body.startswith(("{", "[")):
        return "ninjs"
    if body.startswith("<"):
        markup = _markup_format(source, filename, whole=whole if hint not in ("text", "markdown", "html") else None)
        if markup:
            return markup
    if hint in ("text", "markdown", "html"):
        return hint
    if _MARKDOWN.search(source):
        return "markdown"
    if any(match.group(1).lower() in _HTML_NAMES for match in _HTML_TAG.finditer(source)):
        return "html"
    return "text"


def _markup_format(source: str, filename: str | None, *, whole: str | None) -> str | None:
    """The format of a file that starts with markup. An unknown root is refused if the file
    declares itself XML, uses namespaces, or (`whole` given: the file name does not say it is
    text) is well-formed XML."""
    prolog = _PROLOG.match(source)
    start = prolog.end() if prolog else 0
    if re.match(r"<!DOCTYPE\s+html", source[source.find("<") :], re.IGNORECASE):
        return "html"
    root = _ROOT.match(source, start)
    if root is None:
        return None
    qualified, attributes = root.groups()
    local = qualified.rpartition(":")[2]
    namespaces = _XMLNS.findall(attributes)
    refuse_unsupported_root(local, path=filename)
    if local == "nitf":
        return "nitf"
    if local in NEWSML_ROOTS or NEWSML_NAMESPACE in namespaces:
        return "newsml"
    if local.lower() in _HTML_NAMES:
        return "html"
    declared = source.lstrip("\ufeff \t\r\n").startswith("<?xml")
    if declared or namespaces or (whole is not None and _is_xml(whole)):
        raise InputError(
            f"XML with root element <{qualified}> is neither NITF nor NewsML-G2",
            reason="xml_unknown_root",
            path=filename,
            root=qualified,
        )
    return None


def _is_xml(source: str) -> bool:
    """Whether `source` is a well-formed XML document (entities and DTDs are not looked at)."""
    try:
        SafeElementTree.fromstring(source.removeprefix("\ufeff"))
    except Exception:  # any failure means: not (plain, safe) XML
        return False
    return True
