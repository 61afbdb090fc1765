"""One article in every input format: the same findings, each at the file's own position."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check

pytestmark = pytest.mark.engine

FORMATS_DIR = Path(__file__).resolve().parent / "files"

HEADLINE = "Außenminister beraten über Hilfe für die Region"
DATELINE = "Genf, 12. Mai, (dpa) – "
BODY = [
    "Die Außenminister der beiden Ländern haben am Dienstag in Genf über mehr Hilfe beraten. "
    "Araghtschi sprach nach dem Treffen auf einer Presskonferenz von einem guten Anfang.",
    "Später sagte Araghchi, man wolle die Gespräche im Juni fortsetzen. Das ist ein Fehlerr.",
]


def as_text() -> str:
    return f"{HEADLINE}\n\n{DATELINE}{BODY[0]}\n\n{BODY[1]}\n"


def as_html() -> str:
    paragraphs = [DATELINE + BODY[0], BODY[1]]
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    head = '<!DOCTYPE html>\n<html lang="de"><head><title>x</title></head><body>\n'
    return f"{head}<h1>{HEADLINE}</h1>\n{body}\n</body></html>\n"


def as_markdown() -> str:
    return f"# {HEADLINE}\n\n{DATELINE}{BODY[0]}\n\n{BODY[1]}\n"


def _xml(text: str) -> str:
    return html.escape(text, quote=False)


def as_nitf() -> str:
    paragraphs = "\n".join(f"      <p>{_xml(p)}</p>" for p in [DATELINE + BODY[0], BODY[1]])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<nitf baselang="de-DE">\n'
        "  <head><title>nicht geprüft: Fehlerr</title></head>\n  <body>\n"
        f"    <body.head><hedline><hl1>{_xml(HEADLINE)}</hl1></hedline></body.head>\n"
        f"    <body.content>\n{paragraphs}\n    </body.content>\n  </body>\n</nitf>\n"
    )


def as_newsml() -> str:
    paragraphs = "".join(f"<p>{_xml(p)}</p>\n" for p in [DATELINE + BODY[0], BODY[1]])
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1" '
        'standard="NewsML-G2" standardversion="2.33" xml:lang="de">\n'
        '  <itemMeta><itemClass qcode="ninat:text"/><edNote>Fehlerr</edNote></itemMeta>\n'
        f"  <contentMeta><headline>{_xml(HEADLINE)}</headline></contentMeta>\n"
        '  <contentSet><inlineXML contenttype="application/xhtml+xml">'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body>\n{paragraphs}</body></html>'
        "</inlineXML></contentSet>\n</newsItem>\n"
    )


def as_ninjs(version: int) -> str:
    body_text = f"{DATELINE}{BODY[0]}\n\n{BODY[1]}"
    if version == 1:
        document: dict[str, object] = {"uri": "urn:x:1", "language": "de", "headline": HEADLINE, "body_text": body_text}
    else:
        key = "contentType" if version == 3 else "contenttype"
        document = {
            "uri": "urn:x:1",
            "language": "de",
            "headlines": [{"value": HEADLINE}],
            "bodies": [{key: "text/plain", "value": body_text}],
        }
    return json.dumps(document, ensure_ascii=version != 2, indent=2) + "\n"


RENDERINGS = {
    "text": as_text,
    "html": as_html,
    "markdown": as_markdown,
    "nitf": as_nitf,
    "newsml": as_newsml,
    "ninjs1": lambda: as_ninjs(1),
    "ninjs2": lambda: as_ninjs(2),
    "ninjs3": lambda: as_ninjs(3),
}


def _decoded(text: str, fmt: str) -> str:
    if fmt.startswith("ninjs"):
        return json.loads(f'"{text}"')
    return html.unescape(text) if fmt != "text" else text


@pytest.fixture(scope="module")
def reports(engine: LanguageToolClient) -> dict[str, object]:
    profile = load_profile()
    return {
        name: check(render(), CheckOptions(format=None, language="de-DE"), profile=profile, engine=engine)
        for name, render in RENDERINGS.items()
    }


def test_every_format_is_detected(reports: dict[str, object]) -> None:
    detected = {name: report.format for name, report in reports.items()}  # type: ignore[attr-defined]
    assert detected == {
        "text": "text", "html": "html", "markdown": "markdown", "nitf": "nitf", "newsml": "newsml",
        "ninjs1": "ninjs", "ninjs2": "ninjs", "ninjs3": "ninjs",
    }  # fmt: skip


def test_same_findings_in_every_format(reports: dict[str, object]) -> None:
    def signature(name: str) -> list[tuple[str, str]]:
        report = reports[name]
        return sorted((issue.rule, _decoded(issue.text, name)) for issue in report.issues)  # type: ignore[attr-defined]

    plain = signature("text")
    rules = {rule for rule, _ in plain}
    assert {"HOUSE_DATELINE", "HOUSE_NAME_VARIANT", "GERMAN_SPELLER_RULE"} <= rules
    for name in RENDERINGS:
        assert signature(name) == plain, name


def test_findings_point_into_the_file(reports: dict[str, object]) -> None:
    for name, render in RENDERINGS.items():
        source = render()
        report = reports[name]
        lines = source.split("\n")
        for issue in report.issues:  # type: ignore[attr-defined]
            assert source[issue.offset : issue.offset + issue.length] == issue.text
            assert lines[issue.line - 1][issue.column - 1 :].startswith(issue.text.split("\n")[0])
        typo = next(issue for issue in report.issues if _decoded(issue.text, name) == "Fehlerr")  # type: ignore[attr-defined]
        assert source.count("Fehlerr") >= 1 and typo.text == "Fehlerr"


def test_unchecked_markup_stays_quiet(reports: dict[str, object]) -> None:
    # "Fehlerr" also stands in the NITF head and the NewsML editorial note; only the body's counts
    for name in ("nitf", "newsml"):
        typos = [issue for issue in reports[name].issues if issue.text == "Fehlerr"]  # type: ignore[attr-defined]
        assert len(typos) == 1


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml", "parameter_entity.xml"])
def test_unsafe_xml_is_refused_before_the_engine(name: str, engine: LanguageToolClient) -> None:
    path = FORMATS_DIR / "unsafe" / name
    with pytest.raises(InputError) as refused:
        check(path.read_text(encoding="utf-8"), CheckOptions(format=None), path=str(path), engine=engine)
    assert str(path) in refused.value.message


def test_document_language_picks_the_variant(engine: LanguageToolClient) -> None:
    swiss = as_ninjs(3).replace('"language": "de"', '"language": "de-CH"')
    assert check(swiss, CheckOptions(format=None), engine=engine).language == "de-CH"
    english = as_ninjs(3).replace('"language": "de"', '"language": "en"')
    with pytest.raises(Exception, match="only German"):
        check(english, CheckOptions(format=None), engine=engine)
