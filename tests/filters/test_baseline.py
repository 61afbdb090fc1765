"""Baseline fingerprints: stable under edits elsewhere, changed by an edit next to the finding."""

from __future__ import annotations

from checker.filters.baseline import fingerprint
from tests.filters.findings import issue


def test_fingerprints_survive_edits_elsewhere_but_not_next_to_the_finding() -> None:
    text = "Erster Absatz.\n\nDie Regirung plant eine Reform der Rente."
    moved = "Ganz neuer Absatz davor.\n\n" + text.replace("Erster", "Geänderter")
    reflowed = text.replace("plant eine", "plant\neine")
    neighbour = text.replace("plant", "beschließt")
    prints = [fingerprint(issue(version, "Regirung"), version) for version in (text, moved, reflowed, neighbour)]
    assert prints[0] == prints[1] == prints[2] != prints[3]
