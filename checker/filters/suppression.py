"""Inline suppression in formats with comments (Markdown, HTML, NITF, NewsML-G2):
``<!-- wirecheck-disable RULE, RULE -->`` … ``<!-- wirecheck-enable -->`` drops the findings
between the two comments. Without rules, every rule is off; ``wirecheck-enable RULE`` switches
only that rule on again; a disable without an enable lasts to the end of the file.

A filter over a Report's findings, read from the source as given; only a comment the format
reads as one counts (`Document.comments`: not a directive shown in a code block, a CDATA section
or a script). The command line, the API and the result page apply it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.formats import parse_document
from checker.records import Issue, Report

FORMATS_WITH_COMMENTS = frozenset({"markdown", "html", "nitf", "newsml"})
_DIRECTIVE = re.compile(r"<!--\s*wirecheck-(disable|enable)\b((?:(?!-->)[^<>])*)-->")
_ALL = "*"


@dataclass(frozen=True)
class Suppressed:
    """Findings of `rule` (or of every rule but those `spared`, "*") starting in
    source[start:end] are dropped."""

    start: int
    end: int
    rule: str
    spared: frozenset[str] = frozenset()


def suppressed_ranges(source: str, comments: Sequence[tuple[int, int]]) -> list[Suppressed]:
    """The ranges the directives among `comments` ((start, end) into `source`) switch off."""
    ranges: list[Suppressed] = []
    named: dict[str, int] = {}  # rule -> where its "disable RULE" holds from
    # Where a "disable" without rules holds from, and the rules switched on again inside it.
    every: tuple[int, frozenset[str]] | None = None
    directives = [
        match
        for start, end in comments
        for match in _DIRECTIVE.finditer(source, start, end)
        if match.start() == start and match.end() == end
    ]
    for match in directives:
        rules = [rule for rule in re.split(r"[\s,]+", match.group(2)) if rule]
        if match.group(1) == "disable":
            if not rules:
                every = every or (match.end(), frozenset())
            for rule in rules:
                named.setdefault(rule, match.end())
            continue
        closing = list(named) if not rules else [rule for rule in rules if rule in named]
        ranges += [Suppressed(named.pop(rule), match.start(), rule) for rule in closing]
        if every is not None:
            ranges.append(Suppressed(every[0], match.start(), _ALL, every[1]))
            every = (match.end(), every[1] | set(rules)) if rules else None
    ranges += [Suppressed(start, len(source), rule) for rule, start in named.items()]
    if every is not None:
        ranges.append(Suppressed(every[0], len(source), _ALL, every[1]))
    return ranges


def _is_rule(issue: Issue, rules: frozenset[str]) -> bool:
    """Whether the finding's rule is one of `rules`, by its id or the id without a sub-id."""
    return issue.rule in rules or issue.rule.split("[", 1)[0] in rules


def _covers(suppressed: Suppressed, issue: Issue) -> bool:
    if not suppressed.start <= issue.offset < suppressed.end:
        return False
    if suppressed.rule == _ALL:
        return not _is_rule(issue, suppressed.spared)
    return _is_rule(issue, frozenset({suppressed.rule}))


def without_suppressed(report: Report) -> Report:
    """The report without the findings its source's comments switch off."""
    if report.format not in FORMATS_WITH_COMMENTS or "wirecheck-" not in report.text:
        return report
    ranges = suppressed_ranges(report.text, parse_document(report.text, format=report.format).comments)
    kept = tuple(issue for issue in report.issues if not any(_covers(item, issue) for item in ranges))
    return dataclasses.replace(report, issues=kept) if len(kept) != len(report.issues) else report


def without_rules(report: Report, rules: Sequence[str]) -> Report:
    """The report without the findings of `rules` (house rules included, which LanguageTool's
    rule switches do not reach)."""
    switched_off = frozenset(rules)
    kept = tuple(issue for issue in report.issues if not _is_rule(issue, switched_off))
    return dataclasses.replace(report, issues=kept) if len(kept) != len(report.issues) else report
