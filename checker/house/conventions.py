"""Which typographic form a text mostly uses, for the profile's `auto` convention: quotation
marks, dashes and percent signs follow the document, and only departures and mixtures are
flagged."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def dominant(forms: Iterable[str]) -> str | None:
    """The form used most often; on a tie the one that comes first; None when there is none."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for position, form in enumerate(forms):
        counts[form] += 1
        first_seen.setdefault(form, position)
    if not counts:
        return None
    return max(counts, key=lambda form: (counts[form], -first_seen[form]))
