"""Wording from the profile: preferred spellings (``[spelling]``) and words to avoid (``[avoid]``).

A spelling variant matches with inflectional endings ("Photographen" -> "Fotografen"); a
variant of six letters or more also at the end of a compound ("Pressephotograph"). A variant
written in lower case matches capitalised at the start of a sentence too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules.base import WORDING, Finding, Rule

_ENDINGS = r"(?P<ending>innen|in|ern|en|er|es|e|n|s)?"
_LETTER = r"[^\W\d_]"
_MIN_COMPOUND_VARIANT = 6


def _first_letter_either_case(word: str) -> str:
    first = word[0]
    rest = re.escape(word[1:])
    if first.islower():
        return f"[{re.escape(first)}{re.escape(first.upper())}]{rest}"
    return re.escape(first) + rest


def _phrase_pattern(phrase: str, *, endings: bool) -> re.Pattern[str]:
    words = phrase.split()
    body = r"\s+".join([_first_letter_either_case(words[0]), *(re.escape(word) for word in words[1:])])
    suffix = _ENDINGS if endings and len(words) == 1 else ""
    return re.compile(rf"(?<!{_LETTER})(?P<word>{body}){suffix}(?![\w-])")


def _match_case(replacement: str, found: str) -> str:
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def _find_spelling(doc: Article, profile: Profile) -> Iterator[Finding]:
    for variant, preferred in profile.spelling.items():
        yield from _variant_findings(doc.text, variant, preferred)
        yield from _compound_findings(doc.text, variant, preferred)


def _variant_findings(text: str, variant: str, preferred: str) -> Iterator[Finding]:
    if variant.split(maxsplit=1)[0][1:] not in text:  # the pattern needs these letters as written
        return
    for match in _phrase_pattern(variant, endings=True).finditer(text):
        ending = match.group("ending") or ""
        found = match.group()
        replacement = _match_case(preferred, found) + ending
        yield Finding(match.start(), match.end(), f"Hausschreibweise: »{replacement}« statt »{found}«.", (replacement,))


def _compound_findings(text: str, variant: str, preferred: str) -> Iterator[Finding]:
    if len(variant) < _MIN_COMPOUND_VARIANT or variant.lower() not in text:  # the tail as written
        return
    compound = re.compile(rf"(?<!{_LETTER}){_LETTER}+?(?P<tail>{re.escape(variant.lower())}){_ENDINGS}(?![\w-])")
    for match in compound.finditer(text):
        found = match.group()
        tail_start = match.start("tail") - match.start()
        replacement = found[:tail_start] + preferred.lower() + (match.group("ending") or "")
        yield Finding(match.start(), match.end(), f"Hausschreibweise: »{replacement}« statt »{found}«.", (replacement,))


def _find_avoid(doc: Article, profile: Profile) -> Iterator[Finding]:
    for avoidance in profile.avoid:
        pattern = _phrase_pattern(avoidance.phrase, endings=True)
        for match in pattern.finditer(doc.text):
            found = match.group()
            yield Finding(
                match.start(),
                match.end(),
                f"»{found}« vermeiden: {avoidance.reason}.",
                tuple(_match_case(suggestion, found) for suggestion in avoidance.suggestions),
            )


SPELLING = Rule(
    id="HOUSE_SPELLING",
    description="Hausschreibweise",
    category=WORDING,
    type="misspelling",
    severity="warning",
    find=_find_spelling,
    examples_wrong=(
        "Berlin (dpa) - Der Photograph war vor Ort.",
        "Berlin (dpa) - Die Photographen waren vor Ort.",
        "Berlin (dpa) - Ein Pressephotograph war vor Ort.",
        "Kiev (dpa) - Die Lage in Kiev ist ruhig.",
        "Berlin (dpa) - Photographieren war verboten.",
    ),
    examples_right=(
        "Berlin (dpa) - Der Fotograf war vor Ort.",
        "Kiew (dpa) - Die Lage in Kiew ist ruhig.",
        "Berlin (dpa) - Die Photographers' Gallery in London zeigt Bilder.",
    ),
)

AVOID = Rule(
    id="HOUSE_AVOID",
    description="Zu vermeidendes Wort",
    category=WORDING,
    type="style",
    severity="warning",
    find=_find_avoid,
    examples_wrong=(
        "Berlin (dpa) - Der Mann beging Selbstmord.",
        "Damaskus (dpa) - Die Kämpfer von Daesh zogen sich zurück.",
        "Berlin (dpa) - Die Behörden sprechen von einem Familiendrama.",
    ),
    examples_right=(
        "Berlin (dpa) - Der Mann hat sich das Leben genommen.",
        "Damaskus (dpa) - Die Kämpfer der Terrormiliz Islamischer Staat (IS) zogen sich zurück.",
    ),
)
