"""`serve(host, port, workers)`: runs the web app under gunicorn with the repository's config.

gunicorn replaces this process, so Ctrl-C and SIGTERM reach its master directly, which stops
the workers and then LanguageTool (see gunicorn.conf.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "gunicorn.conf.py"


def gunicorn_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(CONFIG),
        "--chdir",
        str(ROOT),
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
    ]


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 2) -> None:
    """Does not return: execs gunicorn."""
    command = gunicorn_command(host, port, workers)
    os.execv(command[0], command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m checker serve",
        description="Startet die Web-Oberfläche und die JSON-API (gunicorn und LanguageTool).",
    )
    parser.add_argument("--host", default=os.environ.get("WIRECHECK_HOST", "127.0.0.1"), help="Adresse (127.0.0.1)")
    parser.add_argument("--port", type=int, default=int(os.environ.get("WIRECHECK_PORT", "8000")), help="Port (8000)")
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WIRECHECK_WORKERS", "2")),
        help="gunicorn-Worker (2); alle teilen sich einen LanguageTool-Server",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    serve(args.host, args.port, args.workers)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main())
