"""LanguageTool's findings for many sentences, checked in batches (`checker.pipeline.check_texts`:
one LanguageTool request for a batch, each sentence a text of its own) and cached per batch under
~/.cache/wirecheck/learned/ (never in the repository)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.languagetool import Engine
from checker.options import CheckOptions
from checker.pipeline import check_texts
from checker.records import Issue

BATCH = 50
# Part of each batch's cache key: answers made another way are not reused.
_METHOD = "check_texts"


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "wirecheck" / "learned" / "languagetool"


def issue_dict(issue: Issue) -> dict[str, object]:
    return {
        "offset": issue.offset,
        "length": issue.length,
        "rule": issue.rule,
        "category": issue.category.id,
        "type": issue.type,
        "replacements": list(issue.replacements[:3]),
    }


def languagetool_answers(
    texts: Sequence[str], engine: Engine, *, progress: Callable[[int, int], None] | None = None
) -> list[list[dict[str, object]]]:
    """Per text, LanguageTool's findings (offsets relative to the text), LanguageTool alone
    (no house profile, no model), as the pipeline reports them."""
    directory = cache_dir()
    directory.mkdir(parents=True, exist_ok=True)
    answers: list[list[dict[str, object]]] = []
    for first in range(0, len(texts), BATCH):
        batch = [text.replace("\n", " ") for text in texts[first : first + BATCH]]
        key = hashlib.sha256("\n\n".join([_METHOD, *batch]).encode("utf-8")).hexdigest()[:32]
        path = directory / f"{key}.json"
        if path.exists():
            answers.extend(json.loads(path.read_text(encoding="utf-8")))
        else:
            answers.extend(_check_batch(batch, engine, path))
        if progress is not None:
            progress(min(first + BATCH, len(texts)), len(texts))
    return answers


def _check_batch(batch: list[str], engine: Engine, path: Path) -> list[list[dict[str, object]]]:
    reports = check_texts(batch, CheckOptions(format="text"), engine=engine, profile=None)
    per_text = [[issue_dict(issue) for issue in report.issues] for report in reports]
    path.write_text(json.dumps(per_text, ensure_ascii=False), encoding="utf-8")
    return per_text
