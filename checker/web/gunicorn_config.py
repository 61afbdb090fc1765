"""gunicorn settings for Wirecheck: `gunicorn -c python:checker.web.gunicorn_config` (or
`wirecheck serve`).

The master chooses the LanguageTool server before it forks the workers (checker.engine's
`open_engine`: $LANGUAGETOOL_URL, the host's server, or one it starts and stops on exit); the
workers use the same one, so all workers share one JVM.
Host, port and workers come from $WIRECHECK_HOST, $WIRECHECK_PORT and $WIRECHECK_WORKERS, or
from gunicorn's own --bind and --workers options, which take precedence.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from typing import Any

from gunicorn import glogging

wsgi_app = "checker.web.wsgi:app"
bind = [f"{os.environ.get('WIRECHECK_HOST', '127.0.0.1')}:{os.environ.get('WIRECHECK_PORT', '8000')}"]
workers = int(os.environ.get("WIRECHECK_WORKERS", "2"))
# Threads: a request spends its time waiting for LanguageTool, which checks in parallel. Many
# more threads than checks at once (MAX_CONCURRENT_CHECKS): every request reaches admission
# control at once, so a check waits at most ADMISSION_WAIT before it is refused, and pages,
# static files and /healthz always find a free thread. Requests beyond the threads wait in
# gunicorn's queue, where nothing bounds the wait: at 64 clients, 16 threads gave a p99 over 15 s
# and /healthz up to 12 s, 64 threads a p99 of 8-10 s and refusals after 5 s (docs/reliability.md).
worker_class = "gthread"
threads = int(os.environ.get("WIRECHECK_THREADS", "64"))
# A long text is checked in pieces of up to 60 s each (see checker.engine.server).
timeout = 180
graceful_timeout = 20
accesslog = "-"
# The path without its query string, and no Referer: `GET /v2/check?text=…` carries a whole
# unpublished draft, and a referring page's address may too.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s "%(a)s"'
errorlog = "-"


class _NoQueryStrings(logging.Filter):
    """Cuts query strings out of what gunicorn logs: a request line it cannot parse is logged
    whole, and `GET /v2/check?text=…` carries a draft."""

    _QUERY = re.compile(r"\?[^\s'\"]*")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "?" in message:
            record.msg, record.args = self._QUERY.sub("?…", message), None
        return True


class Logger(glogging.Logger):  # type: ignore[misc]
    """gunicorn's logger, with no query string in its error log."""

    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        self.error_log.addFilter(_NoQueryStrings())


logger_class = Logger
proc_name = "wirecheck"
# gunicorn's control socket (one fixed path per user) would clash between instances; unused here.
control_socket_disable = True

_engine_scope = contextlib.ExitStack()


def on_starting(server: Any) -> None:
    """In the master, before forking: the LanguageTool every worker uses."""
    # Imported here: gunicorn reads this module before the app, and the master needs no more.
    from checker.engine import configured_url, open_engine  # noqa: PLC0415
    from checker.engine.choice import FOLLOW_HOST  # noqa: PLC0415
    from checker.errors import CheckerError  # noqa: PLC0415
    from checker.house.warm_up import warm_up_for_file  # noqa: PLC0415

    server.log.info("Choosing LanguageTool: $LANGUAGETOOL_URL, the host's, or one started now (about 15 s) …")
    try:
        warm_up = warm_up_for_file(os.environ.get("WIRECHECK_PROFILE") or None)
        engine = _engine_scope.enter_context(open_engine(kind="serve", keep=True, warm_up=warm_up))
    except CheckerError as exc:
        # What is missing, in one line, rather than a traceback from gunicorn.
        server.log.error("LanguageTool cannot start: %s", exc.message)
        raise SystemExit(2) from None
    # Workers are other processes: they get the choice through the variables every entry point
    # reads. With the host's server they follow the one published, which this master keeps (it
    # adopts or starts the next when the one in use goes away).
    if configured_url() is None:
        os.environ[FOLLOW_HOST] = "1"
    server.log.info("LanguageTool %s is ready", engine.url)


def on_exit(server: Any) -> None:
    server.log.info("Stopping LanguageTool if this server started it")
    _engine_scope.close()
