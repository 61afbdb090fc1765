"""Every output format from the same Report: the example article through the real engine, and
hand-made reports for the corners (escaping, emoji columns, findings across lines)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.outputs import OUTPUTS
from checker.outputs.github import escape_data
from checker.pipeline import check
from checker.records import Category, Issue, Report
from checker.text.offsets import LineIndex
from tests.conftest import SEED_ARTICLE

SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"
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
    elif name in ("junit", "checkstyle"):
        root = ET.fromstring(output)
        assert len(root.findall(".//failure" if name == "junit" else ".//error")) == count
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
    assert speller["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "artikel%2C%20neu%3A1.md"
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


def test_junit_and_checkstyle_parse_and_hold_every_finding() -> None:
    clean = Report(text="Gut.", language="de-DE")
    results = [(TRICKY_PATH, TRICKY), ("sauber.txt", clean)]
    junit = ET.fromstring(OUTPUTS["junit"](results))
    suite = junit.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "3"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [TRICKY_PATH, "sauber.txt"]
    assert [len(case.findall("failure")) for case in cases] == [3, 0]
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "GERMAN_SPELLER_RULE"
    assert failure.text is not None and failure.text.startswith(f"{TRICKY_PATH}:1:7: error: ")
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
    for name in ("junit", "checkstyle"):
        ET.fromstring(OUTPUTS[name]([("a.txt", report)]))


def test_text_summary_counts_by_severity_and_rule() -> None:
    lines = OUTPUTS["text"]([(TRICKY_PATH, TRICKY)]).splitlines()
    assert lines[3] == "1 file checked: 3 findings (1 error, 1 warning, 1 info)"
    assert [line.split() for line in lines[4:]] == [
        ["1", "error", "GERMAN_SPELLER_RULE"],
        ["1", "warning", "TEST_ACROSS_LINES"],
        ["1", "info", "TEST_NOTE"],
    ]
