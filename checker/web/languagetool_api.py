"""LanguageTool's HTTP API answered by the checker: `/v2/check`, `/v2/languages` and `/v2/info`.

Editors' tools that speak to a LanguageTool server (the browser add-on, LTeX, language-tool-python,
LanguageTool's Java client) get the house profile's findings when pointed at this app. A check
is the one `/api/v1/check` makes: the app's engine and house profile, the same text limit,
admission and deadline. Errors are answered as LanguageTool answers them: the HTTP status and a
plain-text body "Error: …". CORS headers go only to the origins of the setting CORS_ORIGINS.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from checker.errors import CheckerError, TextTooLong
from checker.pipeline import check_document
from checker.web import messages
from checker.web.access import Unauthorized
from checker.web.check_request import german_number
from checker.web.json_input import shown
from checker.web.languagetool_matches import RecordingEngine, answer, empty_answer, languages, software
from checker.web.languagetool_request import current_parameters, read_request
from checker.web.oversize import drain
from checker.web.resources import admission, checking_profile, get_engine, get_health

log = logging.getLogger(__name__)

bp = Blueprint("languagetool_api", __name__, url_prefix="/v2")

_ENDPOINTS = frozenset({"check", "languages", "info"})
_DRAIN_LIMIT = 64 * 1024 * 1024
_ANY_METHOD = ["GET", "POST", "PUT", "PATCH", "DELETE"]


@bp.route("/check", methods=["GET", "POST"])
def check() -> Any:
    # Tokens and the rate limit (checker.web.access) have read its `apiKey` already.
    asked = read_request(current_parameters())
    source = asked.document.source
    limit = int(current_app.config["MAX_TEXT_LENGTH"])
    if len(source) > limit:
        raise TextTooLong(
            f"Der Text ist zu lang: {german_number(len(source))} Zeichen, "
            f"höchstens {german_number(limit)} sind möglich. Bitte kürzen oder in Teilen prüfen."
        )
    if asked.text_level_only or not asked.document.plain_text().strip():
        return jsonify(empty_answer(asked.language, get_health().current().version or ""))
    recorder = RecordingEngine(get_engine())
    with admission().slot():
        report = check_document(asked.document, asked.options, engine=recorder, profile=checking_profile())
    kept = [issue for issue in report.issues if asked.keeps(issue)]
    return jsonify(answer(report, asked.document, recorder, kept=kept))


@bp.get("/languages")
def supported_languages() -> Any:
    return jsonify(languages())


@bp.get("/info")
def info() -> Any:
    return jsonify({"software": software(get_health().current().version or "")})


@bp.route("/<path:action>", methods=_ANY_METHOD)
def unsupported(action: str) -> Any:
    if action in _ENDPOINTS:
        return _plain_error(405, f"Die Methode {request.method} wird für /v2/{action} nicht unterstützt.")
    return _plain_error(404, f"Unbekannte Aktion „{action}“. Angeboten werden: {', '.join(sorted(_ENDPOINTS))}.")


@bp.after_request
def _cors(response: Response) -> Response:
    """CORS for the allowed origins only (a browser add-on or a web editor calling from its page)."""
    origin = request.headers.get("Origin")
    allowed = allowed_origins(current_app.config.get("CORS_ORIGINS"))
    if not origin or not (origin in allowed or "*" in allowed):
        return response
    response.headers["Access-Control-Allow-Origin"] = "*" if "*" in allowed else origin
    response.vary.add("Origin")
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
        response.headers["Access-Control-Max-Age"] = "3600"
    return response


def allowed_origins(configured: Any) -> frozenset[str]:
    """The origins of the setting CORS_ORIGINS: a list, or one string of origins separated by
    commas or white space; "*" allows every origin."""
    if not configured:
        return frozenset()
    values = configured.replace(",", " ").split() if isinstance(configured, str) else configured
    return frozenset(str(value).strip().rstrip("/") for value in values if str(value).strip())


def _plain_error(status: int, message: str) -> Response:
    # shown(): a message that quotes what the client sent must not fail to encode.
    return Response(f"Error: {shown(message)}", status=status, mimetype="text/plain")


@bp.errorhandler(CheckerError)
def _checker_error(error: CheckerError) -> Response:
    if error.http_status >= 500:
        log.warning("check failed: %s: %s", error.code, error.message)
    message = error.message if isinstance(error, Unauthorized) else messages.for_editor(error)
    return _plain_error(error.http_status, message)


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    status = error.code or 500
    if isinstance(error, RequestEntityTooLarge):
        drain(request.environ, 0, _DRAIN_LIMIT)
        limit = int(current_app.config["MAX_CONTENT_LENGTH"])
        return _plain_error(
            status, messages.too_large(limit, request.content_length, int(current_app.config["MAX_TEXT_LENGTH"]))
        )
    return _plain_error(status, error.description or messages.BAD_REQUEST)


@bp.errorhandler(Exception)
def _unexpected_error(error: Exception) -> Response:
    log.exception("unexpected error in %s %s", request.method, request.path)
    return _plain_error(500, messages.INTERNAL_ERROR)
