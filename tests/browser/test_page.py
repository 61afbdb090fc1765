"""The editors' page in headless Chromium: paste the example article, see the findings, apply fixes.

Runs the app with werkzeug's server in a thread against the real engine. Skipped only when
Debian's chromium is not installed (`apt-get install chromium`); Playwright never downloads
a browser here. Screenshots go to $WIRECHECK_SCREENSHOTS (default /tmp/wirecheck-screenshots).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checker.engine import health
from checker.errors import EngineUnavailable
from checker.filters.fixes import plan
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Report
from checker.web import create_app
from tests.fakes import OverlappingEngine
from tests.serving import serving
from tests.web.test_uploads import BUDGET_NITF

pytestmark = [pytest.mark.engine, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(os.environ.get("WIRECHECK_SCREENSHOTS", "/tmp/wirecheck-screenshots"))
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def base_url(engine: LanguageToolClient) -> Iterator[str]:
    with serving(create_app({"LANGUAGETOOL_URL": engine.url})) as url:
        yield url


def house_check(text: str, engine: LanguageToolClient) -> Report:
    """What the page finds with its defaults: detected format and language, the default profile."""
    return check(text, CheckOptions(format=None, language=None), profile=load_profile(), engine=engine)


OVERLAP_TEXT = "Die Bundesregierung hat heute 😀 beschlossen."


@pytest.fixture(scope="module")
def overlapping_url() -> Iterator[str]:
    with serving(create_app({"ENGINE": OverlappingEngine()})) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP, locale="de-DE")
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    # Error pages (413, 503) are answers to the form, not problems; any failed asset is.
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type in {"error", "warning"} and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{response.status} for {response.url}")
            if response.status >= 400 and response.request.resource_type != "document"
            else None
        ),
    )
    yield page
    context.close()
    # No CSP violation, no script error, no failed asset on any page the test saw.
    assert problems == []


def screenshot(page: Any, name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=full_page)


def submit_draft(page: Any, base_url: str, text: str, *, house: bool = True) -> None:
    page.goto(base_url + "/")
    page.fill("#text", text)
    if not house:
        page.uncheck("#check-form input[type=checkbox][name=house]")
    # Waiting for "load": by then the page script has set up its handlers.
    with page.expect_navigation(wait_until="load"):
        page.click("#check-form button[type=submit]")


def annotated_text(page: Any) -> str:
    return str(page.eval_on_selector("#annotated", "element => element.textContent"))


def mark_for(page: Any, word: str) -> Any:
    """The primary mark of the first finding whose flagged text contains `word`, or None."""
    for mark in page.query_selector_all("#annotated mark.issue[data-offset]"):
        if word in mark.text_content():
            return mark
    return None


def test_paste_check_and_apply(page: Any, base_url: str, engine: LanguageToolClient, seed_text: str) -> None:
    report = house_check(seed_text, engine)
    submit_draft(page, base_url, seed_text)

    # Every finding is marked in place, and the text is the draft as written.
    assert page.locator("#annotated mark.issue[data-offset]").count() == len(report.issues)
    assert annotated_text(page) == seed_text
    assert page.input_value("#text") == seed_text
    assert page.locator("#findings > li").count() == len(report.issues)

    # A finding opens a card; the screenshot shows the page as an editor sees it.
    page.click('#annotated mark[data-rule="DE_AGREEMENT"]')
    assert page.locator("#card").is_visible()
    assert "sein russischer Amtskollege" in page.locator("#card-suggestions").inner_text()
    screenshot(page, "result.png")
    screenshot(page, "result-full.png", full_page=True)

    # LanguageTool's "Kremlin" -> "Kreml", applied from the card.
    page.keyboard.press("Escape")
    assert page.locator("#card").is_hidden()
    page.click('#annotated mark[data-rule="DE_SIMPLE_REPLACE_KREMLIN"]')
    page.locator("#card-suggestions button.suggestion", has_text="Kreml").click()
    draft = page.input_value("#text")
    assert "im Kreml Palace Hotel" in draft
    assert "Kremlin" not in draft
    assert annotated_text(page) == draft
    assert "übernommen" in page.locator("#status").inner_text()
    screenshot(page, "applied.png")

    # Undo brings the original back; applying again keeps page and draft in step.
    page.click("#card-undo")
    assert page.input_value("#text") == seed_text
    page.locator("#card-suggestions button.suggestion", has_text="Kreml").click()
    assert "im Kreml Palace Hotel" in page.input_value("#text")

    # The draft survives a closed tab: the start page restores it from the browser.
    page.goto(base_url + "/", wait_until="load")
    assert "im Kreml Palace Hotel" in page.input_value("#text")
    assert page.locator("#draft-note").is_visible()

    # "Presskonferenz" is our house grammar's (LanguageTool alone does not flag it).
    submit_draft(page, base_url, seed_text)
    house = mark_for(page, "Presskonferenz")
    assert house is not None and house.get_attribute("data-rule").startswith("HOUSE_PRESSE_FUGE")
    house.click()
    assert page.inner_text("#card-rule").startswith("Hausregel: ")
    page.locator("#card-suggestions button.suggestion", has_text="Pressekonferenz").click()
    assert "auf dieser Pressekonferenz:" in page.input_value("#text")


def test_house_findings_stats_and_deleting_the_stray_code(page: Any, base_url: str, seed_text: str) -> None:
    submit_draft(page, base_url, seed_text)

    # The text's figures stand above it.
    figures = page.inner_text("#figures")
    for label in ("Wörter", "Sätze", "Ø Satzlänge", "längster Satz", "Lesbarkeit", "Wiener Sachtextformel"):
        assert label in figures
    assert "sehr schwer" in figures

    # The dateline in IRNA's form: a house finding, its rule named on the card.
    page.click('#annotated mark[data-rule="HOUSE_DATELINE"]')
    assert page.inner_text("#card-kind") == "HAUSREGELN"
    assert page.inner_text("#card-title") == "„Moskau, 28. März, IRNA – “"
    assert page.inner_text("#card-rule") == "Hausregel: Ortsmarke im Agenturformat"
    suggestions = page.locator("#card-suggestions button.suggestion")
    assert suggestions.evaluate_all("buttons => buttons.map(button => button.textContent)") == ["Moskau (IRNA) – "]
    screenshot(page, "house.png")
    page.keyboard.press("Escape")

    # The transmission code after the last paragraph: its one suggestion deletes it.
    code = page.locator('#annotated mark[data-rule="HOUSE_STRAY_CODE"]')
    code.scroll_into_view_if_needed()
    code.click()
    assert page.inner_text("#card-rule") == "Hausregel: Code nach dem letzten Absatz"
    remove = page.locator("#card-suggestions button.suggestion")
    assert remove.all_inner_texts() == ["entfernen"]
    screenshot(page, "house-stray-code.png")
    remove.click()
    draft = page.input_value("#text")
    assert draft == seed_text[: seed_text.rindex("9407")]
    assert "9407" not in draft
    assert annotated_text(page) == draft
    assert page.inner_text("#status") == "„9407“ entfernt."
    assert page.inner_text("#card-suggestions") == "Entfernt."
    page.click("#card-undo")
    assert page.input_value("#text") == seed_text


def test_upload_a_file_and_check_again(page: Any, base_url: str, tmp_path: Path) -> None:
    article = tmp_path / "budget.xml"
    article.write_text(BUDGET_NITF, encoding="utf-8")
    page.goto(base_url + "/")
    page.set_input_files("#file", str(article))
    with page.expect_navigation(wait_until="load"):
        page.click("#check-form button[type=submit]")
    # The file as written, marks at its own positions, and its text in the form for the next round.
    assert annotated_text(page) == BUDGET_NITF
    assert page.input_value("#text") == BUDGET_NITF
    mark = page.locator('#annotated mark[data-rule="AUSTRIAN_GERMAN_SPELLER_RULE"]')
    assert mark.inner_text() == "Regirung"
    assert int(mark.get_attribute("data-offset")) == BUDGET_NITF.index("Regirung")
    assert "budget.xml" in page.inner_text(".summary") and "NITF" in page.inner_text(".summary")
    mark.click()
    page.locator("#card-suggestions button.suggestion", has_text="Regierung").first.click()
    corrected = BUDGET_NITF.replace("Regirung", "Regierung")
    assert page.input_value("#text") == corrected
    screenshot(page, "upload-nitf.png", full_page=True)
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    assert annotated_text(page) == corrected
    assert page.locator("#annotated mark[data-offset]").count() == 0


def test_apply_all_copy_and_check_again(page: Any, base_url: str, engine: LanguageToolClient, seed_text: str) -> None:
    report = house_check(seed_text, engine)
    submit_draft(page, base_url, seed_text)

    # Side panel: choosing a finding scrolls to it and opens its card.
    page.locator("#findings .finding-link").last.click()
    assert page.locator("#card").is_visible()
    assert page.locator("#card-title").inner_text() == f"„{report.issues[-1].text}“"

    # Ignoring a finding takes it out of the counts.
    spelling_before = int(page.inner_text('[data-kind-count="spelling"]'))
    item = page.locator("#findings li.kind-spelling").first
    index = item.get_attribute("data-issue")
    item.locator(".finding-link").click()
    assert page.inner_text("#card-kind") == "RECHTSCHREIBUNG"
    page.click("#card-ignore")
    assert int(page.inner_text('[data-kind-count="spelling"]')) == spelling_before - 1
    assert "is-ignored" in (page.get_attribute(f'#annotated mark[data-issue="{index}"][data-offset]', "class") or "")

    # "Apply all" takes the fixes a second check verified, not the ignored one, and says what it held back.
    ignored = int(index or -1)
    fix_plan = plan(report, lambda text: house_check(text, engine))
    verified = [report.issues[fix.index] for fix in fix_plan.fixes if fix.index != ignored]
    assert verified and fix_plan.held_back
    page.click("#apply-all")
    status = page.inner_text("#status")
    assert status.startswith(f"{len(verified)} Vorschläge übernommen. Zurückgehalten: ")
    corrected = page.input_value("#text")
    assert annotated_text(page) == corrected
    for issue in verified:
        assert issue.replacements[0] in corrected

    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.click("#copy-text")
    assert page.evaluate("navigator.clipboard.readText()") == corrected

    # "Check again" sends the edited draft: the applied fixes are no longer findings, and
    # nothing is found that was not found before.
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    assert annotated_text(page) == corrected
    rules = {mark.get_attribute("data-rule") for mark in page.query_selector_all("#annotated mark[data-offset]")}
    assert "DE_SIMPLE_REPLACE_KREMLIN" not in rules
    assert page.locator("#annotated mark[data-offset]").count() < len(report.issues)
    again = json.loads(page.inner_text("#report-data"))["issues"]
    assert {(issue["rule"], issue["text"]) for issue in again} <= {(issue.rule, issue.text) for issue in report.issues}


def test_a_finding_about_the_whole_text_is_a_marker_that_opens_its_card(page: Any, base_url: str) -> None:
    submit_draft(page, base_url, "Gesetz beschlossen\n\nDer Bundestag hat am Dienstag das Gesetz beschlossen.")
    note = page.locator('#annotated mark.is-note[data-rule="HOUSE_DATELINE_MISSING"]')
    assert note.count() == 1 and note.inner_text() == ""
    note.click()
    assert "Ortsmarke" in page.inner_text("#card")


def test_keyboard_reaches_findings(page: Any, base_url: str, seed_text: str) -> None:
    submit_draft(page, base_url, seed_text)
    first = page.locator("#annotated mark.issue[data-offset]:not(.is-note)").first
    # The caret inside a finding's words shows its card; Alt+Enter goes into it, Esc comes back.
    place_caret(page, int(first.get_attribute("data-offset")) + 1)
    assert page.locator("#card").is_visible()
    assert page.locator("#card-title").inner_text() == f"„{first.inner_text()}“"
    page.keyboard.press("Alt+Enter")
    assert page.evaluate("document.activeElement.closest('#card') !== null")
    assert annotated_text(page) == seed_text  # no line break typed
    page.keyboard.press("Escape")
    assert page.locator("#card").is_hidden()
    assert page.evaluate("document.activeElement.id") == "annotated"
    # From the text, Tab leaves it: the marks are no stops of their own.
    assert page.locator("#annotated mark[tabindex='0']").count() == 0


def test_overlapping_findings_are_all_reachable(page: Any, overlapping_url: str) -> None:
    submit_draft(page, overlapping_url, OVERLAP_TEXT, house=False)  # the test engine's findings only
    assert annotated_text(page) == OVERLAP_TEXT
    titles = ["„Bundesregierung hat“", "„regierung“", "„regierung“", "„hat heute 😀“"]
    for number, title in enumerate(titles, start=1):
        page.click(f"#finding-{number} .finding-link")
        assert page.locator("#card-title").inner_text() == title
        assert page.locator("#card-others button").count() >= 1

    # The same words hold two findings: the card reaches the other one.
    page.click("#finding-2 .finding-link")
    assert page.inner_text("#card-message") == "Regel INNER"
    others = page.locator("#card-others button")
    assert others.all_inner_texts() == ["Grammatik: „Bundesregierung hat“", "Grammatik: „regierung“"]
    others.nth(1).click()
    assert page.inner_text("#card-message") == "Regel SAME"
    screenshot(page, "overlap.png")

    # Applying the outer finding makes the three it overlaps stale, and undo revives them.
    page.click("#finding-1 .finding-link")
    page.locator("#card-suggestions button.suggestion").click()
    assert page.input_value("#text") == "Die Regierung hat heute 😀 beschlossen."
    assert annotated_text(page) == page.input_value("#text")
    assert page.locator("#findings .finding-state:visible").all_inner_texts() == [
        "übernommen",
        "überholt",
        "überholt",
        "überholt",
    ]
    page.click("#card-undo")
    assert page.input_value("#text") == OVERLAP_TEXT
    assert annotated_text(page) == OVERLAP_TEXT

    # The crossing finding, applied on its own, replaces exactly its words (emoji included).
    page.click("#finding-4 .finding-link")
    page.locator("#card-suggestions button.suggestion").click()
    assert page.input_value("#text") == "Die Bundesregierung hat gestern beschlossen."
    assert annotated_text(page) == page.input_value("#text")


def test_too_large_draft_comes_back_whole_from_the_browser(page: Any, seed_text: str) -> None:
    # The server reads only the first 1 kB; the browser's copy restores the rest.
    with serving(create_app({"LANGUAGETOOL_URL": "http://127.0.0.1:9", "MAX_CONTENT_LENGTH": 1024})) as url:
        page.goto(url + "/")
        page.fill("#text", seed_text)
        with page.expect_navigation(wait_until="load"):
            page.click("#check-form button[type=submit]")
        assert "zu groß" in page.inner_text("#error-message")
        shown = page.input_value("#text")
        assert shown and seed_text.startswith(shown) and shown != seed_text
        page.click("#draft-note button")
        assert page.input_value("#text") == seed_text


def test_without_javascript_every_finding_is_listed(browser: Any, base_url: str, seed_text: str) -> None:
    context = browser.new_context(viewport=LAPTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        submit_draft(page, base_url, seed_text)
        assert annotated_text(page) == seed_text
        items = page.locator("#findings > li")
        marks = page.locator("#annotated mark.issue[data-offset]")
        assert items.count() == marks.count() > 0
        assert "sein russischer Amtskollege" in page.inner_text("#findings")
        assert page.locator("#apply-all").is_hidden()
        screenshot(page, "result-nojs.png")
    finally:
        context.close()


def test_an_unknown_name_is_accepted_for_the_session(page: Any, base_url: str) -> None:
    text = "Die Lage sei ruhig. Bei Rapid spielte Schwegler gut."
    submit_draft(page, base_url, text)
    page.locator('#annotated mark[data-rule="HOUSE_UNKNOWN_NAME"]', has_text="Schwegler").first.click()
    assert page.inner_text("#card-kind") == "HAUSREGELN"
    page.click("#card-accept-name")
    assert "„Schwegler“ gilt in diesem Browser als Name" in page.inner_text("#status")
    assert page.input_value("#session-names") == "Schwegler"
    # Checked again, with the name sent along: no longer a finding, and still known afterwards.
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    assert not page.query_selector_all("#annotated mark[data-offset]")
    assert page.input_value("#session-names") == "Schwegler"


# The result page as the editor: the marked text takes typing and is checked again in place.

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
EDIT_TEXT = (
    "Die Regierung hat heute beschlossen, das Gesetz zu ändern.\n\nDer Minister sagte, man werde schnel handeln."
)


def place_caret(page: Any, offset: int) -> None:
    """The caret into the editor, `offset` UTF-16 units into its text."""
    page.evaluate(
        """(offset) => {
          const editor = document.getElementById("annotated");
          editor.focus();
          const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
          let rest = offset;
          while (walker.nextNode() && rest > walker.currentNode.length) { rest -= walker.currentNode.length; }
          const range = document.createRange();
          range.setStart(walker.currentNode, rest);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
        }""",
        offset,
    )


def caret_offset(page: Any) -> int:
    return int(
        page.evaluate(
            """() => {
              const range = document.createRange();
              range.selectNodeContents(document.getElementById("annotated"));
              range.setEnd(getSelection().anchorNode, getSelection().anchorOffset);
              return range.toString().length;
            }"""
        )
    )


def axe_violations(page: Any) -> list[str]:
    """axe-core's violations on the page as it is now (scripts/browser-deps.sh installs axe-core)."""
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run scripts/browser-deps.sh (npm)")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate(
        """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations.map(
              (violation) => violation.id + ": " + violation.nodes.map((node) => node.target.join(" ")).join(", "))"""
    )
    return list(found)


def test_typing_a_misspelling_marks_it_in_place(page: Any, base_url: str) -> None:
    submit_draft(page, base_url, EDIT_TEXT)
    page.evaluate("window.samePage = true")  # gone with any page load
    later = mark_for(page, "schnel")
    assert later is not None and int(later.get_attribute("data-offset")) == EDIT_TEXT.index("schnel")

    place_caret(page, EDIT_TEXT.index("Gesetz"))
    page.keyboard.type("neue Gestez ")
    edited = EDIT_TEXT.replace("Gesetz", "neue Gestez Gesetz")
    page.wait_for_selector('#annotated mark.issue[data-offset]:text-is("Gestez")', timeout=20_000)

    # Marked where it is, the later finding moved with the text, and no page load happened.
    assert page.evaluate("window.samePage") is True
    assert annotated_text(page) == edited
    assert page.input_value("#text") == edited  # the draft follows, for "Erneut prüfen" and the browser's copy
    typed = page.locator('#annotated mark.issue[data-offset]:text-is("Gestez")')
    assert int(typed.get_attribute("data-offset")) == edited.index("Gestez")
    moved = mark_for(page, "schnel")
    assert moved is not None and int(moved.get_attribute("data-offset")) == edited.index("schnel")
    assert page.locator("#findings .finding-text", has_text="Gestez").count() == 1
    # The caret stays where the typing left it, in the editor.
    assert page.evaluate("document.activeElement.id") == "annotated"
    assert caret_offset(page) == edited.index("Gesetz")

    # A suggestion applies in place, in the edited text.
    typed.click()
    page.locator("#card-suggestions button.suggestion", has_text="Gesetz").first.click()
    assert annotated_text(page) == EDIT_TEXT.replace("Gesetz", "neue Gesetz Gesetz")
    assert page.input_value("#text") == annotated_text(page)
    screenshot(page, "editor.png")


def test_choices_last_after_a_new_check_and_can_be_taken_back(page: Any, base_url: str) -> None:
    text = "Die Lage sei ruhig. Bei Rapid spielte Schwegler gut, die Regirung schwieg."
    submit_draft(page, base_url, text)
    page.locator('#annotated mark[data-rule="HOUSE_UNKNOWN_NAME"]', has_text="Schwegler").first.click()
    page.click("#card-accept-name")
    speller = page.locator('#annotated mark.issue[data-offset]:text-is("Regirung")')
    rule = speller.get_attribute("data-rule")
    speller.click()
    page.click("#card-ignore")
    assert "auch bei den nächsten Prüfungen" in page.inner_text("#status")

    # Checked again with a page load: the ignored finding stays ignored, and the panel lists each choice.
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    again = page.locator('#annotated mark.issue[data-offset]:text-is("Regirung")')
    assert again.get_attribute("data-rule") == rule
    assert "is-ignored" in (again.get_attribute("class") or "")
    choices = page.locator("#choices-list li")
    assert choices.all_inner_texts() == ["Ignoriert: „Regirung“\nZurücknehmen", "Name: „Schwegler“\nZurücknehmen"]
    assert page.locator('#annotated mark[data-rule="HOUSE_UNKNOWN_NAME"]', has_text="Schwegler").count() == 0

    # Taken back: the finding is open again.
    choices.first.get_by_role("button").click()
    assert "is-ignored" not in (again.get_attribute("class") or "")
    assert choices.count() == 1

    # A whole rule switched off: every finding of it is ignored, here and after the next check.
    again.click()
    page.click("#card-ignore-rule")
    assert "is-ignored" in (again.get_attribute("class") or "")
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    assert "is-ignored" in (page.locator(f'#annotated mark[data-rule="{rule}"]').first.get_attribute("class") or "")
    assert page.locator("#choices-list li", has_text="Regel aus").count() == 1


def test_apply_all_can_be_undone(page: Any, base_url: str, seed_text: str) -> None:
    submit_draft(page, base_url, seed_text)
    page.click("#apply-all")
    assert annotated_text(page) != seed_text
    undo = page.locator("#apply-all-undo")
    assert undo.is_visible()
    undo.click()
    assert annotated_text(page) == seed_text
    assert page.input_value("#text") == seed_text
    assert "zurückgenommen" in page.inner_text("#status")
    assert undo.is_hidden()


def test_card_steps_closes_and_the_keyboard_skips_to_the_findings(page: Any, base_url: str, seed_text: str) -> None:
    submit_draft(page, base_url, seed_text)
    page.click("#finding-1 .finding-link")
    page.focus("#card-close")
    count = page.locator("#findings > li").count()
    assert page.inner_text("#card-position") == f"1 von {count}"

    # Next and previous without leaving the card; the focused button is in full view.
    page.click("#card-next")
    assert page.inner_text("#card-position") == f"2 von {count}"
    assert page.evaluate("document.activeElement.id") == "card-next"
    top, bottom = page.evaluate("(({ top, bottom }) => [top, bottom])(document.activeElement.getBoundingClientRect())")
    assert top >= 0 and bottom <= LAPTOP["height"]
    page.click("#card-prev")
    assert page.inner_text("#card-position") == f"1 von {count}"

    # Tabbing out of the card closes it.
    page.focus("#card-close")
    page.keyboard.press("Shift+Tab")
    for _ in range(12):
        if page.locator("#card").is_hidden():
            break
        page.keyboard.press("Shift+Tab")
    assert page.locator("#card").is_hidden()

    # Esc closes the card from anywhere, the side panel too.
    page.click("#finding-3 .finding-link")
    assert page.locator("#card").is_visible()
    page.focus("#copy-text")
    page.keyboard.press("Escape")
    assert page.locator("#card").is_hidden()

    # From the text, one link leads to the findings; the next Tab reaches "apply all".
    page.focus(".skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "panel"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "apply-all"


def test_no_sideways_scroll_on_a_phone(browser: Any, base_url: str, seed_text: str) -> None:
    context = browser.new_context(viewport=PHONE, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(base_url + "/")
        width = "document.documentElement.scrollWidth"
        assert page.evaluate(width) <= PHONE["width"]
        submit_draft(page, base_url, seed_text)
        assert page.evaluate(width) <= PHONE["width"]
        # The way to the findings is shown at once, and leads there.
        jump = page.locator(".skip-link")
        assert jump.is_visible()
        assert jump.bounding_box()["y"] < PHONE["height"]
        jump.click()
        assert page.locator("#apply-all").is_visible()
        box = page.locator("#panel").bounding_box()
        assert -1 < box["y"] < PHONE["height"]  # its top at the window's top, give or take a subpixel
        screenshot(page, "phone.png")
    finally:
        context.close()


def test_the_card_speaks_the_editors_words(
    page: Any, base_url: str, engine: LanguageToolClient, seed_text: str
) -> None:
    report = house_check(seed_text, engine)
    agreement = next(issue for issue in report.issues if issue.rule == "DE_AGREEMENT")
    submit_draft(page, base_url, seed_text)
    page.click('#annotated mark[data-rule="DE_AGREEMENT"]')
    card = page.inner_text("#card")
    assert agreement.rule_description and agreement.rule_description not in card
    assert agreement.message in card
    assert page.inner_text("#card-rule") == f"Bereich: {agreement.category.name}"

    text = "Die Lage sei ruhig. Bei Rapid spielte Schwegler gut."
    submit_draft(page, base_url, text)
    page.locator('#annotated mark[data-rule="HOUSE_UNKNOWN_NAME"]', has_text="Schwegler").first.click()
    message = page.inner_text("#card-message")
    assert "Hausprofil" not in message and "Als Namen annehmen" in message
    assert page.locator("#card-accept-name").is_visible()


def test_the_editor_has_no_accessibility_violations(page: Any, base_url: str, seed_text: str) -> None:
    submit_draft(page, base_url, seed_text)
    assert axe_violations(page) == []
    page.click('#annotated mark[data-rule="DE_AGREEMENT"]')
    assert axe_violations(page) == []
    page.goto(base_url + "/")
    assert axe_violations(page) == []


class _StuckEngine(OverlappingEngine):
    """An engine that stops answering once `stuck`: probes fail at once, a check hangs until released."""

    def __init__(self, *, stuck: bool = True) -> None:
        super().__init__()
        self.stuck = stuck
        self.release = threading.Event()

    def alive(self) -> bool:
        return not self.stuck

    def query(self, payload: dict[str, str], options: Any) -> dict[str, Any]:
        if not self.stuck:
            return super().query(payload, options)
        self.release.wait(60)
        raise EngineUnavailable("stuck")


def test_a_stuck_engine_is_shown_within_seconds(browser: Any) -> None:
    engine = _StuckEngine()
    context = browser.new_context(viewport=LAPTOP, locale="de-DE")
    page = context.new_page()
    try:
        with serving(create_app({"ENGINE": engine})) as url:
            page.goto(url + "/")
            page.fill("#text", "Ein Satz, der nicht geprüft wird.")
            # Playwright reads no page while its navigation is pending, so the form's request is
            # held back here, after the page script has seen the submit; the engine's health
            # (probes that fail) is what the page reports.
            page.evaluate("document.getElementById('check-form').addEventListener('submit', (e) => e.preventDefault())")
            started = time.monotonic()
            page.click("#check-form button[type=submit]")
            busy = page.locator("#busy")
            assert busy.is_visible() and "wird geprüft" in busy.inner_text()
            page.wait_for_selector("#busy.is-trouble", timeout=15_000)
            waited = time.monotonic() - started
            assert "Ihr Text ist erhalten" in busy.inner_text()
            assert waited < 10, f"the trouble showed after {waited:.1f} s"
            busy.get_by_role("button", name="Warten beenden").click()
            assert busy.is_hidden()
            assert page.input_value("#text") == "Ein Satz, der nicht geprüft wird."
    finally:
        engine.release.set()
        context.close()


def test_a_stuck_engine_while_editing_is_reported_and_the_text_kept(browser: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(health, "PROBE_INTERVAL", 0.2)  # the monitor gives up after three missed probes
    engine = _StuckEngine(stuck=False)
    context = browser.new_context(viewport=LAPTOP, locale="de-DE")
    page = context.new_page()
    try:
        with serving(create_app({"ENGINE": engine})) as url:
            submit_draft(page, url, OVERLAP_TEXT, house=False)
            engine.stuck = True
            place_caret(page, len(OVERLAP_TEXT.encode("utf-16-le")) // 2)  # the caret counts UTF-16 units
            page.keyboard.type(" Neu")
            started = time.monotonic()
            page.locator("#status", has_text="antwortet gerade nicht").wait_for(timeout=15_000)
            waited = time.monotonic() - started
            assert waited < 8, f"the trouble showed after {waited:.1f} s"
            assert "Ihr Text ist erhalten" in page.inner_text("#status")
            assert annotated_text(page) == page.input_value("#text") == OVERLAP_TEXT + " Neu"
    finally:
        engine.release.set()
        context.close()


def test_typing_is_undone_and_redone_across_re_checks(page: Any, overlapping_url: str) -> None:
    submit_draft(page, overlapping_url, OVERLAP_TEXT, house=False)
    marks = page.locator("#annotated mark.issue[data-offset]")
    assert marks.count() == 4
    place_caret(page, len("Die "))
    page.keyboard.type("neue ")
    edited = OVERLAP_TEXT.replace("Die ", "Die neue ")
    page.wait_for_selector("#annotated[aria-busy='false'] mark.issue[data-offset]")
    assert annotated_text(page) == edited and marks.count() == 4

    page.keyboard.press("Control+z")
    assert annotated_text(page) == page.input_value("#text") == OVERLAP_TEXT
    assert caret_offset(page) == len("Die ")
    page.wait_for_selector("#annotated[aria-busy='false'] mark.issue[data-offset]")
    assert marks.count() == 4
    assert int(marks.first.get_attribute("data-offset")) == OVERLAP_TEXT.index("Bundesregierung")

    page.keyboard.press("Control+y")
    assert annotated_text(page) == page.input_value("#text") == edited


def test_a_spelling_card_on_a_capitalised_word_offers_to_accept_it_as_a_name(page: Any, base_url: str) -> None:
    # "Gächter" is one slip from "Pächter": the speller's error, which the editor may overrule.
    text = "Die Lage ist ruhig. Kurz danach kam Gächter an."
    submit_draft(page, base_url, text)
    page.locator("#annotated mark[data-offset]", has_text="Gächter").first.click()
    assert page.locator("#card-accept-name").is_visible()
    page.click("#card-accept-name")
    assert page.input_value("#session-names") == "Gächter"
    with page.expect_navigation(wait_until="load"):
        page.click(".panel-actions button[type=submit]")
    assert "Gächter" not in [mark.inner_text() for mark in page.query_selector_all("#annotated mark[data-offset]")]


def test_a_spelling_card_on_a_small_letter_word_offers_no_name(page: Any, base_url: str) -> None:
    submit_draft(page, base_url, "Die Lage ist ruhig. Wir habn das geprüft.")
    page.locator("#annotated mark[data-offset]", has_text="habn").first.click()
    assert page.locator("#card").is_visible()
    assert page.locator("#card-accept-name").is_hidden()
