"""Agency files checked against the real LanguageTool with the house profile: every finding at its
exact place in the file, none on markup or metadata, each paragraph's findings once."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.formats import Document, parse_document
from checker.formats.files import decode
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Report

pytestmark = pytest.mark.engine

FILES = Path(__file__).parent / "files"
# A ninjs 3.0 item whose body is NITF.
ADDB = (
    "examples__3.0__20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json"
)
CHECKED = [
    FILES / "iptc" / "ninjs" / "examples__2.1__dpa_text.json",
    FILES / "iptc" / "ninjs" / "examples__2.1__tt_text_image_2.json",
    FILES / "iptc" / "ninjs" / ADDB,
    FILES / "iptc" / "ninjs" / "tools__xslt__TT_newsmlg2_sample.xml",
    FILES / "iptc" / "dti-nitf" / "basic-story-no-p-tags.xml",
    FILES / "iptc" / "newsml-g2" / "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
    FILES / "wire" / "dpa-header.newsml.xml",
    FILES / "wire" / "nitf3-entities.nitf.xml",
    FILES / "wire" / "efe-subheadline.nitf.xml",
]


@pytest.fixture(scope="module")
def checked(engine: LanguageToolClient) -> dict[str, tuple[str, Document, Report]]:
    profile = load_profile()
    results = {}
    for path in CHECKED:
        source = decode(path.read_bytes(), str(path))
        options = CheckOptions(format=None, language="de-DE")
        report = check(source, options, engine=engine, profile=profile, path=str(path))
        results[path.name] = (source, parse_document(source, path=str(path)), report)
    return results


def checked_offsets(document: Document) -> set[int]:
    """File offsets of text that is checked: text parts, and markup that reads as a character."""
    offsets: set[int] = set()
    at = 0
    for part in document.parts:
        if not part.markup or part.interpret_as.strip():
            offsets.update(range(at, at + len(part.source)))
        at += len(part.source)
    return offsets


@pytest.mark.parametrize("path", CHECKED, ids=lambda path: path.name[:50])
def test_findings_are_on_checked_text_at_their_exact_place(
    path: Path, checked: dict[str, tuple[str, Document, Report]]
) -> None:
    source, document, report = checked[path.name]
    assert report.issues
    lines = source.splitlines(keepends=True)
    allowed = checked_offsets(document)
    for issue in report.issues:
        assert source[issue.offset : issue.offset + issue.length] == issue.text
        assert lines[issue.line - 1][issue.column - 1 :].startswith(issue.text.splitlines()[0] if issue.text else "")
        assert issue.offset in allowed and issue.offset + max(issue.length, 1) - 1 in allowed, issue


def test_a_body_in_four_renditions_is_checked_once(checked: dict[str, tuple[str, Document, Report]]) -> None:
    source, _, report = checked["examples__2.1__tt_text_image_2.json"]
    headline = source.index('"value": "Militärövning')
    richest = source.index('"value": "<html>', source.index('"richhtml5"'))
    richest_end = source.index('"\n', richest)
    inside = [issue for issue in report.issues if richest <= issue.offset < richest_end]
    elsewhere = [issue for issue in report.issues if not richest <= issue.offset < richest_end]
    assert inside and all(headline <= issue.offset < headline + 60 for issue in elsewhere)
    assert not [issue for issue in report.issues if "FörsvarTT" in issue.text]


def test_a_correct_dateline_element_and_the_xhtml_header_stay_quiet(
    checked: dict[str, tuple[str, Document, Report]],
) -> None:
    source, _, report = checked["dpa-header.newsml.xml"]
    header = (source.index("<header>"), source.index("</header>"))
    assert not [issue for issue in report.issues if header[0] <= issue.offset < header[1]]
    assert not [issue for issue in report.issues if issue.rule.startswith("HOUSE_DATELINE")]
    assert [issue.text for issue in report.issues if issue.rule == "GERMAN_SPELLER_RULE"].count("Fehlerr") == 1


def test_entities_and_machine_dates(checked: dict[str, tuple[str, Document, Report]]) -> None:
    source, _, report = checked["nitf3-entities.nitf.xml"]
    assert "Fehlerr" in [issue.text for issue in report.issues]
    date = source.index("20260314T101500+0100</story.date>")
    assert not [issue for issue in report.issues if date <= issue.offset < date + 20]
    assert not [issue for issue in report.issues if issue.offset < source.index("<body>")]
