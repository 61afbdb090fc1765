"""Shows LanguageTool an agency dateline as a sentence of its own.

In "Berlin (dpa) - Die Regierung …" the article's first sentence starts after the dash, but
LanguageTool reads one sentence and flags "Die" as wrongly capitalised. The text it is sent has
" - " after such a dateline replaced by ".\\n\\n", of the same length, so every offset still
fits the text as written. The dateline's own form is a house rule's business.
"""

from __future__ import annotations

import re

# At the start of a paragraph: a place of up to three words ("Frankfurt am Main", "Kiew/Moskau"),
# agency code(s) in parentheses, a dash between spaces.
_DATELINE = re.compile(
    r"(?m)^(?P<head>[^\S\n]*[A-ZÄÖÜ][^\s()]*(?:[ /][^\s()]+){0,2} \([\w/ -]{1,40}\))(?P<dash> [-–—] )"
)


def separate_datelines(text: str) -> str:
    """`text` with each agency dateline's dash turned into a paragraph break (same length)."""
    return _DATELINE.sub(lambda match: match["head"] + ".\n\n", text)
