"""IPTC NewsML-G2 input: each newsItem's headline and dateline, and its body in inlineXML.

The item may stand alone or sit in a newsMessage. The body is the first inline content of each
contentSet: XHTML (``html/body``, or bare XHTML blocks), embedded NITF, or plain text in
inlineData; further renditions of the same content are not checked twice. Everything else
(itemMeta, the rest of contentMeta, catalogs) is markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.formats.document import Document
from checker.formats.events import Event, Frame, Role, StartTag, walk
from checker.formats.flow import FlowBuilder
from checker.formats.html import html_role
from checker.formats.nitf import nitf_role
from checker.formats.xmlsource import iter_elements, refuse_unsafe_xml, xml_events
from checker.text.language_tags import normalize_language

NEWSML_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
ITEMS = frozenset(("newsItem", "packageItem", "conceptItem", "knowledgeItem"))
_CONTENT = ("inlineXML", "inlineData")


def parse(source: str, *, path: str | None = None) -> Document:
    refuse_unsafe_xml(source, path=path)
    events = xml_events(source, path=path)
    builder = FlowBuilder(source)
    walk(events, builder, _NewsMLPolicy(), checked=False)
    return Document(format="newsml", language=newsml_language(events), parts=builder.finish())


class _NewsMLPolicy:
    """Roles for G2 elements; remembers what each item's contentMeta already gave."""

    def __init__(self) -> None:
        self._item_has_headline = False
        self._item_has_dateline = False
        self._content_chosen = False

    def __call__(self, tag: StartTag, stack: Sequence[Frame]) -> Role:
        names = [frame.name for frame in stack]
        parent = names[-1] if names else ""
        if tag.name == "newsItem":
            self._item_has_headline = self._item_has_dateline = False
        elif tag.name == "contentSet":
            self._content_chosen = False
        if any(name in _CONTENT for name in names):
            return self._inline_content_role(tag, stack, names)
        if parent == "contentMeta" and tag.name == "headline":
            self._item_has_headline = True
            return Role.CHECK
        if parent == "contentMeta" and tag.name == "dateline":
            self._item_has_dateline = True
            return Role.CHECK
        if parent == "contentSet" and tag.name in _CONTENT:
            if self._content_chosen:
                return Role.SKIP
            self._content_chosen = True
            if tag.name == "inlineData":
                kind = (tag.attr("contenttype") or "text/plain").lower()
                return Role.CHECK_VERBATIM if kind.startswith("text/plain") else Role.SKIP
            return Role.INLINE
        return Role.INLINE

    def _inline_content_role(self, tag: StartTag, stack: Sequence[Frame], names: list[str]) -> Role:
        if tag.name == "nitf" or "nitf" in names:
            role = nitf_role(tag, stack)
            if role is Role.CHECK and tag.name in ("hl1", "hl2") and self._item_has_headline:
                return Role.INLINE
            if role is Role.CHECK and tag.name == "dateline" and self._item_has_dateline:
                return Role.INLINE
            return role
        if tag.name == "html":
            return Role.INLINE
        if tag.name == "head":
            return Role.SKIP
        if tag.name == "body" or names[-1] == "inlineXML":
            return Role.SKIP if tag.name in ("script", "style") else Role.CHECK
        return html_role(tag, stack)


def newsml_language(events: list[Event]) -> str | None:
    """``contentMeta/language/@tag``, else ``xml:lang`` of the item, its content, the message."""
    found: dict[str, list[str | None]] = {"declared": [], "item": [], "content": [], "message": []}
    for tag, ancestors in iter_elements(events):
        parent = ancestors[-1].name if ancestors else ""
        if tag.name == "language" and parent == "contentMeta":
            found["declared"].append(tag.attr("tag"))
        elif tag.name in _CONTENT:
            found["content"].append(tag.attr("xml:lang"))
        elif tag.name == "newsMessage":
            found["message"].append(tag.attr("xml:lang"))
        elif tag.name in ITEMS:
            found["item"].append(tag.attr("xml:lang"))
    for candidates in found.values():
        for candidate in candidates:
            language = normalize_language(candidate)
            if language:
                return language
    return None
