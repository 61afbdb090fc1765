"""Doubled words: the same word twice in a row ("die die"), with the legitimate cases spared."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules.base import DUPLICATION, Finding, Rule

# Same word twice, separated by spaces or one line break (not by a paragraph break or a comma).
_DOUBLED = re.compile(
    r"(?<![\w-])([^\W\d_]+)([ \t]+(?:\r\n?|\n)?[ \t]*|(?:\r\n?|\n)[ \t]*)(\1)(?![\w-])", re.IGNORECASE
)

# Article and relative pronoun in a row are normal after a comma: "Menschen, die die Stadt
# verlassen", "das Land, mit dem dem Abkommen …" is not, but "…, in der der" is.
_RELATIVE = frozenset(["der", "die", "das", "den", "dem", "des", "denen", "deren", "dessen"])
_PREPOSITIONS = [
    "an",
    "auf",
    "aus",
    "bei",
    "durch",
    "für",
    "gegen",
    "hinter",
    "in",
    "mit",
    "nach",
    "neben",
    "ohne",
    "seit",
    "über",
    "um",
    "unter",
    "von",
    "vor",
    "während",
    "wegen",
    "zu",
    "zwischen",
]
_AFTER_COMMA = re.compile(r",\s*(?:(?:" + "|".join(_PREPOSITIONS) + r")\s+)?$", re.IGNORECASE)
# "weil sie sie kennt", "Haben Sie sie gesehen?", "gebt ihr ihr Geld": pronouns in a row.
_PRONOUNS = frozenset(["sie", "ihr", "es"])
_INTERJECTIONS = frozenset(["ha", "haha", "he", "hey", "na", "nein", "ja", "oh", "bla", "tja", "so"])
# "ab und zu" ends in the preposition that may come next: "ab und zu zu Versammlungen".
_AB_UND = re.compile(r"\bab\s+und\s+$", re.IGNORECASE)
# An article, then an extended participle attribute with its own article: "die die Regierung
# stützenden Parteien", "der den Vertrag unterzeichnende Minister". The participle (present,
# or past with ge-) is followed by the noun the first article belongs to.
_PARTICIPLE_ATTRIBUTE = re.compile(
    r"(?:\s+\S+){1,6}?\s+(?:\w+end|ge\w+(?:t|en))(?:e|en|er|es|em)\s+[A-ZÄÖÜ]",
)


def _find(doc: Article, profile: Profile) -> Iterator[Finding]:
    text = doc.text
    sentence_starts = doc.sentence_starts()
    for match in _DOUBLED.finditer(text):
        first, second = match.group(1), match.group(3)
        # Capitals tell nouns from other words: "das Leben leben", "Essen essen".
        if first != second and not (match.start() in sentence_starts and first == second.capitalize()):
            continue
        word = first.casefold()
        if word in _PRONOUNS or word in _INTERJECTIONS:
            continue
        if word == "zu" and _AB_UND.search(text, max(0, match.start() - 10), match.start()):
            continue
        if word in _RELATIVE and _AFTER_COMMA.search(text, max(0, match.start() - 40), match.start()):
            continue
        if word in _RELATIVE and _PARTICIPLE_ATTRIBUTE.match(text, match.end()):
            continue
        yield Finding(
            match.start(),
            match.end(),
            f"Doppeltes Wort: »{match.group(1)}« steht zweimal hintereinander.",
            (match.group(1),),
        )


DOUBLED_WORD = Rule(
    id="HOUSE_DOUBLED_WORD",
    description="Wort doppelt",
    category=DUPLICATION,
    type="duplication",
    severity="error",
    find=_find,
    examples_wrong=(
        "Berlin (dpa) - Der Minister lobte die die Arbeit der Polizei.",
        "Berlin (dpa) - Der Minister hat hat das Gesetz unterschrieben.",
        "Berlin (dpa) - Der Minister hat das\ndas Gesetz unterschrieben.",
        "Berlin (dpa) - Die Regierung will will handeln.",
        "Berlin (dpa) - Die Lage ist ernst. Hat hat der Minister das gesagt?",
    ),
    examples_right=(
        "Berlin (dpa) - Die Menschen, die die Stadt verlassen, fürchten die Kämpfe.",
        "Berlin (dpa) - Das Land, in dem dem Präsidenten vertraut wird, wählt.",
        "Berlin (dpa) - Er sagte, dass das Gesetz kommt.",
        "Berlin (dpa) - Haben Sie sie gesehen?",
        "Berlin (dpa) - Die Lage ist ernst, ernst wie nie.",
        "Berlin (dpa) - Sie sagte nein.\n\nNein, nicht heute.",
        "Berlin (dpa) - Sie wollen ihr Leben leben.",
        "Berlin (dpa) - Die die Regierung stützenden Parteien stimmten zu.",
        "Berlin (dpa) - Der den Vertrag unterzeichnende Minister reiste ab.",
        "Berlin (dpa) - Das die Bürger belastende Gesetz wurde geändert.",
        "Berlin (dpa) - Er ging ab und zu zu Versammlungen der Partei.",
    ),
)
