"""Bounds on what is sent to LanguageTool: text that no article contains and that can exhaust
the engine (a paragraph of 48,000 punctuation marks ran its 1 GiB heap out) is refused with the
limit it broke and where, before any check starts.

- a paragraph of more than `MAX_PARAGRAPH` characters (no article has one); any line break ends
  a paragraph here, so a list of short lines is no long paragraph (LanguageTool takes such
  lines in the pieces of checker.languagetool.chunks as it takes prose);
- a run of more than `MAX_SYMBOL_RUN` characters without a letter or digit ("!?.,;:!?…");
- a token (characters without white space) of more than `MAX_TOKEN` characters;
- a lone UTF-16 surrogate, which is no character and cannot be sent on.

`MAX_TEXT_LENGTH` bounds a whole text (a file as given, markup included): the command line stops
reading there, and it is the web app's default for one check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT_LENGTH = 100_000
MAX_PARAGRAPH = 20_000
MAX_SYMBOL_RUN = 200
MAX_TOKEN = 300

_LONG_PARAGRAPH = re.compile(r"[^\r\n]{" + str(MAX_PARAGRAPH + 1) + ",}")
# Line ends (LF, CR) end a run, as they end a paragraph.
_SYMBOL_RUN = re.compile(r"(?:[^\w\n\r]|_){" + str(MAX_SYMBOL_RUN + 1) + ",}")
_LONG_TOKEN = re.compile(r"\S{" + str(MAX_TOKEN + 1) + ",}")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Unsafe:
    """Where the text leaves the bounds, which bound (`reason`, `limit`) and what it is."""

    offset: int
    reason: str
    message: str
    limit: int | None = None


_CHECKS = (
    (_SURROGATE, "lone_surrogate", "a lone UTF-16 surrogate is no character", None),
    (_LONG_PARAGRAPH, "paragraph_too_long", f"a paragraph of more than {MAX_PARAGRAPH} characters", MAX_PARAGRAPH),
    (
        _SYMBOL_RUN,
        "symbol_run",
        f"more than {MAX_SYMBOL_RUN} characters in a row without a letter or digit",
        MAX_SYMBOL_RUN,
    ),
    (_LONG_TOKEN, "token_too_long", f"a word of more than {MAX_TOKEN} characters without a space", MAX_TOKEN),
)


def find_unsafe(text: str) -> Unsafe | None:
    """The first place where `text` leaves the bounds (see the module docstring), or None."""
    for pattern, reason, message, limit in _CHECKS:
        found = pattern.search(text)
        if found:
            return Unsafe(found.start(), reason, message, limit)
    return None
