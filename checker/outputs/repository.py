"""The repository the checked files belong to, for outputs that name files relative to its top
folder (SARIF for code scanning): git's top folder, found as git finds it, by `.git`."""

from __future__ import annotations

import os
from collections.abc import Sequence


def _git_top(folder: str) -> str | None:
    """The nearest folder from `folder` up that holds `.git` (a folder; a file in a worktree)."""
    while not os.path.exists(os.path.join(folder, ".git")):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
    return folder


def is_file(path: str) -> bool:
    return not path.startswith("<")  # "<stdin>"


def repository_root(paths: Sequence[str]) -> str:
    """The git top folder of the first file in a repository, else of the working folder, else the
    working folder itself."""
    for path in filter(is_file, paths):
        top = _git_top(os.path.dirname(os.path.abspath(path)))
        if top is not None:
            return top
    return _git_top(os.getcwd()) or os.getcwd()
