"""Stray codes: a transmission or editing code left after the last paragraph ("9407")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules.base import WIRE, Finding, Rule

# One to four short tokens of letters, digits and code punctuation, with at least one digit
# and no run of four letters (so "Seite 2" or "Ende 2024" are text, not a code).
_CODE = re.compile(r"(?=[^\n]*\d)(?![^\n]*[^\W\d_]{4})[\w#/.:*-]{1,16}(?:[ \t][\w#/.:*-]{1,8}){0,3}")
_SENTENCE_END = ".!?…»«“\"')"


def _find(doc: Article, profile: Profile) -> Iterator[Finding]:
    if len(doc.paragraphs) < 2 and "\n" not in doc.text.strip():
        return
    start, end = doc.paragraphs[-1]
    last_line_start = max(doc.text.rfind("\n", start, end), doc.text.rfind("\r", start, end)) + 1
    if last_line_start > start:
        # The code sits on its own line at the end of the last paragraph; only after a finished
        # sentence, so that the last line of a wrapped paragraph is not taken for one.
        before = doc.text[start:last_line_start].rstrip()
        if not before.endswith(tuple(_SENTENCE_END)):
            return
        start = last_line_start
    elif len(doc.paragraphs) < 2:
        return
    line = doc.text[start:end].strip()
    if not _CODE.fullmatch(line):
        return
    offset = doc.text.index(line, start)
    yield Finding(
        offset,
        offset + len(line),
        f"»{line}« nach dem letzten Absatz sieht nach einem Übertragungs- oder Redaktionscode aus;"
        " vor der Veröffentlichung entfernen.",
        ("",),
    )


STRAY_CODE = Rule(
    id="HOUSE_STRAY_CODE",
    description="Code nach dem letzten Absatz",
    category=WIRE,
    type="style",
    severity="error",
    find=_find,
    examples_wrong=(
        "Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.\n\n9407",
        "Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.\n9407\n",
        "Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.\n\nab/xy 1204",
    ),
    examples_right=(
        "Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.",
        "Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.\n\nDie Abstimmung endete 412:201.",
        "Berlin (dpa) - Der Bundestag hat das Gesetz\nbeschlossen, mit 412 zu 201",
        "Berlin (dpa) - Der Bundestag tagt.\n\nSeite 2",
        "9407",
    ),
)
