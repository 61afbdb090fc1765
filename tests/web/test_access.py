"""API tokens and the rate limit per client (checker.web.access): off by default, on when set."""

from __future__ import annotations

import contextlib
import hmac
import importlib.util
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from flask import Flask
from limits.storage import MovingWindowSupport, Storage

from checker.engine.server import free_port
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


def test_tokens_leave_pages_health_and_languagetools_listings_open() -> None:
    client = _app(API_TOKENS=TOKENS).test_client()
    assert client.get("/").status_code == 200
    assert client.get("/healthz").status_code == 200  # load balancers carry no token
    assert client.get("/v2/languages").status_code == 200
    assert client.get("/static/wirecheck.css").status_code == 200


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
    # Another client still has its allowance; the editors' start page and /healthz are not limited.
    other = client.post("/api/v1/check", json={"text": "Ein Satz."}, environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert other.status_code == 200
    assert client.get("/").status_code == 200
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


def test_with_tokens_the_client_of_the_limit_is_the_one_that_authenticated() -> None:
    client = _app(API_TOKENS=TOKENS, RATE_LIMIT="1 per minute").test_client()
    params = {"language": "de-DE", "text": "Ein Satz.", "apiKey": TOKENS[0]}
    # A fresh random bearer token beside a valid apiKey: still that apiKey's allowance.
    first = client.post("/v2/check", data=params, headers={"Authorization": "Bearer random-1"})
    again = client.post("/v2/check", data=params, headers={"Authorization": "Bearer random-2"})
    assert (first.status_code, again.status_code) == (200, 429)
    # An apiKey in a JSON body counts for its token, from any address.
    body = {"language": "de-DE", "text": "Ein Satz.", "apiKey": TOKENS[1]}
    assert client.post("/v2/check", json=body).status_code == 200
    moved = client.post("/v2/check", json=body, environ_base={"REMOTE_ADDR": "127.0.0.9"})
    assert moved.status_code == 429
    # A wrong apiKey is refused before the limit, whatever bearer token comes with it.
    wrong = client.post("/v2/check", json={**body, "apiKey": "wrong"}, headers={"Authorization": f"Bearer {TOKENS[1]}"})
    assert wrong.status_code == 401


class UnreachableStorage(Storage, MovingWindowSupport):
    """A rate limit store that refuses every connection, as a Redis that is down does."""

    STORAGE_SCHEME: ClassVar[list[str]] = ["wirecheck-unreachable"]

    @property
    def base_exceptions(self) -> type[Exception]:
        return ConnectionError

    def _refuse(self, *_: Any, **__: Any) -> Any:
        raise ConnectionError("Connection refused")

    incr = get = get_expiry = reset = clear = acquire_entry = get_moving_window = _refuse

    def check(self) -> bool:
        return False


def _unreachable_stores() -> list[Any]:
    stores: list[Any] = ["wirecheck-unreachable://"]
    redis_store = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    has_redis = importlib.util.find_spec("redis") is not None
    stores.append(pytest.param(redis_store, marks=pytest.mark.skipif(not has_redis, reason="no redis package")))
    return stores


@pytest.mark.parametrize("store", _unreachable_stores(), ids=["unreachable-store", "redis-on-an-unused-port"])
def test_an_unreachable_limit_store_answers_503_with_retry_after_and_health_says_so(store: str) -> None:
    client = _app(RATE_LIMIT="5 per minute", RATE_LIMIT_STORAGE=store).test_client()
    api = _check(client)
    assert api.status_code == 503 and int(api.headers["Retry-After"]) > 0
    assert api.get_json()["error"]["code"] == "rate_limit_unavailable"
    languagetool = client.post("/v2/check", data={"language": "de-DE", "text": "Ein Satz."})
    assert languagetool.status_code == 503 and int(languagetool.headers["Retry-After"]) > 0
    assert languagetool.get_data(as_text=True).startswith("Error: ")
    form = client.post("/check", data={"text": "Mein ungesicherter Entwurf."})
    assert form.status_code == 503 and "Mein ungesicherter Entwurf." in form.get_data(as_text=True)
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json()["error"]["code"] == "rate_limit_unavailable"
    assert client.get("/").status_code == 200


def test_the_form_counts_in_the_rate_limit_and_keeps_the_draft() -> None:
    client = _app(RATE_LIMIT="2 per minute").test_client()
    draft = {"text": "Der Entwurf des Redakteurs."}
    assert [client.post("/check", data=draft).status_code for _ in range(2)] == [200, 200]
    refused = client.post("/check", data=draft)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 61
    page = refused.get_data(as_text=True)
    assert "Der Entwurf des Redakteurs." in page and "Zu viele Prüfungen in kurzer Zeit" in page
    # One allowance per client, whichever way it checks.
    assert _check(client).status_code == 429


def test_by_default_the_form_asks_for_no_key() -> None:
    client = _app().test_client()
    assert 'name="access_key"' not in client.get("/").get_data(as_text=True)
    assert client.post("/check", data={"text": "Ein Satz."}).status_code == 200


def test_with_tokens_the_form_needs_a_key_once_per_session_and_keeps_the_draft() -> None:
    client = _app(API_TOKENS=TOKENS).test_client()
    assert 'name="access_key"' in client.get("/").get_data(as_text=True)
    draft = {"text": "Der Entwurf des Redakteurs."}
    missing = client.post("/check", data=draft)
    wrong = client.post("/check", data={**draft, "access_key": "geraten"})
    for refused, words in ((missing, "braucht einen Zugangsschlüssel"), (wrong, "stimmt nicht")):
        page = refused.get_data(as_text=True)
        assert refused.status_code == 401
        assert words in page and "Der Entwurf des Redakteurs." in page and 'name="access_key"' in page
    assert client.post("/check", data={**draft, "access_key": TOKENS[1]}).status_code == 200
    # The session remembers the key: the next check and the start page need none.
    assert client.post("/check", data=draft).status_code == 200
    assert 'name="access_key"' not in client.get("/").get_data(as_text=True)
    # A session of other tokens (the tokens changed) counts for nothing.
    assert _app(API_TOKENS=["another"]).test_client().post("/check", data=draft).status_code == 401


def test_with_tokens_the_form_counts_per_token() -> None:
    client = _app(API_TOKENS=TOKENS, RATE_LIMIT="1 per minute").test_client()
    draft = {"text": "Ein Satz.", "access_key": TOKENS[0]}
    assert client.post("/check", data=draft).status_code == 200
    assert client.post("/check", data=draft, environ_base={"REMOTE_ADDR": "127.0.0.7"}).status_code == 429
    assert _check(client, Authorization=f"Bearer {TOKENS[0]}").status_code == 429


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A real redis-server of the test's own on a free port of 127.0.0.1."""
    server = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(server).exists() or importlib.util.find_spec("redis") is None:
        pytest.skip("needs Debian's redis-server and the redis package (make test installs both)")
    port = free_port()
    process = subprocess.Popen(
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_two_app_instances_share_the_limit_through_redis(redis_url: str) -> None:
    """Several app hosts behind a load balancer: the limit counts each client's requests on all."""
    hosts = [_app(RATE_LIMIT="3 per minute", RATE_LIMIT_STORAGE=redis_url).test_client() for _ in range(2)]
    statuses = [_check(hosts[number % 2]).status_code for number in range(4)]
    assert statuses[:3] == [200, 200, 200] and statuses[3] == 429
    health = hosts[0].get("/healthz").get_json()
    assert (health.get("error") or {}).get("code") != "rate_limit_unavailable"


def test_named_tokens_from_the_environment() -> None:
    named = access.named_tokens(
        from_environment({"WIRECHECK_API_TOKENS": '{"desk": "a1", "cms": " b2 "}'})["API_TOKENS"]
    )
    assert named == {b"a1": "desk", b"b2": "cms"}
    assert access.api_tokens({"desk": "a1"}) == (b"a1",)
    # Unnamed tokens are told apart by their digest, never by the token itself.
    unnamed = access.named_tokens("secret-one, secret-two")
    assert set(unnamed) == {b"secret-one", b"secret-two"} and all(
        name.startswith("token ") for name in unnamed.values()
    )
    assert not any(token.decode() in name for token, name in unnamed.items())
