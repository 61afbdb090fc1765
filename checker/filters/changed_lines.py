"""`--changed-since REF`: only findings on lines that changed against a git ref, for pull
requests. Compares the ref with the working tree; a file git does not track counts as new."""

from __future__ import annotations

import codecs
import dataclasses
import os
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from checker.errors import CheckerError, InvalidRequest
from checker.records import Issue, Report

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# None: every line of the file is new.
Changed = dict[str, set[int] | None]


def _git(folder: Path, *args: str) -> str:
    try:
        completed = subprocess.run(
            ["git", "-c", "core.quotePath=false", *args], cwd=folder, capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError as exc:
        raise CheckerError("--changed-since needs git, which is not installed", reason="no_git") from exc
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InvalidRequest(f"git {args[0]}: {message[-1] if message else 'failed'}", reason="git")
    return completed.stdout.decode("utf-8", "surrogateescape")


def _unquote(name: str) -> str:
    """A file name as git prints it: C-quoted when it holds special characters."""
    if not name.startswith('"'):
        return name
    return codecs.escape_decode(name[1:-1].encode("utf-8"))[0].decode("utf-8", "surrogateescape")


def changed_lines(ref: str, folder: Path) -> tuple[Path, Changed]:
    """The repository's top folder, and the changed lines of each file (paths from that folder)."""
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    try:
        _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
    except InvalidRequest as exc:
        raise InvalidRequest(f"--changed-since: no commit {ref!r} in {top}", reason="git_ref", ref=ref) from exc
    diff = _git(top, "diff", "--no-color", "--no-ext-diff", "--unified=0", ref, "--")
    changed: Changed = {}
    for section in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        target = re.search(r"^\+\+\+ (?:b/(.*)|/dev/null)$", section, re.M)
        if target is None or target.group(1) is None:
            continue
        lines: set[int] = set()
        for start, count in _HUNK.findall(section):
            lines.update(range(int(start), int(start) + (int(count) if count else 1)))
        changed[_unquote(target.group(1))] = lines
    untracked = _git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    changed.update(dict.fromkeys((name for name in untracked if name), None))
    return top, changed


def _touches(issue: Issue, lines: set[int] | None) -> bool:
    if lines is None:
        return True
    last = issue.line + len(_LINE_BREAK.findall(issue.text))
    return any(line in lines for line in range(issue.line, last + 1))


def only_changed(results: Sequence[tuple[str, Report]], ref: str) -> list[tuple[str, Report]]:
    """The results with only the findings on lines changed since `ref`."""
    if any(path.startswith("<") for path, _ in results):
        raise InvalidRequest("--changed-since needs files; it cannot compare stdin", reason="changed_since_stdin")
    top, changed = changed_lines(ref, Path(os.path.dirname(os.path.abspath(results[0][0]))) if results else Path.cwd())
    kept = []
    for path, report in results:
        relative = Path(os.path.relpath(os.path.realpath(path), top.resolve())).as_posix()
        lines = changed.get(relative, set()) if not relative.startswith("..") else None
        issues = tuple(issue for issue in report.issues if _touches(issue, lines))
        kept.append((path, dataclasses.replace(report, issues=issues)))
    return kept
