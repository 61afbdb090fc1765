"""LanguageTool's findings for many sentences, checked in batches (one paragraph per sentence)
and cached per batch under ~/.cache/wirecheck/learned/ (never in the repository)."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from checker.languagetool import Engine
from checker.options import CheckOptions
from checker.pipeline import check
from checker.records import Issue

BATCH = 50
SEPARATOR = "\n\n"


def cache_dir() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "wirecheck" / "learned" / "languagetool"


def issue_dict(issue: Issue, base: int) -> dict[str, object]:
    return {
        "offset": issue.offset - base,
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
        document = SEPARATOR.join(batch)
        key = hashlib.sha256(document.encode("utf-8")).hexdigest()[:32]
        path = directory / f"{key}.json"
        if path.exists():
            answers.extend(json.loads(path.read_text(encoding="utf-8")))
        else:
            answers.extend(_check_batch(document, batch, engine, path))
        if progress is not None:
            progress(min(first + BATCH, len(texts)), len(texts))
    return answers


def _check_batch(document: str, batch: list[str], engine: Engine, path: Path) -> list[list[dict[str, object]]]:
    report = check(document, CheckOptions(format="text"), engine=engine, profile=None)
    starts = []
    position = 0
    for text in batch:
        starts.append(position)
        position += len(text) + len(SEPARATOR)
    per_text: list[list[dict[str, object]]] = [[] for _ in batch]
    for issue in report.issues:
        index = max(i for i, start in enumerate(starts) if start <= issue.offset)
        if issue.end <= starts[index] + len(batch[index]):
            per_text[index].append(issue_dict(issue, starts[index]))
    path.write_text(json.dumps(per_text, ensure_ascii=False), encoding="utf-8")
    return per_text
