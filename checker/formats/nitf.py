"""IPTC NITF input: the headline (hedline), dateline and body.content paragraphs are checked.

Everything else (the head with its docdata, byline, abstract, body.end, attributes) is markup.
NITF may carry a namespace or none; elements are matched by local name.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.formats.document import Document
from checker.formats.events import Event, Frame, Role, StartTag, element_names, walk
from checker.formats.flow import FlowBuilder
from checker.formats.xmlsource import iter_elements, refuse_unsafe_xml, xml_events
from checker.text.language_tags import normalize_language

# Elements in body.content whose text is prose (paragraphs, subheads, list items, captions).
BODY_TEXT = element_names("p hl2 li dt dd td th media-caption")
# Paragraph-level containers: they break paragraphs but hold no text of their own.
BODY_BLOCKS = element_names("block bq ul ol dl table tr fn note")
# Elements whose content is never prose, even inside a paragraph.
SKIPPED = element_names("pre media-reference media-metadata media-object media-producer classifier")
HEADLINES = element_names("hl1 hl2")


def parse(source: str, *, path: str | None = None) -> Document:
    refuse_unsafe_xml(source, path=path)
    events = xml_events(source, path=path)
    builder = FlowBuilder(source)
    walk(events, builder, nitf_role, checked=False)
    return Document(format="nitf", language=nitf_language(events), parts=builder.finish())


def nitf_role(tag: StartTag, stack: Sequence[Frame]) -> Role:
    """Role of an NITF element, wherever the NITF document sits (alone or inside NewsML-G2)."""
    names = [frame.name for frame in stack]
    if tag.name in SKIPPED:
        return Role.SKIP
    if tag.name == "br":
        return Role.LINE_BREAK
    if "body.content" in names:
        if tag.name in BODY_TEXT:
            return Role.CHECK
        if tag.name in BODY_BLOCKS:
            return Role.BLOCK
        return Role.INLINE
    if tag.name in HEADLINES and names and names[-1] == "hedline":
        return Role.CHECK
    if tag.name == "dateline" and "body.head" in names:
        return Role.CHECK
    return Role.INLINE


def nitf_language(events: list[Event]) -> str | None:
    """From the root's ``baselang``/``xml:lang``/``lang``, the head's docdata or meta, the body.

    Earlier places win: the root element, then ``head`` (``<meta name="language">``, a
    ``<language tag=…>`` or an ``xml:lang``/``lang`` attribute in docdata), then the first
    ``xml:lang``/``lang`` inside ``body``.
    """
    head: list[str | None] = []
    body: list[str | None] = []
    for tag, ancestors in iter_elements(events):
        names = {ancestor.name for ancestor in ancestors}
        if tag.name == "nitf" and not names.intersection(("head", "body")):
            found = normalize_language(tag.attr("baselang", "xml:lang", "lang"))
            if found:
                return found
        elif "head" in names or tag.name == "head":
            if tag.name == "meta" and (tag.attr("name") or "").lower() in ("language", "lang"):
                head.append(tag.attr("content"))
            elif tag.name == "language":
                head.append(tag.attr("tag", "value", "code"))
            head.append(tag.attr("xml:lang", "lang"))
        elif "body" in names or tag.name == "body":
            body.append(tag.attr("xml:lang", "lang"))
    for candidate in head + body:
        found = normalize_language(candidate)
        if found:
            return found
    return None
