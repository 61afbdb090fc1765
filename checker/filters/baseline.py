"""Baselines: today's findings written to a file, so that later runs report only new ones.

A finding is known by a fingerprint of its rule, its flagged text and the words around it, never
its line, so it survives edits elsewhere in the file. Each baseline entry stands for one
finding: a sentence flagged twice needs two entries.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checker.errors import InputError
from checker.records import Issue, Report, Results

FORMAT_VERSION = 1
# Words on each side of the finding that make up its neighbourhood.
_CONTEXT_WORDS = 3
_CONTEXT_REACH = 200
_WORD = re.compile(r"\S+")
_PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)[ \t]*(?:\r\n?|\n)")


def fingerprint(issue: Issue, source: str) -> str:
    """The finding's rule, text and neighbourhood: up to three words on each side, within its
    paragraph, whitespace ignored."""
    before = _PARAGRAPH_BREAK.split(source[max(0, issue.offset - _CONTEXT_REACH) : issue.offset])[-1]
    after = _PARAGRAPH_BREAK.split(source[issue.end : issue.end + _CONTEXT_REACH])[0]
    before, after = _WORD.findall(before)[-_CONTEXT_WORDS:], _WORD.findall(after)[:_CONTEXT_WORDS]
    flagged = " ".join(issue.text.split())
    key = "\x1f".join([issue.rule, flagged, " ".join(before), " ".join(after)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class BaselineEntry:
    path: str
    rule: str
    text: str
    fingerprint: str


def _baseline_path(path: str, baseline: Path) -> str:
    """A checked file's path as the baseline names it: relative to the baseline's folder."""
    if path.startswith("<"):  # <stdin>
        return path
    return Path(os.path.relpath(os.path.abspath(path), baseline.resolve().parent)).as_posix()


def entries_for(results: Results, baseline: Path) -> list[BaselineEntry]:
    return [
        BaselineEntry(_baseline_path(path, baseline), issue.rule, issue.text, fingerprint(issue, report.text))
        for path, report in results
        for issue in report.issues
    ]


def write_baseline(results: Results, baseline: Path) -> int:
    """Writes every finding of `results` to `baseline`; returns how many."""
    entries = sorted(entries_for(results, baseline), key=lambda entry: (entry.path, entry.rule, entry.fingerprint))
    document = {"version": FORMAT_VERSION, "findings": [dataclasses.asdict(entry) for entry in entries]}
    try:
        baseline.write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write the baseline: {exc.strerror}", reason="baseline", path=str(baseline)) from exc
    return len(entries)


def read_baseline(baseline: Path) -> list[BaselineEntry]:
    try:
        document: Any = json.loads(baseline.read_text(encoding="utf-8"))
        if document.get("version") != FORMAT_VERSION:
            raise ValueError(f"version {document.get('version')!r}, expected {FORMAT_VERSION}")
        return [BaselineEntry(**item) for item in document["findings"]]
    except FileNotFoundError as exc:
        raise InputError("no such baseline file", reason="no_file", path=str(baseline)) from exc
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"not a wirecheck baseline ({exc})", reason="baseline", path=str(baseline)) from exc


def only_new(
    results: Results, baseline: Path, entries: list[BaselineEntry]
) -> tuple[list[tuple[str, Report]], list[BaselineEntry]]:
    """The results without the findings the baseline knows, and the baseline's entries for the
    checked files that no finding matched any more (stale: fixed, or changed)."""
    known = Counter((entry.path, entry.fingerprint) for entry in entries)
    kept = []
    for path, report in results:
        name = _baseline_path(path, baseline)
        new = []
        for issue in report.issues:
            key = (name, fingerprint(issue, report.text))
            if known[key] > 0:
                known[key] -= 1
            else:
                new.append(issue)
        kept.append((path, dataclasses.replace(report, issues=tuple(new))))
    checked = {_baseline_path(path, baseline) for path, _ in results}
    stale = []
    for entry in entries:
        if entry.path in checked and known[entry.path, entry.fingerprint] > 0:
            known[entry.path, entry.fingerprint] -= 1
            stale.append(entry)
    return kept, stale
