"""Talks to a LanguageTool server over HTTP and returns its raw JSON matches.

language-tool-python (3.4.0, pinned) is the transport, in its remote-server mode. We take the
server's raw JSON instead of its `Match` objects: those correct UTF-16 offsets through a
class-level global shared by all threads and leave the match length uncorrected. The core
maps offsets itself (checker.offsets).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Protocol

import language_tool_python
import requests
from language_tool_python.exceptions import LanguageToolError

from checker.errors import EngineError, EngineTimeout, EngineUnavailable, InvalidRequest, TextTooLong

LANGUAGES = ("de-DE", "de-AT", "de-CH")


@dataclass(frozen=True)
class CheckOptions:
    """What to ask LanguageTool for, beside the text."""

    language: str = "de-DE"
    picky: bool = False
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_only: bool = False

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise InvalidRequest(f"unknown language variant {self.language!r}; choose one of {', '.join(LANGUAGES)}")
        if self.enabled_only and not (self.enabled_rules or self.enabled_categories):
            raise InvalidRequest("enabled_only needs at least one enabled rule or category")
        if self.enabled_only and (self.disabled_rules or self.disabled_categories):
            raise InvalidRequest("enabled_only cannot be combined with disabled rules or categories")

    def params(self) -> dict[str, str]:
        # LanguageTool detects the language even when told it; for text it cannot identify
        # ("9,99 –") it falls back to English, which a German-only server lacks (HTTP 400).
        # Naming German as preferred makes that fallback German; the checking language stays
        # `language`.
        params = {"language": self.language, "preferredLanguages": "de"}
        if self.picky:
            params["level"] = "picky"
        for key, values in (
            ("enabledRules", self.enabled_rules),
            ("disabledRules", self.disabled_rules),
            ("enabledCategories", self.enabled_categories),
            ("disabledCategories", self.disabled_categories),
        ):
            if values:
                params[key] = ",".join(values)
        if self.enabled_only:
            params["enabledOnly"] = "true"
        return params


class Engine(Protocol):
    """What the checking core needs from LanguageTool. Recorded responses implement it too."""

    url: str
    max_text_length: int

    def check(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
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
        self._tool: language_tool_python.LanguageTool | None = None
        self._tool_lock = threading.Lock()
        self._version: str | None = None

    def _language_tool(self) -> language_tool_python.LanguageTool:
        with self._tool_lock:
            if self._tool is None:
                try:
                    self._tool = language_tool_python.LanguageTool("de-DE", remote_server=self.url + "/")
                except (LanguageToolError, OSError, requests.RequestException) as exc:
                    raise EngineUnavailable(f"LanguageTool at {self.url} does not answer: {exc}") from exc
            return self._tool

    def _query(self, path: str, params: dict[str, str] | None, method: str) -> Any:
        tool = self._language_tool()
        try:
            return tool._query_server(f"{self.url}/v2/{path}", params, num_tries=1, method=method)  # type: ignore[arg-type]
        except LanguageToolError as exc:
            raise _translate(exc, self.url) from exc

    def check(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        params = {**options.params(), **payload}
        try:
            result = self._query("check", params, "post")
        except EngineUnavailable:
            if self._server is None:
                raise
            self._server.ensure_running()
            result = self._query("check", params, "post")
        if not isinstance(result, dict) or not isinstance(result.get("matches"), list):
            raise EngineError(f"LanguageTool at {self.url} sent an answer without matches")
        if self._version is None:
            self._version = str(result.get("software", {}).get("version", ""))
        return result

    def version(self) -> str:
        if self._version is None:
            result = self.check({"text": "Test."}, CheckOptions())
            self._version = str(result.get("software", {}).get("version", ""))
        return self._version


def _translate(exc: LanguageToolError, url: str) -> Exception:
    """Our own exception for a language-tool-python failure."""
    cause = exc.__cause__
    text = str(exc).strip()
    if isinstance(cause, requests.Timeout):
        return EngineTimeout(f"LanguageTool at {url} did not answer in time")
    if isinstance(cause, requests.ConnectionError):
        return EngineUnavailable(f"LanguageTool at {url} is not reachable")
    lowered = text.lower()
    if "exceeds the limit" in lowered or "text size" in lowered:
        return TextTooLong(f"LanguageTool refused the text as too long: {text[:300]}")
    if "took longer than" in lowered or "timeout" in lowered:
        return EngineTimeout(f"LanguageTool gave up on the text: {text[:300]}")
    return EngineError(f"LanguageTool at {url} answered with an error: {text[:300]}")
