"""Formats that are recognised but not read (NewsML 1.x): refused by name, whatever the file starts with."""

from __future__ import annotations

from collections.abc import Sequence

from checker.errors import InputError
from checker.formats.events import Event, StartTag

# Root element -> the format's name for people.
UNSUPPORTED_ROOTS = {"NewsML": "NewsML 1.x"}


def refuse_unsupported_root(root: str, *, path: str | None = None) -> None:
    """Raise `InputError` (reason "unsupported_format") if `root` (a local name) marks such a format."""
    label = UNSUPPORTED_ROOTS.get(root)
    if label is not None:
        raise InputError(
            f"{label} is not supported; NITF, NewsML-G2 and ninjs are read",
            reason="unsupported_format",
            path=path,
            format=label,
        )


def refuse_unsupported_events(events: Sequence[Event], *, path: str | None = None) -> None:
    """`refuse_unsupported_root` for the root element of a tokenized XML document."""
    root = next((event for event in events if isinstance(event, StartTag)), None)
    if root is not None:
        refuse_unsupported_root(root.name, path=path)
