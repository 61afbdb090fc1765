"""Who may use the APIs and how often: optional bearer tokens on `/api/v1/*` (LanguageTool's API
checks its `apiKey` itself, see checker.web.languagetool_api) and a rate limit per client on
`/api/v1/*` and `/v2/check` (both off by default). The editors' pages, `/healthz` and LanguageTool's
`/v2/languages` and `/v2/info` are never limited here.

Tokens are compared in constant time. The client a limit counts for is its token when tokens
are on, else its address (taken from X-Forwarded-For when TRUSTED_PROXIES says proxies are in
front). Limits are kept in memory per worker process unless RATE_LIMIT_STORAGE names a shared
store (Redis), which several workers or hosts need for one common count.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import time
from collections.abc import Iterable
from typing import Any

import limits
from flask import Flask, Response, current_app, request
from flask_limiter import Limiter, RateLimitExceeded
from limits.errors import ConfigurationError
from werkzeug.middleware.proxy_fix import ProxyFix

from checker.errors import CheckerError, SetupError

API_PREFIX = "/api/v1/"
LANGUAGETOOL_CHECK = "/v2/check"
_TOKENS = "wirecheck.api_tokens"
_LIMITER = "wirecheck.limiter"


class Unauthorized(CheckerError):
    """The API needs a token (setting API_TOKENS) and the request had none, or a wrong one."""

    code = "unauthorized"
    http_status = 401


class RateLimited(CheckerError):
    """This client sent more API requests than RATE_LIMIT allows; `retry_after` in seconds."""

    code = "rate_limited"
    http_status = 429


def api_tokens(configured: Any) -> tuple[bytes, ...]:
    """The tokens of the setting API_TOKENS: a list, or one string of tokens separated by commas
    or white space (as an environment variable holds them)."""
    if not configured:
        return ()
    values: Iterable[Any] = configured.replace(",", " ").split() if isinstance(configured, str) else configured
    tokens = tuple(str(value).strip().encode() for value in values if str(value).strip())
    return tokens


def init_app(app: Flask) -> None:
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)  # type: ignore[method-assign]

    app.extensions[_TOKENS] = api_tokens(app.config.get("API_TOKENS"))
    # Before the rate limit: a request without a valid token costs no one's allowance.
    app.before_request(_require_token)
    app.after_request(_challenge)

    rate_limit = app.config.get("RATE_LIMIT")
    if not rate_limit:
        return
    storage = str(app.config.get("RATE_LIMIT_STORAGE") or "memory://")
    limiter = Limiter(
        key_func=client_key,
        application_limits=[str(rate_limit)],
        storage_uri=storage,
        strategy="moving-window",
        headers_enabled=False,  # it would put Retry-After on every answer; we put it on 429s only
        key_prefix="wirecheck",
    )
    limiter.request_filter(lambda: not is_limited_request())
    # A limit or store that does not work stops the start, not every API request later.
    try:
        limits.parse_many(str(rate_limit))
        limiter.init_app(app)
    except ValueError as exc:
        raise SetupError(f"setting RATE_LIMIT ({rate_limit!r}): {exc}", reason="rate_limit") from exc
    except ConfigurationError as exc:
        raise SetupError(f"setting RATE_LIMIT_STORAGE ({storage!r}): {exc}", reason="rate_limit") from exc
    app.extensions[_LIMITER] = limiter
    app.register_error_handler(RateLimitExceeded, _rate_limited)


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def is_limited_request() -> bool:
    return is_api_request() or request.path == LANGUAGETOOL_CHECK


def client_key() -> str:
    """Whom a request counts for: its token (as a digest, so the store never holds a token; for
    LanguageTool's API also its `apiKey`), else its address."""
    if current_app.extensions[_TOKENS]:
        token = _bearer_token() or _languagetool_api_key()
        if token:
            return "token:" + hashlib.sha256(token).hexdigest()[:32]
    return "address:" + (request.remote_addr or "unknown")


def _languagetool_api_key() -> bytes | None:
    if request.path != LANGUAGETOOL_CHECK:
        return None
    key = request.values.get("apiKey", "").strip()
    return key.encode() if key else None


def _bearer_token() -> bytes | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip().encode()


def token_is_valid(token: bytes | None, tokens: tuple[bytes, ...]) -> bool:
    """Compares with every configured token, in constant time each, so that neither the time
    taken nor an early exit tells how much of a guess was right or which token it matched."""
    if token is None:
        return False
    matched = False
    for known in tokens:
        matched |= hmac.compare_digest(token, known)
    return matched


def _require_token() -> None:
    tokens: tuple[bytes, ...] = current_app.extensions[_TOKENS]
    if not tokens or not is_api_request():
        return
    token = _bearer_token()
    if not token_is_valid(token, tokens):
        missing = "no bearer token" if token is None else "the bearer token is not valid"
        raise Unauthorized(f"this API needs a token (Authorization: Bearer …): {missing}")


def _challenge(response: Response) -> Response:
    if response.status_code == 401 and is_api_request():
        response.headers.setdefault("WWW-Authenticate", 'Bearer realm="wirecheck"')
    return response


def _rate_limited(error: RateLimitExceeded) -> Any:
    limiter: Limiter = current_app.extensions[_LIMITER]
    breached = limiter.current_limit
    wait = math.ceil(breached.reset_at - time.time()) if breached is not None else 1
    retry_after = max(1, wait)
    response = _render(RateLimited(f"rate limit {error.description} exceeded", retry_after=retry_after))
    response.headers["Retry-After"] = str(retry_after)
    return response


def _render(error: CheckerError) -> Response:
    """The app's one error answer for `error` (the handler of checker.web.error_handlers)."""
    return current_app.make_response(current_app.handle_user_exception(error))
