"""HTML input: the text of the body is checked, tags and the head are markup, blocks break paragraphs.

HTML fragments (no ``<body>``) are read the same way: all text outside skipped elements counts.
The first ``<h1>`` is the headline and figures are captions for the house rules; a page without
``<h1>`` leaves its structure to them. The same reading serves HTML bodies inside wire formats
(`EmbeddedHtml`), where the ``<header>`` block is metadata and an ``<h1>`` repeating the item's
headline is not checked twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.formats.document import Document, RegionKind
from checker.formats.events import (
    Event,
    Frame,
    Policy,
    RegionPolicy,
    Role,
    StartTag,
    comment_spans,
    element_names,
    walk,
)
from checker.formats.flow import FlowBuilder, Sink
from checker.formats.htmltokens import html_events
from checker.text.language_tags import normalize_language

# Elements whose content is never prose to check: document metadata, code, embedded objects.
SKIPPED = element_names(
    "head title script style template noscript svg math iframe object canvas audio video code "
    "kbd samp pre textarea select"
)
# Elements that start and end a paragraph.
BLOCKS = element_names(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li "
    "main nav ol p section summary table tbody td tfoot th thead tr ul"
)
VOID_ELEMENTS = element_names("area base br col embed hr img input link meta param source track wbr")
# Headings but the first <h1> (the headline): intertitles, headings inside the body.
INTERTITLES = element_names("h1 h2 h3 h4 h5 h6")


def parse(source: str, *, path: str | None = None) -> Document:
    events = html_events(source)
    builder = FlowBuilder(source)
    walk_html(events, builder, regions=HtmlRegions())
    regions = builder.regions
    if not any(region.kind == "headline" for region in regions):
        regions = ()
    return Document(
        format="html",
        language=html_language(events),
        parts=builder.finish(),
        regions=regions,
        comments=comment_spans(source, events),
    )


def walk_html(
    events: list[Event], sink: Sink, *, role: Policy | None = None, regions: RegionPolicy | None = None
) -> None:
    """Report an HTML document or fragment to `sink`; all text outside skipped elements counts."""
    walk(
        events,
        sink,
        role or html_role,
        checked=True,
        regions=regions,
        void_elements=VOID_ELEMENTS,
        lenient=True,
    )


def html_role(tag: StartTag, stack: Sequence[Frame] = ()) -> Role:
    """Role of an HTML (or XHTML) element inside checked text."""
    if tag.name in SKIPPED:
        return Role.SKIP
    if tag.name == "br":
        return Role.LINE_BREAK
    if tag.name in BLOCKS:
        return Role.BLOCK
    return Role.INLINE


class HtmlRegions:
    """The first ``<h1>`` is the headline, every other heading an intertitle; a figure (or a
    caption outside one) is a caption."""

    def __init__(self) -> None:
        self.headline_seen = False

    def __call__(self, tag: StartTag, stack: Sequence[Frame]) -> RegionKind | None:
        if tag.name == "h1" and not self.headline_seen:
            self.headline_seen = True
            return "headline"
        if tag.name in INTERTITLES:
            return "intertitle"
        if tag.name == "figure" or (tag.name == "figcaption" and not any(f.name == "figure" for f in stack)):
            return "caption"
        return None


class EmbeddedHtml:
    """Roles and regions for an HTML or XHTML body inside a wire format.

    `headline_known`: the item already has its headline, so an ``<h1>`` in the body repeats it.
    """

    def __init__(self, *, headline_known: bool) -> None:
        self.headline_known = headline_known
        self.regions = HtmlRegions()
        self.regions.headline_seen = headline_known

    def role(self, tag: StartTag, stack: Sequence[Frame]) -> Role:
        if tag.name == "header" or (tag.name == "h1" and self.headline_known):
            return Role.SKIP
        return html_role(tag, stack)


def html_language(events: Sequence[Event]) -> str | None:
    """From ``<html lang>``, ``xml:lang``, or a content-language ``<meta>``."""
    for event in events:
        if not isinstance(event, StartTag):
            continue
        if event.name == "html":
            found = normalize_language(event.attr("lang", "xml:lang"))
            if found:
                return found
        elif event.name == "meta":
            kind = (event.attr("http-equiv") or event.attr("name") or "").lower()
            if kind in ("content-language", "language", "dc.language"):
                found = normalize_language(event.attr("content"))
                if found:
                    return found
    return None
