"""API tokens and the rate limit per client (checker.web.access): off by default, on when set."""

from __future__ import annotations

import hmac
from typing import Any

import pytest
from flask import Flask

from checker.errors import SetupError
from checker.web import access, create_app
from checker.web.settings import from_environment
from tests.fakes import OverlappingEngine

TOKENS = ["ci-token-0123456789abcdef", "desk-token-fedcba9876543210"]


def _app(**settings: Any) -> Flask:
    return create_app({"TESTING": True, "ENGINE": OverlappingEngine(), **settings})


def _check(client: Any, **headers: str) -> Any:
    return client.post("/api/v1/check", json={"text": "Die Bundesregierung hat heute 😀 getagt."}, headers=headers)


def test_by_default_the_api_is_open_unlimited_and_without_cors() -> None:
    client = _app().test_client()
    for _ in range(30):
        response = _check(client)
        assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Retry-After" not in response.headers


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer ", "Bearer wrong-token", f"Basic {TOKENS[0]}", f"Bearer {TOKENS[0]}x", f"Bearer {TOKENS[0][:-1]}"],
    ids=["missing", "empty", "wrong", "other-scheme", "longer", "prefix"],
)
def test_with_tokens_the_api_refuses_a_request_without_a_valid_one(authorization: str | None) -> None:
    client = _app(API_TOKENS=TOKENS).test_client()
    headers = {"Authorization": authorization} if authorization else {}
    for response in (_check(client, **headers), client.get("/api/v1/openapi.json", headers=headers)):
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        error = response.get_json()["error"]
        assert error["code"] == "unauthorized"
        assert "Zugangsschlüssel" in error["message"]


def test_with_tokens_every_configured_token_is_accepted() -> None:
    client = _app(API_TOKENS=TOKENS).test_client()
    for token in TOKENS:
        response = _check(client, Authorization=f"Bearer {token}")
        assert response.status_code == 200, response.get_data(as_text=True)
        assert "issues" in response.get_json()


def test_tokens_guard_the_api_only() -> None:
    client = _app(API_TOKENS=TOKENS).test_client()
    assert client.get("/").status_code == 200
    assert client.get("/healthz").status_code == 200  # load balancers carry no token
    assert client.post("/check", data={"text": "Ein Satz."}).status_code == 200


def test_tokens_are_compared_in_constant_time_with_each_configured_one(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    compare = hmac.compare_digest

    def spy(given: bytes, known: bytes) -> bool:
        compared.append((given, known))
        return compare(given, known)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    tokens = tuple(token.encode() for token in TOKENS)
    assert access.token_is_valid(TOKENS[0].encode(), tokens)
    assert not access.token_is_valid(b"guess", tokens)
    # No early exit on a match: both tokens compared every time.
    assert [known for _, known in compared] == [*tokens, *tokens]


def test_tokens_from_the_environment() -> None:
    assert access.api_tokens(from_environment({"WIRECHECK_API_TOKENS": "a1, b2 c3"})["API_TOKENS"]) == (
        b"a1",
        b"b2",
        b"c3",
    )
    assert access.api_tokens(from_environment({"WIRECHECK_API_TOKENS": '["a1", "b2"]'})["API_TOKENS"]) == (
        b"a1",
        b"b2",
    )
    assert access.api_tokens(None) == ()
    assert access.api_tokens("") == ()


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"RATE_LIMIT": "often"}, "RATE_LIMIT"),
        ({"RATE_LIMIT": "5/minute", "RATE_LIMIT_STORAGE": "nowhere://"}, "STORAGE"),
    ],
)
def test_a_rate_limit_that_cannot_work_stops_the_start(settings: dict[str, str], named: str) -> None:
    with pytest.raises(SetupError, match=named):
        _app(**settings)


def test_rate_limit_per_client_answers_429_with_retry_after() -> None:
    client = _app(RATE_LIMIT="3 per minute").test_client()
    for _ in range(3):
        assert _check(client).status_code == 200
    refused = _check(client)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 61  # the window, rounded up
    error = refused.get_json()["error"]
    assert error["code"] == "rate_limited"
    assert error["message"].startswith("Zu viele Anfragen")
    # Another client still has its allowance; the editors' pages are not limited.
    other = client.post("/api/v1/check", json={"text": "Ein Satz."}, environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert other.status_code == 200
    assert client.get("/").status_code == 200
    assert client.post("/check", data={"text": "Ein Satz."}).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_with_tokens_the_rate_limit_counts_per_token() -> None:
    client = _app(API_TOKENS=TOKENS, RATE_LIMIT="2 per minute").test_client()
    first, second = ({"Authorization": f"Bearer {token}"} for token in TOKENS)
    assert [_check(client, **first).status_code for _ in range(3)] == [200, 200, 429]
    assert _check(client, **second).status_code == 200
    # A wrong token is refused before it could use anyone's allowance.
    assert _check(client, Authorization="Bearer wrong").status_code == 401
    assert _check(client, **second).status_code == 200


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client() -> None:
    client = _app(RATE_LIMIT="1 per minute", TRUSTED_PROXIES=1).test_client()
    assert _check(client, **{"X-Forwarded-For": "127.0.0.5"}).status_code == 200
    assert _check(client, **{"X-Forwarded-For": "127.0.0.5"}).status_code == 429
    assert _check(client, **{"X-Forwarded-For": "127.0.0.6"}).status_code == 200


def test_the_rate_limit_covers_languagetools_check_and_answers_as_languagetool() -> None:
    client = _app(RATE_LIMIT="2 per minute").test_client()
    params = {"language": "de-DE", "text": "Ein Satz."}
    assert [client.post("/v2/check", data=params).status_code for _ in range(2)] == [200, 200]
    refused = client.post("/v2/check", data=params)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    assert refused.mimetype == "text/plain" and refused.get_data(as_text=True).startswith("Error: ")
    # The same allowance as the JSON API: one client, one count.
    assert _check(client).status_code == 429
    assert client.get("/v2/languages").status_code == 200


def test_with_tokens_languagetools_api_key_is_the_client_of_the_rate_limit() -> None:
    client = _app(API_TOKENS=TOKENS, RATE_LIMIT="1 per minute").test_client()
    params = {"language": "de-DE", "text": "Ein Satz."}
    assert client.post("/v2/check", data={**params, "apiKey": TOKENS[0]}).status_code == 200
    assert client.post("/v2/check", data={**params, "apiKey": TOKENS[0]}).status_code == 429
    assert client.post("/v2/check", data={**params, "apiKey": TOKENS[1]}).status_code == 200
    # The JSON API with the same token shares its count.
    assert _check(client, Authorization=f"Bearer {TOKENS[1]}").status_code == 429


def test_the_openapi_document_lists_every_refusal_of_access_control() -> None:
    responses = _app().test_client().get("/api/v1/openapi.json").get_json()["paths"]["/api/v1/check"]["post"]
    assert {"400", "401", "413", "429", "502", "503", "504"} <= set(responses["responses"])
