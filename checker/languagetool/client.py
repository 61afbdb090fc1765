"""Talks to a LanguageTool server over HTTP (`/v2/check`) and returns its raw JSON.

We use `requests` directly: language-tool-python's public interface checks plain text only
(no annotated `data`), keeps rule switches as shared per-instance state and corrects UTF-16
offsets through a class-level global, so it cannot serve concurrent requests exactly (see
docs/engine.md). The core maps offsets itself (checker.text.offsets).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

import requests

from checker.errors import CheckerError, EngineError, EngineTimeout, EngineUnavailable, TextTooLong
from checker.languagetool.custom_rules import custom_rule_ids, wrong_examples
from checker.options import CheckOptions

# Connecting is quick on loopback. A check's deadline ($WIRECHECK_CHECK_TIMEOUT, seconds) is a
# little above LanguageTool's own limit per request (60 s) and below gunicorn's (180 s) and the
# clients' (a browser gives up after minutes).
CONNECT_TIMEOUT = 5.0
DEFAULT_CHECK_TIMEOUT = 75.0
# A server that answered before and does not answer now is probably restarting (that takes
# about 15 s): it is waited for this long, then the check is tried once more.
RESTART_GRACE = 20.0
_PROBE_TIMEOUT = 2.0


def check_timeout() -> float:
    try:
        return max(1.0, float(os.environ.get("WIRECHECK_CHECK_TIMEOUT", DEFAULT_CHECK_TIMEOUT)))
    except ValueError:
        return DEFAULT_CHECK_TIMEOUT


def request_params(options: CheckOptions) -> dict[str, str]:
    """LanguageTool's parameters for `options`, whose language must be decided."""
    # LanguageTool detects the language even when told it; for text it cannot identify
    # ("9,99 –") it falls back to English, which a German-only server lacks (HTTP 400).
    # Naming German as preferred makes that fallback German; the checking language stays
    # `language`.
    params = {"language": options.language or "de-DE", "preferredLanguages": "de"}
    if options.picky:
        params["level"] = "picky"
    for key, values in (
        ("enabledRules", options.enabled_rules),
        ("disabledRules", options.disabled_rules),
        ("enabledCategories", options.enabled_categories),
        ("disabledCategories", options.disabled_categories),
    ):
        if values:
            params[key] = ",".join(values)
    if options.enabled_only:
        params["enabledOnly"] = "true"
    return params


class Engine(Protocol):
    """What the checking core needs from LanguageTool. Recorded responses implement it too."""

    max_text_length: int

    @property
    def url(self) -> str: ...

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        """Raw /v2/check JSON for `payload` ({"text": …} or {"data": annotation JSON})."""
        ...

    def version(self) -> str: ...

    def identity(self) -> str:
        """What answers, as result stores name it: answers are reused only for the same identity."""
        ...

    def alive(self) -> bool:
        """Whether the server answers now (quickly: for health checks, never a real check)."""
        ...


def own_identity(version: str, fingerprint: str) -> str:
    """The identity of a server this installation starts: its version and the fingerprint of our
    rule files and settings it was started with (checker.engine.server.fingerprint)."""
    return f"{version}|{fingerprint}|own"


class LanguageToolClient:
    """An `Engine` backed by a LanguageTool server at `url` (ours or anyone's).

    `fingerprint`: the server is one this installation started with that fingerprint (its
    identity is then known); without it, the server is asked what it is. `relocate`: called when
    the server stops answering, returns the URL of the server to use instead (the host's next).
    `verify`: asked before every request whether what listens at the URL is still that server
    (a port its JVM left may be taken by another user's process); if not, it is as gone.
    """

    def __init__(
        self,
        url: str,
        *,
        max_text_length: int = 50_000,
        server: Any = None,
        timeout: float | None = None,
        fingerprint: str | None = None,
        relocate: Callable[[], str] | None = None,
        verify: Callable[[str], bool] | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.max_text_length = max_text_length
        self.timeout = timeout or check_timeout()
        # The LocalServer we own, if any: after a crash we wait for its restart and retry once.
        self._server = server
        self._fingerprint = fingerprint
        self._relocate = relocate
        self._verify = verify
        self._session = requests.Session()
        self._version: str | None = None
        self._identity: str | None = None
        self._answered_before = False

    def _post(self, params: dict[str, str]) -> Any:
        if self._verify is not None and not self._verify(self.url):
            raise EngineUnavailable(f"what listens at {self.url} is no longer this user's LanguageTool")
        try:
            response = self._session.post(f"{self.url}/v2/check", data=params, timeout=(CONNECT_TIMEOUT, self.timeout))
        except requests.Timeout as exc:
            raise EngineTimeout(f"LanguageTool at {self.url} did not answer in time") from exc
        except requests.RequestException as exc:
            raise EngineUnavailable(f"LanguageTool at {self.url} is not reachable") from exc
        if response.status_code != 200:
            raise _refusal(response.status_code, _plain_body(response), self.url)
        try:
            return response.json()
        except ValueError as exc:
            raise EngineError(f"the server at {self.url} answered, but not like LanguageTool (no JSON)") from exc

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        params = {**request_params(options), **payload}
        try:
            result = self._post(params)
        except EngineUnavailable:
            # Restarting, perhaps: wait a little for the server to answer again, then once more.
            if self._server is not None:
                self._server.ensure_running()
            elif self._relocate is not None:
                self.url = self._relocate().rstrip("/")
            elif not (self._answered_before and self._wait_until_alive(RESTART_GRACE)):
                raise
            result = self._post(params)
        if not isinstance(result, dict) or not isinstance(result.get("matches"), list):
            raise EngineError(f"LanguageTool at {self.url} sent an answer without matches")
        if self._version is None:
            self._version = str(result.get("software", {}).get("version", ""))
        self._answered_before = True
        return result

    def alive(self) -> bool:
        """Whether the server answers now. One that is gone (the connection refused, not a slow
        answer from a busy server) is replaced by `relocate`'s, if any."""
        try:
            return self._answers()
        except requests.ConnectionError:
            if self._relocate is None:
                return False
        try:
            self.url = self._relocate().rstrip("/")
            return self._answers()
        except (CheckerError, requests.RequestException):
            return False

    def _answers_now(self) -> bool:
        try:
            return self._answers()
        except requests.ConnectionError:
            return False

    def _answers(self) -> bool:
        """Whether /v2/languages answers within the probe's time; raises ConnectionError for a
        server that is not there (or not the one verified)."""
        if self._verify is not None and not self._verify(self.url):
            raise requests.ConnectionError(f"what listens at {self.url} is not the server verified")
        try:
            response = self._session.get(f"{self.url}/v2/languages", timeout=_PROBE_TIMEOUT)
        except requests.ConnectionError:
            raise
        except requests.RequestException:
            return False
        return response.status_code == 200

    def _wait_until_alive(self, grace: float) -> bool:
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if self._answers_now():
                return True
            time.sleep(0.5)
        return False

    def version(self) -> str:
        if self._version is None:
            # /v2/info costs the server nothing; a check would build a rule pipeline for its
            # parameters, seconds on a server that has not seen them (docs/benchmarks.md).
            try:
                response = self._session.get(f"{self.url}/v2/info", timeout=(CONNECT_TIMEOUT, _PROBE_TIMEOUT))
                info = response.json() if response.status_code == 200 else {}
            except (requests.RequestException, ValueError):
                info = {}
            version = info.get("software", {}).get("version") if isinstance(info, dict) else None
            if version:
                self._version = str(version)
            else:  # a server without /v2/info (older LanguageTool), or one not answering yet
                result = self.query({"text": "Test."}, CheckOptions())
                self._version = str(result.get("software", {}).get("version", ""))
        return self._version

    def identity(self) -> str:
        """Our own server: its version and start fingerprint. Any other: its version and build,
        its address, and what it finds in our rules' wrong examples (whether it runs our rule
        files, and which), asked once."""
        if self._identity is None:
            if self._fingerprint is not None:
                self._identity = own_identity(self.version(), self._fingerprint)
            else:
                self._identity = self._described()
        return self._identity

    def _described(self) -> str:
        examples = wrong_examples()
        params = {
            "language": "de-DE",
            "text": "\n\n".join(examples) or "Test.",
            "enabledRules": ",".join(custom_rule_ids()) or "NONE",
            "enabledOnly": "true",
        }
        result = self._post(params)
        software = result.get("software", {}) if isinstance(result, dict) else {}
        found = sorted(
            f"{match.get('rule', {}).get('id')}@{match.get('offset')}"
            for match in (result.get("matches") or [] if isinstance(result, dict) else [])
            if isinstance(match, dict)
        )
        rules = hashlib.sha256("\n".join(found).encode()).hexdigest()[:16]
        place = urlsplit(self.url).netloc
        return f"{software.get('version', '')}|{software.get('buildDate', '')}|{place}|{rules}"


def _plain_body(response: requests.Response) -> str:
    """LanguageTool's error text (plain text); a page from some other server is not repeated."""
    if "html" in response.headers.get("Content-Type", "").lower():
        return "(an HTML page: is this a LanguageTool server?)"
    return response.text.strip()


def _refusal(status: int, text: str, url: str) -> Exception:
    """Our own exception for a LanguageTool error answer (its body is plain text)."""
    lowered = text.lower()
    if "exceeds the limit" in lowered or "text size" in lowered:
        return TextTooLong(f"LanguageTool refused the text as too long: {text[:300]}")
    if "took longer than" in lowered or "timeout" in lowered:
        return EngineTimeout(f"LanguageTool gave up on the text: {text[:300]}")
    if status == 503:
        return EngineUnavailable(f"LanguageTool at {url} is busy or starting: {text[:300]}")
    return EngineError(f"LanguageTool at {url} answered HTTP {status}: {text[:300]}")
