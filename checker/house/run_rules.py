"""Runs the house rules over a text and turns their findings into `Issue` records."""

from __future__ import annotations

from collections.abc import Sequence

from checker.formats.document import Region
from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules import RULES
from checker.house.rules.base import Finding, Rule
from checker.records import Issue

# Findings of these rules swallow other findings inside their span (the dateline's dash is
# reported once, as part of the dateline).
_ENCLOSING_RULES = frozenset(["HOUSE_DATELINE", "HOUSE_STRAY_CODE"])


def run_house_rules(text: str, profile: Profile, regions: Sequence[Region] = ()) -> list[Issue]:
    """All house-rule findings for `text`, sorted by offset.

    Rules the profile disables (``[rules] disabled``) are skipped and its severities apply.
    When two rules mark the same span, the one earlier in `RULES` wins.
    """
    doc = Article.parse(text, regions)
    found: list[tuple[int, Rule, Finding]] = []
    for order, rule in enumerate(RULES):
        if profile.is_disabled(rule.id):
            continue
        found.extend((order, rule, finding) for finding in rule.find(doc, profile))
    enclosing = [(f.offset, f.end) for _order, rule, f in found if rule.id in _ENCLOSING_RULES]
    seen: set[tuple[int, int]] = set()
    issues = []
    for _order, rule, finding in sorted(found, key=lambda item: (item[0], item[2].offset)):
        span = (finding.offset, finding.end)
        if span in seen:
            continue
        if rule.id not in _ENCLOSING_RULES and any(
            start <= finding.offset and finding.end <= end for start, end in enclosing
        ):
            continue
        seen.add(span)
        issues.append(_to_issue(rule, finding, doc, profile))
    issues.sort(key=lambda issue: (issue.offset, issue.length))
    return issues


def _to_issue(rule: Rule, finding: Finding, doc: Article, profile: Profile) -> Issue:
    line, column = doc.lines.position(finding.offset)
    return Issue(
        offset=finding.offset,
        length=finding.end - finding.offset,
        line=line,
        column=column,
        text=doc.text[finding.offset : finding.end],
        rule=rule.id,
        rule_description=rule.description,
        category=rule.category,
        type=rule.type,
        severity=profile.rule_severity(rule.id, rule.severity),
        message=finding.message,
        replacements=finding.replacements,
        url=None,
        source="house",
    )
