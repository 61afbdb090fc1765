"""The command line run as users run it: `python -m checker` in a process of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def wirecheck(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`python -m checker ARGS` from the checkout with `env`, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
