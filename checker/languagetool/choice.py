"""Which LanguageTool to use: decided here and nowhere else, for the command line, the web app,
gunicorn and the benchmark alike.

Resolution order: an explicit URL, then $LANGUAGETOOL_URL, then the host's shared server if one
answers, else a server started for this process, published for others, and stopped when the
block ends; or, with `background=True` (the command line on a developer's machine), one started
in the background that outlives the block and stops itself when idle (see background).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from checker.languagetool import host
from checker.languagetool.background import ensure_running, touch_used
from checker.languagetool.client import LanguageToolClient


def configured_url(explicit: str | None = None) -> str | None:
    """The URL the caller or the environment names, if any."""
    return explicit or os.environ.get("LANGUAGETOOL_URL") or None


@contextlib.contextmanager
def open_engine(url: str | None = None, *, background: bool = False) -> Iterator[LanguageToolClient]:
    """An engine for the duration of the block (see the module docstring for which)."""
    remote = configured_url(url)
    if remote:
        yield LanguageToolClient(remote)
        return
    if background:
        yield LanguageToolClient(ensure_running())
        touch_used()
        return
    running, server = host.use_or_start()
    if server is None:
        yield LanguageToolClient(running)
        return
    try:
        yield LanguageToolClient(server.url, max_text_length=server.settings.max_text_length, server=server)
    finally:
        host.unpublish(server)
        server.stop()
