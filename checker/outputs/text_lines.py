"""Compiler-style lines: `path:line:col: severity: message [RULE] (text -> suggestion)`."""

from __future__ import annotations

from collections.abc import Sequence

from checker.records import SEVERITIES, Issue, Report


def _one_line(value: str) -> str:
    return " ".join(value.split())


def format_issue(path: str, issue: Issue) -> str:
    fix = f" -> {issue.replacements[0]}" if issue.replacements else ""
    flagged = _one_line(issue.text) or repr(issue.text)
    return (
        f"{path}:{issue.line}:{issue.column}: {issue.severity}: {_one_line(issue.message)} "
        f"[{issue.rule}] ({flagged}{fix})"
    )


def format_text(results: Sequence[tuple[str, Report]]) -> str:
    lines = [format_issue(path, issue) for path, report in results for issue in report.issues]
    totals: dict[str, int] = dict.fromkeys(SEVERITIES, 0)
    for _, report in results:
        for severity, count in report.counts_by_severity().items():
            totals[severity] += count
    files = len(results)
    found = sum(totals.values())
    detail = ", ".join(f"{count} {severity}" for severity, count in totals.items())
    noun = "file" if files == 1 else "files"
    lines.append(f"{files} {noun} checked: {found} findings ({detail})")
    return "\n".join(lines) + "\n"
