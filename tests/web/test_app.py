"""The web app through Flask's test client, against the real LanguageTool (the `engine` fixture).

Pages are read with the standard library's HTML parser, which keeps line ends as sent (a
browser would turn CRLF into LF); the one newline a parser drops after `<textarea>` is dropped
here too.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import pytest
from flask import Flask, render_template
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from checker.errors import CheckerError, EngineError, EngineTimeout, EngineUnavailable, SetupError
from checker.filters.gate import Gate
from checker.formats import FORMATS
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Report
from checker.web import create_app
from checker.web.check_request import CheckRequest
from checker.web.presentation import ReportView
from tests.fakes import FailingEngine

pytestmark = pytest.mark.engine

NOWHERE = "http://127.0.0.1:9"  # nothing listens on the discard port

UNICODE_CRLF = (
    "Erste Zeile mit Fehlr 😀 und Cafe\u0301 sowie 👍🏽.\r\n"
    "Zweite Zeile mit Fehlr 🇩🇪.\r\n"
    "\r\n"
    "Dritter Absatz mit Fehlr und e\u0301\u0301 am Ende.\r\n"
)
HOSTILE = (
    '</textarea><script>alert("x")</script><img src=x onerror=alert(1)>\n'
    "\"' onmouseover=\"alert(2)\" data-x='y' & &amp; Das ist ein Fehlr."
)


def house_check(text: str, engine: LanguageToolClient) -> Report:
    """What the app finds with its defaults: detected format and language, the default profile."""
    return check(text, CheckOptions(format=None, language=None), profile=load_profile(), engine=engine)


# ---- Reading pages --------------------------------------------------------------------------


@dataclass
class MarkElement:
    attrs: dict[str, str]
    text: str = ""


class Page(HTMLParser):
    """What the tests look at in an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.annotated: str | None = None
        self.textarea: str | None = None
        self.error: str | None = None
        self.figures: str | None = None
        self.options: dict[str, list[str]] = {}
        self.selected: dict[str, str] = {}
        self.marks: list[MarkElement] = []
        self.findings: list[str] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self.all_attrs: list[tuple[str, dict[str, str]]] = []
        self._annotated_depth = 0
        self._open_marks: list[MarkElement] = []
        self._capture: str | None = None
        self._buffer: list[str] = []
        self._script: dict[str, str] | None = None
        self._select: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.all_attrs.append((tag, values))
        if self._annotated_depth:
            self._annotated_depth += 1
        elif values.get("id") == "annotated":
            self._annotated_depth = 1
            self.annotated = ""
        if tag == "mark":
            mark = MarkElement(values)
            self.marks.append(mark)
            self._open_marks.append(mark)
        if tag == "select":
            self._select = values.get("name", "")
            self.options[self._select] = []
        elif tag == "option" and self._select is not None:
            self.options[self._select].append(values["value"])
            if "selected" in values:
                self.selected[self._select] = values["value"]
        if tag == "textarea" and values.get("id") == "text":
            self._capture, self._buffer = "textarea", []
        elif values.get("id") == "error-message":
            self._capture, self._buffer = "error", []
        elif values.get("id") == "figures":
            self._capture, self._buffer = "figures", []
        elif tag == "li" and "finding" in values.get("class", "").split():
            self._capture, self._buffer = "finding", []
        elif tag == "script":
            self._script = values

    def handle_endtag(self, tag: str) -> None:
        if self._annotated_depth:
            self._annotated_depth -= 1
        if tag == "mark" and self._open_marks:
            self._open_marks.pop()
        if tag == "select":
            self._select = None
        captured = {("textarea", "textarea"), ("div", "error"), ("li", "finding"), ("dl", "figures")}
        if (tag, self._capture) in captured:
            text = "".join(self._buffer)
            if self._capture == "textarea":
                self.textarea = text[1:] if text.startswith("\n") else text
            elif self._capture == "error":
                self.error = " ".join(text.split())
            elif self._capture == "figures":
                self.figures = " ".join(text.split())
            else:
                self.findings.append(" ".join(text.split()))
            self._capture = None
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._annotated_depth and self.annotated is not None:
            self.annotated += data
        for mark in self._open_marks:
            mark.text += data
        if self._capture:
            self._buffer.append(data)
        if self._script is not None:
            self.scripts.append((self._script, data))

    @property
    def primary_marks(self) -> list[MarkElement]:
        return [mark for mark in self.marks if "data-offset" in mark.attrs]

    def report_data(self) -> dict[str, Any]:
        for attrs, text in self.scripts:
            if attrs.get("id") == "report-data":
                return dict(json.loads(text))
        raise AssertionError("no report data in page")


def page_of(response: TestResponse) -> Page:
    assert response.mimetype == "text/html"
    return Page(response.get_data(as_text=True))


# ---- Fixtures -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(engine: LanguageToolClient) -> Flask:
    return create_app({"TESTING": True, "LANGUAGETOOL_URL": engine.url})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def down_client() -> FlaskClient:
    return create_app({"TESTING": True, "LANGUAGETOOL_URL": NOWHERE}).test_client()


@pytest.fixture
def small_client(engine: LanguageToolClient) -> FlaskClient:
    app = create_app(
        {"TESTING": True, "LANGUAGETOOL_URL": engine.url, "MAX_CONTENT_LENGTH": 4096, "MAX_TEXT_LENGTH": 500}
    )
    return app.test_client()


# ---- The form and the result page ----------------------------------------------------------


def test_start_page_offers_the_form(client: FlaskClient) -> None:
    response = client.get("/")
    page = page_of(response)
    assert response.status_code == 200
    assert '<html lang="de">' in page.html
    assert page.textarea == ""
    textareas = [attrs for tag, attrs in page.all_attrs if tag == "textarea"]
    assert [attrs["name"] for attrs in textareas] == ["text"]
    form = next(attrs for tag, attrs in page.all_attrs if tag == "form")
    assert form["enctype"] == "multipart/form-data"
    assert any(
        tag == "input" and attrs.get("type") == "file" and attrs["name"] == "file" for tag, attrs in page.all_attrs
    )
    assert page.options == {"language": ["auto", "de-DE", "de-AT", "de-CH"], "format": ["auto", *FORMATS]}
    assert page.selected == {"language": "auto", "format": "auto"}
    assert "Automatisch (aus dem Dokument)" in page.html
    assert ("input", {"type": "checkbox", "name": "picky", "value": "1"}) in page.all_attrs
    # House rules are on unless unticked: the hidden 0 comes first, the ticked box's 1 wins.
    assert ("input", {"type": "hidden", "name": "house", "value": "0"}) in page.all_attrs
    assert ("input", {"type": "checkbox", "name": "house", "value": "1", "checked": ""}) in page.all_attrs
    assert "Hausregeln" in page.html
    assert "Prüfen" in page.html


def test_result_page_marks_every_finding_in_place(
    client: FlaskClient, engine: LanguageToolClient, seed_text: str
) -> None:
    report = house_check(seed_text, engine)
    response = client.post("/check", data={"text": seed_text, "language": "de-DE"})
    page = page_of(response)

    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"  # unpublished copy
    assert page.annotated == seed_text
    assert page.textarea == seed_text
    marks = page.primary_marks
    assert sorted(
        (int(m.attrs["data-offset"]), int(m.attrs["data-length"]), m.attrs["data-rule"]) for m in marks
    ) == sorted((issue.offset, issue.length, issue.rule) for issue in report.issues)
    for mark in marks:
        offset, length = int(mark.attrs["data-offset"]), int(mark.attrs["data-length"])
        # A finding about a whole sentence is a marker where it starts, not an underline.
        is_note = "is-note" in mark.attrs["class"].split()
        assert mark.text == ("" if is_note else seed_text[offset : offset + length])
        assert is_note == (mark.attrs["data-rule"] == "HOUSE_SENTENCE_LENGTH")
        assert "issue" in mark.attrs["class"].split()
    kremlin = next(m for m in marks if m.text == "Kremlin")
    assert kremlin.attrs["data-rule"] == "DE_SIMPLE_REPLACE_KREMLIN"
    agreement = next(m for m in marks if m.text == "sein russischer Amtskollegen")
    assert agreement.attrs["data-rule"] == "DE_AGREEMENT"
    assert "kind-grammar" in agreement.attrs["class"].split()


def test_result_page_without_script_lists_messages_and_suggestions(
    client: FlaskClient, engine: LanguageToolClient, seed_text: str
) -> None:
    report = house_check(seed_text, engine)
    page = page_of(client.post("/check", data={"text": seed_text}))
    assert len(page.findings) == len(report.issues)
    for item, issue in zip(page.findings, report.issues, strict=True):
        assert " ".join(issue.message.split()) in item
        for replacement in issue.replacements[:5]:
            assert (" ".join(replacement.split()) or "entfernen") in item


def test_result_page_data_is_the_api_report(client: FlaskClient, seed_text: str) -> None:
    page = page_of(client.post("/check", data={"text": seed_text}))
    api = client.post("/api/v1/check", json={"text": seed_text}).get_json()
    data = page.report_data()
    page_only = {"index", "kind", "ours", "scope", "fixes", "verified", "held_back", "explanation", "message", "place"}
    assert [{k: v for k, v in issue.items() if k not in page_only} for issue in data["issues"]] == [
        {k: v for k, v in issue.items() if k != "message"} for issue in api["issues"]
    ]
    # The editor's words: the engine's message, but a name is offered for accepting, not sent to the profile.
    for issue, sent in zip(data["issues"], api["issues"], strict=True):
        if issue["rule"] == "HOUSE_UNKNOWN_NAME":
            assert "Hausprofil" not in issue["message"] and "Als Namen annehmen" in issue["message"]
        else:
            assert issue["message"] == sent["message"]
        assert issue["explanation"] == (
            f"Hausregel: {sent['rule_description']}" if issue["ours"] else f"Bereich: {sent['category']['name']}"
        )
    for issue in data["issues"]:
        assert issue["fixes"] == issue["replacements"]  # plain text: written as shown
        # Ours: the house rules in Python and our rules inside LanguageTool, and nothing else.
        assert issue["ours"] == (issue["source"] == "house" or issue["rule"].startswith("HOUSE_"))
    assert any(issue["ours"] and issue["source"] == "languagetool" for issue in data["issues"])
    assert data["engine_version"] == api["engine_version"]
    assert data["stats"] == api["stats"]
    assert data["format"] == api["format"] == "text"


def test_the_editors_recheck_is_answered_as_json_rendered_as_the_page(client: FlaskClient, seed_text: str) -> None:
    page = page_of(client.post("/check", data={"text": seed_text}))
    live = client.post("/check", data={"text": seed_text}, headers={"Accept": "application/json"})
    assert live.status_code == 200 and live.mimetype == "application/json"
    answer = live.get_json()
    assert answer["text"] == seed_text
    assert answer["report"]["issues"] == page.report_data()["issues"]
    marked = Page(f'<div id="annotated">{answer["annotated"]}</div>')
    assert marked.annotated == seed_text
    assert [mark.attrs for mark in marked.marks] == [mark.attrs for mark in page.marks]
    assert len(Page(answer["findings"]).findings) == len(page.findings) > 0


def test_the_editors_recheck_asks_the_engine_only_about_the_changed_paragraph(
    app: Flask, seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = app.test_client()
    accept = {"Accept": "application/json"}
    assert client.post("/check", data={"text": seed_text}, headers=accept).status_code == 200
    asked: list[tuple[bool, str]] = []
    query = LanguageToolClient.query

    def counted(self: LanguageToolClient, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        asked.append((options.enabled_only, payload["text"]))
        return query(self, payload, options)

    monkeypatch.setattr(LanguageToolClient, "query", counted)
    edited = seed_text.replace("betonten", "betonte heute", 1)
    answer = client.post("/check", data={"text": edited}, headers=accept).get_json()
    assert answer["text"] == edited
    # The paragraph cache answers the others; the text-level rules are asked about the whole text alone.
    checked = [text for enabled_only, text in asked if not enabled_only]
    assert checked and all("betonte heute" in text and len(text) < len(edited) / 2 for text in checked)


def test_the_editors_recheck_fails_as_json(client: FlaskClient, down_client: FlaskClient) -> None:
    accept = {"Accept": "application/json"}
    empty = client.post("/check", data={"text": "  "}, headers=accept)
    assert empty.status_code == 400 and empty.get_json()["error"]["code"] == "invalid_request"
    down = down_client.post("/check", data={"text": "Ein Satz."}, headers=accept)
    assert down.status_code == 503 and "Retry-After" in down.headers
    assert "Ihr Text ist erhalten" in down.get_json()["error"]["message"]
    # A browser's own request for the page still gets the page.
    assert client.post("/check", data={"text": "  "}, headers={"Accept": "text/html,*/*"}).mimetype == "text/html"


def test_result_page_honours_suppression_comments_as_the_api_does(client: FlaskClient) -> None:
    """A draft's `<!-- wirecheck-disable RULE -->` switches the rule off on the page as in the
    API and on the command line; the same error before the comment is still marked."""
    error = "Berlin (dpa) - Der Minister sprach auf einer Presskonferenz."
    html = f"<p>{error}</p>\n<!-- wirecheck-disable HOUSE_PRESSE_FUGE -->\n<p>{error}</p>\n"
    page = page_of(client.post("/check", data={"text": html, "format": "html"}))
    api = client.post("/api/v1/check", json={"text": html, "format": "html"}).get_json()
    issues = page.report_data()["issues"]
    assert [issue["line"] for issue in issues if issue["rule"].startswith("HOUSE_PRESSE_FUGE")] == [1]
    assert [issue["offset"] for issue in issues] == [issue["offset"] for issue in api["issues"]]


def test_a_suggestion_over_markup_is_neither_verified_nor_offered_as_a_click(client: FlaskClient) -> None:
    """ "ist <b>ist" or words around a suppression comment: taking the plain suggestion would
    remove the tag or the comment, so "apply all" holds it back and the card shows it as text."""
    html = (
        "<p>Berlin (dpa) - Das ist <b>ist</b> ein Test im Text.</p>\n"
        "<p>Das ist <!-- wirecheck-enable -->ist ein Satz.</p>\n"
    )
    issues = page_of(client.post("/check", data={"text": html, "format": "html"})).report_data()["issues"]
    doubled = [issue for issue in issues if issue["rule"] == "HOUSE_DOUBLED_WORD"]
    assert [issue["text"] for issue in doubled] == ["ist <b>ist", "ist <!-- wirecheck-enable -->ist"]
    for issue in doubled:
        assert issue["replacements"] == ["ist"] and issue["fixes"] == []
        assert not issue["verified"] and issue["held_back"] == "enthält Auszeichnung der Datei"


def test_unicode_and_crlf_survive_the_form(client: FlaskClient, engine: LanguageToolClient) -> None:
    # Browsers send a textarea's line ends as CRLF but show and hold LF: the form's drafts
    # are checked with LF, so that offsets, page and textarea agree (see checker.web.check_request).
    shown = UNICODE_CRLF.replace("\r\n", "\n")
    page = page_of(client.post("/check", data={"text": UNICODE_CRLF}))
    assert page.annotated == shown
    assert page.textarea == shown
    expected = house_check(shown, engine)
    assert [int(m.attrs["data-offset"]) for m in page.primary_marks] == [i.offset for i in expected.issues]
    for mark in page.primary_marks:
        offset, length = int(mark.attrs["data-offset"]), int(mark.attrs["data-length"])
        is_note = "is-note" in mark.attrs["class"].split()
        assert ("" if is_note else shown[offset : offset + length]) == mark.text
    assert [m.text for m in page.primary_marks].count("Fehlr") == 3


def test_annotated_text_is_exact_for_any_report_text(app: Flask, engine: LanguageToolClient) -> None:
    # Rendering itself changes nothing: a CRLF text (as the API takes it) comes out as it went in.
    report = check(UNICODE_CRLF, engine=engine)
    assert len(report.issues) >= 3
    with app.test_request_context():
        html = render_template("check/result.html", form=CheckRequest(UNICODE_CRLF), view=ReportView.of(report))
    page = Page(html)
    assert page.annotated == UNICODE_CRLF
    for mark in page.primary_marks:
        offset, length = int(mark.attrs["data-offset"]), int(mark.attrs["data-length"])
        assert UNICODE_CRLF[offset : offset + length] == mark.text


def test_language_and_picky_reach_the_engine(client: FlaskClient) -> None:
    swiss = page_of(client.post("/check", data={"text": "Die Straße ist groß.", "language": "de-CH", "house": "0"}))
    assert {m.attrs["data-rule"] for m in swiss.primary_marks} == {"SWISS_GERMAN_SPELLER_RULE"}
    assert ("option", {"value": "de-CH", "selected": ""}) in swiss.all_attrs

    text = "Das ist z.B. ein Test - mit Gedankenstrich."
    relaxed = page_of(client.post("/check", data={"text": text}))
    picky = page_of(client.post("/check", data={"text": text, "picky": "1"}))
    assert len(picky.primary_marks) > len(relaxed.primary_marks)
    assert ("input", {"type": "checkbox", "name": "picky", "value": "1", "checked": ""}) in picky.all_attrs


def test_hostile_draft_shows_as_text(client: FlaskClient, down_client: FlaskClient) -> None:
    for response in (client.post("/check", data={"text": HOSTILE}), down_client.post("/check", data={"text": HOSTILE})):
        page = page_of(response)
        assert page.textarea == HOSTILE
        assert '<script>alert("x")' not in page.html
        assert "<img src=x" not in page.html
        assert page.html.count("<script") == page.html.count("</script>")
        # Only our own script file and, on the result page, the inert JSON data block.
        assert all(attrs.get("src") or attrs.get("type") == "application/json" for attrs, _ in page.scripts)
        assert all(not name.startswith("on") for _, attrs in page.all_attrs for name in attrs)
    result = page_of(client.post("/check", data={"text": HOSTILE}))
    assert result.annotated == HOSTILE
    assert any(mark.text == "Fehlr" for mark in result.primary_marks)


def test_pages_use_no_inline_style_script_or_external_asset(client: FlaskClient, seed_text: str) -> None:
    for response in (client.get("/"), client.post("/check", data={"text": seed_text})):
        page = page_of(response)
        for tag, attrs in page.all_attrs:
            assert "style" not in attrs, tag
            if tag in {"script", "link", "img"}:
                asset = attrs.get("src") or attrs.get("href") or ""
                assert asset == "" or asset.startswith("/static/"), asset
        assert "<style" not in page.html


@pytest.mark.parametrize("path", ["/", "/healthz", "/api/v1/openapi.json", "/static/js/main.js", "/nowhere"])
def test_content_security_policy_everywhere(client: FlaskClient, path: str) -> None:
    policy = client.get(path).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_get_check_goes_back_to_the_form(client: FlaskClient) -> None:
    response = client.get("/check")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


# ---- Errors on the form: the draft always comes back ----------------------------------------


def test_engine_down_keeps_the_draft(down_client: FlaskClient, seed_text: str) -> None:
    response = down_client.post("/check", data={"text": seed_text, "language": "de-AT", "picky": "1"})
    page = page_of(response)
    assert response.status_code == 503
    assert page.textarea == seed_text
    assert page.error is not None
    assert "nicht erreichbar" in page.error
    assert "Ihr Text ist erhalten" in page.error
    assert ("option", {"value": "de-AT", "selected": ""}) in page.all_attrs


@pytest.mark.parametrize(
    ("error", "status", "words"),
    [
        (EngineUnavailable("restarting"), 503, "nicht erreichbar"),
        (EngineTimeout("slow"), 504, "zu lange gedauert"),
        (EngineError("broken"), 502, "mit einem Fehler abgebrochen"),
        (SetupError("no java"), 503, "nicht eingerichtet"),
    ],
)
def test_every_engine_failure_keeps_the_draft(error: CheckerError, status: int, words: str) -> None:
    client = create_app({"TESTING": True, "ENGINE": FailingEngine(error)}).test_client()
    draft = "Ein Entwurf mit „Anführungszeichen“ und 😀\nüber zwei Zeilen."
    response = client.post("/check", data={"text": draft})
    page = page_of(response)
    assert response.status_code == status
    assert page.textarea == draft
    assert page.error is not None and words in page.error
    api = client.post("/api/v1/check", json={"text": draft})
    assert api.status_code == status
    assert api.get_json()["error"]["code"] == error.code


def test_unexpected_failure_keeps_the_draft(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(request: CheckRequest) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("checker.web.views.report_for", explode)
    response = app.test_client().post("/check", data={"text": "Mein Entwurf."})
    page = page_of(response)
    assert response.status_code == 500
    assert page.textarea == "Mein Entwurf."
    assert page.error is not None and "Unerwartetes" in page.error


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"text": "   \n  "}, "Feld ist leer"),
        ({"text": "Ein Text.", "language": "en-US"}, "Unbekannte Sprachvariante"),
    ],
)
def test_bad_form_input_explains_and_keeps_the_draft(client: FlaskClient, data: dict[str, str], words: str) -> None:
    response = client.post("/check", data=data)
    page = page_of(response)
    assert response.status_code == 400
    assert page.textarea == data["text"]
    assert page.error is not None and words in page.error


def test_text_too_long_keeps_all_of_it(small_client: FlaskClient) -> None:
    draft = "Überlänge. " * 60  # 660 characters, over the limit of 500, under the 4 KiB body limit
    response = small_client.post("/check", data={"text": draft})
    page = page_of(response)
    assert response.status_code == 413
    assert page.textarea == draft
    assert page.error is not None and "zu lang" in page.error and "500" in page.error


def test_body_too_large_gives_back_the_beginning(small_client: FlaskClient) -> None:
    draft = "Größenwahn in München: „Zu viel“ 😀.\n" * 400  # far over 4 KiB once encoded
    response = small_client.post("/check", data={"text": draft, "language": "de-DE"})
    page = page_of(response)
    assert response.status_code == 413
    assert page.textarea
    assert draft.startswith(page.textarea)
    assert len(page.textarea) > 200
    assert page.error is not None and "zu groß" in page.error and "Anfang" in page.error
    assert "100.000 Zeichen" not in page.error and "500 Zeichen" in page.error
    assert any(tag == "textarea" and "data-draft-incomplete" in attrs for tag, attrs in page.all_attrs)


def test_body_too_large_from_the_upload_form_gives_back_the_beginning(small_client: FlaskClient) -> None:
    # What a browser sends for our form (multipart, for the file field), with no file chosen.
    draft = "Größenwahn in München: „Zu viel“ 😀.\r\n" * 400
    data = {"text": draft, "file": (io.BytesIO(b""), ""), "language": "auto"}
    response = small_client.post("/check", data=data, content_type="multipart/form-data")
    page = page_of(response)
    assert response.status_code == 413
    assert page.textarea and len(page.textarea) > 200
    assert draft.replace("\r\n", "\n").startswith(page.textarea)
    assert page.error is not None and "zu groß" in page.error and "Anfang" in page.error


def test_file_too_large_says_so_and_keeps_the_text(small_client: FlaskClient) -> None:
    data = {"text": "Mein Entwurf.", "file": (io.BytesIO(b"x" * 10_000), "riesig.xml")}
    response = small_client.post("/check", data=data, content_type="multipart/form-data")
    page = page_of(response)
    assert response.status_code == 413
    assert page.textarea == "Mein Entwurf."
    assert page.error is not None and "Datei „riesig.xml“ ist zu groß" in page.error


def test_body_too_large_to_read_says_so(small_client: FlaskClient) -> None:
    draft = "x" * 10_000
    # No boundary: nothing to find the text by.
    response = small_client.post("/check", data=f"text={draft}", content_type="multipart/form-data")
    page = page_of(response)
    assert response.status_code == 413
    assert page.textarea == ""
    assert page.error is not None and "zu groß, um ihn hier zu lesen" in page.error


def test_unknown_page_offers_the_form(client: FlaskClient) -> None:
    response = client.get("/gibt-es-nicht")
    page = page_of(response)
    assert response.status_code == 404
    assert page.textarea == ""
    assert page.error is not None and "gibt es nicht" in page.error


# ---- The JSON API ---------------------------------------------------------------------------


def test_api_gives_the_same_findings_as_the_core(
    client: FlaskClient, engine: LanguageToolClient, seed_text: str
) -> None:
    report = check(seed_text, profile=load_profile(), engine=engine)
    response = client.post("/api/v1/check", json={"text": seed_text, "language": "de-DE"})
    assert response.status_code == 200
    gate = {"fail_on": "error", "passed": Gate().judge([report]).passed}
    assert response.get_json() == json.loads(json.dumps(report.to_dict())) | gate
    assert {issue["source"] for issue in response.get_json()["issues"]} == {"languagetool", "house"}
    # Without options: format and language from the document, house rules on; the same here.
    assert client.post("/api/v1/check", json={"text": seed_text}).get_json() == response.get_json()


def test_api_checks_the_text_exactly_as_sent(client: FlaskClient) -> None:
    data = client.post("/api/v1/check", json={"text": UNICODE_CRLF}).get_json()
    fehlr = [issue for issue in data["issues"] if issue["text"] == "Fehlr"]
    assert [issue["line"] for issue in fehlr] == [1, 2, 4]
    for issue in data["issues"]:
        assert UNICODE_CRLF[issue["offset"] : issue["offset"] + issue["length"]] == issue["text"]


def test_api_options(client: FlaskClient) -> None:
    text = "Das ist z.B. ein Test - mit Gedankenstrich."
    relaxed = client.post("/api/v1/check", json={"text": text}).get_json()
    picky = client.post("/api/v1/check", json={"text": text, "picky": True}).get_json()
    assert len(picky["issues"]) > len(relaxed["issues"])
    swiss = client.post(
        "/api/v1/check", json={"text": "Die Straße ist groß.", "language": "de-CH", "house": False}
    ).get_json()
    assert swiss["language"] == "de-CH"
    assert {issue["rule"] for issue in swiss["issues"]} == {"SWISS_GERMAN_SPELLER_RULE"}
    # Nothing to check is no clean result: the API says so, as the form and the CLI do.
    empty = client.post("/api/v1/check", json={"text": "  \n"})
    assert empty.status_code == 400
    assert empty.get_json()["error"]["code"] == "invalid_input"
    assert "leer" in empty.get_json()["error"]["message"]


def test_openapi_describes_the_api(client: FlaskClient, engine: LanguageToolClient) -> None:
    response = client.get("/api/v1/openapi.json")
    document = response.get_json()
    assert response.status_code == 200
    assert document["openapi"].startswith("3.")
    assert set(document["paths"]) == {"/api/v1/check", "/api/v1/names", "/api/v1/names/{name}", "/healthz"}
    report = check("Das ist ein Fehlr.", engine=engine)
    schemas = document["components"]["schemas"]
    issue = schemas["Issue"]
    assert set(issue["properties"]) == set(report.issues[0].to_dict()) == set(issue["required"])
    answer = {*report.to_dict(), "fail_on", "passed"}
    assert set(schemas["Report"]["properties"]) == answer == set(schemas["Report"]["required"])
    assert set(schemas["Stats"]["properties"]) == set(report.stats.to_dict()) == set(schemas["Stats"]["required"])
    request = schemas["CheckRequest"]["properties"]
    gate_fields = {"fail_on", "max_issues"}
    assert set(request) == {"text", "language", "format", "filename", "house", "picky", "model", "names", *gate_fields}
    assert request["format"]["enum"] == ["auto", *FORMATS]
    assert request["format"]["default"] == request["language"]["default"] == "auto"
    assert request["house"]["default"] is True
    responses = document["paths"]["/api/v1/check"]["post"]["responses"]
    assert {"200", "400", "413", "503"} <= set(responses)
    assert "invalid_input" in responses["400"]["description"]


def test_health(client: FlaskClient, engine: LanguageToolClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["languagetool"]["version"] == engine.version()


# ---- One JSON error shape on every JSON endpoint --------------------------------------------


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    status: int
    code: str
    body: bytes | None = None
    content_type: str = "application/json"
    app: str = "up"


ERROR_CASES = [
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "unterminated'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b"\xff\xfe not utf-8"),
    Case("POST", "/api/v1/check", 400, "invalid_request", b""),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'["text"]'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"language": "de-DE"}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": 42}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": null}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "language": "fr-FR"}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "language": 7}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "picky": "ja"}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "house": "nein"}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "format": "docx"}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "format": null}'),
    Case("POST", "/api/v1/check", 400, "invalid_request", b'{"text": "Hallo", "filename": 7}'),
    Case(
        "POST",
        "/api/v1/check",
        400,
        "invalid_request",
        json.dumps({"text": '<html lang="en"><p>Hello.</p></html>'}).encode(),
    ),
    Case("POST", "/api/v1/check", 400, "invalid_input", json.dumps({"text": "<nitf><p>Text</b></nitf>"}).encode()),
    Case("POST", "/api/v1/check", 400, "invalid_input", json.dumps({"text": "{", "format": "ninjs"}).encode()),
    Case("POST", "/api/v1/check", 400, "invalid_input", json.dumps({"text": '<?xml version="1.0"?><rss/>'}).encode()),
    Case("POST", "/api/v1/check", 413, "text_too_long", json.dumps({"text": "a" * 600}).encode(), app="small"),
    Case("POST", "/api/v1/check", 413, "request_too_large", json.dumps({"text": "a" * 5000}).encode(), app="small"),
    Case("POST", "/api/v1/check", 503, "engine_unavailable", b'{"text": "Hallo"}', app="down"),
    Case("GET", "/api/v1/check", 405, "method_not_allowed"),
    Case("POST", "/api/v1/openapi.json", 405, "method_not_allowed"),
    Case("GET", "/healthz", 503, "engine_unavailable", app="down"),
    Case("POST", "/healthz", 405, "method_not_allowed"),
    Case("GET", "/api/v1/nowhere", 404, "not_found"),
    Case("GET", "/api/v2/check", 404, "not_found"),
    Case("POST", "/api/v1/names", 400, "invalid_request", b'{"name": "<b>Putin</b>"}'),
    Case("POST", "/api/v1/names", 400, "invalid_request", b"not json"),
    Case("POST", "/api/v1/names", 400, "invalid_request", b'{"kind": "person"}'),
    Case("GET", "/api/v1/names?status=maybe", 400, "invalid_request"),
    Case("PATCH", "/api/v1/names/Niemand", 404, "not_found", b'{"status": "accepted"}'),
    Case("DELETE", "/api/v1/names/Niemand", 404, "not_found"),
    Case("PUT", "/api/v1/names", 405, "method_not_allowed"),
]


@pytest.fixture
def clients(client: FlaskClient, down_client: FlaskClient, small_client: FlaskClient) -> dict[str, FlaskClient]:
    return {"up": client, "down": down_client, "small": small_client}


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: f"{case.method} {case.path} {case.status} {case.code}")
def test_json_error_shape(clients: dict[str, FlaskClient], case: Case) -> None:
    response = clients[case.app].open(case.path, method=case.method, data=case.body, content_type=case.content_type)
    assert response.status_code == case.status
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert set(data) == {"error"}
    assert data["error"]["code"] == case.code
    assert isinstance(data["error"]["message"], str) and data["error"]["message"]
    assert set(data["error"]) <= {"code", "message", "detail"}


def test_unexpected_api_failure_is_json(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(request: CheckRequest) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr("checker.web.api.report_for", explode)
    response = app.test_client().post("/api/v1/check", json={"text": "Hallo"})
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"


# ---- Names accepted for the session ----------------------------------------------------------

NAMES_TEXT = "Die Lage sei ruhig. Bei Rapid spielte Schwegler gut."


def test_unknown_names_are_notes_and_accepted_names_are_none(client: FlaskClient) -> None:
    def unknown_names(answer: dict[str, Any]) -> list[str]:
        return [issue["text"] for issue in answer["issues"] if issue["rule"] == "HOUSE_UNKNOWN_NAME"]

    plain = client.post("/api/v1/check", json={"text": NAMES_TEXT}).get_json()
    assert "Schwegler" in unknown_names(plain)
    assert all(issue["severity"] == "info" for issue in plain["issues"] if issue["text"] == "Schwegler")
    accepted = client.post("/api/v1/check", json={"text": NAMES_TEXT, "names": ["Schwegler"]}).get_json()
    assert "Schwegler" not in unknown_names(accepted)
    # The form sends them in its hidden field, one per line, and gives them back.
    page = page_of(client.post("/check", data={"text": NAMES_TEXT, "names": "Schwegler\nAhmad"}))
    assert "Schwegler" not in {mark.text for mark in page.primary_marks}
    assert (
        "input",
        {"type": "hidden", "name": "names", "id": "session-names", "value": "Schwegler\nAhmad"},
    ) in page.all_attrs


def test_names_must_be_a_list_of_strings(client: FlaskClient) -> None:
    response = client.post("/api/v1/check", json={"text": NAMES_TEXT, "names": "Schwegler"})
    assert response.status_code == 400
    assert "names" in response.get_json()["error"]["message"]
