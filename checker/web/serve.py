"""`serve(host, port, workers)`: runs the web app under gunicorn with the package's settings
(checker.web.gunicorn_config).

gunicorn replaces this process, so Ctrl-C and SIGTERM reach its master directly, which stops
the workers and then LanguageTool.
"""

from __future__ import annotations

import os
import sys

CONFIG = "python:checker.web.gunicorn_config"


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        CONFIG,
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
    ]


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 2) -> None:
    """Does not return: execs gunicorn."""
    command = gunicorn_command(host, port, workers)
    os.execv(command[0], command)
