"""An entry of the names dictionary and the rules every entry meets, wherever it comes from (the
API, the review page, the command line, an imported profile): one validation, German messages.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from checker.errors import InvalidRequest

NameKind = Literal["person", "place", "organisation", "other"]
NAME_KINDS: tuple[NameKind, ...] = ("person", "place", "organisation", "other")
NameStatus = Literal["proposed", "accepted", "rejected"]
NAME_STATUSES: tuple[NameStatus, ...] = ("proposed", "accepted", "rejected")

LONGEST_NAME = 100
LONGEST_SNIPPET = 300
LONGEST_AUTHOR = 100
MOST_VARIANTS = 20
# Characters a name may hold besides letters, their marks and digits: "Ursula von der Leyen",
# "Keystone-SDA", "Baschar al-Assad", "O'Neill", "St. Gallen".
_NAME_PUNCTUATION = frozenset(" -'’.")


@dataclass(frozen=True)
class NameEntry:
    """One name of the dictionary: its spelling, kind, the spellings it replaces ("Araghchi" for
    "Araghtschi"), its status, who added it when, and a snippet of the text it was seen in."""

    name: str
    kind: NameKind = "other"
    variants: tuple[str, ...] = ()
    status: NameStatus = "accepted"
    added_by: str = ""
    added_at: datetime | None = None
    seen_in: str = ""
    # Set by the store: the entry's row.
    id: int | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "variants": list(self.variants),
            "status": self.status,
            "added_by": self.added_by,
            "added_at": self.added_at.isoformat() if self.added_at is not None else None,
            "seen_in": self.seen_in,
        }


def clean_name(value: Any, what: str = "Der Name") -> str:
    """`value` as a name (NFC, white space collapsed), or InvalidRequest saying what is wrong:
    a string of 2 to LONGEST_NAME characters, starting with a letter, of letters, digits, spaces,
    hyphens, apostrophes and full stops (no markup, no control characters)."""
    if not isinstance(value, str):
        raise InvalidRequest(f"{what} muss eine Zeichenkette sein.", reason="bad_name")
    if any(unicodedata.category(char).startswith("C") for char in value):
        raise InvalidRequest(f"{what} enthält ein Steuerzeichen oder einen Zeilenumbruch.", reason="bad_name")
    name = " ".join(unicodedata.normalize("NFC", value).split())
    if len(name) < 2:
        raise InvalidRequest(f"{what} ist leer oder zu kurz (mindestens zwei Zeichen).", reason="bad_name")
    if len(name) > LONGEST_NAME:
        raise InvalidRequest(f"{what} ist zu lang (höchstens {LONGEST_NAME} Zeichen).", reason="bad_name")
    if not name[0].isalpha():
        raise InvalidRequest(f"{what} muss mit einem Buchstaben beginnen: „{name}“.", reason="bad_name")
    for char in name:
        if not (char.isalnum() or char in _NAME_PUNCTUATION or unicodedata.category(char).startswith("M")):
            raise InvalidRequest(
                f"{what} enthält ein Zeichen, das in Namen nicht vorkommt: „{char}“ (erlaubt sind Buchstaben, "
                "Ziffern, Leerzeichen, Bindestrich, Apostroph und Punkt).",
                reason="bad_name",
            )
    return name


def clean_kind(value: Any) -> NameKind:
    for kind in NAME_KINDS:
        if value == kind:
            return kind
    raise InvalidRequest(f"Die Art muss eine von {', '.join(NAME_KINDS)} sein.", reason="bad_kind")


def clean_status(value: Any) -> NameStatus:
    for status in NAME_STATUSES:
        if value == status:
            return status
    raise InvalidRequest(f"Der Status muss einer von {', '.join(NAME_STATUSES)} sein.", reason="bad_status")


def clean_variants(value: Any, name: str) -> tuple[str, ...]:
    """Spellings the name replaces: a list of names, without the name itself and repeats."""
    if isinstance(value, str):
        value = [part for part in value.replace(",", "\n").split("\n") if part.strip()]
    if not isinstance(value, list | tuple):
        raise InvalidRequest("Die Varianten müssen eine Liste von Namen sein.", reason="bad_name")
    if len(value) > MOST_VARIANTS:
        raise InvalidRequest(f"Höchstens {MOST_VARIANTS} Varianten je Name.", reason="bad_name")
    variants = (clean_name(variant, "Eine Variante") for variant in value)
    return tuple(dict.fromkeys(variant for variant in variants if variant != name))


def clean_text(value: Any, longest: int, what: str) -> str:
    """Free text (a snippet, an author): printable characters only, cut to `longest`."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRequest(f"{what} muss eine Zeichenkette sein.", reason="bad_name")
    printable = "".join(char if char.isprintable() else " " for char in value)
    return " ".join(printable.split())[:longest]


def new_entry(
    name: Any,
    *,
    kind: Any = "other",
    variants: Any = (),
    status: Any = "accepted",
    added_by: Any = "",
    seen_in: Any = "",
) -> NameEntry:
    """An entry from values as a caller sent them, each checked (InvalidRequest for a bad one)."""
    cleaned = clean_name(name)
    return NameEntry(
        name=cleaned,
        kind=clean_kind(kind),
        variants=clean_variants(variants, cleaned),
        status=clean_status(status),
        added_by=clean_text(added_by, LONGEST_AUTHOR, "Der Urheber"),
        seen_in=clean_text(seen_in, LONGEST_SNIPPET, "Die Fundstelle"),
    )
