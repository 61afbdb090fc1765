"""gunicorn settings for Wirecheck: `gunicorn -c gunicorn.conf.py` (or `python -m checker serve`).

The master starts one LanguageTool server before it forks the workers and stops it on exit, so
all workers share one JVM. With $LANGUAGETOOL_URL set, that server is used instead.
Host, port and workers come from $WIRECHECK_HOST, $WIRECHECK_PORT and $WIRECHECK_WORKERS, or
from gunicorn's own --bind and --workers options, which take precedence.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

# The repository, wherever gunicorn is started from: wsgi.py and the checker package live here.
chdir = str(Path(__file__).resolve().parent)
wsgi_app = "wsgi:app"
bind = [f"{os.environ.get('WIRECHECK_HOST', '127.0.0.1')}:{os.environ.get('WIRECHECK_PORT', '8000')}"]
workers = int(os.environ.get("WIRECHECK_WORKERS", "2"))
# Threads: a request spends its time waiting for LanguageTool, which checks in parallel.
worker_class = "gthread"
threads = int(os.environ.get("WIRECHECK_THREADS", "4"))
# A long text is checked in pieces of up to 60 s each (see checker.engine.server).
timeout = 180
graceful_timeout = 20
accesslog = "-"
errorlog = "-"
proc_name = "wirecheck"
# gunicorn's control socket (one fixed path per user) would clash between instances; unused here.
control_socket_disable = True

_languagetool: Any = None


def on_starting(server: Any) -> None:
    """In the master, before forking: make sure there is a LanguageTool for the workers."""
    global _languagetool
    if os.environ.get("LANGUAGETOOL_URL"):
        server.log.info("Using LanguageTool at %s", os.environ["LANGUAGETOOL_URL"])
        return
    # Imported here, not at the top: gunicorn reads this file before it changes to `chdir`.
    from checker.engine import shared  # noqa: PLC0415
    from checker.errors import CheckerError  # noqa: PLC0415

    server.log.info("Using the host's LanguageTool, or starting one (about 15 seconds) …")
    try:
        running, _languagetool = shared.use_or_start()
    except CheckerError as exc:
        # What is missing, in one line, rather than a traceback from gunicorn.
        server.log.error("LanguageTool cannot start: %s", exc.message)
        raise SystemExit(2) from None
    # One server per host: one that `python -m checker languagetool` runs is used as it is.
    os.environ["LANGUAGETOOL_URL"] = running
    server.log.info("LanguageTool %s is ready", running)


def on_exit(server: Any) -> None:
    global _languagetool
    if _languagetool is None:
        return
    from checker.engine import shared  # noqa: PLC0415

    server.log.info("Stopping LanguageTool %s", _languagetool.url)
    shared.unpublish(_languagetool)
    _languagetool.stop()
    _languagetool = None
