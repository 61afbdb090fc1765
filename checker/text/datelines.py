"""Agency datelines ("Berlin (dpa) - "): the patterns that recognise them, in one place.

Three readers need a dateline, each with its own tolerance:

- `DATELINE_SHAPE`, loose and without a profile: tells a dateline paragraph from a headline.
- `DATELINE_PARTS`: place, codes and separator of a dateline of roughly the right shape, for the
  house rule that checks and repairs its form.
- `AGENCY_DATELINE` and `DATED_DATELINE`: a dateline at a line start, in the agency form
  ("Berlin (dpa) - ", "Kiew/Moskau (dpa/lni) - ", "WASHINGTON (AP) - ") or with a date and the
  agency after a comma or in brackets ("Moskau, 28. März, IRNA – ", "Paris, 3. Mai (AFP) - "),
  which LanguageTool is shown as a sentence of its own (`separate_datelines`).
- `PLACE_DATELINE`: a place alone before the dash ("Wien – "), as newspapers write it; also
  shown to LanguageTool as a sentence of its own.
"""

from __future__ import annotations

import re

# "Ort (Kürzel) -" in any dash form, or a colon.
DATELINE_SHAPE = re.compile(r"[^\n()]{1,60}\([^()\n]{2,30}\)\s*[-–—:]")

DATELINE_PARTS = re.compile(
    r"(?P<head>[A-ZÄÖÜ][^\n(),:;]{0,58}?) \((?P<codes>[^()\n]{1,30})\)"
    r"(?P<separator>[ \t]*[-–—:]+[ \t]*|[ \t]+)"
)

# At the start of a paragraph: a place of up to three words ("Frankfurt am Main", "Kiew/Moskau"),
# agency code(s) in parentheses, a dash between spaces.
AGENCY_DATELINE = re.compile(
    r"(?m)^(?P<head>[^\S\n]*[A-ZÄÖÜ][^\s()]*(?:[ /][^\s()]+){0,2} \([\w/ -]{1,40}\))(?P<dash> [-–—] )"
)


# A place of up to three capitalised words, then an optional date after a comma, then the agency
# after a comma (a capitalised code or name) or in brackets, then a dash between spaces.
DATED_DATELINE = re.compile(
    r"(?m)^(?P<head>[^\S\n]*[A-ZÄÖÜ][\w.'-]*(?:[ /][A-ZÄÖÜ][\w.'-]*){0,2}"
    r"(?:,[^\S\n]*[^,\n()–—]{1,25}?)?(?:,[^\S\n]*[A-Z][A-Za-z]{1,9}|[^\S\n]*\([\w/ -]{1,40}\)))"
    r"(?P<dash> [-–—] )"
)

# A place alone before a dash between spaces, the next sentence starting with a capital: the
# dateline of newspapers and agencies that name no agency there ("Wien – Der Landtag …",
# "Santiago de Chile – Die …", "Gaza/Jerusalem – …"), at a line start or after a sentence's end.
# The place is one to four capitalised words (name particles such as "de", "am", "on" between
# them, a slash with or without spaces: "St. Pölten / Wien"), not a pronoun or an article, and may
# end in a region or another name of the place in brackets ("Salt Lake City (Utah)", "Breslau
# (Wroclaw)").
PLACE_DATELINE = re.compile(
    r"(?m)(?:^|(?<=[.!?] ))(?P<head>(?!(?:Der|Die|Das|Den|Dem|Des|Ein|Eine|Er|Sie|Es|Wir|Ich|Ihr|Man)\b)"
    r"[A-ZÄÖÜ][\w.'’-]*(?:(?: / |[ /])(?:(?:de|da|do|di|del|la|le|am|an|der|im|on|upon|sur|en|al|el|bei) )?"
    r"[A-ZÄÖÜ][\w.'’-]*){0,3}(?: \([A-ZÄÖÜ][\w.'’-]*(?: [A-ZÄÖÜ][\w.'’-]*)?\))?)(?P<dash> [-–—] )(?=[A-ZÄÖÜ])"
)


def separate_datelines(text: str) -> str:
    """`text` with each agency dateline's dash turned into a paragraph break, of the same length.

    In "Berlin (dpa) - Die Regierung …" the article's first sentence starts after the dash, but
    LanguageTool reads one sentence and flags "Die" as wrongly capitalised. The same length keeps
    every offset valid for the text as written. The dateline's own form is a house rule's business.
    """
    for pattern in (AGENCY_DATELINE, DATED_DATELINE, PLACE_DATELINE):
        text = pattern.sub(lambda match: match["head"] + ".\n\n", text)
    return text
