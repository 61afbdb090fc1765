"""Talks to a LanguageTool server over HTTP (`/v2/check`) and returns its raw JSON.

We use `requests` directly: language-tool-python's public interface checks plain text only
(no annotated `data`), keeps rule switches as shared per-instance state and corrects UTF-16
offsets through a class-level global, so it cannot serve concurrent requests exactly (see
docs/engine.md). The core maps offsets itself (checker.text.offsets).
"""

from __future__ import annotations

from typing import Any, Protocol

import requests

from checker.errors import EngineError, EngineTimeout, EngineUnavailable, TextTooLong
from checker.options import CheckOptions

# Connecting is quick on loopback; a check may take up to the server's own limit (60 s) and
# queue behind others, so reading allows more.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 150.0


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

    url: str
    max_text_length: int

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        """Raw /v2/check JSON for `payload` ({"text": …} or {"data": annotation JSON})."""
        ...

    def version(self) -> str: ...


class LanguageToolClient:
    """An `Engine` backed by a LanguageTool server at `url` (ours or anyone's)."""

    def __init__(self, url: str, *, max_text_length: int = 50_000, server: Any = None) -> None:
        self.url = url.rstrip("/")
        self.max_text_length = max_text_length
        # The LocalServer we own, if any: after a crash we wait for its restart and retry once.
        self._server = server
        self._session = requests.Session()
        self._version: str | None = None

    def _post(self, params: dict[str, str]) -> Any:
        try:
            response = self._session.post(f"{self.url}/v2/check", data=params, timeout=(CONNECT_TIMEOUT, READ_TIMEOUT))
        except requests.Timeout as exc:
            raise EngineTimeout(f"LanguageTool at {self.url} did not answer in time") from exc
        except requests.RequestException as exc:
            raise EngineUnavailable(f"LanguageTool at {self.url} is not reachable") from exc
        if response.status_code != 200:
            raise _refusal(response.status_code, response.text.strip(), self.url)
        try:
            return response.json()
        except ValueError as exc:
            raise EngineError(f"LanguageTool at {self.url} sent an answer that is not JSON") from exc

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        params = {**request_params(options), **payload}
        try:
            result = self._post(params)
        except EngineUnavailable:
            if self._server is None:
                raise
            self._server.ensure_running()
            result = self._post(params)
        if not isinstance(result, dict) or not isinstance(result.get("matches"), list):
            raise EngineError(f"LanguageTool at {self.url} sent an answer without matches")
        if self._version is None:
            self._version = str(result.get("software", {}).get("version", ""))
        return result

    def version(self) -> str:
        if self._version is None:
            result = self.query({"text": "Test."}, CheckOptions())
            self._version = str(result.get("software", {}).get("version", ""))
        return self._version


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
