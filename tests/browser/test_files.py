"""The files editors have, in headless Chromium: a typed draft that a file replaces stays
restorable, Word and Windows-1252 files are checked and the corrected Word file downloaded, a
text in another language is asked about, a wire file is shown as its article, "Neuer Text" is an
empty form. The browser and the served app are tests/browser/test_page.py's fixtures, which the
tests take by name (hence F811)."""

# ruff: noqa: F811

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest

from tests.browser.test_page import base_url, browser, page, screenshot  # noqa: F401
from tests.web.test_uploads import BUDGET_NITF, FORMATS_DIR

pytestmark = [pytest.mark.engine, pytest.mark.browser]

TYPED = "Mein getippter Entwurf: Der Stadtrat tagt am Montag."
WINDOWS_1252 = "Wien (APA) - Die Regirung tagt in Österreich: „Wir sparen“ – sagte der Kanzler.\n"


def send_file(page: Any, path: Path) -> None:
    page.set_input_files("#file", str(path))
    with page.expect_navigation(wait_until="load"):
        page.click("#check-form button[type=submit]")


def test_a_file_in_windows_1252_is_checked_and_the_typed_draft_stays_restorable(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "meldung.txt"
    path.write_bytes(WINDOWS_1252.encode("cp1252"))
    page.goto(base_url + "/")
    page.fill("#text", TYPED)
    send_file(page, path)
    assert page.input_value("#text") == WINDOWS_1252
    assert "Windows-1252" in page.inner_text("#file-notice")
    assert page.locator("#annotated mark.issue[data-offset]", has_text="Regirung").count() == 1
    # The typed text is aside, and back in the field with one click; the file's text takes its place.
    page.click("#set-aside summary")
    assert page.input_value("#set-aside-text") == TYPED
    page.click("#restore-set-aside")
    assert page.input_value("#text") == TYPED
    assert page.input_value("#set-aside-text") == WINDOWS_1252
    screenshot(page, "upload-set-aside.png", full_page=True)
    # Checked again, the typed text is the one checked, and the file's text is still aside.
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    assert page.input_value("#text") == TYPED
    assert page.input_value("#set-aside-text") == WINDOWS_1252
    # "Neuer Text": an empty field, with both texts one click away.
    page.click(".masthead-link")
    page.wait_for_load_state("load")
    assert page.input_value("#text") == ""
    page.locator("#draft-note button", has_text="Zur Seite gelegten").click()
    assert page.input_value("#text") == WINDOWS_1252


def test_a_word_file_is_checked_corrected_and_downloaded_as_a_word_file(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("Regierung legt Haushalt vor", level=1)
    document.add_paragraph("Berlin (dpa) - Die Regirung hat am Mittwoch den Haushalt beschlossen.")
    path = tmp_path / "meldung.docx"
    document.save(str(path))
    page.goto(base_url + "/")
    send_file(page, path)
    assert "Word-Datei" in page.inner_text("#file-notice")
    mark = page.locator("#annotated mark.issue[data-offset]", has_text="Regirung")
    mark.click()
    page.locator("#card-suggestions button.suggestion", has_text="Regierung").first.click()
    with page.expect_download() as download_info:
        page.click("#download")
    download = download_info.value
    assert download.suggested_filename == "meldung-korrigiert.docx"
    written = docx.Document(io.BytesIO(Path(download.path()).read_bytes()))
    assert [(p.style.name if p.style else "", p.text) for p in written.paragraphs] == [
        ("Heading 1", "Regierung legt Haushalt vor"),
        ("Normal", "Berlin (dpa) - Die Regierung hat am Mittwoch den Haushalt beschlossen."),
    ]


def test_an_english_file_is_asked_about_before_it_is_checked_as_german(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    # A short English story: checked as German it is quick, even on a busy machine.
    send_file(page, FORMATS_DIR / "iptc" / "dti-nitf" / "correction.xml")
    assert "scheint Englisch zu sein" in page.inner_text("#error-message")
    assert page.locator("#annotated").count() == 0
    with page.expect_navigation(wait_until="load", timeout=120_000):
        page.click("#language-question button", no_wait_after=True)
    assert "de-DE" in page.inner_text(".summary")
    assert page.locator("#annotated mark.issue[data-offset]").count() > 0


def test_a_nitf_file_is_shown_as_its_article_with_the_source_one_click_away(
    page: Any, base_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "budget.xml"
    path.write_text(BUDGET_NITF, encoding="utf-8")
    page.goto(base_url + "/")
    send_file(page, path)
    labels = page.locator("#article .article-label").all_text_contents()
    assert labels[0] == "Titel" and "Absatz 1" in labels
    assert "<" not in page.inner_text("#article")
    assert page.locator("#article mark.article-mark", has_text="Regirung").count() == 1
    assert page.locator("#findings .finding-where", has_text="Zeile").count() == 0
    screenshot(page, "article-nitf.png", full_page=True)
    page.click(".article-source-link")
    assert page.evaluate("window.location.hash") == "#source-title"
    assert page.locator("#annotated").is_visible()


def test_new_text_is_an_empty_form_with_the_last_draft_one_click_away(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("#text", TYPED)
    page.goto(base_url + "/")
    assert page.input_value("#text") == TYPED  # the kept draft comes back on a plain visit
    page.click(".masthead-link")
    page.wait_for_load_state("load")
    assert page.input_value("#text") == ""
    page.locator("#draft-note button", has_text="Letzten Text").click()
    assert page.input_value("#text") == TYPED
