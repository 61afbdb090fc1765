"""Checkstyle XML, which many CI servers and code review tools read: a file element per file,
an error element per finding."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from checker.filters.gate import DEFAULT_GATE, Gate
from checker.outputs.junit import xml_safe
from checker.records import Report

# Checkstyle's own severities are error, warning, info and ignore.
CHECKSTYLE_SEVERITIES = {"error": "error", "warning": "warning", "info": "info"}


def format_checkstyle(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    root = ET.Element("checkstyle", {"version": "4.3"})
    for path, report in results:
        file = ET.SubElement(root, "file", {"name": xml_safe(path)})
        for issue in report.issues:
            fix = f" ({issue.text} -> {issue.replacements[0]})" if issue.replacements else ""
            attributes = {
                "line": str(issue.line),
                "column": str(issue.column),
                "severity": CHECKSTYLE_SEVERITIES[issue.severity],
                "message": xml_safe(issue.message + fix),
                "source": f"wirecheck.{issue.rule}",
            }
            ET.SubElement(file, "error", attributes)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
