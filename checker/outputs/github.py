"""GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding,
which the runner turns into an annotation on the file, line and columns."""

from __future__ import annotations

import re
from collections.abc import Sequence

from checker.filters.gate import DEFAULT_GATE, Gate
from checker.records import Issue, Report

WORKFLOW_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def escape_data(value: str) -> str:
    """The message after `::`, as the runner reads it back."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """A property value (file, title): also `:` and `,`, which separate the properties."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_annotation(path: str, issue: Issue) -> str:
    # The runner drops columns when an annotation spans lines: a finding across a line break is
    # annotated on its first line, from its start to the end of that line (endColumn inclusive).
    first_line = _LINE_BREAK.split(issue.text, maxsplit=1)[0]
    properties = {
        "file": path,
        "line": str(issue.line),
        "col": str(issue.column),
        "endLine": str(issue.line),
        "endColumn": str(issue.column + max(len(first_line), 1) - 1),
        "title": issue.rule,
    }
    listed = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    fix = f" ({issue.text} -> {issue.replacements[0]})" if issue.replacements else ""
    return f"::{WORKFLOW_COMMANDS[issue.severity]} {listed}::{escape_data(issue.message + fix)}"


def format_github(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    lines = [format_annotation(path, issue) for path, report in results for issue in report.issues]
    return "".join(line + "\n" for line in lines)
