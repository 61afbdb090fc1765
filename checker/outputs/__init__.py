"""Output formats (`--format`): each a small function from (path, Report) results to a string.
The gate is passed to each, for the formats that say which files fail (JUnit).

`outputs/` imports nothing from the front ends (`web`, `cli`).
"""

from __future__ import annotations

from typing import Protocol

from checker.filters.gate import Gate
from checker.outputs.checkstyle import format_checkstyle
from checker.outputs.github import format_github
from checker.outputs.json_report import format_json
from checker.outputs.junit import format_junit
from checker.outputs.rdjson import format_rdjson
from checker.outputs.sarif import format_sarif
from checker.outputs.text_lines import format_text
from checker.records import Results


class Formatter(Protocol):
    def __call__(self, results: Results, *, gate: Gate = ...) -> str: ...


OUTPUTS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "junit": format_junit,
    "rdjson": format_rdjson,
    "checkstyle": format_checkstyle,
}
