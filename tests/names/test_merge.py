"""The seam: a profile with the dictionary's accepted names, inflected forms and near misses
included, and a digest that changes exactly with the accepted names."""

from __future__ import annotations

from checker.house import load_profile
from checker.names import new_entry, with_entries


def test_accepted_names_join_the_profile() -> None:
    profile = load_profile()
    assert not profile.is_known_name("Kaikanten")
    merged = with_entries(
        profile,
        [
            new_entry("Kaikanten", kind="place", variants=["Kaikante"]),
            new_entry("Mirsajew", kind="person"),
            new_entry("Vorgeschlagen", status="proposed"),
        ],
    )
    assert merged.is_known_name("Kaikanten") and merged.is_known_name("Mirsajews")
    assert merged.suggest_names("Mirsajev") == ["Mirsajew"]
    assert merged.spelling["Kaikante"] == "Kaikanten"
    assert not merged.is_known_name("Vorgeschlagen")
    # The profile's own names are all still there; the profile itself is unchanged.
    assert merged.is_known_name("Putin") and not profile.is_known_name("Kaikanten")


def test_the_digest_follows_the_accepted_names_only() -> None:
    profile = load_profile()
    one = with_entries(profile, [new_entry("Kaikanten")])
    assert with_entries(profile, []).digest == profile.digest
    assert one.digest != profile.digest
    # The same accepted names, in any order and with other proposals beside them: the same digest.
    same = with_entries(profile, [new_entry("Neu", status="proposed"), new_entry("Kaikanten")])
    assert same.digest == one.digest
    assert with_entries(profile, [new_entry("Kaikanten", variants=["Kaikante"])]).digest != one.digest
