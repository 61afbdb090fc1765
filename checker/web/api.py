"""The JSON API: `POST /api/v1/check`, its OpenAPI document, and `GET /healthz`."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, jsonify, request

from checker.errors import CheckerError, EngineUnavailable, InvalidRequest
from checker.options import CheckOptions
from checker.suppression import without_suppressed
from checker.web.check_request import CheckRequest, report_for
from checker.web.openapi import openapi_document
from checker.web.resources import get_engine

bp = Blueprint("api", __name__)


@bp.post("/api/v1/check")
def check() -> Any:
    asked = CheckRequest.from_json(_json_body())
    report = without_suppressed(report_for(asked))
    # The verdict for editorial systems that block or warn on filing, beside the findings.
    verdict = asked.gate.judge([report])
    return jsonify({**report.to_dict(), "fail_on": asked.gate.fail_on, "passed": verdict.passed})


@bp.get("/api/v1/openapi.json")
def openapi() -> Any:
    return jsonify(openapi_document())


@bp.get("/healthz")
def healthz() -> Any:
    engine = get_engine()
    try:
        # A real (tiny, cached) check: a server that lists languages may still fail to check.
        result = engine.query({"text": "Test."}, CheckOptions(language="de-DE"))
    except EngineUnavailable:
        raise
    except CheckerError as exc:
        # Health is yes or no: a server that answers with errors or too slowly is not healthy.
        raise EngineUnavailable(f"LanguageTool at {engine.url} does not check: {exc.message}") from exc
    version = str(result.get("software", {}).get("version", ""))
    return jsonify({"status": "ok", "languagetool": {"version": version, "url": engine.url}})


def _json_body() -> Any:
    raw = request.get_data(cache=False)
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidRequest(f"Der Inhalt ist kein gültiges JSON: {exc}") from exc
