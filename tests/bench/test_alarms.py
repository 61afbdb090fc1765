"""The report bench/alarms.py writes to docs/quality.md."""

from __future__ import annotations

import dataclasses
from collections import Counter

from bench.alarms import PlantedError, overlaps, published_section
from bench.published import PublishedResults
from tests.filters.findings import issue


def test_the_report_gives_the_long_sentences_and_the_spaces_the_statistics_count() -> None:
    results = PublishedResults(articles=1, words=2000, long_sentences=6)
    results.notes["checker"] = Counter({"HOUSE_UNKNOWN_NAME": 2})
    results.alarms["LanguageTool"] = Counter({"DOPPELTES_LEERZEICHEN": 3, "WHITESPACE_RULE": 1, "DE_CASE": 5})
    section = published_section(results)
    assert "Long sentences (6, 3.0 per 1,000 words)" in section
    assert "the notes would come to 4.0 per 1,000 words" in section
    assert "here 2.0 alarms per 1,000 words" in section


def test_a_finding_about_a_whole_sentence_finds_no_error_inside_it() -> None:
    text = "Die Gespräche der beiden Ländern begannen am Montag in Genf."
    start = text.index("Ländern")
    error = PlantedError("a.txt", "Ländern", "Länder", "case", start, start + len("Ländern"))
    words = issue(text, "beiden Ländern", "DE_AGREEMENT")
    sentence = dataclasses.replace(issue(text, text, "HOUSE_SENTENCE_LENGTH"), source="house")
    elsewhere = issue(text, "Genf")
    assert [overlaps(finding, error) for finding in (words, sentence, elsewhere)] == [True, False, False]
