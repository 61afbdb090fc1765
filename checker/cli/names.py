"""`wirecheck names list|add|remove|export|import`: the names dictionary on the command line, and
the accepted names for `wirecheck check` (docs/names.md).

The database is the one the web app uses: `--database URL`, else $WIRECHECK_DATABASE_URL, else
the SQLite file in the data folder. A check asks it only when it is configured or the file exists,
and goes on with the profile's names (with a warning) when it does not answer.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from checker.house import Profile
from checker.names import (
    NAME_KINDS,
    NAME_STATUSES,
    NameNotFound,
    NameStore,
    NamesUnavailable,
    database_url,
    from_profile_toml,
    new_entry,
    to_profile_toml,
    with_entries,
)
from checker.names.store import DATABASE_URL_VARIABLE, default_database_url


def add_database_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        default=None,
        metavar="URL",
        help=f"the names dictionary's database (default: ${DATABASE_URL_VARIABLE}, else the data folder's SQLite file)",
    )


def add_names_arguments(names: argparse.ArgumentParser) -> None:
    actions = names.add_subparsers(dest="action", required=True, parser_class=type(names))
    listing = actions.add_parser("list", help="the entries, by name")
    listing.add_argument("--status", choices=NAME_STATUSES, default=None)
    listing.add_argument("--kind", choices=NAME_KINDS, default=None)
    listing.add_argument("--json", action="store_true", help="as JSON, one object per entry")
    add = actions.add_parser("add", help="add an accepted name (or --proposed)")
    add.add_argument("name")
    add.add_argument("--kind", choices=NAME_KINDS, default="other")
    add.add_argument("--variant", action="append", default=[], help="a spelling it replaces (repeatable)")
    add.add_argument("--proposed", action="store_true", help="propose it for review instead")
    remove = actions.add_parser("remove", help="delete a name")
    remove.add_argument("name")
    export = actions.add_parser("export", help="the accepted names as a profile's [names] and [spelling] TOML")
    export.add_argument("--output", "-o", default=None, metavar="FILE", help="write to FILE (default: stdout)")
    imported = actions.add_parser("import", help="add the names of a profile TOML file as accepted")
    imported.add_argument("file")
    for parser in (listing, add, remove, export, imported):
        add_database_option(parser)


def names_command(args: argparse.Namespace) -> int:
    store = NameStore(database_url(args.database))
    try:
        if args.action == "list":
            _list(store, args)
        elif args.action == "add":
            status = "proposed" if args.proposed else "accepted"
            entry = new_entry(args.name, kind=args.kind, variants=args.variant, status=status, added_by=_author())
            stored, created = store.add(entry)
            print(f"{'added' if created else 'already there'}: {stored.name} ({stored.kind}, {stored.status})")
        elif args.action == "remove":
            if not store.remove(args.name):
                raise NameNotFound(f"no name {args.name!r} in the dictionary", name=args.name)
            print(f"removed: {args.name}")
        elif args.action == "export":
            _export(store, args.output)
        else:
            entries = from_profile_toml(Path(args.file), added_by=_author())
            added = store.add_many(entries)
            print(f"imported {len(entries)} names from {args.file}: {added} new")
    finally:
        store.close()
    return 0  # failures are raised: CheckerError, exit status 2


def _list(store: NameStore, args: argparse.Namespace) -> None:
    for entry in store.entries(status=args.status, kind=args.kind):
        if args.json:
            print(json.dumps(entry.to_dict(), ensure_ascii=False))
        else:
            variants = f"\treplaces {', '.join(entry.variants)}" if entry.variants else ""
            print(f"{entry.name}\t{entry.kind}\t{entry.status}{variants}")


def _export(store: NameStore, output: str | None) -> None:
    text = to_profile_toml(store.accepted())
    if output is None:
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        print(f"wrote the accepted names to {output}", file=sys.stderr)


def _author() -> str:
    try:
        return f"cli ({getpass.getuser()})"
    except (KeyError, OSError):
        return "cli"


def with_dictionary(profile: Profile, configured: str | None) -> Profile:
    """`profile` with the dictionary's accepted names, when a database is configured or the
    default file exists; the profile alone, with a warning, when it does not answer."""
    if not (configured or os.environ.get(DATABASE_URL_VARIABLE) or _default_file_exists()):
        return profile
    try:
        store = NameStore(database_url(configured))
        try:
            return with_entries(profile, store.accepted())
        finally:
            store.close()
    except NamesUnavailable as exc:
        print(f"wirecheck: warning: checking with the profile's names alone: {exc.message}", file=sys.stderr)
        return profile


def _default_file_exists() -> bool:
    return Path(default_database_url().removeprefix("sqlite:///")).exists()
