"""The checker's own exceptions. Each maps once to an HTTP status and a CLI exit status.

`code` names the kind of failure (the API's error code); `reason` says what exactly went wrong,
as a stable name, with the values a message needs in `details`. Callers that speak to people
(the web app's German messages) key their text on `reason`, never on the English `message`.
"""

from __future__ import annotations

from typing import Any


class CheckerError(Exception):
    """Base class: `code` and `reason` are stable machine-readable names, `message` is for people."""

    code = "checker_error"
    http_status = 500
    exit_status = 2

    def __init__(self, message: str, *, reason: str | None = None, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason or self.code
        self.details = details


class SetupError(CheckerError):
    """Something the engine needs is missing on this machine (Java, Maven, the jars)."""

    code = "setup_error"
    http_status = 503


class EngineUnavailable(CheckerError):
    """LanguageTool does not answer (not started, restarting, or gone)."""

    code = "engine_unavailable"
    http_status = 503


class EngineTimeout(CheckerError):
    """LanguageTool took longer than allowed for this text."""

    code = "engine_timeout"
    http_status = 504


class EngineError(CheckerError):
    """LanguageTool answered, but with an error or with something we cannot read."""

    code = "engine_error"
    http_status = 502


class Overloaded(CheckerError):
    """More checks at once than this process takes; the caller should try again shortly."""

    code = "overloaded"
    http_status = 503


class InvalidRequest(CheckerError):
    """The caller asked for something we do not offer (unknown language, bad option)."""

    code = "invalid_request"
    http_status = 400


class TextTooLong(CheckerError):
    """The text exceeds the configured limit."""

    code = "text_too_long"
    http_status = 413


class InputError(CheckerError):
    """A file or upload cannot be read as text; `path`, `line`, `column`, `byte_offset` say where.

    Reasons: not_utf8 (details: byte, hex), xml_entities, xml_refused, xml_malformed (details:
    expat, expat's reason), xml_unknown_root (root), json_malformed, not_ninjs, no_file,
    unreadable_file, profile; `unreadable` when no other fits.
    """

    code = "invalid_input"
    http_status = 400

    def __init__(
        self,
        message: str,
        *,
        reason: str = "unreadable",
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        byte_offset: int | None = None,
        **details: Any,
    ) -> None:
        where = []
        if path is not None:
            where.append(path)
        if line is not None:
            where.append(str(line))
            if column is not None:
                where.append(str(column))
        prefix = ":".join(where)
        if byte_offset is not None and line is None:
            prefix = f"{prefix} (byte {byte_offset})" if prefix else f"byte {byte_offset}"
        super().__init__(f"{prefix}: {message}" if prefix else message, reason=reason, **details)
        self.path = path
        self.line = line
        self.column = column
        self.byte_offset = byte_offset
