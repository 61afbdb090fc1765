"""The profile's names dictionary applied to LanguageTool's spelling findings.

Names the dictionary knows (with their inflected forms) are not misspelt; for near misses the
dictionary's spelling comes first among the suggestions ("Araghchi" -> "Araghtschi"); unknown
words that read as names or as compounds of known words become notes (see unknown_words).
"""

from __future__ import annotations

import dataclasses

from checker.house.profile import Profile
from checker.house.unknown_words import UNKNOWN_COMPOUND, UNKNOWN_NAME, classify_unknown_words, is_name_like
from checker.records import Issue


def is_spelling_rule(rule: str) -> bool:
    # GERMAN_SPELLER_RULE, AUSTRIAN_GERMAN_SPELLER_RULE, SWISS_GERMAN_SPELLER_RULE
    return rule.endswith("SPELLER_RULE")


_NAME_RULES = frozenset({"HOUSE_NAME_VARIANT", "HOUSE_NAME_SPELLING"})


def is_unknown_word(rule: str) -> bool:
    """A finding about a word the speller does not know: its own, or our note on it."""
    return is_spelling_rule(rule) or rule in (UNKNOWN_NAME, UNKNOWN_COMPOUND)


def confirm_name_variants(
    house: list[Issue],
    unknown_spans: set[tuple[int, int]],
    profile: Profile,
    unknown_words: frozenset[str] = frozenset(),
) -> list[Issue]:
    """House findings without the name findings on ordinary words: a spelling counts as a
    variant or a near miss of a name only if the speller does not know it ("Ukrainer" is no
    misspelt "Ukraine", "Johanna" no misspelt "Johann"), or, for a variant, if the spelling it
    differs from is a dictionary name or a word the speller does not know (`unknown_words`),
    while the variant is no ordinary word ("Baghai" beside "Baghaei"; "Christen" beside the
    dictionary's "Christian" is an ordinary word). (A typo that occurs
    twice does not turn the correct word into a "variant" either.)"""
    return [
        issue
        for issue in house
        if issue.rule not in _NAME_RULES
        or (issue.offset, issue.length) in unknown_spans
        or (
            issue.rule == "HOUSE_NAME_VARIANT"
            and is_name_like(issue.text)
            and any(profile.is_known_name(r) or r in unknown_words for r in issue.replacements)
        )
    ]


def apply_names(issues: list[Issue], profile: Profile, text: str) -> list[Issue]:
    """`issues` of a check of `text` with the dictionary's names taken into account."""
    others = [issue for issue in issues if not is_spelling_rule(issue.rule)]
    unknown = [issue for issue in issues if is_spelling_rule(issue.rule) and not profile.is_known_name(issue.text)]
    spelling = []
    for issue in classify_unknown_words(unknown, text, profile):
        names = profile.suggest_names(issue.text) if is_spelling_rule(issue.rule) else []
        replacements = tuple(dict.fromkeys([*names, *issue.replacements]))
        spelling.append(dataclasses.replace(issue, replacements=replacements) if names else issue)
    return [*others, *spelling]
