"""IPTC NewsML-G2 input: each item's headline and dateline, and its text content.

The item may stand alone, sit in a newsMessage, or be a fragment (a ``contentMeta`` or
``contentSet`` alone). Of each contentSet one rendition is checked: XHTML or embedded NITF in
inlineXML before plain text in inlineData, the first of equals. Inline XML that is neither
(events, concepts, other vocabularies) is data, not prose. In XHTML the ``<head>`` and the
``<header>`` block (slugline, time, genre) are not checked, nor an ``<h1>`` or NITF headline when
contentMeta already has the headline. Everything else (itemMeta, the rest of contentMeta,
catalogs) is markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from checker.formats.document import Document, RegionKind
from checker.formats.events import Event, Frame, Role, StartTag, comment_spans, walk
from checker.formats.flow import FlowBuilder
from checker.formats.html import BLOCKS, EmbeddedHtml
from checker.formats.nitf import machine_dates, nitf_region, nitf_role_in_item
from checker.formats.unsupported import refuse_unsupported_events
from checker.formats.xmlsource import iter_elements, refuse_unsafe_xml, xml_events
from checker.text.language_tags import normalize_language

NEWSML_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
ITEMS = frozenset(("newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem"))
_CONTENT = ("inlineXML", "inlineData")
_XHTML_TYPES = frozenset(("application/xhtml+xml", "text/html"))

ContentKind = Literal["xhtml", "nitf", "plain"]
_RANK: dict[ContentKind, int] = {"xhtml": 2, "nitf": 2, "plain": 1}


def parse(source: str, *, path: str | None = None) -> Document:
    refuse_unsafe_xml(source, path=path)
    events = xml_events(source, path=path)
    refuse_unsupported_events(events, path=path)
    builder = FlowBuilder(source)
    policy = _NewsMLPolicy(chosen_contents(events), machine_dates(source, events))
    walk(events, builder, policy.role, checked=False, regions=policy.region)
    return Document(
        format="newsml",
        language=newsml_language(events),
        parts=builder.finish(),
        regions=builder.regions,
        comments=comment_spans(source, events),
    )


def chosen_contents(events: Sequence[Event]) -> dict[int, ContentKind]:
    """Start offsets of the inline contents to check, one per contentSet, with what each holds."""
    contents: dict[int, tuple[StartTag, int]] = {}  # start -> (element, its contentSet's start)
    first_child: dict[int, StartTag] = {}
    for tag, ancestors in iter_elements(list(events)):
        parent = ancestors[-1] if ancestors else None
        if tag.name in _CONTENT and not any(ancestor.name in _CONTENT for ancestor in ancestors):
            in_set = parent is not None and parent.name == "contentSet"
            contents[tag.start] = (tag, parent.start if parent is not None and in_set else tag.start)
        elif parent is not None and parent.start in contents:
            first_child.setdefault(parent.start, tag)
    best: dict[int, tuple[int, int, ContentKind]] = {}  # contentSet -> (rank, start, kind)
    for start, (tag, content_set) in contents.items():
        kind = content_kind(tag, first_child.get(start))
        if kind is not None and (content_set not in best or _RANK[kind] > best[content_set][0]):
            best[content_set] = (_RANK[kind], start, kind)
    return {start: kind for _rank, start, kind in best.values()}


def content_kind(content: StartTag, first_child: StartTag | None) -> ContentKind | None:
    """What an inlineXML or inlineData element holds, by its content type and first element."""
    content_type = (content.attr("contenttype") or "").split(";")[0].strip().lower()
    if content.name == "inlineData":
        return "plain" if content_type in ("", "text/plain") else None
    if first_child is None:
        return None
    if first_child.name == "nitf":
        return "nitf"
    xhtml_root = first_child.name in ("html", "body") or first_child.namespace == XHTML_NAMESPACE
    if content_type in _XHTML_TYPES or xhtml_root or (not content_type and first_child.name in BLOCKS):
        return "xhtml"
    return None


class _NewsMLPolicy:
    """Roles and regions for G2 elements; remembers what each item's contentMeta already gave."""

    def __init__(self, contents: dict[int, ContentKind], machine_dated: frozenset[int]) -> None:
        self._contents = contents
        self._machine_dated = machine_dated
        self._item_has_headline = False
        self._item_has_dateline = False
        self._html = EmbeddedHtml(headline_known=False)

    def role(self, tag: StartTag, stack: Sequence[Frame]) -> Role:
        names = [frame.name for frame in stack]
        if tag.name in ITEMS:
            self._item_has_headline = self._item_has_dateline = False
        kind = self._enclosing_content(stack)
        if kind is not None:
            return self._inline_content_role(tag, stack, names, kind)
        if tag.name in _CONTENT:
            return self._content_role(tag)
        if names and names[-1] == "contentMeta" and tag.name == "headline":
            self._item_has_headline = True
            return Role.CHECK
        if names and names[-1] == "contentMeta" and tag.name == "dateline":
            self._item_has_dateline = True
            return Role.CHECK
        return Role.INLINE

    def region(self, tag: StartTag, stack: Sequence[Frame]) -> RegionKind | None:
        kind = self._enclosing_content(stack)
        if kind == "nitf":
            return nitf_region(tag, stack)
        if kind == "xhtml":
            return self._xhtml_region(tag, stack)
        if tag.name in _CONTENT:
            return "body"
        if tag.name == "headline":
            role = (tag.attr("role") or "").rpartition(":")[2].lower()
            return "subheadline" if role.startswith("sub") else "headline"
        if tag.name == "dateline":
            return "dateline"
        return None

    def _xhtml_region(self, tag: StartTag, stack: Sequence[Frame]) -> RegionKind | None:
        """Inside XHTML content, its body (or text directly in inlineXML) is the body."""
        found = self._html.regions(tag, stack)
        if found is None and (tag.name == "body" or stack[-1].name == "inlineXML"):
            return "body"
        return found

    def _enclosing_content(self, stack: Sequence[Frame]) -> ContentKind | None:
        for frame in stack:
            if frame.name in _CONTENT:
                return self._contents.get(frame.tag.start)
        return None

    def _content_role(self, tag: StartTag) -> Role:
        kind = self._contents.get(tag.start)
        if kind is None:
            return Role.SKIP
        if kind == "plain":
            return Role.CHECK_VERBATIM
        self._html = EmbeddedHtml(headline_known=self._item_has_headline)
        return Role.INLINE

    def _inline_content_role(self, tag: StartTag, stack: Sequence[Frame], names: list[str], kind: ContentKind) -> Role:
        if kind == "nitf":
            return nitf_role_in_item(
                tag,
                stack,
                self._machine_dated,
                headline_known=self._item_has_headline,
                dateline_known=self._item_has_dateline,
            )
        if tag.name == "html":
            return Role.INLINE
        if tag.name == "head":
            return Role.SKIP
        role = self._html.role(tag, stack)
        if role is not Role.SKIP and (tag.name == "body" or names[-1] == "inlineXML"):
            return Role.CHECK
        return role


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
