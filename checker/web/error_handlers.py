"""Every failure is handled here, once: JSON `{"error": {...}}` for the API, the form for people.

The HTML form always comes back with the editor's draft in it: from the parsed request, or,
when the body was too large to accept, as much of it as the first bytes hold.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, current_app, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from checker.errors import CheckerError
from checker.web import messages, names_page
from checker.web.check_request import CheckRequest
from checker.web.oversize import drain, recover_form_text

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    413: "request_too_large",
}


# Seconds a client should wait before it tries again after a 503: about a LanguageTool restart.
RETRY_AFTER_SECONDS = 15
# A body larger than the limit is read and dropped up to this size, so that the client gets the
# 413 page rather than a reset connection; beyond it the connection is closed.
_DRAIN_LIMIT = 64 * 1024 * 1024


def init_app(app: Flask) -> None:
    app.register_error_handler(CheckerError, _checker_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected_error)

    @app.after_request
    def _retry_after(response: Response) -> Response:
        if response.status_code == 503:
            response.headers.setdefault("Retry-After", str(RETRY_AFTER_SECONDS))
        return response


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz" or is_live_check()


def is_live_check() -> bool:
    """The result page's script re-checking the text being edited: the form's request, answered
    with JSON (`Accept: application/json`) instead of a page."""
    return request.path == "/check" and request.method == "POST" and request.accept_mimetypes.best == "application/json"


def _checker_error(error: CheckerError) -> Any:
    if error.http_status >= 500:
        log.warning("check failed: %s: %s", error.code, error.message)
    if request.blueprint == "names_page" and not wants_json():
        return names_page.error_page(error)
    message = messages.for_editor(error)
    if wants_json():
        detail = error.message if message != error.message else None
        return _json_error(error.http_status, error.code, message, detail)
    # A text that reads as another language: the form asks whether to check it as German.
    other_language = error.details.get("name") if error.reason == "not_german" else None
    return _form_page(error.http_status, message, other_language=other_language)


def _http_error(error: HTTPException) -> Any:
    status = error.code or 500
    code = _HTTP_CODES.get(status, "http_error")
    if isinstance(error, RequestEntityTooLarge):
        limit = int(current_app.config["MAX_CONTENT_LENGTH"])
        message = messages.too_large(limit, request.content_length, int(current_app.config["MAX_TEXT_LENGTH"]))
        if wants_json():
            drain(request.environ, 0, _DRAIN_LIMIT)
            return _json_error(status, code, message)
        return _too_large_form(limit, message)
    message = {404: messages.NOT_FOUND, 405: messages.METHOD_NOT_ALLOWED}.get(status, messages.BAD_REQUEST)
    if wants_json():
        return _json_error(status, code, message, error.description)
    return _form_page(status, message)


def _unexpected_error(error: Exception) -> Any:
    log.exception("unexpected error in %s %s", request.method, request.path)
    if wants_json():
        return _json_error(500, "internal_error", messages.INTERNAL_ERROR)
    return _form_page(500, messages.INTERNAL_ERROR)


def _json_error(status: int, code: str, message: str, detail: str | None = None) -> Any:
    error: dict[str, str] = {"code": code, "message": message}
    if detail:
        error["detail"] = detail
    return jsonify({"error": error}), status


def _submitted_draft() -> CheckRequest:
    draft = g.get("check_request")
    if isinstance(draft, CheckRequest):
        return draft
    if request.method == "POST":
        try:
            return CheckRequest.from_form(request.form)
        except HTTPException:
            pass
    return CheckRequest(text="")


def _form_page(
    status: int,
    message: str,
    *,
    draft: CheckRequest | None = None,
    incomplete: bool = False,
    other_language: str | None = None,
) -> Any:
    page = render_template(
        "check/index.html",
        form=draft or _submitted_draft(),
        error=message,
        draft_incomplete=incomplete,
        other_language=other_language,
    )
    return page, status


def _too_large_form(limit: int, message: str) -> Any:
    recovered = recover_form_text(request.environ, limit)
    drain(request.environ, recovered.consumed, _DRAIN_LIMIT)
    if recovered.filename:
        message = messages.file_too_large(
            recovered.filename, limit, request.content_length, int(current_app.config["MAX_TEXT_LENGTH"])
        )
        if recovered.text.strip():
            message += " Der Text aus dem Eingabefeld steht unten."
    elif recovered.complete:
        message += " Ihr Text steht unten."
    elif recovered.text:
        message += (
            " Unten steht der Anfang Ihres Textes, soweit er ankam; der Rest fehlt. Bitte kürzen oder in Teilen prüfen."
        )
    else:
        message += " Der Text war zu groß, um ihn hier zu lesen, deshalb ist das Feld leer."
    draft = CheckRequest(text=recovered.text)
    return _form_page(413, message, draft=draft, incomplete=not recovered.complete and not recovered.filename)
