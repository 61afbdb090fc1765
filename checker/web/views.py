"""The editors' pages: the form (`GET /`), the annotated result (`POST /check`) of a pasted
text or an uploaded file, and the corrected text as a file (`POST /download`); the same check
request asking for JSON is the result page's re-check of the text being edited in place."""

from __future__ import annotations

import io
from typing import Any

from flask import (
    Blueprint,
    Flask,
    g,
    get_template_attribute,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)

from checker.errors import InvalidRequest
from checker.formats.office import DOCX, write_office
from checker.web.check_request import CheckRequest, fix_plan_for, report_for
from checker.web.error_handlers import is_live_check
from checker.web.presentation import ReportView
from checker.web.resources import names_state

bp = Blueprint("check", __name__)

_OFFICE_TYPES = {
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}


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


@bp.post("/download")
def download() -> Any:
    """The form's text as a file named after the uploaded one: an office file of its kind, else
    the text in UTF-8."""
    draft = CheckRequest.from_form(request.form)
    g.check_request = draft
    if not draft.text.strip():
        raise InvalidRequest("Das Feld ist leer: Es gibt nichts herunterzuladen.")
    if draft.office is not None:
        data = write_office(draft.text, draft.office, frozenset(draft.headings))
        mimetype = _OFFICE_TYPES[draft.office]
    else:
        data, mimetype = draft.text.encode("utf-8"), "text/plain; charset=utf-8"
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=download_name(draft))


def download_name(draft: CheckRequest) -> str:
    """ "meldung.docx" -> "meldung-korrigiert.docx"; pasted text: "text-korrigiert.txt"."""
    name = draft.filename or "text.txt"
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem:
        stem, extension = name, "txt"
    if draft.office is not None:
        extension = draft.office
    return f"{stem}-korrigiert.{extension}"


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.add_template_global(download_name, "download_name")
