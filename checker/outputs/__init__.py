"""Output formats (`--format`): each a small function from (path, Report) results to a string."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checker.outputs.json_report import format_json
from checker.outputs.text_lines import format_text
from checker.records import Report

Results = Sequence[tuple[str, Report]]
OUTPUTS: dict[str, Callable[[Results], str]] = {"text": format_text, "json": format_json}
