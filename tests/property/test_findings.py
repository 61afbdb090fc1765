"""Properties of every check on the real engine, over arbitrary Unicode: findings lie inside the
text and slice exactly their `text`; the result page shows the draft exactly; the API and the
command line find the same; nothing gives a 500. Few examples each, so the suite stays fast."""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, example, given, settings

from checker.cli.main import main as cli_main
from checker.languagetool import LanguageToolClient
from checker.web import create_app
from checker.web.check_request import normalise_line_ends
from tests.property.page import annotated_text
from tests.property.strategies import examples, has_surrogate, texts

pytestmark = pytest.mark.engine

# Bounded: each example is a real check (twice for the CLI comparison).
REAL_ENGINE = settings(
    max_examples=examples(40),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def real_app(engine: LanguageToolClient) -> Flask:
    return create_app({"TESTING": True, "LANGUAGETOOL_URL": engine.url})


def _api_check(client: FlaskClient, text: str) -> Any:
    # json.dumps writes a lone surrogate as its \ud800 escape, as a client's JSON library would.
    body = json.dumps({"text": text, "filename": "artikel.txt"})
    return client.post("/api/v1/check", data=body, content_type="application/json")


def assert_slices(text: str, issues: list[dict[str, Any]]) -> None:
    for issue in issues:
        offset, length = issue["offset"], issue["length"]
        assert 0 <= offset <= offset + length <= len(text), issue
        assert text[offset : offset + length] == issue["text"], issue


@REAL_ENGINE
@given(text=texts())
@example(text="\ud800\udc00")
def test_api_findings_slice_the_text_and_nothing_gives_a_500(real_app: Flask, text: str) -> None:
    response = _api_check(real_app.test_client(), text)
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    answer = response.get_json()
    if response.status_code == 400:
        assert answer["error"]["message"]
        return
    # What the server read: JSON joins a high and a low surrogate escape into one character
    # ("\ud800\udc00" is U+10000), so only a lone surrogate stays one.
    received = json.loads(json.dumps(text))
    assert not has_surrogate(received)
    assert_slices(received, answer["issues"])


@REAL_ENGINE
@given(text=texts(surrogates=False))
def test_the_page_shows_the_draft_exactly(real_app: Flask, text: str) -> None:
    # A browser never sends a lone surrogate (it sends U+FFFD); the page's own line ends are LF.
    response = real_app.test_client().post("/check", data={"text": text})
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 400), page
    if response.status_code == 200:
        assert annotated_text(page) == normalise_line_ends(text)


def _cli_check(engine: LanguageToolClient, text: str) -> tuple[int, dict[str, Any] | None, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "artikel.txt"
        # The command line drops one BOM at the start, as editors' files often have one.
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        path.write_bytes((bom + text).encode("utf-8", "surrogatepass"))
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = cli_main(["check", "--no-config", "--format", "json", "--languagetool-url", engine.url, str(path)])
    output = stdout.getvalue()
    return status, json.loads(output) if status in (0, 1) else None, stderr.getvalue()


@REAL_ENGINE
@given(text=texts())
@example(text="\ud800\udc00")
def test_the_api_and_the_command_line_agree(real_app: Flask, engine: LanguageToolClient, text: str) -> None:
    response = _api_check(real_app.test_client(), text)
    # The file holds what the API read (JSON joins a surrogate pair into one character).
    received = json.loads(json.dumps(text))
    status, document, stderr = _cli_check(engine, received)
    assert "Traceback" not in stderr
    if response.status_code == 400:
        # Not checkable for one, not checkable for the other: never "clean".
        assert status == 2, (response.get_json(), status)
        return
    assert response.status_code == 200, response.get_data(as_text=True)
    assert status in (0, 1), stderr
    assert document is not None
    cli_issues = document["files"][0]["issues"]
    api_issues = response.get_json()["issues"]
    assert cli_issues == api_issues
    assert_slices(received, cli_issues)
