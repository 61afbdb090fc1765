"""What a check request asks for, read from the HTML form (pasted or uploaded) or from JSON, and
the check itself.

Line endings: browsers send a textarea's line ends as CRLF (the HTML form encoding), while the
textarea itself and the rendered page hold LF. Drafts from the form, uploaded files included,
are therefore checked with line ends normalised to LF, so offsets, the annotated text and the
editor's textarea agree (a browser cannot hold a CR in either). The JSON API checks the text
exactly as sent.

Defaults, the same for the form and the API: the format is detected from the content (and the
file name), the language variant comes from the document's own tag (NITF, NewsML-G2, ninjs,
HTML), else de-DE, so pasted plain text is checked as de-DE; the house rules of the app's profile
are on.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import current_app
from werkzeug.datastructures import FileStorage, MultiDict

from checker.errors import InvalidRequest, TextTooLong
from checker.filters.fixes import FixPlan, plan
from checker.filters.gate import FAIL_LEVELS, Gate
from checker.filters.suppression import without_suppressed
from checker.formats import FORMAT_TABLE, FORMATS
from checker.formats.files import LATIN_1, WINDOWS_1252, read_bytes
from checker.formats.office import DOCX, ODT
from checker.house import Profile
from checker.options import AUTO, LANGUAGES, CheckOptions
from checker.pipeline import check
from checker.records import Report
from checker.web.json_input import known_object, refuse_lone_surrogates
from checker.web.openapi import CHECK_REQUEST
from checker.web.resources import admission, checking_profile, get_engine

LANGUAGE_NAMES = {"de-DE": "Deutschland", "de-AT": "Österreich", "de-CH": "Schweiz"}
FORMAT_NAMES = {row.name: row.label for row in FORMAT_TABLE}
# Formats whose source is markup rather than prose: the page shows them in a fixed-width font.
MARKUP_FORMATS = frozenset(row.name for row in FORMAT_TABLE if row.markup)
_TRUE_WORDS = frozenset({"1", "on", "true", "yes", "ja"})
_LONGEST_FILENAME = 200
# The single-byte encodings checker.formats.files reads a text file in that is not UTF-8.
READ_ENCODINGS = (WINDOWS_1252, LATIN_1)
_LONGEST_NAME = 100
_MOST_NAMES = 500
_T = TypeVar("_T")


def german_number(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def upload_name(filename: str) -> str:
    """The file's own name, without any folders a browser may send along."""
    return filename.replace("\\", "/").rsplit("/", 1)[-1][:_LONGEST_FILENAME] or "Datei"


def _is_true(value: str) -> bool:
    return value.strip().lower() in _TRUE_WORDS


def _json_field(data: dict[str, Any], name: str, kind: type[_T], default: _T) -> _T:
    value = data.get(name, default)
    if not isinstance(value, kind):
        expected = "true oder false" if kind is bool else "eine Zeichenkette"
        raise InvalidRequest(f"Das Feld „{name}“ muss {expected} sein.")
    return value


@dataclass(frozen=True)
class CheckRequest:
    text: str
    language: str = AUTO
    picky: bool = False
    format: str = AUTO
    house: bool = True
    # The learned layer; None: as the profile says.
    model: bool | None = None
    filename: str | None = None
    # Names the editor accepted for this session: not reported as unknown.
    names: tuple[str, ...] = ()
    # How an uploaded file was read: the single-byte encoding of a text file not in UTF-8, the
    # kind of an office file (DOCX, ODT) and which of its paragraphs are headings; the form sends
    # them back with every re-check, so that the corrected text can be downloaded as that kind.
    encoding: str | None = None
    office: str | None = None
    headings: tuple[int, ...] = ()
    # The text the editor had typed when a file replaced it, kept to be put back.
    set_aside: str = ""
    # The API's gate: when the answer says "passed": false.
    gate: Gate = dataclasses.field(default_factory=Gate)

    @classmethod
    def from_form(cls, form: MultiDict[str, str]) -> CheckRequest:
        """The draft as the editor sees it; never raises, so an error page can show it again."""
        # The form sends house=0 from a hidden field, then house=1 from the checkbox when ticked.
        house = form.getlist("house")
        model = form.getlist("model")
        # The form's select, and the button that asks for a German variant where one was pressed:
        # a variant named wins over "auto".
        language = [value for value in form.getlist("language") if value != AUTO] or [AUTO]
        return cls(
            text=normalise_line_ends(form.get("text", "")),
            language=language[-1],
            picky=_is_true(form.get("picky", "")),
            format=form.get("format", AUTO),
            house=_is_true(house[-1]) if house else True,
            model=_is_true(model[-1]) if model else None,
            names=_names(form.get("names", "").split("\n")),
            filename=upload_name(form["filename"]) if form.get("filename", "").strip() else None,
            encoding=form.get("encoding") if form.get("encoding") in READ_ENCODINGS else None,
            office=form.get("office") if form.get("office") in (DOCX, ODT) else None,
            headings=_headings(form.get("headings", "")),
            set_aside=normalise_line_ends(form.get("set_aside", "")),
        )

    def with_upload(self, upload: FileStorage) -> CheckRequest:
        """The request with the uploaded file's text in place of the pasted one, which is set
        aside (a typed draft is never lost to a file).

        Raises InputError, naming the file and the byte, when the file cannot be read
        (checker.formats.files.read_bytes).
        """
        name = upload_name(upload.filename or "")
        source = read_bytes(upload.read(), name)
        text = normalise_line_ends(source.text)
        if not text.strip():
            raise InvalidRequest(f"Die Datei „{name}“ ist leer.")
        typed = self.text if self.text.strip() and self.text != text else self.set_aside
        return dataclasses.replace(
            self,
            text=text,
            filename=name,
            encoding=source.encoding,
            office=source.office_kind,
            headings=tuple(sorted(source.office.headings)) if source.office else (),
            set_aside=typed,
        )

    @classmethod
    def from_json(cls, data: Any) -> CheckRequest:
        data = known_object(data, CHECK_REQUEST["properties"], '{"text": "…", "language": "de-DE"}')
        if "text" not in data:
            raise InvalidRequest("Das Feld „text“ fehlt.")
        for name, value in data.items():
            if name != "text":  # the text's own limits (checker.text.limits) name the place
                refuse_lone_surrogates(f"Das Feld „{name}“", value)
        filename = data.get("filename")
        if filename is not None and not isinstance(filename, str):
            raise InvalidRequest("Das Feld „filename“ muss eine Zeichenkette oder null sein.")
        model = data.get("model")
        if model is not None and not isinstance(model, bool):
            raise InvalidRequest("Das Feld „model“ muss true, false oder null sein.")
        return cls(
            text=_json_field(data, "text", str, ""),
            language=_json_field(data, "language", str, AUTO),
            picky=_json_field(data, "picky", bool, False),
            format=_json_field(data, "format", str, AUTO),
            house=_json_field(data, "house", bool, True),
            model=model,
            filename=filename or None,
            names=_names(_json_names(data.get("names", []))),
            gate=_json_gate(data),
        )

    def validate(self) -> None:
        """Raises for a request we will not send to LanguageTool."""
        if self.language != AUTO and self.language not in LANGUAGES:
            raise InvalidRequest(
                f"Unbekannte Sprachvariante „{self.language}“. Möglich sind: {AUTO}, {', '.join(LANGUAGES)}."
            )
        if self.format != AUTO and self.format not in FORMATS:
            raise InvalidRequest(f"Unbekanntes Format „{self.format}“. Möglich sind: {AUTO}, {', '.join(FORMATS)}.")
        limit = int(current_app.config["MAX_TEXT_LENGTH"])
        if len(self.text) > limit:
            what = f"Die Datei „{self.filename}“ ist" if self.filename else "Der Text ist"
            raise TextTooLong(
                f"{what} zu lang: {german_number(len(self.text))} Zeichen, "
                f"höchstens {german_number(limit)} sind möglich. Bitte kürzen oder in Teilen prüfen."
            )


def _headings(value: str) -> tuple[int, ...]:
    """The heading positions the form sends back ("0,4"), without anything that is not one."""
    return tuple(int(part) for part in value.split(",") if part.strip().isdigit() and len(part.strip()) < 6)


def _json_gate(data: dict[str, Any]) -> Gate:
    fail_on = data.get("fail_on", Gate.fail_on)
    if fail_on not in FAIL_LEVELS:
        raise InvalidRequest(f"Das Feld „fail_on“ muss eines von {', '.join(FAIL_LEVELS)} sein.")
    max_issues = data.get("max_issues")
    if max_issues is not None and (isinstance(max_issues, bool) or not isinstance(max_issues, int) or max_issues < 0):
        raise InvalidRequest("Das Feld „max_issues“ muss eine ganze Zahl ab 0 oder null sein.")
    return Gate(fail_on, max_issues)


def _json_names(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise InvalidRequest("Das Feld „names“ muss eine Liste von Zeichenketten sein.")
    return value


def _names(values: list[str]) -> tuple[str, ...]:
    """Accepted names, trimmed, without empty or overlong ones and without repeats."""
    names = (value.strip() for value in values)
    return tuple(dict.fromkeys(name for name in names if 0 < len(name) <= _LONGEST_NAME))[:_MOST_NAMES]


def _profile_for(request: CheckRequest) -> Profile | None:
    return checking_profile().with_names("session", request.names) if request.house else None


def report_for(request: CheckRequest) -> Report:
    """The checked request, with the app's engine and, unless switched off, its house profile,
    without the findings its suppression comments switch off (checker.filters.suppression)."""
    request.validate()
    options = CheckOptions(
        language=None if request.language == AUTO else request.language,
        format=None if request.format == AUTO else request.format,
        picky=request.picky,
        model=request.model,
    )
    with admission().slot():
        report = check(request.text, options, engine=get_engine(), profile=_profile_for(request), path=request.filename)
    return without_suppressed(report)


def fix_plan_for(request: CheckRequest, report: Report) -> FixPlan:
    """The fixes "apply all" may take over on the result page, verified by a second check of
    the fixed text with the same language, format and rules."""
    options = CheckOptions(language=report.language, format=report.format, picky=request.picky, model=request.model)
    profile = _profile_for(request)
    engine = get_engine()

    def recheck(text: str) -> Report:
        return without_suppressed(check(text, options, engine=engine, profile=profile, path=request.filename))

    with admission().slot():
        return plan(report, recheck)
