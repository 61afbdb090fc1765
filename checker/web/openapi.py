"""The OpenAPI 3.1 description of the JSON API, served at `/api/v1/openapi.json`."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

from checker.filters.gate import DEFAULT_FAIL_ON, FAIL_LEVELS
from checker.formats import FORMATS
from checker.names import NAME_KINDS, NAME_STATUSES
from checker.names.entries import LONGEST_NAME, LONGEST_SNIPPET, MOST_VARIANTS
from checker.options import LANGUAGES
from checker.records import TextStats


def _ref(schema: str) -> dict[str, str]:
    """A reference to `schema` of the document's components."""
    return {"$ref": f"#/components/schemas/{schema}"}


def _json(schema: str) -> dict[str, Any]:
    """A JSON body whose schema is `schema` of the document's components."""
    return {"application/json": {"schema": _ref(schema)}}


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description, "content": _json("Error")}


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
        "replacements": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Best first, as plain text; an empty string means: delete the flagged text.",
        },
        "url": {"type": ["string", "null"], "description": "An explanation of the rule, if any."},
        "source": {
            "type": "string",
            "description": "languagetool, house for the newsroom's own rules, or model for the learned layer.",
        },
    },
}


_NUMBER_OR_NULL = {"type": ["number", "null"]}

_STAT_TYPES: dict[type, dict[str, Any]] = {int: {"type": "integer", "minimum": 0}, float: _NUMBER_OR_NULL}


def _stats_schema() -> dict[str, Any]:
    """The Stats schema, made from the `TextStats` record's fields and their descriptions."""
    descriptions = TextStats.descriptions()
    hints = typing.get_type_hints(TextStats)
    properties = {}
    for item in dataclasses.fields(TextStats):
        kind = int if hints[item.name] is int else float
        properties[item.name] = {**_STAT_TYPES[kind], "description": descriptions[item.name]}
    return {
        "type": "object",
        "description": " ".join((TextStats.__doc__ or "").split()),
        "required": list(properties),
        "properties": properties,
    }


# What an editorial system sends when an article is filed: the whole file as stored, with its
# name for format detection; filing is blocked on errors and warnings.
_CMS_WEBHOOK_EXAMPLE = {
    "summary": "An editorial system checks an article when it is filed",
    "value": {
        "text": '<?xml version="1.0" encoding="UTF-8"?>\n<nitf><body><body.content><p>Berlin (dpa) - Der Minister '
        "sprach auf einer Presskonferenz.</p></body.content></body></nitf>\n",
        "filename": "2024-05-02-minister.xml",
        "format": "auto",
        "language": "auto",
        "fail_on": "warning",
    },
}


# The body of POST /api/v1/check; fields not named here are refused (checker.web.check_request).
CHECK_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {
            "type": "string",
            "description": "The article, plain or as a whole file in one of the formats; "
            "checked exactly as sent (no line-end changes).",
        },
        "language": {
            "type": "string",
            "enum": ["auto", *LANGUAGES],
            "default": "auto",
            "description": "German variant. auto: the document's own language tag (NITF, "
            "NewsML-G2, ninjs, HTML lang), else de-DE; a document tagged as another "
            "language, or an untagged text that reads as another language (at least 12 words), "
            "is refused (400) unless a variant is given.",
        },
        "format": {
            "type": "string",
            "enum": ["auto", *FORMATS],
            "default": "auto",
            "description": "How to read the text. auto: detected from the content (JSON is "
            "ninjs, XML is NITF or NewsML-G2 by its root, HTML and Markdown by their markup), "
            "the filename's extension breaking ties, else plain text. Offsets always point "
            "into the text as sent, markup included.",
        },
        "filename": {
            "type": ["string", "null"],
            "default": None,
            "description": "The file's name: a hint for format detection, and named in errors.",
        },
        "names": {
            "type": "array",
            "items": {"type": "string"},
            "default": [],
            "description": "Names to accept for this check on top of the names dictionary (the "
            "profile's names and the accepted ones of /api/v1/names): not reported as unknown names.",
        },
        "house": {
            "type": "boolean",
            "default": True,
            "description": "The newsroom's house rules and names dictionary (the server's "
            "profile); false checks with LanguageTool alone.",
        },
        "picky": {"type": "boolean", "default": False, "description": "Also style rules."},
        "fail_on": {
            "type": "string",
            "enum": list(FAIL_LEVELS),
            "default": DEFAULT_FAIL_ON,
            "description": "The least severity that makes `passed` false; never: nothing does.",
        },
        "max_issues": {
            "type": ["integer", "null"],
            "minimum": 0,
            "default": None,
            "description": "`passed` is false with more findings than this; not with fail_on never.",
        },
        "model": {
            "type": ["boolean", "null"],
            "default": None,
            "description": "The learned layer: a model that drops LanguageTool findings it judges "
            "very likely wrong and adds findings of its own (source model). null: as the server's "
            "profile says (on by default); false: off.",
        },
    },
}


_REPORT = {
    "type": "object",
    "required": ["language", "format", "engine_version", "issues", "stats", "fail_on", "passed"],
    "properties": {
        "passed": {
            "type": "boolean",
            "description": "Whether the text passes the gate of the request (fail_on, max_issues).",
        },
        "fail_on": {"type": "string", "enum": list(FAIL_LEVELS), "description": "The gate applied."},
        "language": {"type": "string", "enum": list(LANGUAGES), "description": "Checked as."},
        "format": {
            "type": "string",
            "enum": list(FORMATS),
            "description": "The input format the text was read as.",
        },
        "engine_version": {"type": ["string", "null"]},
        "issues": {"type": "array", "items": _ref("Issue")},
        "stats": _ref("Stats"),
    },
}

_HEALTH = {
    "type": "object",
    "required": ["status", "languagetool"],
    "properties": {
        "status": {"type": "string", "enum": ["ok"]},
        "languagetool": {
            "type": "object",
            "properties": {"version": {"type": "string"}, "url": {"type": "string"}},
        },
    },
}

# The one error shape of every endpoint (checker.web.error_handlers).
_ERROR = {
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
}

_CHECK_ERRORS = {
    "400": _error_response(
        "invalid_request: malformed JSON, missing or non-string text, a field the schema "
        "does not name (the message names it), unknown language or format, a document "
        "marked as another language. invalid_input: the text cannot be "
        "read as its format (malformed XML or JSON, XML that declares entities, XML that "
        "is neither NITF nor NewsML-G2); the message names line and column."
    ),
    "401": _error_response(
        "unauthorized: the server is set up with API tokens (API_TOKENS) and the request "
        "has no `Authorization: Bearer …` header, or a token that is not one of them. The "
        "answer carries `WWW-Authenticate: Bearer`."
    ),
    "413": _error_response("Text or request body too large."),
    "429": _error_response(
        "rate_limited: this client (its token, else its address) sent more requests than "
        "the server's RATE_LIMIT allows; `Retry-After` says in how many seconds to try again."
    ),
    "502": _error_response("LanguageTool answered with an error."),
    "503": _error_response(
        "LanguageTool is not reachable (not started or restarting), the server is busy "
        "with as many checks as it takes at once, or the rate limit's shared store does not "
        "answer (rate_limit_unavailable); `Retry-After` says when to try again."
    ),
    "504": _error_response("LanguageTool took too long."),
}

# POST /api/v1/check
_CHECK = {
    "summary": "Check a text",
    "description": "All findings and a verdict: `passed` is false when a finding is as severe as "
    "`fail_on` or worse, or there are more findings than `max_issues`. An editorial system can "
    "call this when an article is filed and block it (or warn) when `passed` is false.",
    "operationId": "check",
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _ref("CheckRequest"), "examples": {"cms-webhook": _CMS_WEBHOOK_EXAMPLE}}
        },
    },
    "responses": {
        "200": {"description": "All findings, in text order.", "content": _json("Report")},
        **_CHECK_ERRORS,
    },
}

# GET /healthz
_HEALTHZ = {
    "summary": "Whether LanguageTool answers",
    "operationId": "health",
    "responses": {
        "200": {"description": "LanguageTool checks; its version.", "content": _json("Health")},
        "503": _error_response(
            "LanguageTool is stuck or gone (several probes in a row unanswered and no check "
            "answered meanwhile), or the rate limit's shared store does not answer."
        ),
    },
}


_NAME = {
    "type": "string",
    "minLength": 2,
    "maxLength": LONGEST_NAME,
    "description": "A name as written: letters, digits, spaces, hyphens, apostrophes and full stops, "
    "starting with a letter; no markup.",
}
_VARIANTS = {
    "type": "array",
    "items": _NAME,
    "maxItems": MOST_VARIANTS,
    "description": "Spellings this name replaces (Araghchi for Araghtschi): reported with the name as their fix.",
}
_KIND = {"type": "string", "enum": list(NAME_KINDS)}
_STATUS = {
    "type": "string",
    "enum": list(NAME_STATUSES),
    "description": "Only accepted names count in checks; proposed ones wait for the desk's review.",
}

# The body of POST /api/v1/names; fields not named here are refused (checker.web.names_api).
NAME_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["name"],
    "additionalProperties": False,
    "properties": {
        "name": _NAME,
        "kind": {**_KIND, "default": "other"},
        "variants": {**_VARIANTS, "default": []},
        "status": {
            **_STATUS,
            "default": "accepted",
            "description": "accepted by default; the result page's calls get the server's NAMES_FROM_EDITORS.",
        },
        "seen_in": {"type": "string", "maxLength": LONGEST_SNIPPET, "description": "Where the name was seen."},
    },
}

# The body of PATCH /api/v1/names/{name}: what to change.
NAME_CHANGE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {"name": _NAME, "kind": _KIND, "variants": _VARIANTS, "status": _STATUS},
}

_NAME_ENTRY = {
    "type": "object",
    "required": ["name", "kind", "variants", "status", "added_by", "added_at", "seen_in"],
    "properties": {
        "name": _NAME,
        "kind": _KIND,
        "variants": _VARIANTS,
        "status": _STATUS,
        "added_by": {
            "type": "string",
            "description": "The API token's name, web for the editors' pages, api without tokens.",
        },
        "added_at": {"type": "string", "format": "date-time"},
        "seen_in": {"type": "string", "description": "A snippet of the text the name was seen in."},
    },
}

_NAME_ERRORS = {
    "401": _CHECK_ERRORS["401"],
    "429": _CHECK_ERRORS["429"],
    "503": _error_response(
        "names_unavailable: the names dictionary's database does not answer; `Retry-After` says when to try again."
    ),
}
_NAME_IN_PATH = {"name": "name", "in": "path", "required": True, "schema": _NAME}
_ONE_NAME = {
    "type": "object",
    "required": ["name"],
    "properties": {"name": _ref("NameEntry")},
}

# /api/v1/names and /api/v1/names/{name}
_NAMES = {
    "get": {
        "summary": "List the names dictionary",
        "operationId": "listNames",
        "parameters": [
            {"name": "status", "in": "query", "schema": _STATUS},
            {"name": "kind", "in": "query", "schema": _KIND},
            {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Part of a name or variant."},
        ],
        "responses": {
            "200": {
                "description": "The entries, by name.",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["names"],
                            "properties": {"names": {"type": "array", "items": _ref("NameEntry")}},
                        }
                    }
                },
            },
            "400": _error_response("invalid_request: an unknown status or kind."),
            **_NAME_ERRORS,
        },
    },
    "post": {
        "summary": "Add a name",
        "description": "Adds an accepted entry (or of the status given). A name already there stays one "
        "entry: an accepted one makes a proposed one accepted; otherwise nothing changes (200).",
        "operationId": "addName",
        "requestBody": {"required": True, "content": _json("NameRequest")},
        "responses": {
            "201": {"description": "Added.", "content": {"application/json": {"schema": _ONE_NAME}}},
            "200": {
                "description": "The name was there already.",
                "content": {"application/json": {"schema": _ONE_NAME}},
            },
            "400": _error_response(
                "invalid_request: no name, a bad name, kind or status, or a field not in the schema."
            ),
            **_NAME_ERRORS,
        },
    },
}
_NAME_ITEM = {
    "parameters": [_NAME_IN_PATH],
    "patch": {
        "summary": "Change a name: approve, reject, rename, another kind or variants",
        "operationId": "changeName",
        "requestBody": {"required": True, "content": _json("NameChange")},
        "responses": {
            "200": {"description": "Changed.", "content": {"application/json": {"schema": _ONE_NAME}}},
            "400": _error_response("invalid_request: a bad value, or nothing to change."),
            "404": _error_response("not_found: no entry of that name."),
            "409": _error_response("conflict: another entry has the new name."),
            **_NAME_ERRORS,
        },
    },
    "delete": {
        "summary": "Delete a name",
        "operationId": "deleteName",
        "responses": {
            "204": {"description": "Deleted."},
            "404": _error_response("not_found: no entry of that name."),
            **_NAME_ERRORS,
        },
    },
}


def openapi_document() -> dict[str, Any]:
    """The whole document: the API's paths and the schemas they refer to."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Wirecheck",
            "version": "1",
            "description": "Checks German news copy with LanguageTool and the newsroom's house rules.",
        },
        "paths": {
            "/api/v1/check": {"post": _CHECK},
            "/api/v1/names": _NAMES,
            "/api/v1/names/{name}": _NAME_ITEM,
            "/healthz": {"get": _HEALTHZ},
        },
        "components": {
            "schemas": {
                "CheckRequest": CHECK_REQUEST,
                "Report": _REPORT,
                "Issue": _ISSUE,
                "Stats": _stats_schema(),
                "Health": _HEALTH,
                "NameRequest": NAME_REQUEST,
                "NameChange": NAME_CHANGE,
                "NameEntry": _NAME_ENTRY,
                "Error": _ERROR,
            }
        },
    }
