"""The desk's review page of the names dictionary: `GET /names` lists and filters the entries,
`POST /names` approves, rejects, edits, adds and deletes them.

Changes are guarded like the form's checks (checker.web.access): with API tokens set, the page
asks for an access key once per browser session and is read-only until then. Changes come only
from this site's own pages (the browser's Origin), and a refused or failed change shows the page
again with what the editor typed.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, url_for
from werkzeug.datastructures import MultiDict

from checker.errors import CheckerError, InvalidRequest
from checker.names import NAME_KINDS, NAME_STATUSES, NameNotFound, NamesUnavailable, new_entry
from checker.names.entries import clean_kind, clean_status
from checker.web import messages
from checker.web.access import ACCESS_KEY_FIELD, client_name, form_needs_key
from checker.web.names_api import change
from checker.web.resources import get_names_store

bp = Blueprint("names_page", __name__)

KIND_LABELS = {"person": "Person", "place": "Ort", "organisation": "Organisation", "other": "Sonstiges"}
STATUS_LABELS = {"proposed": "vorgeschlagen", "accepted": "angenommen", "rejected": "abgelehnt"}
_DONE = {
    "accept": "„{name}“ ist angenommen und gilt ab der nächsten Prüfung.",
    "reject": "„{name}“ ist abgelehnt.",
    "delete": "„{name}“ ist gelöscht.",
    "save": "„{name}“ ist geändert.",
    "add": "„{name}“ steht im Namensverzeichnis.",
    "unlock": "Zugangsschlüssel angenommen: Sie können Einträge ändern.",
}
_FILTERS = ("status", "kind", "q")


@bp.get("/names")
def review() -> Any:
    done = request.args.get("done", "")
    notice = _DONE[done].format(name=request.args.get("name", "")) if done in _DONE else None
    return render_review(notice=notice)


@bp.post("/names")
def act() -> Any:
    form = request.form
    try:
        _refuse_other_sites()
        action = form.get("action", "")
        name = form.get("name", "")
        done_name = _apply(action, name, form)
    except CheckerError as error:
        return render_review(error=_message(error), draft=form, status=error.http_status)
    filters = {key: value for key, value in _filters().items() if value}
    return redirect(url_for(".review", done=action, name=done_name, **filters), code=303)  # type: ignore[arg-type]


def _apply(action: str, name: str, form: MultiDict[str, str]) -> str:
    """Carry out `action` on the entry `name`; the name to report (a renamed entry's new one)."""
    store = get_names_store()
    if action == "unlock":  # the key itself was checked and kept before this view (checker.web.access)
        return ""
    if action in ("accept", "reject"):
        return store.update(name, {"status": "accepted" if action == "accept" else "rejected"}).name
    if action == "delete":
        if not store.remove(name):
            raise NameNotFound(f"„{name}“ steht nicht (mehr) im Namensverzeichnis.", name=name)
        return name
    if action == "save":
        return change(
            name, {"name": form.get("new_name", ""), "kind": form.get("kind"), "variants": form.get("variants", "")}
        ).name
    if action == "add":
        entry = new_entry(
            form.get("new_name", ""),
            kind=form.get("kind", "other"),
            variants=form.get("variants", ""),
            added_by=client_name(),
        )
        return store.add(entry)[0].name
    raise InvalidRequest("Unbekannte Aktion.", reason="bad_action")


def _refuse_other_sites() -> None:
    """A change comes from this site's pages only: another site's page must not make a visitor's
    browser approve or delete names. Browsers say where a request comes from in Sec-Fetch-Site;
    older ones in Origin (which is "null" under our no-referrer policy, and then says nothing)."""
    site = request.headers.get("Sec-Fetch-Site")
    if site is not None:
        if site not in ("same-origin", "none"):
            raise InvalidRequest("Änderungen am Namensverzeichnis nur von dieser Seite aus.", reason="other_site")
        return
    origin = request.headers.get("Origin")
    if origin in (None, "null"):
        return  # not a browser, or one that does not say: the guard of tokens applies alike
    own, sent = urlsplit(request.host_url), urlsplit(origin)
    if (sent.scheme, sent.netloc) != (own.scheme, own.netloc):
        raise InvalidRequest("Änderungen am Namensverzeichnis nur von dieser Seite aus.", reason="other_site")


def _message(error: CheckerError) -> str:
    if error.reason in ("form_key_missing", "form_key_wrong"):
        return (
            "Änderungen brauchen einen Zugangsschlüssel."
            if error.reason == "form_key_missing"
            else "Der Zugangsschlüssel stimmt nicht."
        )
    return messages.for_editor(error)


def error_page(error: CheckerError) -> Any:
    """The page for a change the access rules refused (checker.web.error_handlers)."""
    return render_review(error=_message(error), draft=request.form, status=error.http_status)


def _filters() -> dict[str, str]:
    """The list's filters: the query of a GET, the `f_` fields a change carries along."""
    if request.method == "GET":
        return {key: request.args.get(key, "") for key in _FILTERS}
    return {key: request.form.get(f"f_{key}", "") for key in _FILTERS}


def render_review(
    *, notice: str | None = None, error: str | None = None, draft: MultiDict[str, str] | None = None, status: int = 200
) -> Any:
    filters = _filters()
    entries, unavailable = [], False
    try:
        entries = get_names_store().entries(
            status=clean_status(filters["status"]) if filters["status"] in NAME_STATUSES else None,
            kind=clean_kind(filters["kind"]) if filters["kind"] in NAME_KINDS else None,
            search=filters["q"],
        )
    except NamesUnavailable:
        unavailable = True
        status = 503 if status == 200 else status
    page = render_template(
        "names/review.html",
        entries=entries,
        unavailable=unavailable,
        filters=filters,
        notice=notice,
        error=error,
        draft=draft or MultiDict(),
        read_only=form_needs_key(),
        key_field=ACCESS_KEY_FIELD,
        kinds=KIND_LABELS,
        statuses=STATUS_LABELS,
    )
    return page, status
