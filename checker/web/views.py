"""The editors' pages: the form (`GET /`) and the annotated result (`POST /check`) of a pasted
text or an uploaded file."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, request, url_for

from checker.errors import InvalidRequest
from checker.web.check_request import CheckRequest, fix_plan_for, report_for
from checker.web.presentation import ReportView
from checker.web.resources import names_state

bp = Blueprint("check", __name__)


@bp.get("/")
def index() -> Any:
    return render_template("check/index.html", form=CheckRequest(text=""))


@bp.post("/check")
def check_text() -> Any:
    draft = CheckRequest.from_form(request.form)
    g.check_request = draft  # so that any error page shows the draft again
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        draft = draft.with_upload(upload)
        g.check_request = draft  # from here on, errors show the file's text
    if not draft.text.strip():
        raise InvalidRequest("Bitte einen Text einfügen oder eine Datei wählen – das Feld ist leer.")
    report = report_for(draft)
    view = ReportView.of(report, fix_plan_for(draft, report))
    return render_template("check/result.html", form=draft, view=view, names_state=names_state())


@bp.get("/check")
def check_without_text() -> Any:
    # A bookmarked or reloaded result page: the form is where the text goes.
    return redirect(url_for("check.index"))
