"""Wire files shown as their article (checker.web.article): headline, dateline and paragraphs with
their findings, each finding's place named by part and paragraph, the source one click away."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from checker.records import Report
from checker.web.annotate import text_of
from checker.web.article import article_of
from tests.filters.findings import issue
from tests.web.test_app import page_of

FILES = Path(__file__).parents[1] / "formats" / "files"
NINJS = (FILES / "article.ninjs3.json").read_text(encoding="utf-8")
NITF = (FILES / "article.nitf.xml").read_text(encoding="utf-8")


def report_of(text: str, format: str, words: list[str], start: int = 0) -> Report:
    """A report with one finding on each word, where it first stands after `start` in the file."""
    found = tuple(issue(text, word, start=start if word in text[start:] else 0) for word in words)
    return Report(text=text, language="de-DE", issues=found, format=format)


def test_a_ninjs_file_is_its_headline_and_paragraphs_with_the_findings_in_place() -> None:
    # In the HTML body, which is read; the plain-text one before it is not.
    report = report_of(NINJS, "ninjs", ["Presskonferenz", "beschließt"], start=NINJS.index("text/html"))
    article = article_of(report)
    assert article is not None
    labels = [block.label for block in article.blocks]
    assert labels[0] == "Titel" and labels[1:] == [f"Absatz {n}" for n in range(1, len(labels))]
    assert all("{" not in text_of(block.nodes) and '"' not in text_of(block.nodes)[:1] for block in article.blocks)
    assert article.places[0].startswith("Absatz ") and article.places[1] == "Titel"
    marked = {block.label: [node for node in block.nodes if not isinstance(node, str)] for block in article.blocks}
    assert [mark.index for mark in marked["Titel"]] == [1]
    assert text_of(marked["Titel"][0].children) == "beschließt"


def test_plain_text_has_no_article() -> None:
    assert article_of(report_of("Ein Text mit Fehlr.", "text", ["Fehlr"])) is None


@pytest.mark.engine
def test_result_page_of_a_nitf_file_shows_the_article_first_and_the_source_below(client: FlaskClient) -> None:
    response = client.post("/check", data={"text": NITF, "filename": "meldung.nitf"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = page_of(response)
    assert re.findall(r'<span class="article-label">([^<]*)</span>', html)[:3] == ["Titel", "Ortsmarke", "Absatz 1"]
    assert html.index('id="article"') < html.index('id="annotated"')
    assert 'href="#source-title"' in html and 'id="source-title"' in html
    assert page.annotated == NITF  # the source, as written, still carries the cards' marks
    assert not [finding for finding in page.findings if "Zeile" in finding]
    data = page.report_data()
    assert {issue["place"] for issue in data["issues"]} <= {"Titel", "Ortsmarke", "Absatz 1", "Absatz 2", "Absatz 3"}
    spelling = [issue for issue in data["issues"] if issue["text"] == "Presskonferenz"]
    assert spelling and spelling[0]["place"].startswith("Absatz")
    assert '<span class="summary-file">meldung.nitf</span>' in html  # a re-check keeps the name


@pytest.mark.engine
def test_plain_text_keeps_its_lines(client: FlaskClient) -> None:
    response = client.post("/check", data={"text": "Erste Zeile.\n\nZweite Zeile mit Fehlr."})
    page = page_of(response)
    assert 'id="article"' not in response.get_data(as_text=True)
    assert any("Zeile 3" in finding for finding in page.findings)
