"""The checking core: `check(text) -> Report`. Pure: no web framework, no command line."""

from __future__ import annotations

import atexit
import contextlib
import threading
from collections.abc import Iterable

from checker.chunks import split_text
from checker.engine import CheckOptions, Engine, open_engine
from checker.issue import Issue, Report
from checker.matches import issues_from_matches
from checker.offsets import LineIndex

_default_engine: Engine | None = None
_default_lock = threading.Lock()
_default_stack = contextlib.ExitStack()


def default_engine() -> Engine:
    """The process's engine, opened on first use and closed at exit (see checker.engine)."""
    global _default_engine
    with _default_lock:
        if _default_engine is None:
            _default_engine = _default_stack.enter_context(open_engine())
            atexit.register(_default_stack.close)
        return _default_engine


def check(
    text: str,
    *,
    language: str = "de-DE",
    picky: bool = False,
    enabled_rules: Iterable[str] = (),
    disabled_rules: Iterable[str] = (),
    enabled_categories: Iterable[str] = (),
    disabled_categories: Iterable[str] = (),
    enabled_only: bool = False,
    engine: Engine | None = None,
) -> Report:
    """Check `text` with LanguageTool's German rules and report every finding in place."""
    options = CheckOptions(
        language=language,
        picky=picky,
        enabled_rules=tuple(enabled_rules),
        disabled_rules=tuple(disabled_rules),
        enabled_categories=tuple(enabled_categories),
        disabled_categories=tuple(disabled_categories),
        enabled_only=enabled_only,
    )
    return check_with_options(text, options, engine=engine)


def check_with_options(text: str, options: CheckOptions, *, engine: Engine | None = None) -> Report:
    engine = engine or default_engine()
    lines = LineIndex(text)
    issues: list[Issue] = []
    version = None
    for base, piece in split_text(text, engine.max_text_length):
        if not piece.strip():
            continue
        result = engine.check({"text": piece}, options)
        version = version or str(result.get("software", {}).get("version") or "") or None
        issues.extend(issues_from_matches(result["matches"], checked=piece, text=text, base=base, lines=lines))
    issues.sort(key=lambda issue: (issue.offset, issue.length, issue.rule))
    return Report(text=text, language=options.language, issues=tuple(issues), engine_version=version)
