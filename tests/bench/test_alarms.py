"""The report bench/alarms.py writes to docs/quality.md."""

from __future__ import annotations

import dataclasses
from collections import Counter

from bench.alarms import PlantedError, overlaps, published_section
from bench.published import PublishedResults
from checker.records import Category, Issue


def test_the_report_gives_the_long_sentences_and_the_spaces_the_statistics_count() -> None:
    results = PublishedResults(articles=1, words=2000, long_sentences=6)
    results.notes["checker"] = Counter({"HOUSE_UNKNOWN_NAME": 2})
    results.alarms["LanguageTool"] = Counter({"DOPPELTES_LEERZEICHEN": 3, "WHITESPACE_RULE": 1, "DE_CASE": 5})
    section = published_section(results)
    assert "Long sentences (6, 3.0 per 1,000 words)" in section
    assert "the notes would come to 4.0 per 1,000 words" in section
    assert "here 2.0 alarms per 1,000 words" in section


def test_a_finding_about_a_whole_sentence_finds_no_error_inside_it() -> None:
    error = PlantedError("a.txt", "Ländern", "Länder", "case", 10, 17)
    words = Issue(
        offset=8,
        length=12,
        line=1,
        column=9,
        text="x",
        rule="DE_AGREEMENT",
        rule_description="",
        category=Category("GRAMMAR", "Grammatik"),
        type="grammar",
        severity="warning",
        message="",
    )
    sentence = dataclasses.replace(words, offset=0, length=80, rule="HOUSE_SENTENCE_LENGTH", source="house")
    elsewhere = dataclasses.replace(words, offset=30, length=5)
    assert [overlaps(issue, error) for issue in (words, sentence, elsewhere)] == [True, False, False]
