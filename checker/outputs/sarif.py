"""SARIF 2.1.0 (for GitHub code scanning and other SARIF viewers): one run, each rule described
once, a result per finding with its region and the suggestions as fixes."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import quote

from checker.house import RULES_BY_ID
from checker.outputs.positions import Positions
from checker.records import Issue, Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _tool_version() -> str:
    try:
        return version("wirecheck")
    except PackageNotFoundError:
        return "0+checkout"


def _help_text(issue: Issue) -> str:
    text = f"{issue.rule_description} (Kategorie: {issue.category.name})."
    rule = RULES_BY_ID.get(issue.rule)
    if rule is not None and rule.examples_wrong and rule.examples_right:
        text += f" Falsch: {rule.examples_wrong[0]} Richtig: {rule.examples_right[0]}"
    return text


def _rule(issue: Issue) -> dict[str, Any]:
    described = {
        "id": issue.rule,
        "name": issue.rule_description,
        "shortDescription": {"text": issue.rule_description},
        "help": {"text": _help_text(issue)},
        "defaultConfiguration": {"level": LEVELS[issue.severity]},
        "properties": {"category": issue.category.id, "type": issue.type, "source": issue.source},
    }
    return described | ({"helpUri": issue.url} if issue.url else {})


def _region(positions: Positions, issue: Issue) -> dict[str, int]:
    (line, column), (end_line, end_column) = positions.start(issue), positions.end(issue)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(uri: str, issue: Issue, positions: Positions, index: int) -> dict[str, Any]:
    location = {"artifactLocation": {"uri": uri}, "region": _region(positions, issue)}
    fixes = [
        {
            "description": {"text": f"„{issue.text}“ → „{replacement}“"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": uri},
                    "replacements": [{"deletedRegion": location["region"], "insertedContent": {"text": replacement}}],
                }
            ],
        }
        for replacement in issue.replacements[:5]
    ]
    return {
        "ruleId": issue.rule,
        "ruleIndex": index,
        "level": LEVELS[issue.severity],
        "message": {"text": issue.message},
        "locations": [{"physicalLocation": location}],
        **({"fixes": fixes} if fixes else {}),
    }


def format_sarif(results: Sequence[tuple[str, Report]]) -> str:
    rules: list[dict[str, Any]] = []
    rule_index: dict[str, int] = {}
    found = []
    for path, report in results:
        uri = quote(path.replace("\\", "/"))
        positions = Positions(report.text, "utf-16")
        for issue in report.issues:
            if issue.rule not in rule_index:
                rule_index[issue.rule] = len(rules)
                rules.append(_rule(issue))
            found.append(_result(uri, issue, positions, rule_index[issue.rule]))
    driver = {"name": "wirecheck", "version": _tool_version(), "rules": rules}
    run = {"tool": {"driver": driver}, "columnKind": "utf16CodeUnits", "results": found}
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
