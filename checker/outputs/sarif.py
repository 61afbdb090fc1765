"""SARIF 2.1.0 (GitHub code scanning, SARIF viewers): one run, each rule described once, a result
per finding with its region in UTF-16 columns, its suggestions as fixes and the baseline's
fingerprint, so that a viewer follows a finding across edits."""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import quote

from checker.baseline import fingerprint
from checker.gate import DEFAULT_GATE, Gate
from checker.house import RULES_BY_ID
from checker.outputs.positions import Positions
from checker.records import Issue, Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(issue: Issue) -> dict[str, Any]:
    help_text = f"{issue.rule_description} (Kategorie: {issue.category.name})."
    house_rule = RULES_BY_ID.get(issue.rule)
    if house_rule is not None and house_rule.examples_wrong and house_rule.examples_right:
        help_text += f" Falsch: {house_rule.examples_wrong[0]} Richtig: {house_rule.examples_right[0]}"
    return {
        "id": issue.rule,
        "name": issue.rule_description,
        "shortDescription": {"text": issue.rule_description},
        "help": {"text": help_text},
        **({"helpUri": issue.url} if issue.url else {}),
        "defaultConfiguration": {"level": LEVELS[issue.severity]},
        "properties": {"category": issue.category.id, "type": issue.type, "source": issue.source},
    }


def _result(uri: str, issue: Issue, report: Report, positions: Positions, rule_index: int) -> dict[str, Any]:
    (line, column), (end_line, end_column) = positions.start(issue), positions.end(issue)
    region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    fixes = [
        {
            "description": {"text": f"„{issue.text}“ → „{replacement}“"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": uri},
                    "replacements": [{"deletedRegion": region, "insertedContent": {"text": replacement}}],
                }
            ],
        }
        for replacement in issue.replacements[:5]
    ]
    return {
        "ruleId": issue.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[issue.severity],
        "message": {"text": issue.message},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
        "partialFingerprints": {"wirecheckFingerprint/v1": fingerprint(issue, report.text)},
        **({"fixes": fixes} if fixes else {}),
    }


def format_sarif(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    rules: dict[str, dict[str, Any]] = {}
    found = []
    for path, report in results:
        uri, positions = quote(path.replace("\\", "/")), Positions(report.text, "utf-16")
        for issue in report.issues:
            rule = rules.setdefault(issue.rule, _rule(issue) | {"index": len(rules)})
            found.append(_result(uri, issue, report, positions, rule["index"]))
    described = [{key: value for key, value in rule.items() if key != "index"} for rule in rules.values()]
    try:
        tool_version = version("wirecheck")
    except PackageNotFoundError:  # a checkout that was not installed
        tool_version = "0+checkout"
    driver = {"name": "wirecheck", "version": tool_version, "rules": described}
    run = {"tool": {"driver": driver}, "columnKind": "utf16CodeUnits", "results": found}
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
