"""Output formats: each a small function from (path, Report) results to a string."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from checker.formatters.json import format_json
from checker.formatters.text import format_text
from checker.issue import Report

Results = Sequence[tuple[str, Report]]
FORMATTERS: dict[str, Callable[[Results], str]] = {"text": format_text, "json": format_json}
