"""Whole reports for the command line: a file checked before with the same text, path, options,
profile, engine and checker is answered from the disk store, without LanguageTool, the house
rules or the learned layer. A CI run over many files of which few changed pays only for those
(docs/benchmarks.md).

The key holds everything a report depends on: the text and its path (which can decide the
input format), the check's options, the profile's content (`Profile.digest`), the engine's
identity (checker.engine.host.own_engine_identity) and a digest of this package's own files,
rules, word lists and model included, so that another version of the checker never reads a
report it did not write. The store is the one LanguageTool's answers use
(checker.languagetool.stores.DiskStore): bounded, shared by the user's processes, and never the
reason a check fails.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from checker.formats.files import Source
from checker.house import Profile
from checker.languagetool.stores import ResultStore, cache_key
from checker.options import CheckOptions
from checker.records import SEVERITIES, Report

PACKAGE = Path(__file__).resolve().parent
KIND = "report"


@cache
def code_digest() -> str:
    """A digest of every file of the installed package (its sources, rule files, word lists and
    model; not the bytecode), read once per process: about 20 ms."""
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(PACKAGE):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = Path(folder) / name
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\x00")
            digest.update(path.read_bytes() + b"\x00")
    return digest.hexdigest()


# One file to check, with its options.
Job = tuple[Source, CheckOptions]


class ReportCache:
    """Reports in `store`, for checks by the engine `engine_identity` with `profile` (None: none)."""

    def __init__(self, store: ResultStore, engine_identity: str, profile: Profile | None) -> None:
        self.store = store
        profile_digest = profile.digest if profile is not None else "-"
        self._producer = f"{code_digest()}|{engine_identity}|{profile_digest}"

    def key(self, job: Job) -> str:
        source, options = job
        params = {"path": source.path, "options": json.dumps(dataclasses.astuple(options))}
        return cache_key(KIND, self._producer, params, source.text)

    def find(self, jobs: Sequence[Job]) -> dict[int, Report]:
        """The stored reports among `jobs`, by index; an entry that cannot be read is a miss."""
        keys = [self.key(job) for job in jobs]
        stored = self.store.get_many(keys)
        found = {}
        for index, (job, key) in enumerate(zip(jobs, keys, strict=True)):
            if key in stored:
                try:
                    report = Report.from_dict(stored[key], job[0].text)
                except (KeyError, TypeError, ValueError, RecursionError):
                    continue
                if _sound(report):
                    found[index] = report
        return found

    def keep(self, job: Job, report: Report) -> None:
        self.store.put_many({self.key(job): report.to_dict()})


def _sound(report: Report) -> bool:
    """Whether a report read back has findings of the right types, inside its text, of a known
    severity: anything else is a damaged entry (a miss), never a finding or a crash."""
    for issue in report.issues:
        numbers = (issue.offset, issue.length, issue.line, issue.column)
        if not all(type(number) is int and number >= 0 for number in numbers):
            return False
        if issue.end > len(report.text) or issue.severity not in SEVERITIES:
            return False
        strings = (issue.text, issue.rule, issue.message, issue.type, *issue.replacements)
        if not all(isinstance(value, str) for value in strings):
            return False
    return True
