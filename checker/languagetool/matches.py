"""Turns LanguageTool's JSON matches into `Issue` records with exact code-point positions."""

from __future__ import annotations

from typing import Any

from checker.languagetool.severity import severity_for
from checker.records import Category, Issue
from checker.text.offsets import LineIndex, Utf16Map, widen_to_characters


def rule_id(rule: dict[str, Any]) -> str:
    """LanguageTool's rule id, with the sub-id in brackets where the rule has one (ID[2])."""
    sub_id = rule.get("subId")
    return f"{rule['id']}[{sub_id}]" if sub_id else str(rule["id"])


def issues_from_matches(
    matches: list[dict[str, Any]],
    *,
    checked: str,
    text: str,
    base: int,
    lines: LineIndex,
) -> list[Issue]:
    """Issues for `matches` of a check of `checked`, which starts at code point `base` of `text`."""
    utf16 = Utf16Map(checked)
    issues = []
    for match in matches:
        start, length = utf16.span(int(match["offset"]), int(match["length"]))
        offset, end = widen_to_characters(text, base + start, base + start + length)
        length = end - offset
        line, column = lines.position(offset)
        rule = match["rule"]
        category = rule.get("category") or {}
        issue_type = str(rule.get("issueType") or "uncategorized")
        urls = rule.get("urls") or []
        issues.append(
            Issue(
                offset=offset,
                length=length,
                line=line,
                column=column,
                text=text[offset : offset + length],
                rule=rule_id(rule),
                rule_description=str(rule.get("description", "")),
                category=Category(str(category.get("id", "")), str(category.get("name", ""))),
                type=issue_type,
                severity=severity_for(issue_type),
                message=str(match.get("message", "")),
                replacements=tuple(str(r["value"]) for r in match.get("replacements", []) if "value" in r),
                url=str(urls[0]["value"]) if urls and "value" in urls[0] else None,
                source="languagetool",
            )
        )
    return issues
