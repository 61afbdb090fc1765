"""The other forms of a determiner or adjective offered as fixes."""

from __future__ import annotations

from checker.learned.suggest import other_forms


def test_other_forms_of_determiners_and_adjectives() -> None:
    assert other_forms("dem") == ["der", "die", "das", "den", "des"]
    assert other_forms("Seinen")[:2] == ["Sein", "Seine"]
    assert other_forms("erneuerbare") == ["erneuerbaren", "erneuerbarer", "erneuerbarem", "erneuerbares"]
    assert other_forms("Regierung") == []
