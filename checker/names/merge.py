"""The seam between the dictionary and the checks: a profile with the accepted entries added,
their names to the names dictionary (inflected forms and near misses as for the profile's own,
checker.house.dictionary) and their variants to the preferred spellings.

The profile's digest covers what is added, so a report cached for one list of accepted names is
never taken for another (checker.cli.report_cache).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from checker.house import Profile
from checker.names.entries import NameEntry

# The group of the profile's [names] that the dictionary's entries join.
DICTIONARY_GROUP = "dictionary"


def with_entries(profile: Profile, entries: Sequence[NameEntry]) -> Profile:
    """`profile` knowing the accepted ones among `entries` (the profile itself stays as it is)."""
    accepted = tuple(sorted((entry.name, entry.variants) for entry in entries if entry.status == "accepted"))
    return _merged(profile, accepted)


@lru_cache(maxsize=8)
def _merged(profile: Profile, accepted: tuple[tuple[str, tuple[str, ...]], ...]) -> Profile:
    # Kept for the last few lists: the same list comes back with every check until it changes,
    # and the names' index is built once for it.
    names = [name for name, _ in accepted]
    spellings = {variant: name for name, variants in accepted for variant in variants}
    return profile.with_names(DICTIONARY_GROUP, names).with_spellings(spellings)
