"""The command line (`wirecheck`, `python -m checker`) and what only it uses: project files,
progress, front matter, the cache of whole reports.

Nothing in checker/ imports `cli/` but `python -m checker` (checker/__main__.py).
"""

from __future__ import annotations

from checker.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
