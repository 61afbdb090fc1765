"""Language tags as documents write them ("de_DE", "DE-at"): normalised, and read as a German variant."""

from __future__ import annotations

import re

from checker.errors import InvalidRequest
from checker.options import LANGUAGES

_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def normalize_language(tag: str | None) -> str | None:
    """BCP 47 casing ("de-AT", "sr-Latn-RS"); None for an empty or malformed tag."""
    if tag is None:
        return None
    tag = tag.strip().replace("_", "-")
    if not _TAG.fullmatch(tag):
        return None
    language, *subtags = tag.split("-")
    normalized = [language.lower()]
    for subtag in subtags:
        if (len(subtag) == 2 and subtag.isalpha()) or (len(subtag) == 3 and subtag.isdigit()):
            normalized.append(subtag.upper())
        elif len(subtag) == 4 and subtag.isalpha():
            normalized.append(subtag.title())
        else:
            normalized.append(subtag.lower())
    return "-".join(normalized)


def variant_for(tag: str | None) -> str | None:
    """Our German variant for a document's language tag ("de" -> de-DE, "de-ch" -> de-CH)."""
    if not tag:
        return None
    parts = tag.replace("_", "-").split("-")
    if parts[0].lower() != "de":
        raise InvalidRequest(
            f"the document is marked as language {tag!r}; only German (de) is checked",
            reason="document_language",
            language=tag,
        )
    region = parts[1].upper() if len(parts) > 1 else "DE"
    variant = f"de-{region}"
    return variant if variant in LANGUAGES else "de-DE"
