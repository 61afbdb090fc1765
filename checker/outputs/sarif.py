"""SARIF 2.1.0 (GitHub code scanning, SARIF viewers): one run, each rule described once, a result
per finding with its region in UTF-16 columns, its suggestions as fixes and the baseline's
fingerprint, so that a viewer follows a finding across edits. Files are named relative to the
repository's top folder (`%SRCROOT%`), as code scanning matches them to the repository's files."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any
from urllib.parse import quote

from checker.filters.baseline import fingerprint
from checker.filters.gate import DEFAULT_GATE, Gate
from checker.house import RULES_BY_ID
from checker.outputs.positions import Positions
from checker.outputs.repository import is_file, repository_root
from checker.records import Issue, Report

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SOURCE_ROOT = "%SRCROOT%"
Location = dict[str, str]


def _artifact(path: str, root: str) -> Location:
    """A file's location: relative to `root`, or an absolute file URI for a file outside it."""
    if not is_file(path):
        return {"uri": quote(path)}
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute, root)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": quote(Path(relative).as_posix()), "uriBaseId": SOURCE_ROOT}


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


def _result(
    location: dict[str, str], issue: Issue, report: Report, positions: Positions, rule_index: int
) -> dict[str, Any]:
    (line, column), (end_line, end_column) = positions.start(issue), positions.end(issue)
    region = {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}
    fixes = [
        {
            "description": {"text": f"„{issue.text}“ → „{replacement}“"},
            "artifactChanges": [
                {
                    "artifactLocation": location,
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
        "locations": [{"physicalLocation": {"artifactLocation": location, "region": region}}],
        "partialFingerprints": {"wirecheckFingerprint/v1": fingerprint(issue, report.text)},
        **({"fixes": fixes} if fixes else {}),
    }


def format_sarif(results: Sequence[tuple[str, Report]], *, gate: Gate = DEFAULT_GATE) -> str:
    rules: dict[str, dict[str, Any]] = {}
    found = []
    root = repository_root([path for path, _ in results])
    for path, report in results:
        location, positions = _artifact(path, root), Positions(report.text, "utf-16")
        for issue in report.issues:
            rule = rules.setdefault(issue.rule, _rule(issue) | {"index": len(rules)})
            found.append(_result(location, issue, report, positions, rule["index"]))
    described = [{key: value for key, value in rule.items() if key != "index"} for rule in rules.values()]
    try:
        tool_version = version("wirecheck")
    except PackageNotFoundError:  # a checkout that was not installed
        tool_version = "0+checkout"
    driver = {"name": "wirecheck", "version": tool_version, "rules": described}
    root_uri = Path(root).as_uri().rstrip("/") + "/"  # a base URI must end with a slash
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SOURCE_ROOT: {"uri": root_uri}},
        "columnKind": "utf16CodeUnits",
        "results": found,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
