"""The editors' pages: the form (`GET /`) and the annotated result (`POST /check`) of a pasted
text or an uploaded file; the same request asking for JSON is the result page's re-check of the
text being edited in place."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, get_template_attribute, jsonify, redirect, render_template, request, url_for

from checker.errors import InvalidRequest
from checker.web.check_request import CheckRequest, fix_plan_for, report_for
from checker.web.error_handlers import is_live_check
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
    if is_live_check():
        return jsonify(_live_answer(draft, view))
    return render_template("check/result.html", form=draft, view=view, names_state=names_state())


def _live_answer(draft: CheckRequest, view: ReportView) -> dict[str, Any]:
    """The result page's parts that change with the text, for its script to put in place: the
    marked text, the side panel's list and the report's data, rendered as on the page."""
    render_nodes = get_template_attribute("check/_annotated.html", "render_nodes")
    return {
        "text": view.report.text,
        "annotated": str(render_nodes(view.nodes, view.findings)),
        "findings": render_template("check/_findings.html", form=draft, view=view),
        "report": view.script_data(),
    }


@bp.get("/check")
def check_without_text() -> Any:
    # A bookmarked or reloaded result page: the form is where the text goes.
    return redirect(url_for("check.index"))
