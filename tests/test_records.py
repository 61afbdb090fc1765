"""An Issue as a dict is the dataclass's own dict, with its tuple of replacements as a list: the
JSON report, the API and the golden files are made from it."""

from __future__ import annotations

import dataclasses

from checker.records import Category, Issue


def test_an_issue_as_a_dict_holds_every_field_as_asdict_does() -> None:
    issue = Issue(
        offset=3,
        length=5,
        line=1,
        column=4,
        text="Fehlr",
        rule="GERMAN_SPELLER_RULE",
        rule_description="Möglicher Tippfehler",
        category=Category(id="TYPOS", name="Mögliche Tippfehler"),
        type="misspelling",
        severity="warning",
        message="Möglicher Tippfehler gefunden.",
        replacements=("Fehler", "Fehl"),
        url=None,
        source="languagetool",
    )
    expected = dataclasses.asdict(issue)
    expected["replacements"] = ["Fehler", "Fehl"]
    assert issue.to_dict() == expected
    assert list(issue.to_dict()) == [field.name for field in dataclasses.fields(Issue)]
