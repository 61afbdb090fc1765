"""The names dictionary in headless Chromium: "Als Namen annehmen" on a finding's card adds the
name to the dictionary, another editor's check knows it, and the desk reviews proposals on /names.
Fixtures and helpers are the page test's (tests/browser/test_page.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.languagetool import LanguageToolClient
from checker.names import NameStore
from checker.web import create_app
from tests.browser.test_page import LAPTOP, browser, page, screenshot, submit_draft  # noqa: F401  fixtures
from tests.serving import serving

pytestmark = [pytest.mark.engine, pytest.mark.browser]

TEXT = "Die Lage sei ruhig. Bei Rapid spielte Schwegler gut."
UNKNOWN_NAMES = '#annotated mark[data-rule="HOUSE_UNKNOWN_NAME"]'


@pytest.fixture
def served(
    engine: LanguageToolClient, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[tuple[str, NameStore]]:
    database = f"sqlite:///{tmp_path / 'names.sqlite3'}"
    setting = getattr(request, "param", "proposed")
    app = create_app({"LANGUAGETOOL_URL": engine.url, "DATABASE_URL": database, "NAMES_FROM_EDITORS": setting})
    store = NameStore(database)
    # The first check of a session warms LanguageTool and the model up, which can take longer on
    # a busy machine than a browser waits for a page.
    assert app.test_client().post("/api/v1/check", json={"text": TEXT}).status_code == 200
    with serving(app) as url:
        yield url, store
    store.close()


def _unknown_names(result: Any) -> set[str]:
    return {mark.inner_text() for mark in result.query_selector_all(UNKNOWN_NAMES)}


@pytest.mark.parametrize("served", ["accepted"], indirect=True)
def test_a_name_accepted_on_the_card_is_known_to_the_next_editor(
    page: Any,  # noqa: F811
    browser: Any,  # noqa: F811
    served: tuple[str, NameStore],
) -> None:
    base_url, store = served
    submit_draft(page, base_url, TEXT)
    assert "Schwegler" in _unknown_names(page)
    page.locator(UNKNOWN_NAMES, has_text="Schwegler").first.click()
    page.click("#card-accept-name")
    # The tab keeps it at once; the dictionary says it took it.
    page.locator("#status", has_text="Namensverzeichnis").wait_for(timeout=10_000)
    assert "Er steht jetzt im Namensverzeichnis und gilt für alle." in page.inner_text("#status")
    entry = store.get("Schwegler")
    assert entry is not None
    assert (entry.status, entry.added_by) == ("accepted", "web")
    assert "Bei Rapid spielte Schwegler" in entry.seen_in
    screenshot(page, "name-accepted.png")

    # Another editor, another browser session with no names of its own: the name is known.
    other = browser.new_context(viewport=LAPTOP, locale="de-DE")
    try:
        editor = other.new_page()
        submit_draft(editor, base_url, TEXT)
        assert editor.input_value("#session-names") == ""
        assert "Schwegler" not in _unknown_names(editor)
    finally:
        other.close()


def test_the_desk_reviews_a_proposed_name(page: Any, served: tuple[str, NameStore]) -> None:  # noqa: F811
    base_url, store = served
    submit_draft(page, base_url, TEXT)
    page.locator(UNKNOWN_NAMES, has_text="Schwegler").first.click()
    page.click("#card-accept-name")
    page.locator("#status", has_text="vorgeschlagen").wait_for(timeout=10_000)
    assert store.get("Schwegler").status == "proposed"

    # The desk: the proposals, filtered.
    page.goto(base_url + "/names", wait_until="load")
    page.select_option("#names-filter select[name=status]", "proposed")
    with page.expect_navigation(wait_until="load"):
        page.click("#names-filter button[type=submit]")
    rows = page.locator("tr.name-row")
    assert rows.count() == 1 and rows.first.get_attribute("data-name") == "Schwegler"
    assert "Bei Rapid spielte Schwegler" in rows.first.inner_text()
    screenshot(page, "names-review.png", full_page=True)

    # Edit: kind and a variant; then approve.
    row = page.locator('tr.name-row[data-name="Schwegler"]')
    row.locator("summary").click()
    row.locator(".name-edit select[name=kind]").select_option("person")
    row.locator(".name-edit input[name=variants]").fill("Vahidi")
    with page.expect_navigation(wait_until="load"):
        row.locator(".name-edit button[type=submit]").click()
    assert "„Schwegler“ ist geändert." in page.inner_text("#names-notice")
    with page.expect_navigation(wait_until="load"):
        page.locator('tr.name-row[data-name="Schwegler"] button[value=accept]').click()
    # The filter (proposed) stays: the accepted name has left the list.
    assert page.locator("tr.name-row").count() == 0
    entry = store.get("Schwegler")
    assert (entry.status, entry.kind, entry.variants) == ("accepted", "person", ("Vahidi",))

    # Now every check knows it, and its variant gets it as the fix.
    submit_draft(page, base_url, TEXT)
    assert "Schwegler" not in _unknown_names(page)

    # Delete: gone from the list and the dictionary.
    page.goto(base_url + "/names", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator('tr.name-row[data-name="Schwegler"] button[value=delete]').click()
    assert "„Schwegler“ ist gelöscht." in page.inner_text("#names-notice")
    assert store.get("Schwegler") is None
