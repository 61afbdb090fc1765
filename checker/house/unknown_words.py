"""Words LanguageTool's speller does not know that read as names or as compounds of known words.

News copy is full of names no dictionary holds: a spokesman's transliterated name, a
double-barrelled surname, a foreign town. Such a word is reported as a note ("Name nicht im
Namensverzeichnis", info, HOUSE_UNKNOWN_NAME) rather than as a spelling error, and likewise a
compound whose parts the speller knows ("Kaikanten", HOUSE_UNKNOWN_COMPOUND). A near miss of a
dictionary name stays a spelling error with the dictionary's spelling as its fix.

A capitalised unknown word reads as a name when
- a title or function comes before it ("Sprecher Ahmad Wahidi", "Ministerin …"),
- it is hyphenated from capitalised parts ("Müller-Lüdenscheidt"), or
- it stands next to another unknown capitalised word or a name particle ("bin", "al-");
and, unless the speller offers a word one typing slip away ("Regirung" -> "Regierung"), when
- it occurs more than once, spelled the same way,
- it has a transliteration's spelling ("tsch", "dsch", "kh"; "-ow", "-enko", "-ullah" …), or
- the speller knows no word near it at all.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from checker.house.profile import Profile
from checker.house.rules.base import NAMES, WORDING
from checker.records import Issue
from checker.text.segments import word_set

UNKNOWN_NAME = "HOUSE_UNKNOWN_NAME"
UNKNOWN_COMPOUND = "HOUSE_UNKNOWN_COMPOUND"

TITLES = word_set(
    """
    Herr Frau Dr. Prof. Sprecher Sprecherin Minister Ministerin Präsident Präsidentin Kanzler
    Kanzlerin Chef Chefin Bürgermeister Bürgermeisterin Abgeordnete Abgeordneter Botschafter
    Botschafterin General Generalin König Königin Prinz Prinzessin Scheich Ayatollah Imam Papst
    Kardinal Bischof Trainer Trainerin Kapitän Kapitänin Anwalt Anwältin Richter Richterin
    Premier Vorsitzende Vorsitzender Direktor Direktorin Gouverneur Gouverneurin Senator
    Senatorin Kommandeur Oberst Major Sänger Sängerin Autor Autorin Schauspieler Schauspielerin
    Kollege Kollegin Amtskollege Amtskollegin Journalist Journalistin Fotograf Fotografin
    Professor Professorin Sultan Emir Kronprinz Scheicha Mufti Rabbiner Patriarch Metropolit
    """
)
_TITLE_ENDINGS = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "sekretär",
    "sekretärin",
    "kommissar",
    "kommissarin",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "führer",
    "führerin",
    "kandidat",
    "kandidatin",
)
PARTICLES = word_set("bin ibn bint al el Abu Abdul van von de del der da di du le la")
_TRANSLITERATION = re.compile(
    r"tsch|dsch|dsh|kh|zh|gh|ij|(?:ow|owa|ew|ewa|ski|skij|skyj|enko|uk|ajew|ijew|ullah|ollah|uddin|abad)s?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _is_title(word: str) -> bool:
    lowered = word.casefold()
    return word in TITLES or (word[:1].isupper() and lowered.endswith(_TITLE_ENDINGS))


def _neighbours(text: str, start: int, end: int) -> tuple[list[str], str]:
    """Up to two words before the span (nearest first) and the word after it."""
    before = _WORD.findall(text, max(0, start - 60), start)[-2:][::-1]
    after = _WORD.match(text, end + 1) if end + 1 <= len(text) and text[end : end + 1] == " " else None
    return before, after.group() if after else ""


def reads_as_name(issue: Issue, text: str, unknown: frozenset[str], counts: Counter[str]) -> bool:
    """Whether a capitalised word the speller does not know reads as a name (module docstring)."""
    word = issue.text
    if not word[:1].isupper():
        return False
    before, after = _neighbours(text, issue.offset, issue.end)
    if any(_is_title(candidate) for candidate in before):
        return True
    if "-" in word and all(part[:1].isupper() for part in word.split("-") if part):
        return True
    if any(neighbour in unknown or neighbour in PARTICLES for neighbour in [*before[:1], after]):
        return True
    if is_known_compound(issue) or any(one_slip_apart(word, replacement) for replacement in issue.replacements):
        return False
    return counts[word] >= 2 or bool(_TRANSLITERATION.search(word)) or not issue.replacements


def one_slip_apart(word: str, other: str) -> bool:
    """Whether one letter inserted, dropped, changed or two swapped turn `word` into `other`."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        differences = [index for index, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        if len(differences) == 1:
            return True
        first, *rest = differences
        return (
            len(differences) == 2
            and rest[0] == first + 1
            and word[first] == other[first + 1]
            and word[first + 1] == other[first]
        )
    shorter, longer = sorted((word, other), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def is_known_compound(issue: Issue) -> bool:
    """Whether the speller suggests the word itself split into known parts ("Kai kanten")."""
    joined = issue.text.casefold()
    return any(
        (" " in replacement or "-" in replacement)
        and replacement.replace(" ", "").replace("-", "").casefold() == joined.replace("-", "")
        for replacement in issue.replacements
    )


def _note(issue: Issue, rule: str, description: str, message: str, name: bool) -> Issue:
    return dataclasses.replace(
        issue,
        rule=rule,
        rule_description=description,
        category=NAMES if name else WORDING,
        type="misspelling",
        severity="info",
        message=message,
        replacements=(),
        url=None,
        source="house",
    )


def classify_unknown_words(spelling: list[Issue], text: str, profile: Profile) -> list[Issue]:
    """The speller's findings, with those that read as names or known compounds made notes.

    `spelling` holds only speller findings whose words the profile does not know.
    """
    counts = Counter(issue.text for issue in spelling)
    unknown = frozenset(issue.text for issue in spelling if issue.text[:1].isupper())
    classified = []
    for issue in spelling:
        if profile.suggest_names(issue.text):
            classified.append(issue)  # a near miss of a dictionary name: a spelling error
        elif reads_as_name(issue, text, unknown, counts):
            message = (
                f"Name nicht im Namensverzeichnis: »{issue.text}«. Ist er richtig geschrieben, "
                "gehört er ins Namensverzeichnis des Hausprofils."
            )
            classified.append(_note(issue, UNKNOWN_NAME, "Name nicht im Namensverzeichnis", message, True))
        elif is_known_compound(issue):
            message = f"Zusammensetzung nicht im Wörterbuch: »{issue.text}«. Die Teile sind bekannt; bitte prüfen."
            classified.append(_note(issue, UNKNOWN_COMPOUND, "Zusammensetzung nicht im Wörterbuch", message, False))
        else:
            classified.append(issue)
    return classified
