"""The command line: `wirecheck check|languagetool|install-engine|serve` (also `python -m checker`).

Exit status: 0 no findings, 1 findings, 2 usage, input or engine error.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import NoReturn

from checker.errors import CheckerError
from checker.files import STDIN, Source, expand, read_path, read_stream
from checker.formats import FORMATS
from checker.house import Profile, load_profile
from checker.languagetool import Engine, host, open_engine
from checker.languagetool import install as engine_install
from checker.options import LANGUAGES, CheckOptions
from checker.outputs import OUTPUTS
from checker.pipeline import check
from checker.records import Report

EXIT_CLEAN, EXIT_ERROR = 0, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wirecheck", description="German text-quality checks for news-agency wire copy.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="check files (or - for stdin) and report findings")
    check.add_argument("paths", nargs="+", help="files, globs (quoted, ** allowed) or - for stdin")
    check.add_argument("--format", choices=sorted(OUTPUTS), default="text", help="output format (default: text)")
    check.add_argument(
        "--language", choices=LANGUAGES, default=None, help="German variant (default: the document's, else de-DE)"
    )
    check.add_argument(
        "--input-format", choices=["auto", *FORMATS], default="auto", help="input format (default: detected)"
    )
    check.add_argument(
        "--profile", default=None, metavar="TOML", help="house style profile (default: the built-in default profile)"
    )
    check.add_argument(
        "--no-house", action="store_true", help="LanguageTool alone: no house rules, no names dictionary"
    )
    check.add_argument("--picky", action="store_true", help="also LanguageTool's picky rules")
    check.add_argument("--enable", type=_split_list, default=[], metavar="RULES", help="rule ids, comma-separated")
    check.add_argument("--disable", type=_split_list, default=[], metavar="RULES", help="rule ids, comma-separated")
    check.add_argument("--enable-category", type=_split_list, default=[], metavar="IDS")
    check.add_argument("--disable-category", type=_split_list, default=[], metavar="IDS")
    check.add_argument("--jobs", type=int, default=4, help="files checked at once (default 4)")
    _add_url_option(check)

    server = commands.add_parser("languagetool", help="run the LanguageTool server in the foreground")
    server.add_argument("--port", type=int, default=None, help="port on 127.0.0.1 (default: a free one)")

    commands.add_parser("install-engine", help="fetch the pinned LanguageTool jars (does nothing if present)")

    serve = commands.add_parser("serve", help="serve the editors' web app with gunicorn (and LanguageTool)")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--workers", type=int, default=2, help="gunicorn workers (default 2); all share one LanguageTool"
    )
    return parser


def _add_url_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--languagetool-url",
        default=None,
        metavar="URL",
        help="use this running LanguageTool server (default: $LANGUAGETOOL_URL, else a local one)",
    )


def _read(path: str) -> Source:
    return read_stream(sys.stdin.buffer) if path == STDIN else read_path(path)


def check_command(args: argparse.Namespace) -> int:
    profile = None if args.no_house else load_profile(args.profile)
    paths = expand(args.paths)
    if paths.count(STDIN) > 1:
        raise CheckerError("stdin (-) can be read only once")
    sources = [_read(path) for path in paths]  # all input errors before the engine starts
    with open_engine(args.languagetool_url) as engine:
        results = _check_all(sources, args, profile, engine)
    sys.stdout.write(OUTPUTS[args.format](results))
    return max((report.return_code for _, report in results), default=EXIT_CLEAN)


def _check_all(
    sources: Sequence[Source], args: argparse.Namespace, profile: Profile | None, engine: Engine
) -> list[tuple[str, Report]]:
    options = CheckOptions(
        language=args.language,
        format=None if args.input_format == "auto" else args.input_format,
        picky=args.picky,
        enabled_rules=tuple(args.enable),
        disabled_rules=tuple(args.disable),
        enabled_categories=tuple(args.enable_category),
        disabled_categories=tuple(args.disable_category),
    )

    def check_one(source: Source) -> Report:
        return check(source.text, options, engine=engine, profile=profile, path=source.path)

    with ThreadPoolExecutor(max_workers=min(max(1, args.jobs), len(sources))) as pool:
        reports = pool.map(check_one, sources)
        return [(source.path, report) for source, report in zip(sources, reports, strict=True)]


def languagetool_command(args: argparse.Namespace) -> int:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    server = host.start_for_host(args.port)
    try:
        print(
            f"LanguageTool {engine_install.pinned_version()} listens on {server.url} "
            f"(pid {server.pid}, heap {server.settings.heap}); Ctrl-C stops it.",
            flush=True,
        )
        print(f"Other programs use it with LANGUAGETOOL_URL={server.url}", flush=True)
        stop.wait()
    finally:
        host.unpublish(server)
        server.stop()
        print("LanguageTool stopped.", flush=True)
    return EXIT_CLEAN


def install_command(_: argparse.Namespace) -> int:
    lib = engine_install.install()
    print(f"LanguageTool {engine_install.pinned_version()} is installed in {lib}")
    return EXIT_CLEAN


def serve_command(args: argparse.Namespace) -> int:
    # Imported here: the checking commands must not need the web stack.
    from checker.web.serve import serve  # noqa: PLC0415

    serve(host=args.host, port=args.port, workers=args.workers)  # execs gunicorn: does not return
    return EXIT_CLEAN


COMMANDS = {
    "check": check_command,
    "languagetool": languagetool_command,
    "install-engine": install_command,
    "serve": serve_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except CheckerError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
