"""Suppression comments (`<!-- wirecheck-disable -->`) by rule and for all, only where the format has comments."""

from __future__ import annotations

import re

import pytest

from checker.filters.suppression import suppressed_ranges, without_rules, without_suppressed
from checker.records import Report
from tests.filters.findings import issue


def test_suppression_ranges_by_rule_and_for_all() -> None:
    source = (
        "a <!-- wirecheck-disable A, B --> x <!-- wirecheck-enable B --> y <!--wirecheck-enable--> z "
        "<!-- wirecheck-disable --> w"
    )
    comments = [(match.start(), match.end()) for match in re.finditer("<!--.*?-->", source)]
    ranges = {(source[item.start : item.end].strip(), item.rule) for item in suppressed_ranges(source, comments)}
    assert ranges == {("x", "B"), ("x <!-- wirecheck-enable B --> y", "A"), ("w", "*")}


def test_enable_rule_switches_one_rule_on_inside_a_disable_of_all() -> None:
    source = (
        "Fehlerr <!-- wirecheck-disable --> Fehlerr, 3 <!-- wirecheck-enable SPELL --> Fehlerr, 3 "
        "<!-- wirecheck-disable SPELL --> Fehlerr <!-- wirecheck-enable --> Fehlerr"
    )
    spelling = [issue(source, "Fehlerr", "SPELL[2]", start=start) for start in _starts(source, "Fehlerr")]
    numbers = [issue(source, "3", "NUMBERS", start=start) for start in _starts(source, "3")]
    report = Report(source, "de-DE", tuple(sorted([*spelling, *numbers], key=lambda i: i.offset)), format="html")
    kept = [(item.rule, item.offset) for item in without_suppressed(report).issues]
    assert kept == [
        ("SPELL[2]", spelling[0].offset),
        ("SPELL[2]", spelling[2].offset),
        ("SPELL[2]", spelling[4].offset),
    ]


def _starts(text: str, word: str) -> list[int]:
    return [index for index in range(len(text)) if text.startswith(word, index)]


@pytest.mark.parametrize(
    ("source", "format"),
    [
        ("Fehlerr\n\n```html\n<!-- wirecheck-disable -->\n```\n\nFehlerr\n", "markdown"),
        ("Fehlerr\n\n    <!-- wirecheck-disable -->\n\nFehlerr\n", "markdown"),
        ("Fehlerr `<!-- wirecheck-disable -->` Fehlerr\n", "markdown"),
        ("<p>Fehlerr</p><script>/* <!-- wirecheck-disable --> */</script><p>Fehlerr</p>", "html"),
        (
            "<nitf><body><body.content><p>Fehlerr</p><p><![CDATA[<!-- wirecheck-disable -->]]></p>"
            "<p>Fehlerr</p></body.content></body></nitf>",
            "nitf",
        ),
    ],
)
def test_a_directive_shown_in_code_is_no_comment(source: str, format: str) -> None:
    findings = tuple(issue(source, "Fehlerr", "SPELL", start=start) for start in _starts(source, "Fehlerr"))
    assert without_suppressed(Report(source, "de-DE", findings, format=format)).issues == findings


@pytest.mark.parametrize(
    "source",
    [
        "Fehlerr\n\n<!-- wirecheck-disable -->\n\nFehlerr\n",
        "Fehlerr\n\n<!--\nwirecheck-disable SPELL\n-->\n\nFehlerr\n",
        "Fehlerr <!-- wirecheck-disable --> Fehlerr\n",
        "Fehlerr\n\n> <!-- wirecheck-disable -->\n\nFehlerr\n",
        "Fehlerr\n\n<!-- wirecheck-disable -->Fehlerr\n",
    ],
)
def test_a_markdown_comment_switches_findings_off(source: str) -> None:
    findings = tuple(issue(source, "Fehlerr", "SPELL", start=start) for start in _starts(source, "Fehlerr"))
    assert without_suppressed(Report(source, "de-DE", findings, format="markdown")).issues == findings[:1]


def test_suppression_only_in_formats_with_comments() -> None:
    source = "Fehlerr <!-- wirecheck-disable --> Fehlerr"
    findings = (issue(source, "Fehlerr", "SPELL[2]"), issue(source, "Fehlerr", "SPELL[2]", start=10))
    html = Report(source, "de-DE", findings, format="html")
    assert [item.offset for item in without_suppressed(html).issues] == [0]
    assert without_suppressed(Report(source, "de-DE", findings, format="text")).issues == findings
    assert without_rules(html, ["SPELL"]).issues == ()
