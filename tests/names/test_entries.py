"""What a name of the dictionary may be: the one validation for the API, the page and the CLI."""

from __future__ import annotations

import pytest

from checker.errors import InvalidRequest
from checker.names import new_entry
from checker.names.entries import LONGEST_NAME, LONGEST_SNIPPET, clean_name


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("Araghtschi", "Araghtschi"),
        ("  Ursula   von der Leyen ", "Ursula von der Leyen"),
        ("Keystone-SDA", "Keystone-SDA"),
        ("O'Neill", "O'Neill"),
        ("St. Gallen", "St. Gallen"),
        ("Erdoğan", "Erdoğan"),
        ("Erdog\u0306an", "Erdoğan"),  # decomposed: kept in NFC
        ("G7", "G7"),
    ],
)
def test_names_that_are_kept(given: str, kept: str) -> None:
    assert clean_name(given) == kept


@pytest.mark.parametrize(
    "given",
    [
        "",
        "   ",
        "A",
        "x" * (LONGEST_NAME + 1),
        "<b>Putin</b>",
        "Putin&amp;",
        "Putin; DROP TABLE names",
        '"Putin"',
        "7Eleven",
        "-Putin",
        "Pu\u0000tin",
        "Putin\nMerz",
        42,
        None,
    ],
)
def test_names_that_are_refused(given: object) -> None:
    with pytest.raises(InvalidRequest) as refused:
        clean_name(given)
    assert refused.value.http_status == 400
    assert refused.value.reason == "bad_name"


def test_an_entry_is_checked_whole() -> None:
    entry = new_entry(
        "Abbas Araghtschi", kind="person", variants="Abbas Araghchi, Abbas Araghtschi", seen_in="x\u0007" * 400
    )
    # The name itself is no variant of itself; the snippet loses control characters and is cut.
    assert entry.variants == ("Abbas Araghchi",)
    assert len(entry.seen_in) == LONGEST_SNIPPET and "\u0007" not in entry.seen_in
    with pytest.raises(InvalidRequest, match="Art"):
        new_entry("Putin", kind="human")
    with pytest.raises(InvalidRequest, match="Status"):
        new_entry("Putin", status="maybe")
    with pytest.raises(InvalidRequest, match="Variante"):
        new_entry("Putin", variants=["<script>"])
