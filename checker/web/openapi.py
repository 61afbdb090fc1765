"""The OpenAPI 3.1 description of the JSON API, served at `/api/v1/openapi.json`."""

from __future__ import annotations

from typing import Any

from checker.engine import LANGUAGES


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


_ISSUE = {
    "type": "object",
    "description": "One finding. Offsets and lengths count Unicode code points of the text as sent.",
    "required": [
        "offset",
        "length",
        "line",
        "column",
        "text",
        "rule",
        "rule_description",
        "category",
        "type",
        "severity",
        "message",
        "replacements",
        "url",
        "source",
    ],
    "properties": {
        "offset": {"type": "integer", "minimum": 0, "description": "Start, in code points."},
        "length": {"type": "integer", "minimum": 0, "description": "Length, in code points."},
        "line": {"type": "integer", "minimum": 1, "description": "1-based; LF, CRLF and CR end a line."},
        "column": {"type": "integer", "minimum": 1, "description": "1-based, in code points."},
        "text": {"type": "string", "description": "The flagged text: text[offset:offset+length]."},
        "rule": {"type": "string", "description": "Rule id, e.g. DE_AGREEMENT or ID[2]."},
        "rule_description": {"type": "string"},
        "category": {
            "type": "object",
            "required": ["id", "name"],
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
        },
        "type": {"type": "string", "description": "LanguageTool's issue type, e.g. misspelling, grammar."},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        "message": {"type": "string"},
        "replacements": {"type": "array", "items": {"type": "string"}, "description": "Best first."},
        "url": {"type": ["string", "null"], "description": "An explanation of the rule, if any."},
        "source": {"type": "string", "description": "languagetool, or house for the newsroom's own rules."},
    },
}


def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wirecheck",
            "version": "1",
            "description": "Checks German news copy with LanguageTool and the newsroom's house rules.",
        },
        "paths": {
            "/api/v1/check": {
                "post": {
                    "summary": "Check a text",
                    "operationId": "check",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "All findings, in text order.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}},
                        },
                        "400": _error_response("Malformed JSON, missing or non-string text, unknown language."),
                        "413": _error_response("Text or request body too large."),
                        "502": _error_response("LanguageTool answered with an error."),
                        "503": _error_response("LanguageTool is not reachable (not started or restarting)."),
                        "504": _error_response("LanguageTool took too long."),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "summary": "Whether LanguageTool answers",
                    "operationId": "health",
                    "responses": {
                        "200": {
                            "description": "LanguageTool checks; its version.",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}},
                        },
                        "503": _error_response("LanguageTool does not answer."),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "CheckRequest": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {
                        "text": {"type": "string", "description": "Checked exactly as sent (no line-end changes)."},
                        "language": {"type": "string", "enum": list(LANGUAGES), "default": "de-DE"},
                        "picky": {"type": "boolean", "default": False, "description": "Also style rules."},
                    },
                },
                "Report": {
                    "type": "object",
                    "required": ["language", "engine_version", "issues"],
                    "properties": {
                        "language": {"type": "string"},
                        "engine_version": {"type": ["string", "null"]},
                        "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
                        "format": {"type": "string", "description": "The input format the text was read as."},
                        "stats": {"type": "object", "description": "Figures about the text (length, sentences …)."},
                    },
                },
                "Issue": _ISSUE,
                "Health": {
                    "type": "object",
                    "required": ["status", "languagetool"],
                    "properties": {
                        "status": {"type": "string", "enum": ["ok"]},
                        "languagetool": {
                            "type": "object",
                            "properties": {"version": {"type": "string"}, "url": {"type": "string"}},
                        },
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "required": ["code", "message"],
                            "properties": {
                                "code": {"type": "string", "description": "Stable, e.g. invalid_request."},
                                "message": {"type": "string", "description": "For people, in German."},
                                "detail": {"type": "string", "description": "Technical detail, if any."},
                            },
                        }
                    },
                },
            }
        },
    }
