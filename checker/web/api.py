"""The JSON API: `POST /api/v1/check`, its OpenAPI document, and `GET /healthz`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request

from checker.errors import EngineUnavailable
from checker.web import json_input
from checker.web.access import LimitStoreUnavailable, limit_store_failing
from checker.web.check_request import CheckRequest, report_for
from checker.web.openapi import openapi_document
from checker.web.resources import get_engine, get_health

bp = Blueprint("api", __name__)


@bp.post("/api/v1/check")
def check() -> Any:
    asked = CheckRequest.from_json(_json_body())
    report = report_for(asked)
    # The verdict for editorial systems that block or warn on filing, beside the findings.
    verdict = asked.gate.judge([report])
    return jsonify({**report.to_dict(), "fail_on": asked.gate.fail_on, "passed": verdict.passed})


@bp.get("/api/v1/openapi.json")
def openapi() -> Any:
    return jsonify(openapi_document())


@bp.get("/healthz")
def healthz() -> Any:
    """From the health monitor's last probe: answers at once, also while LanguageTool hangs."""
    engine = get_engine()
    health = get_health().current()
    if not health.ok:
        raise EngineUnavailable(f"LanguageTool at {engine.url} does not answer")
    if limit_store_failing():
        raise LimitStoreUnavailable("the rate limit's store (RATE_LIMIT_STORAGE) does not answer")
    return jsonify({"status": "ok", "languagetool": {"version": health.version or "", "url": engine.url}})


def _json_body() -> Any:
    return json_input.load(request.get_data(cache=False))
