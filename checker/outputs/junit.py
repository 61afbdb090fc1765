"""JUnit XML for GitLab and Jenkins test reports: a test case per file, a failure per finding."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.outputs.text_lines import format_issue
from checker.records import Report

# Characters XML 1.0 cannot hold, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def format_junit(results: Sequence[tuple[str, Report]]) -> str:
    failures = sum(len(report.issues) for _, report in results)
    counts = {"tests": str(len(results)), "failures": str(failures), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "wirecheck", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "wirecheck", **counts})
    for path, report in results:
        name = xml_safe(path)
        case = ET.SubElement(suite, "testcase", {"classname": "wirecheck", "name": name, "file": name})
        for issue in report.issues:
            failure = ET.SubElement(
                case,
                "failure",
                {"type": issue.rule, "message": xml_safe(f"{issue.line}:{issue.column}: {issue.message}")},
            )
            failure.text = xml_safe(format_issue(path, issue))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
