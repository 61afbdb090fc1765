"""The report bench/alarms.py writes to docs/quality.md."""

from __future__ import annotations

from collections import Counter

from bench.alarms import published_section
from bench.published import PublishedResults


def test_the_report_gives_the_long_sentences_and_the_spaces_the_statistics_count() -> None:
    results = PublishedResults(articles=1, words=2000, long_sentences=6)
    results.notes["checker"] = Counter({"HOUSE_UNKNOWN_NAME": 2})
    results.alarms["LanguageTool"] = Counter({"DOPPELTES_LEERZEICHEN": 3, "WHITESPACE_RULE": 1, "DE_CASE": 5})
    section = published_section(results)
    assert "Long sentences (6, 3.0 per 1,000 words)" in section
    assert "the notes would come to 4.0 per 1,000 words" in section
    assert "here 2.0 alarms per 1,000 words" in section
