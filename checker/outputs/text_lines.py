"""Compiler-style lines: `path:line:col: severity: message [RULE] (text -> suggestion)`, then the
summary."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.filters.gate import DEFAULT_GATE, Gate
from checker.house.unknown_words import UNKNOWN_NAME
from checker.outputs.summary import summary_lines
from checker.records import Issue, Report


def _one_line(value: str) -> str:
    return " ".join(value.split())


def format_issue(path: str, issue: Issue) -> str:
    fix = f" -> {issue.replacements[0]}" if issue.replacements else ""
    flagged = _one_line(issue.text) or repr(issue.text)
    return (
        f"{path}:{issue.line}:{issue.column}: {issue.severity}: {_one_line(issue.message)} "
        f"[{issue.rule}] ({flagged}{fix})"
    )


def format_text(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    lines = [format_issue(path, issue) for path, report in results for issue in report.issues]
    lines += summary_lines(results)
    lines += names_to_add(results)
    return "\n".join(lines) + "\n"


def names_to_add(results: Sequence[tuple[str, Report]]) -> list[str]:
    """The unknown names found, as the TOML lines that accept them in a house profile."""
    names = sorted({issue.text for _, report in results for issue in report.issues if issue.rule == UNKNOWN_NAME})
    if not names:
        return []
    listed = ", ".join(json.dumps(name, ensure_ascii=False) for name in names)
    return [
        "Names not in the names dictionary; if they are spelled right, add them to your profile:",
        "[names]",
        f"local = [{listed}]",
    ]
