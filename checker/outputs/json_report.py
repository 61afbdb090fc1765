"""The CLI's JSON: {"version": 1, "files": [{"path", "language", "issues": [...]}]}."""

from __future__ import annotations

import json
from collections.abc import Sequence

from checker.filters.gate import DEFAULT_GATE, Gate
from checker.records import Report

SCHEMA_VERSION = 1


def format_json(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "files": [
            {
                "path": path,
                "language": report.language,
                "format": report.format,
                "issues": [issue.to_dict() for issue in report.issues],
                "stats": report.stats.to_dict(),
            }
            for path, report in results
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
