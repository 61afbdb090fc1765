"""Bad input, a missing or hanging engine and oversized bodies: clear answers, never a 500 or a hang."""

from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from typing import Any

import pytest
from flask import Flask

from checker.engine import health
from checker.errors import EngineUnavailable
from checker.web import create_app
from tests.fakes import FailingEngine
from tests.serving import serving


class HangingEngine(FailingEngine):
    """An engine whose every answer would take longer than anyone waits (a stopped JVM)."""

    def alive(self) -> bool:
        time.sleep(30)
        return False


def _app(engine: Any) -> Flask:
    return create_app({"TESTING": True, "ENGINE": engine})


@pytest.mark.parametrize(
    ("body", "reason_words"),
    [
        (json.dumps({"text": "!?.,;:" * 8000}), "Absatz mit mehr als 20.000 Zeichen"),
        (json.dumps({"text": "Titel\n\n" + "!?.,;:" * 2000}), "ohne Buchstaben oder Ziffern"),
        ('{"text": "Ein a \\ud800 Text"}', "ungültiges Zeichen"),
        ('{"text": "  \\n "}', "leer"),
        ("[" * 100_000, "verschachtelt"),
    ],
    ids=["punctuation-paste", "symbol-run", "lone-surrogate", "empty", "nested-json"],
)
def test_bad_input_is_refused_before_the_engine(body: str, reason_words: str) -> None:
    # The engine would fail any check: a 400 shows the input never reached it.
    client = _app(FailingEngine(EngineUnavailable("down"))).test_client()
    response = client.post("/api/v1/check", data=body, content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)
    assert reason_words in response.get_json()["error"]["message"]


def test_a_lone_surrogate_in_a_ninjs_upload_is_refused_with_its_place() -> None:
    client = _app(FailingEngine(EngineUnavailable("down"))).test_client()
    ninjs = '{"uri": "x", "headline": "Titel", "body_text": "Text \\udc00"}'
    response = client.post("/api/v1/check", json={"text": ninjs, "format": "ninjs"})
    assert response.status_code == 400
    assert "(Zeile 1, Spalte" in response.get_json()["error"]["message"]


def test_every_503_says_when_to_try_again() -> None:
    client = _app(FailingEngine(EngineUnavailable("down"))).test_client()
    for response in (client.get("/healthz"), client.post("/api/v1/check", json={"text": "Ein Satz."})):
        assert response.status_code == 503
        assert int(response.headers["Retry-After"]) > 0
    page = client.post("/check", data={"text": "Ein Satz."})
    assert page.status_code == 503 and "Retry-After" in page.headers


def test_health_answers_at_once_while_the_engine_hangs() -> None:
    client = _app(HangingEngine(EngineUnavailable("hangs"))).test_client()
    assert client.get("/healthz").status_code == 503  # just started: waits a moment for a first probe
    started = time.monotonic()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert time.monotonic() - started < 0.5
    # Pages and static files do not touch the engine at all.
    assert client.get("/").status_code == 200
    assert client.get("/static/wirecheck.css").status_code == 200


def test_a_form_body_over_the_limit_gets_the_413_page_not_a_reset() -> None:
    app = _app(FailingEngine(EngineUnavailable("unused")))
    body = urllib.parse.urlencode({"text": "Wort " * 700_000}).encode()  # about 3.5 MB
    assert len(body) > app.config["MAX_CONTENT_LENGTH"]
    with serving(app) as url:
        address = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        connection.request("POST", "/check", body=body, headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        page = response.read().decode("utf-8")
    assert response.status == 413
    assert "zu groß" in page


LONG_NUMBER = "1" * 5000  # beyond Python's int conversion limit (4,300 digits)


@pytest.mark.parametrize(
    ("body", "reason_words"),
    [
        ('{"text": "Ein Satz.", "max_issues": ' + LONG_NUMBER + "}", "Zahl mit 5.000 Ziffern"),
        (
            json.dumps({"text": '{"headline": "Titel",\n "n": ' + LONG_NUMBER + ', "body_text": "Ein Satz."}'}),
            "Zahl mit 5.000 Ziffern (Zeile 2, Spalte 7)",
        ),
        ('{"text": "Ein Satz.", "language": "de-\\ud800"}', "„language“ enthält ein ungültiges Zeichen"),
        ('{"text": "Ein Satz.", "names": ["Wah\\udc00idi"]}', "„names“ enthält ein ungültiges Zeichen"),
        ('{"text": "Ein Satz.", "filename": "\\ud800.txt"}', "„filename“ enthält ein ungültiges Zeichen"),
    ],
    ids=["long-integer", "long-integer-in-ninjs", "surrogate-language", "surrogate-names", "surrogate-filename"],
)
def test_what_python_cannot_read_or_pass_on_is_refused_with_a_message(body: str, reason_words: str) -> None:
    client = _app(FailingEngine(EngineUnavailable("down"))).test_client()
    response = client.post("/api/v1/check", data=body, content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)
    assert reason_words in response.get_json()["error"]["message"]


class BusyEngine(FailingEngine):
    """An engine that answered its first probe, then none in time (busy, or stuck), and
    answers every check at once."""

    def __init__(self) -> None:
        super().__init__(EngineUnavailable("unused"))
        self.probes = 0

    def alive(self) -> bool:
        self.probes += 1
        return self.probes == 1

    def version(self) -> str:
        return "busy"

    def query(self, payload: dict[str, str], options: Any) -> dict[str, Any]:
        return {"software": {"version": "busy"}, "matches": []}


def test_health_is_ok_while_checks_are_answered_and_fails_only_once_they_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "PROBE_INTERVAL", 0.2)
    engine = BusyEngine()
    client = _app(engine).test_client()
    assert client.get("/healthz").status_code == 200  # the first probe was answered
    statuses = []
    checking_until = time.monotonic() + 8
    while engine.probes < 12 and time.monotonic() < checking_until:  # many probes, each unanswered
        assert client.post("/api/v1/check", json={"text": "Ein Satz."}).status_code == 200
        statuses.append(client.get("/healthz").status_code)
    assert set(statuses) == {200}  # busy: its probes time out, its checks are answered
    assert engine.probes >= 12
    # No more checks answered: after a few unanswered probes the engine counts as stuck.
    deadline = time.monotonic() + 10
    while client.get("/healthz").status_code == 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.get("/healthz").status_code == 503
