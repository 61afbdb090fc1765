"""Who may check and how often: optional tokens and a rate limit per client (both off by default)
on every way to a check or a change: `/api/v1/*` (the names dictionary's included), LanguageTool's
`/v2/check`, the editors' form (`POST /check`) and the names review page's changes (`POST /names`).
The editors' other pages, `/healthz` and LanguageTool's `/v2/languages` and `/v2/info` are never
guarded here.

Who a client is has one answer, `client_identity()`, for both the tokens and the limit: the token
it presents (for `/v2/check` LanguageTool's `apiKey`, in the query, form or JSON body, else a
bearer token; for the form and the review page the access key typed into it once, then kept in the
browser's session cookie; for the page's own calls of the API (header `X-Wirecheck-Client: page`)
that session's key too; elsewhere a bearer token). Tokens may be named (API_TOKENS as a JSON object
name → token): the names dictionary records who added an entry by that name. With tokens on, a
request without a valid one is refused before it costs anyone's allowance; the limit then counts
per token, else per address (taken from X-Forwarded-For when TRUSTED_PROXIES says proxies are in
front). Tokens are compared in constant time. Limits are kept in memory per worker process unless
RATE_LIMIT_STORAGE names a shared store (Redis); while that store does not answer, limited requests
get 503 with Retry-After and `/healthz` says so.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import threading
import time
from collections.abc import Iterable
from typing import Any

import limits
from flask import Flask, Response, current_app, g, request, session
from flask_limiter import Limiter, RateLimitExceeded
from limits.errors import ConfigurationError, StorageError
from limits.storage import Storage
from werkzeug.middleware.proxy_fix import ProxyFix

from checker.errors import CheckerError, SetupError
from checker.web.languagetool_request import current_parameters

API_PREFIX = "/api/v1/"
LANGUAGETOOL_CHECK = "/v2/check"
FORM_CHECK = "/check"
# Pages whose POST changes something, guarded as the form is: the check and the names review.
FORM_POSTS = frozenset({FORM_CHECK, "/names"})
# The header with which the page's own scripts call the API (checker/web/static/js/names.js).
PAGE_CLIENT_HEADER = "X-Wirecheck-Client"
# The form's field for the access key, and where the session keeps the key's digest.
ACCESS_KEY_FIELD = "access_key"
_SESSION_KEY = "token"
_TOKENS = "wirecheck.api_tokens"
_TOKEN_NAMES = "wirecheck.token_names"
_LIMITER = "wirecheck.limiter"
_STORE = "wirecheck.limit_store"
_IDENTITY = "client_identity"
# A Redis that does not answer must not hold a request for long: seconds per connection and reply.
_STORE_TIMEOUT = 2.0
_STORE_PROBE_INTERVAL = 5.0


class Unauthorized(CheckerError):
    """Tokens are on (setting API_TOKENS) and the request had none, or a wrong one."""

    code = "unauthorized"
    http_status = 401


class RateLimited(CheckerError):
    """This client sent more requests than RATE_LIMIT allows; `retry_after` in seconds."""

    code = "rate_limited"
    http_status = 429


class LimitStoreUnavailable(CheckerError):
    """The rate limit's shared store (RATE_LIMIT_STORAGE) does not answer; nothing is checked
    unlimited meanwhile."""

    code = "rate_limit_unavailable"
    http_status = 503


def api_tokens(configured: Any) -> tuple[bytes, ...]:
    """The tokens of the setting API_TOKENS: a list, an object of named tokens, or one string of
    tokens separated by commas or white space (as an environment variable holds them)."""
    return tuple(named_tokens(configured))


def named_tokens(configured: Any) -> dict[bytes, str]:
    """The tokens of API_TOKENS with their names: as given in a JSON object (name → token), else
    "token" and the first digits of the token's digest (which tell tokens apart, not the token)."""
    if not configured:
        return {}
    if isinstance(configured, dict):
        pairs = [(str(token).strip(), str(name).strip()) for name, token in configured.items()]
        return {token.encode(): name for token, name in pairs if token}
    values: Iterable[Any] = configured.replace(",", " ").split() if isinstance(configured, str) else configured
    tokens = [str(value).strip().encode() for value in values if str(value).strip()]
    return {token: f"token {_digest(token)[:8]}" for token in tokens}


def init_app(app: Flask) -> None:
    hops = int(app.config.get("TRUSTED_PROXIES") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops)  # type: ignore[method-assign]

    named = named_tokens(app.config.get("API_TOKENS"))
    tokens = tuple(named)
    app.extensions[_TOKENS] = tokens
    app.extensions[_TOKEN_NAMES] = {_digest(token): name for token, name in named.items()}
    if tokens and not app.secret_key:
        # The form's session cookie is signed with a key that every worker and host with the same
        # tokens derives alike, and that changes (ending every session) when the tokens change.
        app.secret_key = hashlib.sha256(b"wirecheck form session\n" + b"\n".join(sorted(tokens))).hexdigest()
    if app.config.get("SESSION_COOKIE_SAMESITE") is None:
        app.config["SESSION_COOKIE_SAMESITE"] = "Lax"  # no session cookie on another site's POST
    # Before the rate limit: a request without a valid token costs no one's allowance.
    app.before_request(_require_token)
    app.after_request(_challenge)

    @app.context_processor
    def _access_key_field() -> dict[str, Any]:
        return {"access_key_field": ACCESS_KEY_FIELD if form_needs_key() else None}

    rate_limit = app.config.get("RATE_LIMIT")
    if not rate_limit:
        return
    storage = str(app.config.get("RATE_LIMIT_STORAGE") or "memory://")
    options: dict[str, Any] = {"wrap_exceptions": True}
    if storage.startswith(("redis://", "rediss://", "unix://")):
        options.update(socket_connect_timeout=_STORE_TIMEOUT, socket_timeout=_STORE_TIMEOUT)
    limiter = _Limiter(
        key_func=client_key,
        application_limits=[str(rate_limit)],
        storage_uri=storage,
        storage_options=options,
        strategy="moving-window",
        headers_enabled=False,  # it would put Retry-After on every answer; we put it on 429s only
        key_prefix="wirecheck",
    )
    # A limit or store that cannot work at all stops the start, not every request later.
    try:
        limits.parse_many(str(rate_limit))
        limiter.init_app(app)
    except ValueError as exc:
        raise SetupError(f"setting RATE_LIMIT ({rate_limit!r}): {exc}", reason="rate_limit") from exc
    except ConfigurationError as exc:
        raise SetupError(f"setting RATE_LIMIT_STORAGE ({storage!r}): {exc}", reason="rate_limit") from exc
    app.extensions[_LIMITER] = limiter
    app.extensions[_STORE] = StoreWatch(limiter.storage)
    app.register_error_handler(RateLimitExceeded, _rate_limited)


class _Limiter(Limiter):
    def _check_request_limit(self, callable_name: str | None = None, in_middleware: bool = True) -> None:
        if not is_guarded_request():
            return
        watch: StoreWatch = current_app.extensions[_STORE]
        try:
            super()._check_request_limit(callable_name, in_middleware)
        except StorageError as exc:
            watch.record(ok=False)
            raise LimitStoreUnavailable(
                f"the rate limit's store (RATE_LIMIT_STORAGE) does not answer: {exc.storage_error}"
            ) from exc
        watch.record(ok=True)


class StoreWatch:
    """Whether the rate limit's store answers: known from every limited request and, while
    `/healthz` asks, from a check in the background every few seconds, so that neither waits."""

    def __init__(self, storage: Storage, interval: float = _STORE_PROBE_INTERVAL) -> None:
        self._storage = storage
        self._interval = interval
        self._failing = False
        self._known_at = 0.0
        self._probing = threading.Lock()

    def record(self, *, ok: bool) -> None:
        self._failing = not ok
        self._known_at = time.monotonic()

    def failing(self) -> bool:
        if time.monotonic() - self._known_at > self._interval and self._probing.acquire(blocking=False):
            threading.Thread(target=self._probe, name="limit-store-probe", daemon=True).start()
        return self._failing

    def _probe(self) -> None:
        try:
            self.record(ok=bool(self._storage.check()))
        except Exception:  # any failure of the store's client is an answer: it does not work
            self.record(ok=False)
        finally:
            self._probing.release()


def limit_store_failing() -> bool:
    """Whether the rate limit's shared store did not answer lately (never waits for it)."""
    watch: StoreWatch | None = current_app.extensions.get(_STORE)
    return watch is not None and watch.failing()


def is_api_request() -> bool:
    return request.path.startswith(API_PREFIX)


def is_form_check() -> bool:
    """A POST of one of the editors' forms (the check, the names review)."""
    return request.path in FORM_POSTS and request.method == "POST"


def is_page_call() -> bool:
    """A call of the API by the page's own scripts, which carry the session, not a bearer token."""
    return is_api_request() and request.headers.get(PAGE_CLIENT_HEADER) == "page"


def is_guarded_request() -> bool:
    """A request that asks for a check: tokens and the rate limit apply to it. (CORS preflights
    carry no credentials and check nothing.)"""
    if request.method == "OPTIONS":
        return False
    return is_api_request() or request.path == LANGUAGETOOL_CHECK or is_form_check()


def client_identity() -> str | None:
    """The digest of the valid token this request presents, None for none or a wrong one: who
    the client is, for the tokens and the rate limit alike (read once per request)."""
    if _IDENTITY not in g:
        tokens: tuple[bytes, ...] = current_app.extensions[_TOKENS]
        digest = None
        if tokens:
            token = _presented_token()
            if token_is_valid(token, tokens):
                digest = _digest(token or b"")
            elif token is None and (is_form_check() or is_page_call()):
                digest = _session_identity(tokens)
        setattr(g, _IDENTITY, digest)
    identity: str | None = getattr(g, _IDENTITY)
    return identity


def client_name() -> str:
    """Who sent this request, for the names dictionary's records: "web" for the editors' pages,
    the name of the token that authenticated it, else "api" (tokens off)."""
    if is_form_check() or is_page_call():
        return "web"
    identity = client_identity()
    names: dict[str, str] = current_app.extensions[_TOKEN_NAMES]
    return names.get(identity, "api") if identity else "api"


def client_key() -> str:
    """Whom a request counts for in the rate limit: its token (as a digest, so that the store
    never holds a token), else its address."""
    identity = client_identity()
    return "token:" + identity[:32] if identity else "address:" + (request.remote_addr or "unknown")


def form_needs_key() -> bool:
    """Whether the form must ask for an access key: tokens are on and this browser's session
    holds none that is still valid."""
    tokens: tuple[bytes, ...] = current_app.extensions[_TOKENS]
    return bool(tokens) and _session_identity(tokens) is None


def _presented_token() -> bytes | None:
    if request.path == LANGUAGETOOL_CHECK:
        return _text_token(current_parameters().get("apiKey")) or _bearer_token()
    if is_form_check():
        return _text_token(request.form.get(ACCESS_KEY_FIELD)) or _bearer_token()
    return _bearer_token()


def _text_token(value: Any) -> bytes | None:
    text = str(value).strip() if value is not None else ""
    # surrogatepass: a lone surrogate makes a wrong token, not a failure to encode one.
    return text.encode("utf-8", "surrogatepass") if text else None


def _bearer_token() -> bytes | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return None
    return _text_token(token)


def _digest(token: bytes) -> str:
    return hashlib.sha256(token).hexdigest()


def _session_identity(tokens: tuple[bytes, ...]) -> str | None:
    """The digest the session holds, if it is still one of a configured token."""
    held = session.get(_SESSION_KEY)
    if not isinstance(held, str):
        return None
    matched = False
    for token in tokens:
        matched |= hmac.compare_digest(held.encode(), _digest(token).encode())
    return held if matched else None


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
    if not tokens or not is_guarded_request():
        return
    identity = client_identity()
    if identity is not None:
        if is_form_check():
            session[_SESSION_KEY] = identity  # the editor types the key once per browser session
        return
    presented = _presented_token() is not None
    if is_form_check():
        raise Unauthorized("the form needs an access key", reason="form_key_wrong" if presented else "form_key_missing")
    if request.path == LANGUAGETOOL_CHECK:
        raise Unauthorized(
            "Dieser Server braucht einen Zugangsschlüssel: den Parameter „apiKey“ "
            "(in LanguageTool-Programmen das Feld für den API-Schlüssel) oder „Authorization: Bearer …“."
        )
    missing = "the bearer token is not valid" if presented else "no bearer token"
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
    reason = "form_rate_limited" if is_form_check() else None
    refusal = RateLimited(f"rate limit {error.description} exceeded", reason=reason, retry_after=retry_after)
    response = _render(refusal)
    response.headers["Retry-After"] = str(retry_after)
    return response


def _render(error: CheckerError) -> Response:
    """The app's one error answer for `error` (the handler of checker.web.error_handlers)."""
    return current_app.make_response(current_app.handle_user_exception(error))
