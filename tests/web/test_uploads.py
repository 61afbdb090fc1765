"""Wire copy through the web app: uploaded files in their formats, the house profile, the document's
language and the text's figures, on the page and in the API, against the real LanguageTool."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from checker.filters.gate import Gate
from checker.formats.office import ODT, OfficeText, read_office, write_office
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check
from checker.text.statistics import text_statistics
from checker.web import create_app
from tests.web.test_app import Page, page_of

pytestmark = pytest.mark.engine

FORMATS_DIR = Path(__file__).parents[1] / "formats" / "files"

# An agency story as an Austrian wire service would send it: language tag on the root, the
# dateline in the first paragraph, a character reference before the misspelt "Regirung".
BUDGET_NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf baselang="de-AT">
  <head>
    <title>Regierung legt Budget für 2027 vor</title>
    <docdata>
      <doc-id id-string="APA0123-2026-04-15"/>
      <date.issue norm="20260415T093000+0200"/>
    </docdata>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Regierung legt Budget für 2027 vor</hl1></hedline>
    </body.head>
    <body.content>
      <p>Wien (APA) - Den Entwurf f&#252;r das kommende Jahr hat die österreichische Regirung am Mittwoch \
im Ministerrat beschlossen. Der Finanzminister sprach von einem «Budget der Verantwortung».</p>
      <p>Das Defizit soll nach Angaben des Ministeriums im Jahr 2027 auf 4,2 Prozent der Wirtschaftsleistung sinken.</p>
    </body.content>
  </body>
</nitf>
"""
MALFORMED_NITF = (FORMATS_DIR / "malformed" / "mismatched.nitf.xml").read_text(encoding="utf-8")
ENTITY_BOMB = (FORMATS_DIR / "unsafe" / "billion_laughs.xml").read_text(encoding="utf-8")
BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def app(engine: LanguageToolClient) -> Flask:
    return create_app_for(engine)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def create_app_for(engine: LanguageToolClient, **config: Any) -> Flask:
    return create_app({"TESTING": True, "LANGUAGETOOL_URL": engine.url, **config})


def upload(client: FlaskClient, content: bytes, filename: str, **fields: str) -> TestResponse:
    data: dict[str, Any] = {"text": "", **fields, "file": (io.BytesIO(content), filename)}
    return client.post("/check", data=data, content_type="multipart/form-data")


def primary_marks_by_rule(page: Page) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for mark in page.primary_marks:
        found.setdefault(mark.attrs["data-rule"], []).append((int(mark.attrs["data-offset"]), mark.text))
    return found


# ---- Uploads ----------------------------------------------------------------------------------


def test_uploaded_nitf_is_shown_as_written_with_findings_at_code_point_offsets(client: FlaskClient) -> None:
    response = upload(client, BOM + BUDGET_NITF.encode("utf-8"), "budget.xml")
    page = page_of(response)
    assert response.status_code == 200
    # The file as written (after its byte order mark), in the page and in the textarea for "check again".
    assert page.annotated == BUDGET_NITF
    assert page.textarea == BUDGET_NITF
    offset = BUDGET_NITF.index("Regirung")
    assert len(BUDGET_NITF[:offset].encode("utf-8")) != offset  # bytes and code points differ before it
    speller = primary_marks_by_rule(page)["AUSTRIAN_GERMAN_SPELLER_RULE"]
    assert speller == [(offset, "Regirung")]
    data = page.report_data()
    assert data["format"] == "nitf"
    assert data["language"] == "de-AT"  # from the document's baselang: the form's language is "auto"
    assert "budget.xml" in page.html and "NITF" in page.html
    assert any(
        "is-markup" in attrs.get("class", "").split() for _, attrs in page.all_attrs if attrs.get("id") == "annotated"
    )
    # Markup is not prose: nothing is marked inside tags or the head.
    for mark in page.primary_marks:
        assert "<" not in mark.text and ">" not in mark.text


def test_explicit_language_overrides_the_document(client: FlaskClient) -> None:
    page = page_of(upload(client, BUDGET_NITF.encode("utf-8"), "budget.xml", language="de-DE"))
    assert page.report_data()["language"] == "de-DE"
    assert primary_marks_by_rule(page)["GERMAN_SPELLER_RULE"] == [(BUDGET_NITF.index("Regirung"), "Regirung")]
    assert page.selected["language"] == "de-DE"


def test_format_choice_reaches_the_check(client: FlaskClient) -> None:
    as_text = page_of(upload(client, BUDGET_NITF.encode("utf-8"), "budget.xml", format="text"))
    assert as_text.report_data()["format"] == "text"
    assert as_text.selected["format"] == "text"
    assert as_text.annotated == BUDGET_NITF


def test_upload_with_crlf_is_checked_as_the_browser_shows_it(client: FlaskClient) -> None:
    # Neither the page nor the textarea can hold a CR: the file is checked with LF line ends,
    # so that the marks, the page and the draft agree.
    crlf = BUDGET_NITF.replace("\n", "\r\n")
    page = page_of(upload(client, crlf.encode("utf-8"), "budget.xml"))
    assert page.annotated == page.textarea == BUDGET_NITF
    assert primary_marks_by_rule(page)["AUSTRIAN_GERMAN_SPELLER_RULE"] == [(BUDGET_NITF.index("Regirung"), "Regirung")]


def test_the_file_wins_over_the_pasted_text(client: FlaskClient) -> None:
    page = page_of(upload(client, BUDGET_NITF.encode("utf-8"), "budget.xml", text="Ein ganz anderer Text."))
    assert page.annotated == page.textarea == BUDGET_NITF


def test_upload_in_windows_1252_is_checked_with_a_notice_and_the_typed_draft_kept(client: FlaskClient) -> None:
    text = "Wien (APA) - Die Regirung tagt in Österreich: „Wir sparen“ – sagte der Kanzler.\n"
    response = upload(client, text.encode("cp1252"), "meldung.txt", text="Mein Entwurf.")
    assert response.status_code == 200
    page = page_of(response)
    assert page.annotated == page.textarea == text
    assert "Regirung" in [issue["text"] for issue in page.report_data()["issues"]]
    html = response.get_data(as_text=True)
    assert "als Windows-1252 gelesen" in " ".join(html.split())
    # The typed draft is kept in the form, sent back with a re-check, and put back on request.
    set_aside = {"id": "set-aside-text", "name": "set_aside", "class": "draft-input", "rows": "6", "readonly": ""}
    assert ("textarea", set_aside) in page.all_attrs
    assert "\nMein Entwurf.</textarea>" in html
    recheck = client.post(
        "/check",
        data={"text": text, "set_aside": "Mein Entwurf.", "filename": "meldung.txt", "encoding": "windows-1252"},
        content_type="multipart/form-data",
    )
    rechecked = recheck.get_data(as_text=True)
    assert "\nMein Entwurf.</textarea>" in rechecked
    assert '<span class="summary-file">meldung.txt</span>' in rechecked  # the filename stays


def test_upload_that_cannot_be_read_as_any_encoding_names_file_and_byte(client: FlaskClient) -> None:
    # UTF-8 with one byte of Latin-1 in it: reading it as Latin-1 would garble every umlaut.
    mixed = "Wien (APA) - Die Regierung tagt in Österreich.".encode() + "Ö".encode("latin-1")
    response = upload(client, mixed, "meldung.txt", text="Mein Entwurf.")
    page = page_of(response)
    assert response.status_code == 400
    assert page.error is not None
    assert "„meldung.txt“" in page.error and "UTF-8" in page.error
    position = len(mixed) - 1
    assert f"Byte-Position {position}" in page.error and "0xd6" in page.error
    assert page.textarea == "Mein Entwurf."  # the pasted draft is kept


def test_a_word_file_is_checked_and_downloaded_corrected_as_a_word_file(client: FlaskClient) -> None:
    document = docx.Document()
    document.add_heading("Regierung legt Haushalt vor", level=1)
    document.add_paragraph("Berlin (dpa) - Die Regirung hat am Mittwoch den Haushalt beschlossen.")
    data = io.BytesIO()
    document.save(data)
    response = upload(client, data.getvalue(), "meldung.docx", text="Getippt.")
    assert response.status_code == 200
    page = page_of(response)
    expected = "Regierung legt Haushalt vor\n\nBerlin (dpa) - Die Regirung hat am Mittwoch den Haushalt beschlossen."
    assert page.annotated == page.textarea == expected
    assert [issue["text"] for issue in page.report_data()["issues"] if issue["rule"] == "GERMAN_SPELLER_RULE"] == [
        "Regirung"
    ]
    assert ("input", {"type": "hidden", "name": "office", "value": "docx"}) in page.all_attrs
    assert ("input", {"type": "hidden", "name": "headings", "value": "0"}) in page.all_attrs
    assert "Korrigierte Fassung herunterladen (meldung-korrigiert.docx)" in response.get_data(as_text=True)
    corrected = expected.replace("Regirung", "Regierung")
    download = client.post(
        "/download",
        data={"text": corrected, "filename": "meldung.docx", "office": "docx", "headings": "0"},
        content_type="multipart/form-data",
    )
    assert download.status_code == 200
    assert download.headers["Content-Disposition"] == "attachment; filename=meldung-korrigiert.docx"
    written = docx.Document(io.BytesIO(download.data))
    assert [(p.style.name if p.style else "", p.text) for p in written.paragraphs] == [
        ("Heading 1", "Regierung legt Haushalt vor"),
        ("Normal", "Berlin (dpa) - Die Regierung hat am Mittwoch den Haushalt beschlossen."),
    ]


def test_download_of_a_text_file_is_utf8_and_of_nothing_is_refused(client: FlaskClient) -> None:
    download = client.post("/download", data={"text": "Grüße.", "filename": "alt.txt", "encoding": "windows-1252"})
    assert download.data == "Grüße.".encode()
    assert download.headers["Content-Disposition"] == "attachment; filename=alt-korrigiert.txt"
    empty = client.post("/download", data={"text": " "})
    assert empty.status_code == 400
    assert page_of(empty).error is not None


@pytest.mark.parametrize(
    ("encoding", "words"),
    [
        # UTF-8 that declares UTF-16 (a .NET artefact) would read as CJK text.
        ("utf-16", ["„utf-16“", "passen nicht dazu", "als UTF-8 speichern"]),
        ("ISO-8859-1", ["„ISO-8859-1“", "passen nicht dazu"]),
        ("rot13", ["„rot13“ als Zeichenkodierung; das ist keine"]),
        ("unicode_escape", ["„unicode_escape“ als Zeichenkodierung; das ist keine"]),
    ],
)
def test_upload_whose_declaration_does_not_fit_explains_and_keeps_the_draft(
    client: FlaskClient, encoding: str, words: list[str]
) -> None:
    source = BUDGET_NITF.replace('encoding="UTF-8"', f'encoding="{encoding}"').encode("utf-8")
    response = upload(client, source, "budget.xml", text="Mein Entwurf.")
    page = page_of(response)
    assert response.status_code == 400
    assert page.error is not None and "Die Datei „budget.xml“ nennt in der XML-Deklaration" in page.error
    for word in words:
        assert word in page.error
    assert page.textarea == "Mein Entwurf."


@pytest.mark.parametrize(
    ("source", "filename", "words"),
    [
        (MALFORMED_NITF, "kaputt.xml", ["„kaputt.xml“", "kein wohlgeformtes XML", "Zeile 5", "Spalte"]),
        (ENTITY_BOMB, "bombe.xml", ["„bombe.xml“", "Entitäten", "Sicherheitsgründen", "Zeile"]),
    ],
)
def test_unreadable_xml_explains_and_keeps_the_text(
    client: FlaskClient, source: str, filename: str, words: list[str]
) -> None:
    response = upload(client, source.encode("utf-8"), filename)
    page = page_of(response)
    assert response.status_code == 400
    assert page.textarea == source
    assert page.error is not None
    for word in words:
        assert word in page.error
    assert "Ihr Text ist erhalten" in page.error
    assert "malformed" not in page.error and "refused" not in page.error  # German, not the parser's English

    api = client.post("/api/v1/check", json={"text": source, "filename": filename})
    assert api.status_code == 400
    error = api.get_json()["error"]
    assert error["code"] == "invalid_input"
    assert words[1] in error["message"]
    assert filename in error["detail"]  # the technical message, with the position


def test_pasted_markup_is_read_in_its_format(client: FlaskClient) -> None:
    page = page_of(client.post("/check", data={"text": BUDGET_NITF}))
    assert page.report_data()["format"] == "nitf"
    assert page.annotated == page.textarea == BUDGET_NITF
    broken = page_of(client.post("/check", data={"text": MALFORMED_NITF}))
    assert broken.error is not None and broken.error.startswith("Das hat nicht geklappt. Der Text ist kein")
    assert broken.textarea == MALFORMED_NITF


def test_api_reads_files_in_their_formats(client: FlaskClient, engine: LanguageToolClient) -> None:
    report = check(
        BUDGET_NITF, CheckOptions(format=None, language=None), path="budget.xml", profile=load_profile(), engine=engine
    )
    data = client.post("/api/v1/check", json={"text": BUDGET_NITF, "filename": "budget.xml"}).get_json()
    assert data == json.loads(json.dumps(report.to_dict())) | {
        "fail_on": "error",
        "passed": Gate().judge([report]).exit_status == 0,
    }
    assert data["format"] == "nitf" and data["language"] == "de-AT"
    [issue] = data["issues"]
    assert BUDGET_NITF[issue["offset"] : issue["offset"] + issue["length"]] == issue["text"] == "Regirung"
    as_german = client.post("/api/v1/check", json={"text": BUDGET_NITF, "language": "de-DE"}).get_json()
    assert as_german["language"] == "de-DE"
    as_text = client.post("/api/v1/check", json={"text": BUDGET_NITF, "format": "text"}).get_json()
    assert as_text["format"] == "text"


def test_document_in_another_language_is_refused_in_german(client: FlaskClient) -> None:
    english = '<html lang="en"><body><p>The government met on Wednesday.</p></body></html>'
    response = client.post("/api/v1/check", json={"text": english})
    assert response.status_code == 400
    assert "„en“" in response.get_json()["error"]["message"]
    page = page_of(client.post("/check", data={"text": english}))
    assert page.error is not None and "nur Deutsch" in page.error
    assert page.textarea == english


# ---- The house profile ------------------------------------------------------------------------


def test_seed_article_shows_house_findings(client: FlaskClient, seed_text: str) -> None:
    page = page_of(client.post("/check", data={"text": seed_text}))
    marks = primary_marks_by_rule(page)
    assert marks["HOUSE_DATELINE"] == [(seed_text.index("Moskau, 28. März"), "Moskau, 28. März, IRNA – ")]
    assert marks["HOUSE_STRAY_CODE"] == [(seed_text.rindex("9407"), "9407")]
    stray = next(m for m in page.primary_marks if m.attrs["data-rule"] == "HOUSE_STRAY_CODE")
    assert "kind-house" in stray.attrs["class"].split()
    # Without script, the list says what the house rule is and offers the deletion.
    item = next(text for text in page.findings if "9407" in text and "Hausregel" in text)
    assert "Hausregel: Code nach dem letzten Absatz" in item
    assert "entfernen" in item
    data = next(issue for issue in page.report_data()["issues"] if issue["rule"] == "HOUSE_STRAY_CODE")
    assert data["replacements"] == data["fixes"] == [""]
    assert data["source"] == "house" and data["kind"] == "house"


def test_without_house_rules_only_languagetool_speaks(client: FlaskClient, seed_text: str) -> None:
    page = page_of(client.post("/check", data={"text": seed_text, "house": "0"}))
    assert page.primary_marks
    assert not any(m.attrs["data-rule"].startswith("HOUSE_") for m in page.primary_marks)
    assert ("input", {"type": "checkbox", "name": "house", "value": "1"}) in page.all_attrs  # stays unticked
    assert "ohne Hausregeln" in page.html
    api = client.post("/api/v1/check", json={"text": seed_text, "house": False}).get_json()
    assert {issue["source"] for issue in api["issues"]} == {"languagetool"}
    ticked = page_of(client.post("/check", data={"text": seed_text, "house": ["0", "1"]}))
    assert any(m.attrs["data-rule"].startswith("HOUSE_") for m in ticked.primary_marks)


def test_rule_switched_off_in_the_profile_is_off_in_page_and_api(
    engine: LanguageToolClient, seed_text: str, tmp_path: Path
) -> None:
    profile = tmp_path / "newsroom.toml"
    profile.write_text('extends = "default"\n\n[rules]\ndisabled = ["HOUSE_DATELINE"]\n', encoding="utf-8")
    client = create_app_for(engine, PROFILE=str(profile)).test_client()

    api = client.post("/api/v1/check", json={"text": seed_text}).get_json()
    rules = {issue["rule"] for issue in api["issues"]}
    assert "HOUSE_DATELINE" not in rules
    assert "HOUSE_STRAY_CODE" in rules  # the rest of the house rules still run
    report = check(seed_text, profile=load_profile(profile), engine=engine)
    assert api == json.loads(json.dumps(report.to_dict())) | {
        "fail_on": "error",
        "passed": Gate().judge([report]).exit_status == 0,
    }
    page = page_of(client.post("/check", data={"text": seed_text}))
    assert "HOUSE_DATELINE" not in {m.attrs["data-rule"] for m in page.primary_marks}


def test_profile_from_the_environment(
    engine: LanguageToolClient, seed_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "ohne-code.toml"
    profile.write_text('extends = "default"\n[rules]\ndisabled = ["HOUSE_STRAY_CODE"]\n', encoding="utf-8")
    monkeypatch.setenv("WIRECHECK_PROFILE", str(profile))
    client = create_app_for(engine).test_client()
    rules = {issue["rule"] for issue in client.post("/api/v1/check", json={"text": seed_text}).get_json()["issues"]}
    assert "HOUSE_STRAY_CODE" not in rules and "HOUSE_DATELINE" in rules


# ---- Text statistics --------------------------------------------------------------------------


def test_stats_in_json_and_on_the_page(client: FlaskClient, engine: LanguageToolClient, seed_text: str) -> None:
    api = client.post("/api/v1/check", json={"text": seed_text}).get_json()
    stats = check(seed_text, engine=engine).stats
    # With the house profile the statistics also count the sentences over its limit.
    assert api["stats"] == {**stats.to_dict(), "long_sentences": 3, "long_sentence_limit": 30}
    assert stats.words > 200 and stats.flesch_reading_ease is not None

    page = page_of(client.post("/check", data={"text": seed_text}))
    assert page.figures is not None
    figures = page.figures
    assert f"Wörter {stats.words}" in figures
    assert f"Sätze {stats.sentences}" in figures
    assert f"längster Satz {stats.longest_sentence_length} Wörter" in figures
    average = f"{stats.average_sentence_length:.1f}".replace(".", ",")
    assert f"Ø Satzlänge {average} Wörter" in figures
    flesch = f"{stats.flesch_reading_ease:.1f}".replace(".", ",")
    assert f"Lesbarkeit {flesch} sehr schwer" in figures  # 25: a hard read, as the seed article is
    assert "Wiener Sachtextformel" in figures and "Schulstufe" in figures
    assert "lange Sätze 3 über 30 Wörter" in figures


def test_stats_of_a_file_count_its_prose_only(client: FlaskClient) -> None:
    page = page_of(upload(client, BUDGET_NITF.encode("utf-8"), "budget.xml"))
    stats = page.report_data()["stats"]
    # The headline and the paragraphs: not the head's title, tag names or attribute values.
    prose = (
        "Regierung legt Budget für 2027 vor\n\n"
        "Wien (APA) - Den Entwurf für das kommende Jahr hat die österreichische Regirung am Mittwoch im "
        "Ministerrat beschlossen. Der Finanzminister sprach von einem «Budget der Verantwortung».\n\n"
        "Das Defizit soll nach Angaben des Ministeriums im Jahr 2027 auf 4,2 Prozent der Wirtschaftsleistung sinken."
    )
    assert stats == {**text_statistics(prose).to_dict(), "long_sentences": 0, "long_sentence_limit": 30}
    assert stats["words"] == 47
    assert page.figures is not None and "Wörter 47" in page.figures


def test_an_english_nitf_is_not_checked_as_german_until_the_editor_says_so(client: FlaskClient) -> None:
    english = (FORMATS_DIR / "iptc" / "dti-nitf" / "basic-story.xml").read_bytes()
    asked = upload(client, english, "basic-story.xml")
    assert asked.status_code == 400
    page = page_of(asked)
    assert page.error is not None and "scheint Englisch zu sein" in page.error
    button = {"type": "submit", "class": "button", "form": "check-form", "name": "language", "value": "de-DE"}
    assert ("button", button) in page.all_attrs
    assert page.textarea is not None and "<hl1>" in page.textarea  # the file's text comes back in the form
    # The button, before the form in the page, sends de-DE before the select's "auto".
    checked = client.post(
        "/check", data={"text": page.textarea, "language": ["de-DE", "auto"]}, content_type="multipart/form-data"
    )
    assert checked.status_code == 200
    assert page_of(checked).report_data()["language"] == "de-DE"


def test_api_refuses_an_untagged_english_text_unless_a_variant_is_given(client: FlaskClient) -> None:
    english = (FORMATS_DIR / "iptc" / "dti-nitf" / "basic-story.xml").read_text(encoding="utf-8")
    refused = client.post("/api/v1/check", json={"text": english})
    assert refused.status_code == 400
    error = refused.get_json()["error"]
    assert error["code"] == "invalid_request" and "Englisch" in error["message"]
    checked = client.post("/api/v1/check", json={"text": english, "language": "de-DE", "model": False})
    assert checked.status_code == 200
    assert checked.get_json()["language"] == "de-DE"


def test_an_odt_file_is_checked_and_downloaded_as_odt(client: FlaskClient) -> None:
    original = write_office("Haushalt beschlossen\n\nBerlin (dpa) - Die Regirung hat getagt.", ODT, frozenset({0}))
    response = upload(client, original, "meldung.odt")
    assert response.status_code == 200
    page = page_of(response)
    assert page.textarea == "Haushalt beschlossen\n\nBerlin (dpa) - Die Regirung hat getagt."
    assert "OpenDocument-Datei" in " ".join(response.get_data(as_text=True).split())
    download = client.post(
        "/download",
        data={"text": page.textarea.replace("Regirung", "Regierung"), "filename": "meldung.odt", "office": ODT,
              "headings": "0"},
    )  # fmt: skip
    assert download.mimetype == "application/vnd.oasis.opendocument.text"
    assert read_office(download.data, ODT, "meldung-korrigiert.odt") == OfficeText(
        ("Haushalt beschlossen", "Berlin (dpa) - Die Regierung hat getagt."), frozenset({0})
    )
