"""IPTC NITF input: the headline (hedline), dateline and the text of body.content are checked.

Everything else (the head with its docdata, byline, abstract, body.end, attributes) is markup.
Inside body.content each element is prose (`BODY_TEXT`), a block of prose (`BODY_BLOCKS`),
metadata that is never checked (`NITF_METADATA`: identifiers, slugs, file names, producers), or
inline markup within prose (`NITF_INLINE`; an element not named is read so too). A ``<media>`` element is
metadata but for its ``<media-caption>``: its id, name, job and status are not prose.
NITF may carry a namespace or none; elements are matched by local name. Text written directly
in body.content, without ``<p>``, is checked too, a blank line starting a new paragraph. The
named entities of NITF's DTD (``&nbsp;``, ``&eacute;`` …) are read from a built-in table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.entities import html5

from checker.formats.document import Document, RegionKind
from checker.formats.events import EndTag, Event, Frame, Role, StartTag, Text, comment_spans, element_names, walk
from checker.formats.flow import FlowBuilder
from checker.formats.unsupported import refuse_unsupported_events
from checker.formats.xmlsource import iter_elements, refuse_unsafe_xml, xml_events
from checker.text.language_tags import normalize_language

# Elements in body.content whose text is prose (paragraphs, subheads, list items, captions).
BODY_TEXT = element_names("p hl2 li dt dd td th media-caption")
# Paragraph-level containers: they break paragraphs but hold no text of their own.
BODY_BLOCKS = element_names("block bq ul ol dl table tr fn note media")
# Metadata: elements whose content is never prose, even inside a paragraph. Every other child
# of ``<media>`` but its caption is metadata too (the ones agencies add: media-id, media-name …).
NITF_METADATA = element_names(
    "pre media-reference media-metadata media-object media-producer classifier nitf-table-metadata "
    "datasource copyrite tagline media-id media-name media-job media-status media-notes "
    "media-source media-byline media-printcaption media-printproducer media-originalcaption"
)
MEDIA_PROSE = element_names("media-caption")
# NITF's inline elements: read as part of the sentence they stand in.
NITF_INLINE = element_names(
    "a em q sub sup lang pronounce chron event frac function location money num object.title org "
    "person postaddr virtloc alt-code addressee care.of delivery.point delivery.office city "
    "country region postcode"
)
HEADLINES = element_names("hl1 hl2")
# The HTML and ISO entity sets that NITF's DTD includes, by name (without the semicolon).
NITF_ENTITIES = {name[:-1]: value for name, value in html5.items() if name.endswith(";")}
# A date for machines, as <story.date> sometimes holds instead of words: 20260314, 2026-03-14,
# 20260314T101500+0100.
_MACHINE_DATE = re.compile(r"\s*\d{4}-?\d{2}-?\d{2}(?:T[\d:.]{2,12}(?:Z|[+-]\d{2}:?\d{2})?)?\s*")


def parse(source: str, *, path: str | None = None) -> Document:
    refuse_unsafe_xml(source, path=path, entities=NITF_ENTITIES)
    events = xml_events(source, path=path, entities=NITF_ENTITIES)
    refuse_unsupported_events(events, path=path)
    builder = FlowBuilder(source)
    skipped = machine_dates(source, events)
    walk(events, builder, lambda tag, stack: nitf_role(tag, stack, skipped), checked=False, regions=nitf_region)
    return Document(
        format="nitf",
        language=nitf_language(events),
        parts=builder.finish(),
        regions=builder.regions,
        comments=comment_spans(source, events),
    )


def nitf_role(tag: StartTag, stack: Sequence[Frame], machine_dated: frozenset[int] = frozenset()) -> Role:
    """Role of an NITF element, wherever the NITF document sits (alone or inside NewsML-G2).

    `machine_dated` holds the start offsets of ``<story.date>`` elements that hold a date for
    machines; they are not checked.
    """
    names = [frame.name for frame in stack]
    if tag.name in NITF_METADATA or tag.start in machine_dated:
        return Role.SKIP
    if names and names[-1] == "media" and tag.name not in MEDIA_PROSE:
        return Role.SKIP
    if tag.name == "br":
        return Role.LINE_BREAK
    if "body.content" in names:
        return _body_content_role(tag)
    if tag.name == "body.content":
        return Role.CHECK_LOOSE_TEXT
    headline = tag.name in HEADLINES and bool(names) and names[-1] == "hedline"
    dateline = tag.name == "dateline" and "body.head" in names
    return Role.CHECK if headline or dateline else Role.INLINE


def _body_content_role(tag: StartTag) -> Role:
    """Role of an element inside body.content."""
    if tag.name in BODY_TEXT:
        return Role.CHECK
    if tag.name in BODY_BLOCKS:
        return Role.BLOCK
    return Role.INLINE


def nitf_role_in_item(
    tag: StartTag,
    stack: Sequence[Frame],
    machine_dated: frozenset[int],
    *,
    headline_known: bool,
    dateline_known: bool,
) -> Role:
    """`nitf_role` for NITF inside another format: a headline or dateline that the enclosing
    item already has (NewsML-G2 contentMeta, ninjs headline) is not checked twice."""
    role = nitf_role(tag, stack, machine_dated)
    if role is not Role.CHECK:
        return role
    repeated_headline = headline_known and tag.name in HEADLINES and bool(stack) and stack[-1].name == "hedline"
    repeated_dateline = dateline_known and tag.name == "dateline" and "body.content" not in (f.name for f in stack)
    return Role.INLINE if repeated_headline or repeated_dateline else role


def nitf_region(tag: StartTag, stack: Sequence[Frame]) -> RegionKind | None:
    """What a checked NITF element is for the house rules."""
    names = [frame.name for frame in stack]
    if tag.name == "body.content" and "body.content" not in names:
        return "body"
    if tag.name == "media-caption":
        return "caption"
    if tag.name == "hl2" and "body.content" in names:
        return "intertitle"
    if names and names[-1] == "hedline":
        return "headline" if tag.name == "hl1" else "subheadline" if tag.name == "hl2" else None
    if tag.name == "dateline" and "body.head" in names:
        return "dateline"
    return None


def machine_dates(source: str, events: Sequence[Event]) -> frozenset[int]:
    """Start offsets of the ``<story.date>`` elements whose text is a date for machines."""
    found: set[int] = set()
    for index, event in enumerate(events):
        if not (isinstance(event, StartTag) and event.name == "story.date") or event.self_closing:
            continue
        text: list[str] = []
        for inner in events[index + 1 :]:
            if isinstance(inner, EndTag) and inner.name == "story.date":
                break
            if isinstance(inner, Text):
                text.append(source[inner.start : inner.end])
        if _MACHINE_DATE.fullmatch("".join(text)):
            found.add(event.start)
    return frozenset(found)


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
