"""The pieces of the web app that need no engine: marking up findings, kinds, draft recovery, settings."""

from __future__ import annotations

import io
import random
import urllib.parse

import pytest

from checker.issue import Category, Issue
from checker.web import create_app
from checker.web.annotate import Mark, Node, annotate, text_of
from checker.web.draft import recover_form_text
from checker.web.kinds import kind_of


def make_issue(
    offset: int,
    length: int,
    *,
    rule: str = "RULE",
    type_: str = "uncategorized",
    category: str = "MISC",
    source: str = "languagetool",
) -> Issue:
    return Issue(
        offset=offset,
        length=length,
        line=1,
        column=offset + 1,
        text="",
        rule=rule,
        rule_description="",
        category=Category(category, category),
        type=type_,
        severity="warning",
        message="m",
        source=source,
    )


def marks(nodes: list[Node]) -> list[Mark]:
    found: list[Mark] = []
    for node in nodes:
        if isinstance(node, Mark):
            found.append(node)
            found.extend(marks(node.children))
    return found


def pieces_of(nodes: list[Node], index: int) -> str:
    """The text covered by all marks of one finding, in order (nested marks count once)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Mark):
            if node.index == index:
                parts.append(text_of(node.children))
            else:
                parts.append(pieces_of(node.children, index))
    return "".join(parts)


TEXT = "abcdefghijklmnopqrstuvwxyz"


def test_nested_findings_nest_without_cutting() -> None:
    nodes = annotate(TEXT, [make_issue(0, 10), make_issue(2, 3)])
    assert nodes == [Mark(0, True, ["ab", Mark(1, True, ["cde"]), "fghij"]), "klmnopqrstuvwxyz"]


def test_crossing_findings_cut_the_later_one() -> None:
    nodes = annotate(TEXT, [make_issue(0, 10), make_issue(5, 10)])
    assert nodes == [
        Mark(0, True, ["abcde", Mark(1, True, ["fghij"])]),
        Mark(1, False, ["klmno"]),
        "pqrstuvwxyz",
    ]


def test_identical_spans_both_get_a_primary_mark() -> None:
    nodes = annotate(TEXT, [make_issue(3, 2), make_issue(3, 2)])
    primaries = [mark.index for mark in marks(nodes) if mark.primary]
    assert sorted(primaries) == [0, 1]


def test_zero_length_findings_are_empty_marks() -> None:
    nodes = annotate(TEXT, [make_issue(3, 0), make_issue(26, 0)])
    assert text_of(nodes) == TEXT
    assert [mark.children for mark in marks(nodes)] == [[], []]


def test_empty_text() -> None:
    assert annotate("", []) == []
    assert text_of(annotate("", [make_issue(0, 0)])) == ""


@pytest.mark.parametrize("seed", range(40))
def test_random_overlaps_keep_the_text_and_reach_every_finding(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab 😀é\r\n") for _ in range(rng.randint(0, 60)))
    issues = []
    for _ in range(rng.randint(0, 12)):
        start = rng.randint(0, len(text))
        issues.append(make_issue(start, rng.randint(0, len(text) - start)))
    nodes = annotate(text, issues)
    assert text_of(nodes) == text
    all_marks = marks(nodes)
    for index, issue in enumerate(issues):
        assert [mark.primary for mark in all_marks if mark.index == index].count(True) == 1
        assert pieces_of(nodes, index) == text[issue.offset : issue.end]


@pytest.mark.parametrize(
    ("issue", "kind"),
    [
        (make_issue(0, 1, type_="misspelling", category="TYPOS"), "spelling"),
        (make_issue(0, 1, category="CASING"), "spelling"),
        (make_issue(0, 1, category="GRAMMAR"), "grammar"),
        (make_issue(0, 1, type_="typographical", category="TYPOGRAPHY"), "punctuation"),
        (make_issue(0, 1, category="HILFESTELLUNG_KOMMASETZUNG"), "punctuation"),
        (make_issue(0, 1, type_="style", category="STYLE"), "style"),
        (make_issue(0, 1, category="MISC"), "style"),
        (make_issue(0, 1, type_="misspelling", category="HOUSE", source="house"), "house"),
    ],
)
def test_kinds(issue: Issue, kind: str) -> None:
    assert kind_of(issue).id == kind


DRAFT = "Präsident 😀 sagte „Ärger“ & mehr\nZweite Zeile – Ende. " * 20


def form_body(text: str) -> bytes:
    return urllib.parse.urlencode({"text": text, "language": "de-CH", "picky": "1"}).encode("ascii")


@pytest.mark.parametrize("limit", [1, 7, 50, 333, 1000, 1001, 1002, 1003, 1500, 100_000])
def test_recovered_draft_is_a_prefix_of_the_draft(limit: int) -> None:
    body = form_body(DRAFT)
    environ = {
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "wsgi.input": io.BytesIO(body),
    }
    recovered = recover_form_text(environ, limit)
    assert DRAFT.startswith(recovered.text)
    assert "\ufffd" not in recovered.text
    assert recovered.complete == (limit >= len(body))
    if recovered.complete:
        assert recovered.text == DRAFT
    elif limit >= 1000:
        # At most 12 bytes per character (an emoji, percent-encoded), so most of it comes back.
        assert len(recovered.text) > limit // 12


def test_nothing_recovered_from_multipart() -> None:
    environ = {
        "CONTENT_LENGTH": "100",
        "CONTENT_TYPE": "multipart/form-data; boundary=x",
        "wsgi.input": io.BytesIO(b"x" * 100),
    }
    assert recover_form_text(environ, 50).text == ""


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECHECK_MAX_TEXT_LENGTH", "20000")
    monkeypatch.setenv("WIRECHECK_LANGUAGETOOL_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", "/not/a/web/setting")
    app = create_app({"MAX_CONTENT_LENGTH": 1000})
    assert app.config["MAX_TEXT_LENGTH"] == 20000
    assert app.config["LANGUAGETOOL_URL"] == "http://127.0.0.1:9"
    assert app.config["MAX_CONTENT_LENGTH"] == app.config["MAX_FORM_MEMORY_SIZE"] == 1000
    assert "RUNTIME_DIR" not in app.config
