"""Whole reports in the store (checker.cli.report_cache): read back exactly as written, and never
for a check that differs in anything a report depends on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from checker.cli import report_cache
from checker.cli.report_cache import ReportCache
from checker.formats.files import Source
from checker.house import load_profile
from checker.languagetool.stores import MemoryStore
from checker.names import new_entry, with_entries
from checker.options import CheckOptions
from checker.records import Category, Issue, Report, TextStats

TEXT = "Der Minister sagte 😀, dass die Verhandlungen weitergehn.\n\nZweiter Absatz."
REPORT = Report(
    text=TEXT,
    language="de-AT",
    issues=(
        Issue(
            offset=46,
            length=11,
            line=1,
            column=47,
            text="weitergehn.",
            rule="GERMAN_SPELLER_RULE",
            rule_description="Möglicher Tippfehler",
            category=Category(id="TYPOS", name="Mögliche Tippfehler"),
            type="misspelling",
            severity="warning",
            message="Möglicher Tippfehler gefunden.",
            replacements=("weitergehen.",),
            url="https://example.org/regel",
        ),
        Issue(
            offset=0,
            length=3,
            line=1,
            column=1,
            text="Der",
            rule="HOUSE_X",
            rule_description="",
            category=Category(id="HOUSE", name="Hausregeln"),
            type="style",
            severity="info",
            message="»Der«",
            source="house",
        ),
    ),
    engine_version="6.8",
    format="markdown",
    stats=TextStats(paragraphs=2, sentences=2, words=9, average_sentence_length=4.5, flesch_reading_ease=61.25),
)


def test_a_report_read_back_from_its_dict_is_the_same_report() -> None:
    assert Report.from_dict(REPORT.to_dict(), TEXT) == REPORT
    assert Report.from_dict(Report(text="x", language="de-DE").to_dict(), "x") == Report(text="x", language="de-DE")


def test_a_stored_report_is_found_for_the_same_check_only() -> None:
    profile = load_profile()
    cache = ReportCache(MemoryStore(), "6.8|abc|", profile)
    job = (Source("wire/a.md", TEXT), CheckOptions(language="de-AT"))
    assert cache.find([job]) == {}
    cache.keep(job, REPORT)
    assert cache.find([job]) == {0: REPORT}
    others = [
        (Source("wire/a.md", TEXT + " "), job[1]),
        (Source("wire/b.md", TEXT), job[1]),
        (job[0], CheckOptions(language="de-CH")),
        (job[0], dataclasses.replace(job[1], picky=True)),
        (job[0], dataclasses.replace(job[1], model=False)),
        (job[0], dataclasses.replace(job[1], disabled_rules=("DE_CASE",))),
    ]
    assert cache.find(others) == {}
    assert cache.find([*others, job]) == {len(others): REPORT}
    elsewhere = [
        ReportCache(cache.store, "6.8|abd|", profile),
        ReportCache(cache.store, "6.8|abc|", None),
        ReportCache(cache.store, "6.8|abc|", profile.with_names("Sitzung", ["Araghtschi"])),
    ]
    assert all(other.find([job]) == {} for other in elsewhere)


def test_the_dictionarys_accepted_names_are_part_of_the_key() -> None:
    profile = load_profile()
    job = (Source("wire/a.md", TEXT), CheckOptions(language="de-AT"))
    store = MemoryStore()
    ReportCache(store, "6.8|abc|", with_entries(profile, [new_entry("Wahidi")])).keep(job, REPORT)
    # The same accepted names (a proposal beside them changes nothing): found.
    same = with_entries(profile, [new_entry("Wahidi"), new_entry("Vahidi", status="proposed")])
    assert ReportCache(store, "6.8|abc|", same).find([job]) == {0: REPORT}
    # A name more, a name less, another variant: not found.
    changed = [
        with_entries(profile, [new_entry("Wahidi"), new_entry("Mirsajew")]),
        profile,
        with_entries(profile, [new_entry("Wahidi", variants=["Vahidi"])]),
    ]
    assert all(ReportCache(store, "6.8|abc|", other).find([job]) == {} for other in changed)


def test_an_entry_that_is_no_report_is_a_miss() -> None:
    cache = ReportCache(MemoryStore(), "6.8|abc|", None)
    job = (Source("a.txt", TEXT), CheckOptions())
    cache.store.put_many({cache.key(job): {"issues": "nonsense"}})
    assert cache.find([job]) == {}


@pytest.mark.parametrize(
    "damage",
    [{"severity": "kaputt"}, {"offset": "x"}, {"offset": 10**9}, {"length": -1}, {"replacements": [5]}],
    ids=["severity", "offset-type", "offset-outside", "length", "replacement-type"],
)
def test_a_report_with_a_damaged_finding_is_a_miss(damage: dict[str, object]) -> None:
    """A finding of the wrong type, outside its text or of no known severity is never shown."""
    cache = ReportCache(MemoryStore(), "6.8|abc|", None)
    job = (Source("a.txt", TEXT), CheckOptions())
    stored = REPORT.to_dict()
    stored["issues"][0] = {**stored["issues"][0], **damage}
    cache.store.put_many({cache.key(job): stored})
    assert cache.find([job]) == {}


def test_the_code_digest_follows_every_file_of_the_package_but_its_bytecode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "pipeline.py").write_text("A = 1\n")
    (tmp_path / "rules" / "de.xml").write_text("<rules/>\n")
    monkeypatch.setattr(report_cache, "PACKAGE", tmp_path)
    digest = report_cache.code_digest.__wrapped__

    before = digest()
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "pipeline.cpython-311.pyc").write_bytes(b"\x00")
    assert digest() == before
    (tmp_path / "rules" / "de.xml").write_text("<rules></rules>\n")
    assert digest() != before
