"""reviewdog's diagnostic format (rdjson), for `reviewdog -f=rdjson`: review comments with the
best suggestion as a change the reviewer can commit. Columns count UTF-8 bytes of the file, a BOM
included, ends exclusive."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from checker.filters.gate import DEFAULT_GATE, Gate
from checker.outputs.positions import Positions, has_byte_order_mark
from checker.records import Issue, Report

RDJSON_SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(positions: Positions, issue: Issue) -> dict[str, Any]:
    (line, column), (end_line, end_column) = positions.start(issue), positions.end(issue)
    return {"start": {"line": line, "column": column}, "end": {"line": end_line, "column": end_column}}


def _diagnostic(path: str, issue: Issue, positions: Positions) -> dict[str, Any]:
    where = _range(positions, issue)
    diagnostic: dict[str, Any] = {
        "message": issue.message,
        "location": {"path": path, "range": where},
        "severity": RDJSON_SEVERITIES[issue.severity],
        "code": {"value": issue.rule, **({"url": issue.url} if issue.url else {})},
    }
    if issue.replacements:
        diagnostic["suggestions"] = [{"range": where, "text": issue.replacements[0]}]
    return diagnostic


def format_rdjson(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    diagnostics = []
    for path, report in results:
        positions = Positions(report.text, "utf-8", bom=has_byte_order_mark(path, report.text))
        diagnostics += [_diagnostic(path, issue, positions) for issue in report.issues]
    document = {"source": {"name": "wirecheck"}, "diagnostics": diagnostics}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
