"""One way to compare with a golden file and to rewrite it: `UPDATE_GOLDEN=1` (or `make golden`)
writes what the checker produces now; then read the diff, since every change is a behaviour change."""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, actual: str) -> None:
    """`actual` must equal the file at `path`, byte for byte (rewritten under UPDATE_GOLDEN)."""
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
    assert path.exists(), f"{path} is missing: run `make golden` and read the diff"
    assert actual == path.read_bytes().decode("utf-8")
