"""No input gives a 500: arbitrary JSON bodies, bytes, form fields and uploads, against an engine
whose findings Hypothesis draws (anywhere, overlapping, crossing) and engines that fail. A refusal is
a 4xx (or, for the failing engine, a 503 with Retry-After) in the one JSON error shape."""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import quote

import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.errors import EngineError, EngineTimeout, EngineUnavailable
from checker.web import create_app
from checker.web.check_request import normalise_line_ends
from tests.fakes import FailingEngine
from tests.property.engines import DrawnEngine
from tests.property.page import annotated_text
from tests.property.strategies import examples, texts

# The engines answer at once, so more examples fit than with the real one.
FAKE_ENGINE = settings(
    max_examples=examples(100), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

ENGINES = {
    "scripted": DrawnEngine(),
    "down": FailingEngine(EngineUnavailable("down")),
    "slow": FailingEngine(EngineTimeout("too slow")),
    "broken": FailingEngine(EngineError("garbled answer")),
}
# What each engine may lead to, besides refusals of the input (400, 413).
ANSWERS = {"scripted": {200}, "down": {503}, "slow": {504}, "broken": {502}}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts(max_pieces=4),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
option_values = st.one_of(
    json_values,
    st.sampled_from(["auto", "de-DE", "de-AT", "de-CH", "en-US", "text", "html", "markdown", "nitf", "ninjs"]),
    st.sampled_from(["error", "warning", "info", "none", "never"]),
)
requests = st.fixed_dictionaries(
    {"text": st.one_of(texts(), json_values)},
    optional={
        name: option_values
        for name in ("language", "format", "filename", "picky", "house", "model", "names", "fail_on", "max_issues")
    },
)


@pytest.fixture(scope="module", params=sorted(ENGINES))
def engine_app(request: pytest.FixtureRequest) -> tuple[str, Flask]:
    return request.param, create_app({"TESTING": True, "ENGINE": ENGINES[request.param]})


def _engine_draws(kind: str, data: st.DataObject) -> None:
    engine = ENGINES[kind]
    if isinstance(engine, DrawnEngine):
        engine.data = data


def _assert_answer(kind: str, response: Any) -> None:
    allowed = ANSWERS[kind] | {400, 413}
    assert response.status_code in allowed, (response.status_code, response.get_data(as_text=True)[:2000])
    if response.status_code == 503:
        assert int(response.headers["Retry-After"]) > 0


def _assert_json_error(kind: str, response: Any) -> None:
    _assert_answer(kind, response)
    if response.status_code != 200:
        error = response.get_json()["error"]
        assert error["code"] and error["message"]


@FAKE_ENGINE
@given(asked=requests, data=st.data())
def test_any_api_request(engine_app: tuple[str, Flask], asked: dict[str, Any], data: st.DataObject) -> None:
    kind, app = engine_app
    _engine_draws(kind, data)
    response = app.test_client().post("/api/v1/check", data=json.dumps(asked), content_type="application/json")
    _assert_json_error(kind, response)


@FAKE_ENGINE
@given(
    body=st.one_of(st.binary(max_size=200), texts().map(lambda text: text.encode("utf-8", "surrogatepass"))),
    data=st.data(),
)
def test_any_api_body(engine_app: tuple[str, Flask], body: bytes, data: st.DataObject) -> None:
    kind, app = engine_app
    _engine_draws(kind, data)
    response = app.test_client().post("/api/v1/check", data=body, content_type="application/json")
    _assert_json_error(kind, response)


@FAKE_ENGINE
@given(
    fields=st.dictionaries(
        st.sampled_from(["text", "language", "format", "picky", "house", "model", "names"]),
        texts(surrogates=False),
    ),
    raw=st.binary(max_size=80),
    data=st.data(),
)
def test_any_form(engine_app: tuple[str, Flask], fields: dict[str, str], raw: bytes, data: st.DataObject) -> None:
    kind, app = engine_app
    _engine_draws(kind, data)
    client = app.test_client()
    response = client.post("/check", data=fields)
    _assert_answer(kind, response)
    if response.status_code == 200:
        page = response.get_data(as_text=True)
        assert annotated_text(page) == normalise_line_ends(fields["text"])
    # Bytes no browser sends: invalid UTF-8 and stray percent signs in the form body.
    form = b"text=" + raw
    response = client.post("/check", data=form, content_type="application/x-www-form-urlencoded")
    _assert_answer(kind, response)


@FAKE_ENGINE
@given(
    content=st.one_of(st.binary(max_size=300), texts().map(lambda text: text.encode("utf-8", "surrogatepass"))),
    filename=st.one_of(
        st.sampled_from(["artikel.txt", "a.html", "b.md", "c.xml", "d.json", "e.nitf", "ohne", ".", "x" * 300]),
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=20),
    ),
    data=st.data(),
)
def test_any_upload(engine_app: tuple[str, Flask], content: bytes, filename: str, data: st.DataObject) -> None:
    kind, app = engine_app
    _engine_draws(kind, data)
    response = app.test_client().post("/check", data={"text": "", "file": (io.BytesIO(content), filename)})
    _assert_answer(kind, response)


name_requests = st.dictionaries(
    st.sampled_from(["name", "kind", "variants", "status", "seen_in", "Name", ""]),
    st.one_of(texts(max_pieces=3), json_values, st.sampled_from(["person", "place", "accepted", "proposed"])),
    max_size=5,
)


# What the review page's forms send (browsers encode no lone surrogates), with any values.
review_forms = st.dictionaries(
    st.sampled_from(["action", "name", "new_name", "kind", "variants", "f_status", "f_q", "access_key"]),
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
        st.sampled_from(["accept", "reject", "delete", "save", "add", "unlock", "person", "Putin"]),
    ),
    max_size=6,
)


@pytest.fixture(scope="module")
def names_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    database = tmp_path_factory.mktemp("names") / "names.sqlite3"
    return create_app({"TESTING": True, "ENGINE": ENGINES["scripted"], "DATABASE_URL": f"sqlite:///{database}"})


@FAKE_ENGINE
@given(asked=name_requests, name=texts(max_pieces=2), form=review_forms)
def test_any_names_request(names_app: Flask, asked: dict[str, Any], name: str, form: dict[str, str]) -> None:
    """The names dictionary's API and review page: anything added, changed, deleted or posted is
    taken or refused with a 4xx, never a 500, and nothing a refusal left is half-stored."""
    client = names_app.test_client()
    body = json.dumps(asked)
    quoted = quote(name.encode("utf-8", "surrogatepass"), safe="")
    answers = [
        client.post("/api/v1/names", data=body, content_type="application/json"),
        client.patch(
            f"/api/v1/names/{quoted}",
            data=body,
            content_type="application/json",
        ),
        client.delete(f"/api/v1/names/{quoted}"),
        client.get(f"/api/v1/names?status={quoted}&q={quoted}"),
    ]
    for response in answers:
        assert response.status_code in {200, 201, 204, 400, 404, 409}, response.get_data(as_text=True)[:300]
        if response.status_code >= 400:
            assert response.get_json()["error"]["message"]
    page = client.post("/names", data=form)
    assert page.status_code in {200, 303, 400, 404, 409}
    assert client.get(f"/names?q={quoted}").status_code == 200
