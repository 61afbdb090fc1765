"""The summary after a check: files and findings by severity, then the rules that fired (sub-rules
counted with their rule), errors first, most frequent first. The text output ends with it; the
command line prints it on stderr beside the other outputs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checker.records import SEVERITIES, Report


def summary_lines(results: Sequence[tuple[str, Report]]) -> list[str]:
    totals: Counter[str] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    for _, report in results:
        for issue in report.issues:
            totals[issue.severity] += 1
            by_rule[issue.rule.split("[", 1)[0], issue.severity] += 1
    files = len(results)
    detail = ", ".join(f"{totals[severity]} {severity}" for severity in SEVERITIES)
    lines = [f"{files} {'file' if files == 1 else 'files'} checked: {sum(totals.values())} findings ({detail})"]
    ranked = sorted(by_rule.items(), key=lambda item: (SEVERITIES.index(item[0][1]), -item[1], item[0][0]))
    lines += [f"{count:>6} {severity:<7} {rule}" for (rule, severity), count in ranked]
    return lines
