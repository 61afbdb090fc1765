"""The per-user runtime folder, where the host's LanguageTool server is published and logs.

Another local user who could write there could name their own server as ours and receive every
draft, so the folder and the state files in it are trusted only when they belong to this user
and nobody else can write to them, as ssh and gpg treat their folders.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path

from checker.errors import SetupError


def runtime_dir() -> Path:
    """The folder (made 0700 if new): $WIRECHECK_RUNTIME_DIR, else $XDG_RUNTIME_DIR/wirecheck,
    else /tmp/wirecheck-<uid>. Raises SetupError for one that another user owns or can write to."""
    configured = os.environ.get("WIRECHECK_RUNTIME_DIR")
    if configured:
        path = Path(configured).resolve()  # the user's own choice may be a link
    elif os.environ.get("XDG_RUNTIME_DIR"):
        path = Path(os.environ["XDG_RUNTIME_DIR"]) / "wirecheck"
    else:
        path = Path("/tmp") / f"wirecheck-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        path.mkdir(parents=True, mode=0o700)
    _refuse_unless_private(path, os.lstat(path), "runtime folder")
    return path


def _refuse_unless_private(path: Path, info: os.stat_result, what: str) -> None:
    fix = "remove it, or set WIRECHECK_RUNTIME_DIR to a folder of your own"
    if stat.S_ISLNK(info.st_mode):
        raise SetupError(f"the {what} {path} is a symbolic link; {fix}", reason="runtime_unsafe", path=str(path))
    if info.st_uid != os.getuid():
        raise SetupError(
            f"the {what} {path} belongs to user id {info.st_uid}, not to you ({os.getuid()}); {fix}",
            reason="runtime_unsafe",
            path=str(path),
        )
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise SetupError(
            f"the {what} {path} can be written by other users (mode {stat.S_IMODE(info.st_mode):o}); "
            f"`chmod go-w {path}` or {fix}",
            reason="runtime_unsafe",
            path=str(path),
        )


def read_state(path: Path) -> dict[str, object] | None:
    """A JSON object this user wrote at `path` (None if there is none or it is not an object);
    raises SetupError for a file another user owns or can write to, or a link."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if path.is_symlink():
            raise SetupError(
                f"the state file {path} is a symbolic link", reason="runtime_unsafe", path=str(path)
            ) from exc
        return None
    with os.fdopen(descriptor, "rb") as handle:
        _refuse_unless_private(path, os.fstat(handle.fileno()), "state file")
        try:
            state = json.loads(handle.read(1 << 16))
        except ValueError:
            return None
    return state if isinstance(state, dict) else None


def write_state(path: Path, state: dict[str, object]) -> None:
    """Replaces `path` with `state` in one step (readers see the old file or the new one)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(state), encoding="utf-8")
    temporary.replace(path)
