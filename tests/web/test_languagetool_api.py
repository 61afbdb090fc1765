"""LanguageTool's HTTP API answered by the checker (`/v2/check`, `/v2/languages`, `/v2/info`):
parameters, answers and errors as LanguageTool has them, through Flask's test client.

What depends on LanguageTool runs against the real engine (the `app` fixture); how parameters
and errors are read runs against fake engines. The real clients are in tests/clients/.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from checker.errors import CheckerError, EngineTimeout, EngineUnavailable
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.web import create_app
from checker.web.resources import admission
from tests.fakes import FailingEngine

# Errors of several kinds, none of them a house matter, with emoji (a skin tone, a flag) and a
# keycap sequence (a combining mark) before, between and after the findings.
LONG_NUMBER = "1" * 5000  # beyond Python's int conversion limit (4,300 digits)
WITHOUT_HOUSE_FINDINGS = (
    "Das ist 😀 ein Fehlerr in diesem Satz. Er gehen morgen nach Hause, weil es regnet 👍🏽. "
    "Wir habe das Haus am Montag gesehen, Punkt 1\ufe0f\u20e3 der Liste. "
    "Die Kinder spielt im Garten von München 🇩🇪 mit den Hunde."
)


class CapturingEngine:
    """An engine that finds nothing and keeps the options of every check."""

    url = "http://capturing.invalid"
    max_text_length = 50_000

    def __init__(self) -> None:
        self.options: list[CheckOptions] = []

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        self.options.append(options)
        return {"software": {"version": "test"}, "matches": []}

    def version(self) -> str:
        return "test"

    def identity(self) -> str:
        return "test"

    def alive(self) -> bool:
        return True


def _app(engine: Any, **settings: Any) -> Flask:
    return create_app({"TESTING": True, "ENGINE": engine, **settings})


def utf16_slice(text: str, offset: int, length: int) -> str:
    """What LanguageTool's offset and length (UTF-16 code units) cover in `text`."""
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def _lt_check(client: FlaskClient, **params: str) -> dict[str, Any]:
    response = client.post("/v2/check", data=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    result: dict[str, Any] = response.get_json()
    return result


def _rules(result: dict[str, Any]) -> set[str]:
    return {match["rule"]["id"] for match in result["matches"]}


# ---- Parameters ------------------------------------------------------------------------------


def test_languages_lists_the_german_variants_as_languagetool_does() -> None:
    languages = _app(CapturingEngine()).test_client().get("/v2/languages").get_json()
    assert {"name": "German (Germany)", "code": "de", "longCode": "de-DE"} in languages
    assert {entry["longCode"] for entry in languages} == {"de", "de-DE", "de-AT", "de-CH"}


def test_info_names_the_software() -> None:
    info = _app(CapturingEngine()).test_client().get("/v2/info").get_json()
    assert info["software"]["name"] == "LanguageTool"
    assert "version" in info["software"]


@pytest.mark.parametrize(
    ("params", "language"),
    [
        ({"language": "de-AT"}, "de-AT"),
        ({"language": "de"}, "de-DE"),
        ({"language": "DE_ch"}, "de-CH"),
        ({"language": "auto"}, "de-DE"),
        ({"language": "auto", "preferredVariants": "en-US,de-AT"}, "de-AT"),
        ({"language": "de-DE", "motherTongue": "fa"}, "de-DE"),
    ],
    ids=["variant", "plain-de", "any-case", "auto", "auto-preferred", "mother-tongue-ignored"],
)
def test_the_language_is_read_as_languagetool_reads_it(params: dict[str, str], language: str) -> None:
    engine = CapturingEngine()
    result = _lt_check(_app(engine).test_client(), text="Ein Satz.", **params)
    assert [options.language for options in engine.options] == [language]
    assert result["language"]["code"] == result["language"]["detectedLanguage"]["code"] == language


def test_switches_and_level_reach_languagetool() -> None:
    engine = CapturingEngine()
    client = _app(engine).test_client()
    _lt_check(client, language="de-DE", text="Ein Satz.", level="picky", disabledRules="A, B", disabledCategories="C")
    _lt_check(client, language="de-DE", text="Ein Satz.", enabledOnly="yes", enabledRules="D", enabledCategories="E")
    picky, only = engine.options
    assert picky.picky and {"A", "B"} <= set(picky.disabled_rules) and picky.disabled_categories == ("C",)
    assert only.enabled_only and only.enabled_rules == ("D",) and only.enabled_categories == ("E",)
    assert not only.picky


def test_a_query_string_and_a_json_body_are_read_like_a_form() -> None:
    engine = CapturingEngine()
    client = _app(engine).test_client()
    assert client.get("/v2/check", query_string={"language": "de-CH", "text": "Ein Satz."}).status_code == 200
    body = {"language": "de-AT", "text": "Ein Satz.", "disabledRules": ["X", "Y"], "enabledOnly": False}
    assert client.post("/v2/check", json=body).status_code == 200
    assert [options.language for options in engine.options] == ["de-CH", "de-AT"]
    assert set(engine.options[1].disabled_rules) >= {"X", "Y"}


def test_empty_text_has_no_findings_and_needs_no_engine() -> None:
    client = _app(FailingEngine(EngineUnavailable("down"))).test_client()
    for params in ({"text": ""}, {"text": " \n "}, {"data": '{"annotation": [{"markup": "<p/>"}]}'}):
        result = _lt_check(client, language="de-DE", **params)
        assert result["matches"] == []


def test_a_check_split_in_two_by_mode_reports_each_finding_once() -> None:
    engine = CapturingEngine()
    client = _app(engine).test_client()
    text_level = _lt_check(client, language="de-DE", text="Ein Satz.", mode="textLevelOnly")
    assert text_level["matches"] == [] and engine.options == []
    _lt_check(client, language="de-DE", text="Ein Satz.", mode="allButTextLevelOnly")
    assert len(engine.options) == 1


# ---- Errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"text": "Ein Satz."}, "„language“ fehlt"),
        ({"language": "de-DE"}, "„text“ oder „data“ fehlt"),
        ({"language": "en-US", "text": "A sentence."}, "„en-US“ ist keine Sprache"),
        ({"language": "de-DE", "text": "Ein Satz.", "data": '{"text": "Ein Satz."}'}, "nicht beide"),
        ({"language": "de-DE", "data": '{"annotation": ['}, "kein gültiges JSON"),
        ({"language": "de-DE", "data": '{"annotation": [{"text": "a", "markup": "b"}]}'}, "zugleich"),
        ({"language": "de-DE", "data": '{"annotation": [{"text": "a", "interpretAs": "b"}]}'}, "„interpretAs“"),
        ({"language": "de-DE", "data": '{"annotation": [{"other": "a"}]}'}, "braucht „text“ oder „markup“"),
        ({"language": "de-DE", "data": '{"parts": []}'}, "Liste „annotation“"),
        ({"language": "de-DE", "text": "a", "enabledOnly": "true"}, "enabled"),
    ],
    ids=[
        "no-language",
        "no-text",
        "not-german",
        "text-and-data",
        "data-not-json",
        "text-and-markup",
        "interpret-text",
        "unknown-item",
        "no-annotation",
        "enabled-only-alone",
    ],
)
def test_bad_requests_are_refused_as_languagetool_refuses_them(params: dict[str, str], words: str) -> None:
    client = _app(FailingEngine(EngineUnavailable("unused"))).test_client()
    response = client.post("/v2/check", data=params)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    body = response.get_data(as_text=True)
    assert body.startswith("Error: ") and words in body


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('{"language": "de-DE", "text": "Ein Satz.", "n": ' + LONG_NUMBER + "}", "Zahl mit 5.000 Ziffern"),
        (
            json.dumps(
                {"language": "de-DE", "data": '{"annotation": [{"text": "Ein Satz."}], "n": ' + LONG_NUMBER + "}"}
            ),
            "„data“ enthält eine Zahl mit 5.000 Ziffern",
        ),
        ('{"language": "\\ud800", "text": "Ein Satz."}', "„language“ enthält ein ungültiges Zeichen"),
        ('{"language": "de-DE", "text": "Ein Satz.", "enabledRules": "A\\udc00"}', "„enabledRules“ enthält"),
        ('{"language": "de-DE", "text": "Ein Satz.", "apiKey": "\\ud800"}', "„apiKey“ enthält"),
        ('{"language": "de-DE", "data": {"annotation": ["\\ud800"]}}', "„data“ enthält ein ungültiges Zeichen"),
        (
            '{"language": "de-DE", "data": {"annotation": [{"text": "a", "markup": "\\ud800"}]}}',
            "„data“ enthält ein ungültiges Zeichen",
        ),
    ],
    ids=[
        "long-integer",
        "long-integer-in-data",
        "surrogate-language",
        "surrogate-rules",
        "surrogate-api-key",
        "surrogate-item",
        "surrogate-markup",
    ],
)
def test_what_python_cannot_read_or_pass_on_is_refused_with_a_message(body: str, words: str) -> None:
    client = _app(FailingEngine(EngineUnavailable("unused"))).test_client()
    response = client.post("/v2/check", data=body, content_type="application/json")
    assert response.status_code == 400, response.get_data(as_text=True)
    text = response.get_data(as_text=True)
    assert text.startswith("Error: ") and words in text


def test_a_lone_surrogate_in_the_api_key_is_a_wrong_key_when_tokens_are_on() -> None:
    client = create_app({"TESTING": True, "ENGINE": FailingEngine(EngineUnavailable("unused")), "API_TOKENS": ["k1"]})
    body = '{"language": "de-DE", "text": "Ein Satz.", "apiKey": "\\ud800"}'
    response = client.test_client().post("/v2/check", data=body, content_type="application/json")
    assert response.status_code == 401
    assert response.get_data(as_text=True).startswith("Error: ")


def test_text_no_article_holds_is_refused_with_its_place() -> None:
    client = _app(FailingEngine(EngineUnavailable("unused"))).test_client()
    body = '{"language": "de-DE", "text": "Titel\\n\\nEin Satz \\ud800 mit Ersatzzeichen."}'
    response = client.post("/v2/check", data=body, content_type="application/json")
    assert response.status_code == 400
    body_text = response.get_data(as_text=True)
    assert body_text.startswith("Error: ") and "ungültiges Zeichen" in body_text and "(Zeile 3, Spalte 10)" in body_text


@pytest.mark.parametrize(
    ("error", "status"), [(EngineUnavailable("down"), 503), (EngineTimeout("slow"), 504)], ids=["down", "timeout"]
)
def test_engine_failures_keep_their_status(error: CheckerError, status: int) -> None:
    response = _app(FailingEngine(error)).test_client().post("/v2/check", data={"language": "de", "text": "Ein Satz."})
    assert response.status_code == status
    assert response.mimetype == "text/plain" and response.get_data(as_text=True).startswith("Error: ")
    if status == 503:
        assert int(response.headers["Retry-After"]) > 0


def test_the_limits_of_the_api_hold_here_too() -> None:
    client = _app(CapturingEngine(), MAX_TEXT_LENGTH=100, MAX_CONTENT_LENGTH=10_000).test_client()
    too_long = client.post("/v2/check", data={"language": "de-DE", "text": "Wort " * 30})
    assert too_long.status_code == 413 and "zu lang" in too_long.get_data(as_text=True)
    too_large = client.post("/v2/check", data={"language": "de-DE", "text": "Wort " * 5_000})
    assert too_large.status_code == 413 and too_large.get_data(as_text=True).startswith("Error: ")


def test_a_check_without_a_free_place_is_refused_at_once() -> None:
    app = _app(CapturingEngine(), MAX_CONCURRENT_CHECKS=1, ADMISSION_WAIT=0)
    client = app.test_client()
    with app.app_context(), admission().slot():
        response = client.post("/v2/check", data={"language": "de-DE", "text": "Ein Satz."})
    assert response.status_code == 503 and "Retry-After" in response.headers
    assert response.get_data(as_text=True).startswith("Error: ")


def test_unknown_actions_and_methods_are_plain_text_errors() -> None:
    client = _app(CapturingEngine()).test_client()
    unknown = client.get("/v2/words")
    assert unknown.status_code == 404 and unknown.get_data(as_text=True).startswith("Error: ")
    wrong_method = client.put("/v2/check")
    assert wrong_method.status_code == 405 and wrong_method.get_data(as_text=True).startswith("Error: ")


# ---- Access: CORS and keys -------------------------------------------------------------------


def test_cors_is_off_by_default() -> None:
    client = _app(CapturingEngine()).test_client()
    response = client.post(
        "/v2/check", data={"language": "de-DE", "text": "Ein Satz."}, headers={"Origin": "https://cms.example.org"}
    )
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_answers_the_listed_origins_only() -> None:
    listed = "chrome-extension://abcdefghijklmnop"
    client = _app(CapturingEngine(), CORS_ORIGINS=f"https://cms.example.org, {listed}").test_client()
    preflight = client.options("/v2/check", headers={"Origin": listed, "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Origin"] == listed
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    answer = client.post("/v2/check", data={"language": "de-DE", "text": "Ein Satz."}, headers={"Origin": listed})
    assert answer.headers["Access-Control-Allow-Origin"] == listed and "Origin" in answer.headers["Vary"]
    error = client.post("/v2/check", data={"text": "Ein Satz."}, headers={"Origin": listed})
    assert error.status_code == 400 and error.headers["Access-Control-Allow-Origin"] == listed
    other = client.post(
        "/v2/check", data={"language": "de-DE", "text": "Ein Satz."}, headers={"Origin": "https://elsewhere.example"}
    )
    assert "Access-Control-Allow-Origin" not in other.headers


def test_with_api_tokens_a_check_needs_one_as_api_key_or_bearer_token() -> None:
    client = _app(CapturingEngine(), API_TOKENS=["desk-token-0123456789"]).test_client()
    params = {"language": "de-DE", "text": "Ein Satz."}
    refused = client.post("/v2/check", data=params)
    assert refused.status_code == 401 and refused.get_data(as_text=True).startswith("Error: ")
    assert client.post("/v2/check", data={**params, "apiKey": "wrong"}).status_code == 401
    assert client.post("/v2/check", data={**params, "apiKey": "desk-token-0123456789"}).status_code == 200
    bearer = {"Authorization": "Bearer desk-token-0123456789"}
    assert client.post("/v2/check", data=params, headers=bearer).status_code == 200
    assert client.get("/v2/languages").status_code == 200


# ---- Against the real engine -----------------------------------------------------------------


@pytest.mark.engine
def test_the_example_article_comes_back_as_languagetool_matches(
    client: FlaskClient, engine: LanguageToolClient, seed_text: str
) -> None:
    result = _lt_check(client, language="de-DE", text=seed_text)
    matches = result["matches"]
    house = [match for match in matches if match["rule"]["category"]["id"].startswith("HOUSE_")]
    assert {"HOUSE_DATELINE", "HOUSE_STRAY_CODE", "HOUSE_AVOID"} <= _rules(result)
    for match in house:
        assert match["rule"]["issueType"] and match["rule"]["description"] and match["message"]
        assert match["type"]["typeName"] in {"UnknownWord", "Hint", "Other"}
        context = match["context"]
        marked = context["text"][context["offset"] : context["offset"] + context["length"]]
        assert marked == utf16_slice(seed_text, match["offset"], match["length"]).replace("\n", " ")
    # The same findings the JSON API reports, in the same places.
    api = client.post("/api/v1/check", json={"text": seed_text, "format": "text", "language": "de-DE"}).get_json()
    expected = Counter((issue["rule"].split("[")[0], issue["text"]) for issue in api["issues"])
    found = Counter((m["rule"]["id"], utf16_slice(seed_text, m["offset"], m["length"])) for m in matches)
    assert found == expected
    # LanguageTool alone takes the agency for a misspelling; with the names dictionary it is none.
    raw = engine.query({"text": seed_text}, CheckOptions(language="de-DE"))["matches"]
    assert any(utf16_slice(seed_text, m["offset"], m["length"]) == "IRNA" for m in raw)
    assert not any(utf16_slice(seed_text, m["offset"], m["length"]) == "IRNA" for m in matches)


@pytest.mark.engine
@pytest.mark.parametrize("as_data", [False, True], ids=["text", "annotated-data"])
def test_without_house_findings_the_answer_is_languagetools_match_for_match(
    client: FlaskClient, engine: LanguageToolClient, as_data: bool
) -> None:
    if as_data:
        annotation = [
            {"text": WITHOUT_HOUSE_FINDINGS[:15]},
            {"markup": "<b>"},
            {"text": WITHOUT_HOUSE_FINDINGS[15:22]},
            {"markup": "</b>"},
            {"text": WITHOUT_HOUSE_FINDINGS[22:]},
        ]
        payload = {"data": json.dumps({"annotation": annotation})}
    else:
        payload = {"text": WITHOUT_HOUSE_FINDINGS}
    ours = _lt_check(client, language="de-DE", **payload)["matches"]
    raw = engine.query(payload, CheckOptions(language="de-DE"))["matches"]
    assert len(raw) >= 4
    assert ours == raw


@pytest.mark.engine
def test_a_finding_never_cuts_a_letter_from_its_accent(client: FlaskClient, engine: LanguageToolClient) -> None:
    text = "Der Kaffe\u0301 ist kalt."
    raw = engine.query({"text": text}, CheckOptions(language="de-DE"))["matches"]
    assert [utf16_slice(text, m["offset"], m["length"]) for m in raw] == ["Kaffe"]
    ours = _lt_check(client, language="de-DE", text=text)["matches"]
    assert [utf16_slice(text, m["offset"], m["length"]) for m in ours] == ["Kaffe\u0301"]
    assert ours[0]["context"]["length"] == ours[0]["length"] == 6


@pytest.mark.engine
def test_annotated_data_offsets_count_the_markup_which_is_never_checked(client: FlaskClient) -> None:
    annotation = [
        {"markup": "<h1>"},
        {"text": "Berlin (dpa) - Ein Fehlerr 😀 im Text"},
        {"markup": "</h1>\n<p>", "interpretAs": "\n\n"},
        {"text": "Die Regierung hat "},
        {"markup": "<xyzzy-tag>"},
        {"text": "heute getagt und sie hat hat beschlossen."},
        {"markup": "</p>", "interpretAs": ""},
    ]
    source = "".join(item.get("text", item.get("markup", "")) for item in annotation)
    matches = _lt_check(client, language="de-DE", data=json.dumps({"annotation": annotation}))["matches"]
    covered = {m["rule"]["id"]: utf16_slice(source, m["offset"], m["length"]) for m in matches}
    assert covered["GERMAN_SPELLER_RULE"] == "Fehlerr"
    assert "hat hat" in covered["HOUSE_DOUBLED_WORD"]
    assert not any("xyzzy" in text or "<" in text for text in covered.values())


@pytest.mark.engine
def test_rule_and_category_switches_apply_to_house_findings(client: FlaskClient, seed_text: str) -> None:
    text = seed_text
    everything = _rules(_lt_check(client, language="de-DE", text=text))
    assert {"HOUSE_DATELINE", "HOUSE_AVOID", "DE_AGREEMENT"} <= everything

    without_wire = _rules(_lt_check(client, language="de-DE", text=text, disabledCategories="HOUSE_WIRE"))
    assert "HOUSE_DATELINE" not in without_wire and "HOUSE_AVOID" in without_wire
    without_avoid = _rules(_lt_check(client, language="de-DE", text=text, disabledRules="HOUSE_AVOID"))
    assert "HOUSE_AVOID" not in without_avoid and "HOUSE_DATELINE" in without_avoid
    only = _lt_check(client, language="de-DE", text=text, enabledOnly="true", enabledRules="HOUSE_DATELINE")
    assert _rules(only) == {"HOUSE_DATELINE"}
    grammar_only = _lt_check(client, language="de-DE", text=text, enabledOnly="true", enabledCategories="GRAMMAR")
    assert "DE_AGREEMENT" in _rules(grammar_only)
    assert all(match["rule"]["category"]["id"] == "GRAMMAR" for match in grammar_only["matches"])
