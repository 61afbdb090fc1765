"""'Apply all' on real text with the real engine: the verified fixes make no new finding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from checker.filters.fixes import FixPlan, plan
from checker.formats.files import decode
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Report

pytestmark = pytest.mark.engine

SENTENCE_RULES = ("HOUSE_SENTENCE_LENGTH", "HOUSE_DATELINE_MISSING")
PLANTED = sorted((Path(__file__).parents[1] / "quality" / "planted" / "dev").glob("*.txt"))


def _checker(engine: LanguageToolClient) -> Callable[[str], Report]:
    profile = load_profile()

    def run(text: str) -> Report:
        return check(text, CheckOptions(format=None), engine=engine, profile=profile)

    return run


def _assert_no_new_findings(text: str, engine: LanguageToolClient) -> tuple[Report, Report]:
    run = _checker(engine)
    before = run(text)
    fix_plan = plan(before, run)
    after = run(fix_plan.text)
    # Findings on words are compared by their words; those about a whole sentence by their
    # number, since a fix inside a long sentence changes its text.
    old = {(issue.rule, issue.text) for issue in before.issues if issue.rule not in SENTENCE_RULES}
    new = [(issue.rule, issue.text) for issue in after.issues if issue.rule not in SENTENCE_RULES]
    assert [finding for finding in new if finding not in old] == []
    for rule in SENTENCE_RULES:
        assert sum(i.rule == rule for i in after.issues) <= sum(i.rule == rule for i in before.issues)
    assert len(after.issues) == len(before.issues) - len(fix_plan.fixes)
    return before, after


def test_apply_all_on_the_example_article_makes_no_new_finding(engine: LanguageToolClient, seed_text: str) -> None:
    before, after = _assert_no_new_findings(seed_text, engine)
    assert not any(issue.text == "Iranischer" for issue in before.issues)
    assert "Moskau (IRNA) – Iranischer Präsident" in after.text
    assert "Presskonferenz" not in after.text and "Kremlin" not in after.text
    # Two suggestions (genitive or dative): the editor chooses, "apply all" does not.
    assert after.text.count("der beiden Ländern") == 3


@pytest.mark.parametrize("path", PLANTED, ids=[path.stem for path in PLANTED])
def test_apply_all_on_articles_with_planted_errors(path: Path, engine: LanguageToolClient) -> None:
    _assert_no_new_findings(path.read_text(encoding="utf-8"), engine)


IPTC = Path(__file__).parents[1] / "formats" / "files" / "iptc"


def _plan_for_file(path: Path, engine: LanguageToolClient, language: str | None = None) -> tuple[Report, FixPlan]:
    profile = load_profile()
    source = decode(path.read_bytes(), str(path))

    def run(text: str) -> Report:
        options = CheckOptions(format=None, language=language)
        return check(text, options, engine=engine, profile=profile, path=str(path))

    before = run(source)
    return before, plan(before, run)


def test_apply_all_on_a_dpa_sample_keeps_the_club_name(engine: LanguageToolClient) -> None:
    before, fix_plan = _plan_for_file(IPTC / "ninjs" / "examples__2.1__dpa_text.json", engine)
    assert "Schalke 04" in before.text
    assert not [issue for issue in before.issues if issue.rule.startswith("HOUSE_NUMBER")]
    assert "Schalke 04" in fix_plan.text and "Schalke vier" not in fix_plan.text
    # Notes (names not in the dictionary, long sentences) are advice: none is applied.
    assert all(before.issues[fix.index].severity != "info" for fix in fix_plan.fixes)


def test_apply_all_on_nitf_leaves_the_media_metadata(engine: LanguageToolClient) -> None:
    # The sample is English without a language tag: checked as German only when asked to.
    before, fix_plan = _plan_for_file(IPTC / "dti-nitf" / "basic-story.xml", engine, language="de-DE")
    media = before.text.index("<media "), before.text.index("</media>")
    assert before.issues and not [issue for issue in before.issues if media[0] <= issue.offset < media[1]]
    for metadata in ("<media-id>1932102</media-id>", "<media-name>airport-g1 021010</media-name>"):
        assert metadata in fix_plan.text
    assert "1.932.102" not in fix_plan.text
