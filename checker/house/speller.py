"""The profile's names dictionary applied to LanguageTool's spelling findings.

Names the dictionary knows (with their inflected forms) are not misspelt; for near misses the
dictionary's spelling comes first among the suggestions ("Araghchi" -> "Araghtschi").
"""

from __future__ import annotations

import dataclasses

from checker.house import Profile
from checker.records import Issue


def is_spelling_rule(rule: str) -> bool:
    # GERMAN_SPELLER_RULE, AUSTRIAN_GERMAN_SPELLER_RULE, SWISS_GERMAN_SPELLER_RULE
    return rule.endswith("SPELLER_RULE")


def apply_names(issues: list[Issue], profile: Profile) -> list[Issue]:
    kept = []
    for issue in issues:
        if not is_spelling_rule(issue.rule):
            kept.append(issue)
            continue
        if profile.is_known_name(issue.text):
            continue
        names = profile.suggest_names(issue.text)
        replacements = tuple(dict.fromkeys([*names, *issue.replacements]))
        kept.append(dataclasses.replace(issue, replacements=replacements) if names else issue)
    return kept
