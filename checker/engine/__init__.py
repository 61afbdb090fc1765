"""The LanguageTool server on this host: installing the pinned jars, finding Java, starting,
sharing, watching and stopping the server, and choosing which server a process uses.

`engine/` imports nothing from `house`, `learned`, `pipeline` or the front ends: what a new
server is asked first (its warm-up) is given by the caller.
"""

from __future__ import annotations

from checker.engine.choice import configured_url, open_engine
from checker.engine.server import LocalServer, ServerSettings

__all__ = ["LocalServer", "ServerSettings", "configured_url", "open_engine"]
