"""The names dictionary's JSON API: `GET/POST /api/v1/names`, `PATCH/DELETE /api/v1/names/<name>`
(guarded like every `/api/v1/*` route, checker.web.access).

A POST from a program adds an accepted entry (or the status it asks for); one from the result
page's "Als Namen annehmen" (the page's header) adds what the setting NAMES_FROM_EDITORS says,
and is recorded as added by "web".
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, jsonify, request

from checker.errors import InvalidRequest
from checker.names import NameEntry, NameNotFound, new_entry
from checker.names.entries import clean_kind, clean_name, clean_status, clean_variants
from checker.web import json_input
from checker.web.access import client_name, is_page_call
from checker.web.json_input import shown
from checker.web.openapi import NAME_CHANGE, NAME_REQUEST
from checker.web.resources import get_names_store

bp = Blueprint("names_api", __name__, url_prefix="/api/v1/names")


@bp.get("")
def list_names() -> Any:
    status = request.args.get("status") or None
    kind = request.args.get("kind") or None
    entries = get_names_store().entries(
        status=clean_status(status) if status else None,
        kind=clean_kind(kind) if kind else None,
        search=request.args.get("q", ""),
    )
    return jsonify({"names": [entry.to_dict() for entry in entries]})


@bp.post("")
def add_name() -> Any:
    data = _json_object(NAME_REQUEST)
    if "name" not in data:
        raise InvalidRequest("Das Feld „name“ fehlt.", reason="bad_name")
    status = current_app.config["NAMES_FROM_EDITORS"] if is_page_call() else data.get("status", "accepted")
    entry = new_entry(
        data["name"],
        kind=data.get("kind", "other"),
        variants=data.get("variants", []),
        status=status,
        added_by=client_name(),
        seen_in=data.get("seen_in", ""),
    )
    stored, created = get_names_store().add(entry)
    return jsonify({"name": stored.to_dict(), "created": created}), 201 if created else 200


@bp.patch("/<path:name>")
def change_name(name: str) -> Any:
    data = _json_object(NAME_CHANGE)
    return jsonify({"name": change(name, data).to_dict()})


@bp.delete("/<path:name>")
def delete_name(name: str) -> Any:
    if not get_names_store().remove(name):
        raise NameNotFound(f"Kein Eintrag „{shown(name)}“ im Namensverzeichnis.", name=name)
    return "", 204


def change(name: str, data: dict[str, Any]) -> NameEntry:
    """Apply `data` (any of name, kind, variants, status; each checked) to the entry `name`."""
    changes: dict[str, Any] = {}
    new_name = clean_name(data["name"]) if "name" in data else name
    if "name" in data:
        changes["name"] = new_name
    if "kind" in data:
        changes["kind"] = clean_kind(data["kind"])
    if "variants" in data:
        changes["variants"] = clean_variants(data["variants"], new_name)
    if "status" in data:
        changes["status"] = clean_status(data["status"])
    if not changes:
        raise InvalidRequest("Nichts zu ändern: name, kind, variants oder status angeben.", reason="bad_name")
    return get_names_store().update(name, changes)


def _json_object(schema: dict[str, Any]) -> dict[str, Any]:
    data = json_input.load(request.get_data(cache=False))
    return json_input.known_object(data, schema["properties"], '{"name": "Araghtschi", "kind": "person"}')
