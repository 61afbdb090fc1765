"""The checking core: `check(text) -> Report`. Pure: no web framework, no command line.

A check reads the input (plain text, HTML, Markdown, NITF, NewsML-G2, ninjs) as a `Document`,
sends its plain text to LanguageTool, runs the house rules of a profile over the same plain text,
and maps every finding back to the exact position in the input as given.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import threading
from collections.abc import Iterable

from checker.chunks import split_text
from checker.datelines import separate_datelines
from checker.engine import LANGUAGES, CheckOptions, Engine, open_engine
from checker.engine.house_grammar import house_rule_ids
from checker.errors import InvalidRequest
from checker.formats import Document, parse_document
from checker.house import Profile, check_house
from checker.issue import Issue, Report
from checker.matches import issues_from_matches
from checker.names import apply_names, is_spelling_rule
from checker.offsets import LineIndex, widen_to_characters
from checker.stats import text_statistics

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


def variant_for(tag: str | None) -> str | None:
    """Our German variant for a document's language tag ("de" -> de-DE, "de-ch" -> de-CH)."""
    if not tag:
        return None
    parts = tag.replace("_", "-").split("-")
    if parts[0].lower() != "de":
        raise InvalidRequest(f"the document is marked as language {tag!r}; only German (de) is checked")
    region = parts[1].upper() if len(parts) > 1 else "DE"
    variant = f"de-{region}"
    return variant if variant in LANGUAGES else "de-DE"


def check(
    text: str,
    *,
    language: str | None = None,
    picky: bool = False,
    enabled_rules: Iterable[str] = (),
    disabled_rules: Iterable[str] = (),
    enabled_categories: Iterable[str] = (),
    disabled_categories: Iterable[str] = (),
    enabled_only: bool = False,
    format: str | None = "text",
    path: str | None = None,
    profile: Profile | None = None,
    engine: Engine | None = None,
) -> Report:
    """Check `text` and report every finding in place.

    `language` is de-DE, de-AT or de-CH; None takes the document's own language tag, else de-DE.
    `format` is one of checker.formats.FORMATS, or None to detect it from the content.
    `profile` adds the house rules (ours in Python and ours inside LanguageTool, see
    checker.engine.house_grammar) and the names dictionary; None checks with LanguageTool alone.
    """
    document = parse_document(text, format=format, path=path)
    options = CheckOptions(
        language=language or variant_for(document.language) or "de-DE",
        picky=picky,
        enabled_rules=tuple(enabled_rules),
        disabled_rules=tuple(disabled_rules),
        enabled_categories=tuple(enabled_categories),
        disabled_categories=tuple(disabled_categories),
        enabled_only=enabled_only,
    )
    return check_document(document, options, profile=profile, engine=engine)


def check_document(
    document: Document,
    options: CheckOptions,
    *,
    profile: Profile | None = None,
    engine: Engine | None = None,
) -> Report:
    engine = engine or default_engine()
    switched_off = set(profile.disabled_rules) if profile is not None else set(house_rule_ids())
    if switched_off and not options.enabled_only:  # with enabled_only nothing else runs anyway
        options = dataclasses.replace(options, disabled_rules=tuple(sorted({*options.disabled_rules, *switched_off})))
    plain = document.plain_text()
    plain_lines = LineIndex(plain)
    found: list[Issue] = []
    version = None
    for base, piece in split_text(plain, engine.max_text_length):
        if not piece.strip():
            continue
        result = engine.check({"text": separate_datelines(piece)}, options)
        version = version or str(result.get("software", {}).get("version") or "") or None
        found.extend(issues_from_matches(result["matches"], checked=piece, text=plain, base=base, lines=plain_lines))
    if profile is not None:
        found = apply_names(found, profile)
        found = [
            dataclasses.replace(issue, severity=profile.rule_severity(issue.rule, issue.severity))
            for issue in found
            if not profile.is_disabled(issue.rule)
        ]
        house = check_house(plain, profile)
        # A word the profile speaks about (to avoid, a preferred spelling, a name) is not also
        # reported as unknown to LanguageTool's speller.
        house_spans = {(issue.offset, issue.length) for issue in house}
        found = [
            issue
            for issue in found
            if not (is_spelling_rule(issue.rule) and (issue.offset, issue.length) in house_spans)
        ]
        found.extend(house)
    source = document.source
    issues = _to_source(found, document, source) if source != plain else found
    issues.sort(key=lambda issue: (issue.offset, issue.length, issue.rule))
    return Report(
        text=source,
        language=options.language,
        issues=tuple(issues),
        engine_version=version,
        format=document.format,
        stats=text_statistics(plain),
    )


def _to_source(issues: list[Issue], document: Document, source: str) -> list[Issue]:
    """Issues re-positioned from the plain text into the original file."""
    lines = LineIndex(source)
    moved = []
    for issue in issues:
        start, end = document.to_source_span(issue.offset, issue.end)
        start, end = widen_to_characters(source, start, end)
        line, column = lines.position(start)
        moved.append(
            dataclasses.replace(
                issue, offset=start, length=end - start, line=line, column=column, text=source[start:end]
            )
        )
    return moved
