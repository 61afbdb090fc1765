"""The command line: `wirecheck check|names|languagetool|install-engine|serve` (also `python -m checker`).

Exit status: 0 passed the gate (`--fail-on`, `--max-issues`), 1 failed it, 2 could not check
(usage, unreadable input or configuration, engine failure, nothing to check; of many files, the
readable ones are still reported), 141 stdout's reader went away (`| head`).
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NoReturn

from checker.cli.front_matter import front_matter_language
from checker.cli.names import add_database_option, add_names_arguments, names_command, with_dictionary
from checker.cli.progress import Progress
from checker.cli.project_config import COMMAND_LINE, UNSET, ProjectConfig, Unset, default_config, load_config
from checker.cli.report_cache import Job, ReportCache
from checker.engine import background, host, open_engine
from checker.engine import install as engine_install
from checker.engine.choice import configured_url
from checker.engine.host import own_engine_identity
from checker.errors import CheckerError, InputError, InvalidRequest
from checker.filters.baseline import only_new, read_baseline, write_baseline
from checker.filters.changed_lines import only_changed
from checker.filters.gate import FAIL_LEVELS, Gate
from checker.filters.suppression import without_rules, without_suppressed
from checker.formats import FORMATS
from checker.formats.detect import detect_format
from checker.formats.files import STDIN, Source, expand, read_path, read_stream
from checker.house import Profile, load_profile
from checker.house.warm_up import warm_up_for, warm_up_for_file
from checker.languagetool import Engine
from checker.languagetool.caching import CachingEngine
from checker.languagetool.stores import DiskStore
from checker.options import LANGUAGES, CheckOptions
from checker.outputs import OUTPUTS
from checker.outputs.summary import summary_lines
from checker.pipeline import check
from checker.records import Report, Results

EXIT_CLEAN, EXIT_ERROR = 0, 2
# What a shell reports for a program that SIGPIPE ended: its reader (`| head`) had gone.
EXIT_BROKEN_PIPE = 128 + 13


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def _split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wirecheck", description="German text-quality checks for news-agency wire copy.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _add_check_arguments(commands.add_parser("check", help="check files (or - for stdin) and report findings"))
    add_names_arguments(
        commands.add_parser("names", help="the names dictionary: list, add, remove, export, import (docs/names.md)")
    )
    foreground = commands.add_parser("languagetool", help="run the LanguageTool server in the foreground")
    foreground.add_argument("--port", type=int, default=None, help="port on 127.0.0.1 (default: a free one)")
    _add_background_server_arguments(
        commands.add_parser(
            "server", help="the background LanguageTool the command line starts on first use: status, stop"
        )
    )
    commands.add_parser("install-engine", help="fetch the pinned LanguageTool jars (does nothing if present)")
    _add_serve_arguments(
        commands.add_parser("serve", help="serve the editors' web app with gunicorn (and LanguageTool)")
    )
    return parser


def _add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "paths", nargs="*", help="files, globs (quoted, ** allowed) or - for stdin (default: the project's include)"
    )
    check.add_argument("--format", choices=sorted(OUTPUTS), default="text", help="output format (default: text)")
    check.add_argument(
        "--language", choices=LANGUAGES, default=None, help="German variant (default: the document's, else de-DE)"
    )
    check.add_argument(
        "--input-format", choices=["auto", *FORMATS], default=None, help="input format (default: detected)"
    )
    _add_rule_options(check)
    check.add_argument("--jobs", type=int, default=4, help="files checked at once (default 4)")
    check.add_argument(
        "--no-cache", action="store_true", help="ask LanguageTool about every paragraph, without the result cache"
    )
    _add_url_option(check)
    _add_gate_options(check)


def _add_rule_options(check: argparse.ArgumentParser) -> None:
    """Which rules check: the house profile, the learned layer, rules and categories on and off."""
    check.add_argument(
        "--profile", default=None, metavar="TOML", help="house style profile (default: the built-in default profile)"
    )
    check.add_argument(
        "--no-house", action="store_true", help="LanguageTool alone: no house rules, no names dictionary"
    )
    add_database_option(check)
    check.add_argument("--picky", action="store_true", help="also LanguageTool's picky rules")
    check.add_argument(
        "--no-model", action="store_true", help="without the learned layer (no model findings, no confidence filter)"
    )
    check.add_argument("--enable", type=_split_list, default=[], metavar="RULES", help="rule ids, comma-separated")
    check.add_argument("--disable", type=_split_list, default=[], metavar="RULES", help="rule ids, comma-separated")
    check.add_argument("--enable-category", type=_split_list, default=[], metavar="IDS")
    check.add_argument("--disable-category", type=_split_list, default=[], metavar="IDS")


def _add_background_server_arguments(server: argparse.ArgumentParser) -> None:
    server.add_argument("action", choices=["status", "stop", "run"], help="run: be that server")
    server.add_argument(
        "--idle-timeout", type=float, default=background.IDLE_TIMEOUT, help="seconds unused before it stops"
    )
    server.add_argument(
        "--force", action="store_true", help="stop: also while other processes (a `wirecheck serve`) use it"
    )


def _add_serve_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument(
        "--workers", type=int, default=2, help="gunicorn workers (default 2); all share one LanguageTool"
    )


def _add_gate_options(check: argparse.ArgumentParser) -> None:
    """The options of checks in CI: gate, project configuration, baseline, changed lines."""
    check.add_argument(
        "--fail-on", choices=FAIL_LEVELS, default=None, help="least severity that fails the run (default: error)"
    )
    check.add_argument(
        "--max-issues",
        type=_max_issues,
        default=None,
        metavar="N",
        help="fail with more than N findings (none: no limit, whatever the project file says)",
    )
    config = check.add_mutually_exclusive_group()
    config.add_argument("--config", default=None, metavar="TOML", help="project configuration (default: found)")
    config.add_argument("--no-config", action="store_true", help="ignore .wirecheck.toml and [tool.wirecheck]")
    check.add_argument("--print-config", action="store_true", help="show the settings and where each came from")
    check.add_argument("--baseline", default=None, metavar="FILE", help="report only findings not in FILE")
    check.add_argument("--write-baseline", default=None, metavar="FILE", help="record today's findings in FILE")
    check.add_argument("--report-stale", action="store_true", help="list baseline entries no longer found")
    check.add_argument("--changed-since", default=None, metavar="REF", help="only findings on lines changed since REF")


def _max_issues(value: str) -> int | Unset:
    if value.strip().lower() == UNSET.value:
        return UNSET
    try:
        count = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number, nor none") from None
    if count < 0:
        raise argparse.ArgumentTypeError(f"{count} is less than 0; none means no limit")
    return count


def _add_url_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--languagetool-url",
        default=None,
        metavar="URL",
        help="use this running LanguageTool server (default: $LANGUAGETOOL_URL, else a local one)",
    )


def _read(path: str) -> Source:
    return read_stream(sys.stdin.buffer) if path == STDIN else read_path(path)


def _jobs(paths: Sequence[str], args: argparse.Namespace, config: ProjectConfig) -> tuple[list[Job], list[InputError]]:
    """Each file that can be read, with its options, and why each other one cannot be checked."""
    jobs: list[Job] = []
    unchecked: list[InputError] = []
    for path in paths:
        try:
            source = _read(path)
            if source.notice:
                print(f"wirecheck: note: {source.path}: {source.notice}", file=sys.stderr)
            jobs.append((source, _options_for(source, args, config)))
        except (InputError, InvalidRequest) as exc:
            unchecked.append(_about_file(exc, "<stdin>" if path == STDIN else path))
    return jobs, unchecked


def _about_file(error: CheckerError, path: str) -> InputError:
    """`error`, which refuses one file, as an input error that names the file."""
    if isinstance(error, InputError):
        return error
    return InputError(error.message, reason=error.reason, path=path, **error.details)


def _report_unchecked(unchecked: Sequence[InputError], total: int) -> None:
    for error in unchecked:
        print(f"error: {error.message}", file=sys.stderr)
    if total > 1:
        print(f"wirecheck: {len(unchecked)} of {total} files could not be checked", file=sys.stderr)


def check_command(args: argparse.Namespace) -> int:
    config = _project_config(args)
    if args.print_config:
        sys.stdout.write(config.describe())
        return EXIT_CLEAN
    gate = Gate(config["fail_on"], config["max_issues"])
    profile = with_dictionary(load_profile(config["profile"]), args.database) if config["house"] else None
    paths = _paths(args.paths, config)
    if paths.count(STDIN) > 1:
        raise CheckerError("stdin (-) can be read only once")
    jobs, unchecked = _jobs(paths, args, config)  # all reading errors before the engine starts
    results, refused = _check_all(jobs, args, profile)
    unchecked += refused
    if unchecked and not results:
        _report_unchecked(unchecked, len(paths))
        return EXIT_ERROR
    switched_off = config["disable"]
    results = [(path, without_rules(without_suppressed(report), switched_off)) for path, report in results]
    results = _only_what_is_new(results, args, complete=not unchecked)
    sys.stdout.write(OUTPUTS[args.format](results, gate=gate))
    if args.format != "text":
        print("\n".join(summary_lines(results)), file=sys.stderr)
    if unchecked:
        _report_unchecked(unchecked, len(paths))
    if args.write_baseline:
        return EXIT_ERROR if unchecked else EXIT_CLEAN
    verdict = gate.judge([report for _, report in results])
    if not verdict.passed:
        print(f"wirecheck: failed: {verdict.reason} (fail_on {gate.fail_on})", file=sys.stderr)
    return EXIT_ERROR if unchecked else verdict.exit_status


def _project_config(args: argparse.Namespace) -> ProjectConfig:
    if args.no_config:
        config = default_config()
    else:
        config = load_config(Path(args.config) if args.config else None, start=_start_folder(args.paths))
        for warning in config.warnings:
            print(f"wirecheck: warning: {warning}", file=sys.stderr)
    flags: dict[str, Any] = {
        "language": args.language,
        "profile": args.profile,
        "house": False if args.no_house else None,
        "picky": True if args.picky else None,
        "input_format": args.input_format,
        "enable": args.enable or None,
        "disable": args.disable or None,
        "enable_categories": args.enable_category or None,
        "disable_categories": args.disable_category or None,
        "fail_on": args.fail_on,
        "max_issues": args.max_issues,
    }
    return config.with_flags(flags)


def _start_folder(paths: Sequence[str]) -> Path:
    """Where the search for a configuration file starts: the first checked path's folder."""
    for path in paths:
        if path == STDIN:
            continue
        folder = path
        while glob.has_magic(folder):
            folder = os.path.dirname(folder)
        return Path(folder if os.path.isdir(folder) else os.path.dirname(folder) or ".")
    return Path.cwd()


def _paths(arguments: Sequence[str], config: ProjectConfig) -> list[str]:
    if not arguments:
        if not config["include"]:
            raise InvalidRequest("no files given, and no include globs in a configuration file", reason="no_paths")
        paths = config.included_files()
        if not paths:
            raise InvalidRequest(f"the include globs of {config.path} match no file", reason="no_paths")
        return paths
    paths = expand(list(arguments))
    # A file that is not there is an error, whatever the globs say; reading it says so.
    selected = [path for path in paths if path == STDIN or not os.path.exists(path) or config.is_selected(path)]
    if not selected:
        named = ", ".join(paths[:5]) + (", …" if len(paths) > 5 else "")
        raise InvalidRequest(f"every file given is excluded by {config.path}: {named}", reason="all_excluded")
    return selected


def _only_what_is_new(results: Results, args: argparse.Namespace, *, complete: bool) -> Results:
    """The results without baseline findings (`--baseline`) and, with `--changed-since`, only
    those on changed lines. `--write-baseline` records every finding first, unless some file
    could not be checked (not `complete`): a baseline without its findings would lose them."""
    if args.write_baseline and not complete:
        print(f"wirecheck: baseline {args.write_baseline} not written: not every file was checked", file=sys.stderr)
    elif args.write_baseline:
        count = write_baseline(results, Path(args.write_baseline))
        print(f"wirecheck: wrote {count} findings to the baseline {args.write_baseline}", file=sys.stderr)
    elif args.baseline:
        baseline = Path(args.baseline)
        results, stale = only_new(results, baseline, read_baseline(baseline))
        if args.report_stale:
            for entry in stale:
                print(f"{entry.path}: stale baseline entry: {entry.rule} »{entry.text}«", file=sys.stderr)
            print(f"wirecheck: {len(stale)} stale baseline entries in {baseline}", file=sys.stderr)
    if args.changed_since:
        results = only_changed(results, args.changed_since)
    return results


def _check_all(
    jobs: Sequence[Job], args: argparse.Namespace, profile: Profile | None
) -> tuple[Results, list[InputError]]:
    """Each file's report: from the per-user cache where it was checked exactly so before (whole
    reports, checker.cli.report_cache; LanguageTool's answers per paragraph,
    checker.languagetool.caching), else checked; the engine starts only if a file needs it. The
    files whose content the check refuses come back as their errors."""
    store = None if args.no_cache else DiskStore()
    own_engine = configured_url(args.languagetool_url) is None
    reports = ReportCache(store, own_engine_identity(), profile) if store is not None and own_engine else None
    done: dict[int, Report | InputError] = {}
    done.update(reports.find(jobs) if reports is not None else {})
    if len(done) < len(jobs):
        with open_engine(args.languagetool_url, background=background.wanted(), warm_up=warm_up_for(profile)) as client:
            engine = CachingEngine(client, store)
            if store is not None and not own_engine:
                reports = ReportCache(store, engine.identity(), profile)
                done = dict(reports.find(jobs))
            todo = {index: job for index, job in enumerate(jobs) if index not in done}
            done.update(_check_each(todo, args.jobs, profile, engine, reports))
    outcomes = [(source.path, done[index]) for index, (source, _) in enumerate(jobs)]
    results = [(path, outcome) for path, outcome in outcomes if isinstance(outcome, Report)]
    return results, [outcome for _, outcome in outcomes if isinstance(outcome, InputError)]


def _check_each(
    jobs: dict[int, Job], workers: int, profile: Profile | None, engine: Engine, reports: ReportCache | None
) -> dict[int, Report | InputError]:
    progress = Progress(len(jobs))

    def check_one(job: Job) -> Report | InputError:
        source, options = job
        try:
            report = check(source.text, options, engine=engine, profile=profile, path=source.path)
        except (InputError, InvalidRequest) as exc:
            return _about_file(exc, source.path)
        finally:
            progress.advance()
        if reports is not None:
            reports.keep(job, report)
        return report

    try:
        with ThreadPoolExecutor(max_workers=min(max(1, workers), len(jobs) or 1)) as pool:
            return dict(zip(jobs, pool.map(check_one, jobs.values()), strict=True))
    finally:
        progress.close()


def _options_for(source: Source, args: argparse.Namespace, config: ProjectConfig) -> CheckOptions:
    """One file's options: its input format by the configuration's globs, and its language: a
    flag, else the file's front matter over the configuration's language."""
    input_format = config.input_format_for(source.path)
    language = config["language"]
    if language is not None and config.settings["language"].source != COMMAND_LINE:
        markdown = (input_format or detect_format(source.text, filename=source.path)) == "markdown"
        language = (front_matter_language(source.text) if markdown else None) or language
    return CheckOptions(
        language=language,
        format=input_format,
        picky=config["picky"],
        model=False if args.no_model else None,
        enabled_rules=tuple(config["enable"]),
        disabled_rules=tuple(config["disable"]),
        enabled_categories=tuple(config["enable_categories"]),
        disabled_categories=tuple(config["disable_categories"]),
    )


def languagetool_command(args: argparse.Namespace) -> int:
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    server = host.start_for_host(args.port, warm_up=warm_up_for_file())
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
    cache = engine_install.record_start_cache(warm_up=warm_up_for_file())
    print(f"LanguageTool {engine_install.pinned_version()} is installed in {lib}")
    if cache is not None:
        print(f"Its start-up cache is {cache}")
    return EXIT_CLEAN


def serve_command(args: argparse.Namespace) -> int:
    # Imported here: the checking commands must not need the web stack.
    from checker.web.serve import serve  # noqa: PLC0415

    serve(host=args.host, port=args.port, workers=args.workers)  # execs gunicorn: does not return
    return EXIT_CLEAN


def server_command(args: argparse.Namespace) -> int:
    if args.action == "run":
        background.run(args.idle_timeout, warm_up=warm_up_for_file())
    elif args.action == "stop":
        print(
            "LanguageTool stopped."
            if background.stop_server(force=args.force)
            else "No LanguageTool runs on this host."
        )
    else:
        found = background.status()
        print(json.dumps(found, indent=2))
        return EXIT_CLEAN if found["running"] else 3
    return EXIT_CLEAN


COMMANDS = {
    "check": check_command,
    "names": names_command,
    "languagetool": languagetool_command,
    "install-engine": install_command,
    "server": server_command,
    "serve": serve_command,
}


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        status = COMMANDS[args.command](args)
        sys.stdout.flush()  # here, so that a reader gone is noticed here
        return status
    except CheckerError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """Stops quietly, as Unix tools do, when stdout's reader has gone (`| head`)."""
    # Python flushes stdout once more on exit; into /dev/null that cannot fail.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE
