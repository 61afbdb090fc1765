"""The language a Markdown file names in its YAML front matter (``lang: de-CH`` or
``language: de-AT``), read before the check so that it beats a project-wide language setting."""

from __future__ import annotations

import re

from checker.text.language_tags import normalize_language, variant_for

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
_LANGUAGE = re.compile(r"^(?:lang|language)[ \t]*:[ \t]*[\"']?([A-Za-z0-9_-]+)", re.M)


def front_matter_language(source: str) -> str | None:
    """Our German variant for the front matter's language tag; None when there is none.

    A tag of another language raises InvalidRequest, as the document's own tag would.
    """
    block = _FRONT_MATTER.match(source.removeprefix("\ufeff"))
    found = _LANGUAGE.search(block.group(1)) if block else None
    return variant_for(normalize_language(found.group(1))) if found else None
