"""JUnit XML for GitLab and Jenkins test reports: a test case per file, failed when the gate fails
it, with every finding of the file in its one failure (or, when it passes, in its system-out).
Only the elements and attributes Jenkins' junit-10.xsd accepts, which GitLab reads too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.filters.gate import DEFAULT_GATE, Gate
from checker.outputs.text_lines import format_issue
from checker.records import Report

# Characters XML 1.0 cannot hold, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SUITE = "wirecheck"


def xml_safe(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _file_case(path: str, report: Report, gate: Gate) -> ET.Element:
    case = ET.Element("testcase", {"classname": SUITE, "name": xml_safe(path)})
    listed = xml_safe("\n".join(format_issue(path, issue) for issue in report.issues))
    blocking = gate.blocking(report.issues)
    if blocking:
        # One failure per case: Jenkins and the common GitHub actions show only a case's first.
        reason = f"{len(blocking)} of {len(report.issues)} findings are {gate.fail_on} or worse"
        failure = ET.SubElement(case, "failure", {"type": f"fail_on {gate.fail_on}", "message": reason})
        failure.text = listed
    elif report.issues:
        ET.SubElement(case, "system-out").text = listed
    return case


def _limit_case(results: Sequence[tuple[str, Report]], gate: Gate) -> ET.Element:
    """The run's count against `max_issues`, which no single file's case can show."""
    case = ET.Element("testcase", {"classname": SUITE, "name": "max_issues"})
    count = sum(len(report.issues) for _, report in results)
    if gate.too_many(count):
        reason = f"{count} findings, more than the {gate.max_issues} allowed"
        ET.SubElement(case, "failure", {"type": "max_issues", "message": reason})
    return case


def format_junit(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    cases = [_file_case(path, report, gate) for path, report in results]
    if gate.max_issues is not None and gate.fail_on != "never":
        cases.append(_limit_case(results, gate))
    failed = sum(case.find("failure") is not None for case in cases)
    counts = {"tests": str(len(cases)), "failures": str(failed), "errors": "0"}
    suites = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": SUITE, **counts})
    suite.extend(cases)
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
