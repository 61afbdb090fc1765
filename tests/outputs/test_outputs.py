"""Every output format from the same Report: the example article through the real engine, and
hand-made reports for the corners (escaping, emoji columns, findings across lines)."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from lxml import etree

from checker.filters.gate import Gate
from checker.formats.files import read_path
from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.outputs import OUTPUTS
from checker.outputs.github import escape_data
from checker.pipeline import check
from checker.records import Category, Issue, Report
from checker.text.offsets import LineIndex
from tests.conftest import SEED_ARTICLE

SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"
# Jenkins' JUnit schema (jenkinsci/xunit-plugin, junit-10.xsd, MIT licence in the file).
JUNIT_SCHEMA = Path(__file__).parent / "junit-10.xsd"
# A workflow command as the Actions runner parses it: ::name key=value,key=value::message, where
# values hold no raw `,` `:` CR or LF and the message no raw CR or LF.
PROPERTY = r"[A-Za-z]+=[^,:\r\n]*"
WORKFLOW_COMMAND = re.compile(rf"::(error|warning|notice) ({PROPERTY}(?:,{PROPERTY})*)::([^\r\n]*)")


def unescape(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


@cache
def sarif_validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


def assert_valid_sarif(output: str) -> dict[str, Any]:
    document = json.loads(output)
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in sarif_validator().iter_errors(document)]
    assert not errors, errors
    return document


@cache
def junit_schema() -> Any:
    return etree.XMLSchema(etree.parse(str(JUNIT_SCHEMA)))


def assert_valid_junit(output: str) -> str:
    schema = junit_schema()
    valid = schema.validate(etree.fromstring(output.encode("utf-8")))
    assert valid, [str(error) for error in schema.error_log]
    return output


def issue_at(text: str, flagged: str, rule: str, severity: str, replacements: tuple[str, ...] = ()) -> Issue:
    offset = text.index(flagged)
    line, column = LineIndex(text).position(offset)
    return Issue(
        offset=offset,
        length=len(flagged),
        line=line,
        column=column,
        text=flagged,
        rule=rule,
        rule_description=f"Beschreibung von {rule}",
        category=Category("TEST", "Test"),
        type="grammar",
        severity=severity,  # type: ignore[arg-type]
        message=f"Meldung 100% mit: Doppelpunkt, Komma\nund Zeilenumbruch zu {rule}",
        replacements=replacements,
    )


TRICKY_TEXT = "Ein 😀 Fehlerr steht hier.\r\nZweite Zeile mit Umbruch\nim Fund.\n"
TRICKY = Report(
    text=TRICKY_TEXT,
    language="de-DE",
    issues=(
        issue_at(TRICKY_TEXT, "Fehlerr", "GERMAN_SPELLER_RULE", "error", ("Fehler", "Fehlern")),
        issue_at(TRICKY_TEXT, "Umbruch\nim", "TEST_ACROSS_LINES", "warning"),
        issue_at(TRICKY_TEXT, "Fund", "TEST_NOTE[2]", "info", ("",)),
    ),
)
TRICKY_PATH = "artikel, neu:1.md"


@pytest.fixture(scope="module")
def seed_report(engine: LanguageToolClient) -> Report:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    return check(text, engine=engine, profile=load_profile(), path=str(SEED_ARTICLE))


@pytest.mark.engine
@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_every_format_reports_every_finding_of_the_example_article(seed_report: Report, name: str) -> None:
    output = OUTPUTS[name]([("tests/data/seed-irna.txt", seed_report)])
    count = len(seed_report.issues)
    assert count > 10
    if name == "sarif":
        assert len(assert_valid_sarif(output)["runs"][0]["results"]) == count
    elif name == "junit":
        assert_valid_junit(output)
        (failure,) = ET.fromstring(output).findall(".//failure")  # the file fails the default gate
        assert failure.text is not None and failure.text.count("tests/data/seed-irna.txt:") == count
    elif name == "checkstyle":
        assert len(ET.fromstring(output).findall(".//error")) == count
    elif name == "github":
        lines = output.splitlines()
        assert len(lines) == count and all(WORKFLOW_COMMAND.fullmatch(line) for line in lines), lines
    elif name == "rdjson":
        assert len(json.loads(output)["diagnostics"]) == count
    elif name == "json":
        assert len(json.loads(output)["files"][0]["issues"]) == count
    else:
        assert output.count("tests/data/seed-irna.txt:") == count


def test_github_commands_escape_messages_and_properties() -> None:
    lines = OUTPUTS["github"]([(TRICKY_PATH, TRICKY)]).splitlines()
    assert len(lines) == 3
    parsed = [WORKFLOW_COMMAND.fullmatch(line) for line in lines]
    assert all(parsed), lines
    first = parsed[0]
    assert first is not None
    properties = dict(item.split("=", 1) for item in first.group(2).split(","))
    assert unescape(properties["file"]) == TRICKY_PATH
    where = [properties[name] for name in ("line", "col", "endLine", "endColumn")]
    assert where == ["1", "7", "1", "13"]
    assert properties["title"] == "GERMAN_SPELLER_RULE"
    assert unescape(first.group(3)) == TRICKY.issues[0].message + " (Fehlerr -> Fehler)"
    # severities: error, warning, notice; a finding across lines is annotated on its first line
    assert [match.group(1) for match in parsed if match] == ["error", "warning", "notice"]
    assert "line=2,col=18,endLine=2,endColumn=24," in lines[1]
    assert escape_data("50%\r\n") == "50%25%0D%0A"


def test_sarif_counts_columns_in_utf16_units_and_validates() -> None:
    document = assert_valid_sarif(OUTPUTS["sarif"]([(TRICKY_PATH, TRICKY)]))
    run = document["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    speller, across, note = run["results"]
    # "Ein 😀 " is 6 code points but 7 UTF-16 units: Fehlerr starts at column 8.
    region = speller["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 15}
    location = {"uri": "artikel%2C%20neu%3A1.md", "uriBaseId": "%SRCROOT%"}
    assert speller["locations"][0]["physicalLocation"]["artifactLocation"] == location
    assert [fix["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for fix in speller["fixes"]] == [
        "Fehler",
        "Fehlern",
    ]
    assert across["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 18,
        "endLine": 3,
        "endColumn": 3,
    }
    assert (speller["level"], across["level"], note["level"]) == ("error", "warning", "note")
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["GERMAN_SPELLER_RULE", "TEST_ACROSS_LINES", "TEST_NOTE[2]"]
    assert all(rule["help"]["text"] and rule["name"] for rule in rules)
    assert [result["ruleIndex"] for result in run["results"]] == [0, 1, 2]
    # the baseline's fingerprint, which does not change when lines move
    fingerprints = {result["partialFingerprints"]["wirecheckFingerprint/v1"] for result in run["results"]}
    assert len(fingerprints) == 3


def artifact_locations(document: dict[str, Any]) -> list[dict[str, str]]:
    """The file of each result, checked to be the file its fixes name too."""
    found = []
    for result in document["runs"][0]["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert all(fix["artifactChanges"][0]["artifactLocation"] == location for fix in result.get("fixes", []))
        found.append(location)
    return found


def test_sarif_names_files_relative_to_the_repository_top(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "newsroom"
    (repo / "artikel").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    monkeypatch.chdir(repo / "artikel")  # include globs found from a subfolder give absolute paths
    outside = tmp_path / "draußen.md"
    paths = [str(repo / "wire" / "meldung.xml"), "../artikel/neu, 1.md", "eins.md", str(outside), "<stdin>"]
    document = assert_valid_sarif(OUTPUTS["sarif"]([(path, TRICKY) for path in paths]))
    assert document["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": repo.as_uri() + "/"}}
    assert artifact_locations(document)[::3] == [
        {"uri": "wire/meldung.xml", "uriBaseId": "%SRCROOT%"},
        {"uri": "artikel/neu%2C%201.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "artikel/eins.md", "uriBaseId": "%SRCROOT%"},
        {"uri": outside.as_uri()},  # outside the repository: absolute
        {"uri": "%3Cstdin%3E"},
    ]


def test_sarif_without_a_repository_names_files_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "arbeit").mkdir()
    monkeypatch.chdir(tmp_path / "arbeit")
    document = assert_valid_sarif(OUTPUTS["sarif"]([("a.md", TRICKY), (str(tmp_path / "b.md"), TRICKY)]))
    assert document["runs"][0]["originalUriBaseIds"] == {"%SRCROOT%": {"uri": (tmp_path / "arbeit").as_uri() + "/"}}
    assert artifact_locations(document)[::3] == [
        {"uri": "a.md", "uriBaseId": "%SRCROOT%"},
        {"uri": (tmp_path / "b.md").as_uri()},
    ]


def test_rdjson_counts_columns_in_utf8_bytes() -> None:
    document = json.loads(OUTPUTS["rdjson"]([(TRICKY_PATH, TRICKY)]))
    speller, across, note = document["diagnostics"]
    # "Ein 😀 " is 9 bytes in UTF-8: Fehlerr starts at column 10, ends (exclusive) at 17.
    assert speller["location"]["range"] == {"start": {"line": 1, "column": 10}, "end": {"line": 1, "column": 17}}
    assert speller["suggestions"] == [{"range": speller["location"]["range"], "text": "Fehler"}]
    assert speller["severity"] == "ERROR" and speller["code"] == {"value": "GERMAN_SPELLER_RULE"}
    assert across["location"]["range"]["end"] == {"line": 3, "column": 3}
    assert "suggestions" not in across
    assert note["severity"] == "INFO" and note["suggestions"][0]["text"] == ""


NOTES_TEXT = "Eine Notiz hier.\n"
NOTES = Report(text=NOTES_TEXT, language="de-DE", issues=(issue_at(NOTES_TEXT, "Notiz", "TEST_NOTE", "info"),))
JUNIT_RESULTS = [(TRICKY_PATH, TRICKY), ("sauber.txt", Report(text="Gut.", language="de-DE")), ("notiz.md", NOTES)]


def test_rdjson_byte_columns_count_a_byte_order_mark_on_line_one(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbfEin Fehlerr.\nZwei Fehlerr.\n")
    text = read_path(str(path)).text  # read as the command line reads it: without the BOM
    assert not text.startswith("\ufeff")
    report = Report(
        text=text,
        language="de-DE",
        issues=(
            issue_at(text, "Fehlerr", "SPELL", "error", ("Fehler",)),
            issue_at(text, "Zwei Fehlerr", "SPELL", "error"),
        ),
    )
    first, second = json.loads(OUTPUTS["rdjson"]([(str(path), report)]))["diagnostics"]
    # "Ein " is 4 bytes after the BOM's 3: Fehlerr is bytes 8 to 14 of line 1
    assert first["location"]["range"] == {"start": {"line": 1, "column": 8}, "end": {"line": 1, "column": 15}}
    assert first["suggestions"][0]["range"] == first["location"]["range"]
    assert second["location"]["range"]["start"] == {"line": 2, "column": 1}
    # a text that holds its BOM (as sent to the API) counts it once
    held = Report(
        text="\ufeff" + text, language="de-DE", issues=(issue_at("\ufeff" + text, "Fehlerr", "SPELL", "error"),)
    )
    (diagnostic,) = json.loads(OUTPUTS["rdjson"]([(str(path), held)]))["diagnostics"]
    assert diagnostic["location"]["range"]["start"] == {"line": 1, "column": 8}


def test_junit_has_one_case_per_file_failed_only_by_the_gate() -> None:
    junit = ET.fromstring(assert_valid_junit(OUTPUTS["junit"](JUNIT_RESULTS)))
    suite = junit.find("testsuite")
    assert suite is not None
    # tests and failures count the same things: files, and files the gate fails
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "0")
    assert (junit.get("tests"), junit.get("failures"), junit.get("errors")) == ("3", "1", "0")
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [TRICKY_PATH, "sauber.txt", "notiz.md"]
    assert [len(case.findall("failure")) for case in cases] == [1, 0, 0]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("message") == "1 of 3 findings are error or worse"
    # every finding of the file in its one failure, the ones below the gate too
    assert failure.text is not None
    assert [line.split(": ")[1] for line in failure.text.splitlines()] == ["error", "warning", "info"]
    assert failure.text.startswith(f"{TRICKY_PATH}:1:7: error: ")
    # a note passes the default gate; it is kept in the case's output
    notes_out = cases[2].find("system-out")
    assert notes_out is not None and notes_out.text is not None and "[TEST_NOTE]" in notes_out.text


def test_junit_follows_the_gate_and_shows_the_limit_as_a_case_of_its_own() -> None:
    def failed(output: str) -> list[str | None]:
        return [case.get("name") for case in ET.fromstring(output).iter("testcase") if case.find("failure") is not None]

    assert failed(assert_valid_junit(OUTPUTS["junit"](JUNIT_RESULTS, gate=Gate("info")))) == [TRICKY_PATH, "notiz.md"]
    assert failed(assert_valid_junit(OUTPUTS["junit"](JUNIT_RESULTS, gate=Gate("never", 0)))) == []
    limited = assert_valid_junit(OUTPUTS["junit"](JUNIT_RESULTS, gate=Gate("error", 3)))
    assert failed(limited) == [TRICKY_PATH, "max_issues"]
    limit = ET.fromstring(limited).find(".//testcase[@name='max_issues']/failure")
    assert limit is not None and limit.get("message") == "4 findings, more than the 3 allowed"
    assert failed(OUTPUTS["junit"](JUNIT_RESULTS, gate=Gate("error", 4))) == [TRICKY_PATH]


def test_junit_uses_only_the_attributes_the_common_schemas_accept() -> None:
    junit = ET.fromstring(OUTPUTS["junit"](JUNIT_RESULTS, gate=Gate("error", 3)))
    allowed = {
        "testsuites": {"name", "tests", "failures", "errors", "time"},
        "testsuite": {"name", "tests", "failures", "errors", "time", "skipped", "timestamp", "hostname", "id"},
        "testcase": {"name", "classname", "time"},
        "failure": {"type", "message"},
        "system-out": set(),
    }
    for element in junit.iter():
        assert set(element.attrib) <= allowed[element.tag], (element.tag, element.attrib)


def test_checkstyle_parses_and_holds_every_finding() -> None:
    results = [(TRICKY_PATH, TRICKY), ("sauber.txt", Report(text="Gut.", language="de-DE"))]
    checkstyle = ET.fromstring(OUTPUTS["checkstyle"](results))
    files = checkstyle.findall("file")
    assert [file.get("name") for file in files] == [TRICKY_PATH, "sauber.txt"]
    errors = files[0].findall("error")
    assert [(e.get("line"), e.get("column"), e.get("severity")) for e in errors] == [
        ("1", "7", "error"),
        ("2", "18", "warning"),
        ("3", "4", "info"),
    ]
    assert errors[0].get("source") == "wirecheck.GERMAN_SPELLER_RULE"


def test_xml_outputs_survive_characters_xml_cannot_hold() -> None:
    text = "Steuerzeichen \x0b hier."
    report = Report(text=text, language="de-DE", issues=(issue_at(text, "\x0b", "TEST_CONTROL", "warning"),))
    assert_valid_junit(OUTPUTS["junit"]([("a.txt", report)]))
    ET.fromstring(OUTPUTS["checkstyle"]([("a.txt", report)]))


def test_text_summary_counts_by_severity_and_rule() -> None:
    lines = OUTPUTS["text"]([(TRICKY_PATH, TRICKY)]).splitlines()
    assert lines[3] == "1 file checked: 3 findings (1 error, 1 warning, 1 info)"
    assert [line.split() for line in lines[4:]] == [
        ["1", "error", "GERMAN_SPELLER_RULE"],
        ["1", "warning", "TEST_ACROSS_LINES"],
        ["1", "info", "TEST_NOTE"],
    ]
