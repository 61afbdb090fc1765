"""Reading a document's parts in another order than the file's: headlines before the body.

A ninjs document may hold its headline after its body. The reader builds the parts in file order
as always, marking each field as a region; `headlines_first` then gives the order in which the
plain text reads them, with the paragraph breaks between fields reused between them, and the
regions moved to where their text now is.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.formats.document import Part, Region, RegionKind

_READING_RANK: dict[RegionKind, int] = {
    "headline": 0,
    "subheadline": 1,
    "dateline": 2,
    "byline": 3,
    "body": 4,
    "intertitle": 4,
    "caption": 5,
}


def headlines_first(
    parts: Sequence[Part], regions: Sequence[Region]
) -> tuple[tuple[int, ...] | None, tuple[Region, ...]]:
    """The reading order of `parts` (None: the file's own) and the regions in it.

    The outermost regions are the fields; they are read headline, subheadline, …, body, caption,
    each kind in file order. Regions inside a field move with it.
    """
    fields = _outermost(regions)
    wanted = sorted(fields, key=lambda field: _READING_RANK[field.kind])
    if wanted == fields:
        return None, tuple(regions)
    spans = _plain_spans(parts)
    members: list[list[int]] = [[] for _ in fields]
    separators: list[int] = []
    silent: list[int] = []
    for index, (start, end) in enumerate(spans):
        if start == end:
            silent.append(index)
            continue
        owner = next((n for n, field in enumerate(fields) if field.start <= start and end <= field.end), None)
        if owner is not None:
            members[owner].append(index)
        elif parts[index].plain.strip():
            return None, tuple(regions)  # text outside every field: keep the file's order
        else:
            separators.append(index)
    if len(separators) != len(fields) - 1:
        return None, tuple(regions)
    order: list[int] = []
    moved: list[Region] = []
    plain_at = 0
    for position, field in enumerate(wanted):
        if position:
            order.append(separators[position - 1])
            plain_at += len(parts[separators[position - 1]].plain)
        order.extend(members[fields.index(field)])
        shift = plain_at - field.start
        moved.extend(
            Region(region.kind, region.start + shift, region.end + shift)
            for region in regions
            if field.start <= region.start and region.end <= field.end
        )
        plain_at += field.end - field.start
    return tuple(order + silent), tuple(sorted(moved, key=lambda region: (region.start, -region.end)))


def _outermost(regions: Sequence[Region]) -> list[Region]:
    """The regions not inside another one, in file order."""
    outermost: list[Region] = []
    for region in sorted(regions, key=lambda region: (region.start, -region.end)):
        if not outermost or region.start >= outermost[-1].end:
            outermost.append(region)
    return outermost


def _plain_spans(parts: Sequence[Part]) -> list[tuple[int, int]]:
    """Where each part's contribution lies in the plain text read in file order."""
    spans = []
    at = 0
    for part in parts:
        spans.append((at, at + len(part.plain)))
        at += len(part.plain)
    return spans
