"""LanguageTool behind one interface: `open_engine()` yields an `Engine`, wherever the server runs.

Resolution order: an explicit URL, then $LANGUAGETOOL_URL, then the host's shared server if one
answers, else a server started for this process and stopped when it is done.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from checker.engine import shared
from checker.engine.client import LANGUAGES, CheckOptions, Engine, LanguageToolClient
from checker.engine.server import LocalServer, ServerSettings

__all__ = [
    "LANGUAGES",
    "CheckOptions",
    "Engine",
    "LanguageToolClient",
    "LocalServer",
    "ServerSettings",
    "configured_url",
    "open_engine",
]


def configured_url(explicit: str | None = None) -> str | None:
    return explicit or os.environ.get("LANGUAGETOOL_URL") or None


@contextlib.contextmanager
def open_engine(url: str | None = None) -> Iterator[LanguageToolClient]:
    """An engine for the duration of the block (see the module docstring for which)."""
    remote = configured_url(url)
    if remote:
        yield LanguageToolClient(remote)
        return
    running, server = shared.use_or_start()
    if server is None:
        yield LanguageToolClient(running)
        return
    try:
        yield LanguageToolClient(server.url, max_text_length=server.settings.max_text_length, server=server)
    finally:
        shared.unpublish(server)
        server.stop()
