"""The names dictionary in a database: SQLite by default (one file in the app's data folder),
PostgreSQL for several app hosts; `WIRECHECK_DATABASE_URL` chooses. SQLAlchemy's query builder
only (every value a bound parameter); the schema is Alembic's migrations (checker/names/migrations/),
brought up to date when a store is first used.

Database failures are caught here and raised as `NamesUnavailable`: a check goes on with the
profile's names, and an editor's input is never lost for it.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from checker.errors import CheckerError
from checker.names.entries import NameEntry, NameKind, NameStatus, clean_kind, clean_status

DATABASE_URL_VARIABLE = "WIRECHECK_DATABASE_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Seconds to wait for a database server to accept a connection; a check does not wait longer.
DATABASE_CONNECT_TIMEOUT = 3
# After a failure, seconds during which the store is taken as unavailable without asking again,
# so that checks do not each wait for a database that is down.
RETRY_AFTER_FAILURE = 10.0

METADATA = sa.MetaData()
NAMES_TABLE = sa.Table(
    "names",
    METADATA,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("variants", sa.JSON, nullable=False),
    sa.Column("status", sa.String(10), nullable=False, index=True),
    sa.Column("added_by", sa.String(100), nullable=False),
    sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("seen_in", sa.String(300), nullable=False),
    sa.CheckConstraint("status IN ('proposed', 'accepted', 'rejected')", name="names_status"),
    sa.CheckConstraint("kind IN ('person', 'place', 'organisation', 'other')", name="names_kind"),
)


class NamesUnavailable(CheckerError):
    """The names dictionary's database does not answer (or refused the request)."""

    code = "names_unavailable"
    http_status = 503


class NameNotFound(CheckerError):
    """No entry of that name in the dictionary."""

    code = "not_found"
    http_status = 404


class NameConflict(CheckerError):
    """Another entry has that name already (renaming one onto another)."""

    code = "conflict"
    http_status = 409


def data_folder() -> Path:
    """The app's data folder: $WIRECHECK_DATA_DIR, else $XDG_DATA_HOME/wirecheck, else
    ~/.local/share/wirecheck."""
    configured = os.environ.get("WIRECHECK_DATA_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "wirecheck"


def default_database_url() -> str:
    return f"sqlite:///{data_folder() / 'names.sqlite3'}"


def database_url(configured: str | None = None) -> str:
    """The URL given, else $WIRECHECK_DATABASE_URL, else the SQLite file in the data folder."""
    return configured or os.environ.get(DATABASE_URL_VARIABLE) or default_database_url()


def shown_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except (ValueError, SQLAlchemyError):
        return "(an unreadable database URL)"


def _engine_for(url: str) -> Engine:
    try:
        parsed = sa.make_url(url)
    except (ValueError, SQLAlchemyError) as exc:
        raise NamesUnavailable(f"the database URL {shown_url(url)} cannot be read: {exc}", reason="bad_url") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    connect_args: dict[str, Any] = {}
    if parsed.get_backend_name() == "sqlite":
        connect_args["timeout"] = 15  # seconds another process's write may hold the file
    elif parsed.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    try:
        return sa.create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    except (ImportError, SQLAlchemyError, ValueError) as exc:
        raise NamesUnavailable(f"no database for {shown_url(url)}: {exc}", reason="bad_url") from exc


def migrations_config(connection: Connection) -> Config:
    """Alembic's configuration for our migrations, run on `connection`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


class NameStore:
    """The dictionary in the database at `url`; safe to share between threads."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine = _engine_for(url)
        self._ready = False
        self._lock = threading.Lock()
        self._failed_at: float | None = None

    def __repr__(self) -> str:
        return f"NameStore({shown_url(self.url)!r})"

    def close(self) -> None:
        self._engine.dispose()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[Connection]:
        """A transaction on an up-to-date schema; database failures as NamesUnavailable."""
        if self._failed_at is not None and time.monotonic() - self._failed_at < RETRY_AFTER_FAILURE:
            raise NamesUnavailable(f"the names database {shown_url(self.url)} did not answer a moment ago")
        try:
            if not self._ready:
                self.upgrade()
            with self._engine.begin() as connection:
                yield connection
        except (IntegrityError, NameNotFound, NameConflict):
            raise
        except SQLAlchemyError as exc:
            self._failed_at = time.monotonic()
            raise NamesUnavailable(f"the names database {shown_url(self.url)} failed: {_first_line(exc)}") from exc
        self._failed_at = None

    def upgrade(self) -> None:
        """Bring the schema up to date (Alembic's `upgrade head`); one host at a time on PostgreSQL."""
        with self._lock:
            if self._ready:
                return
            folder = _sqlite_folder(self._engine)
            if folder is not None:
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise NamesUnavailable(f"cannot make the folder {folder}: {exc.strerror or exc}") from exc
            with self._engine.begin() as connection:
                if connection.dialect.name == "postgresql":
                    # Held to the end of this transaction: app hosts starting together migrate in turn.
                    connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": 7_312_023})
                try:
                    command.upgrade(migrations_config(connection), "head")
                except CommandError as exc:
                    # A database migrated by a newer version of wirecheck, for one: not ours to change.
                    raise NamesUnavailable(f"the names database's schema cannot be brought up to date: {exc}") from exc
            self._ready = True

    def entries(
        self, *, status: NameStatus | None = None, kind: NameKind | None = None, search: str = ""
    ) -> list[NameEntry]:
        """Entries in the order of their names, those of `status` and `kind` if given, whose name
        or variants contain `search` (any case)."""
        query = sa.select(NAMES_TABLE).order_by(NAMES_TABLE.c.name)
        if status is not None:
            query = query.where(NAMES_TABLE.c.status == clean_status(status))
        if kind is not None:
            query = query.where(NAMES_TABLE.c.kind == clean_kind(kind))
        with self._transaction() as connection:
            found = [_entry(row) for row in connection.execute(query).mappings()]
        if search.strip():
            needle = search.strip().casefold()
            found = [
                entry for entry in found if any(needle in text.casefold() for text in (entry.name, *entry.variants))
            ]
        return found

    def accepted(self) -> list[NameEntry]:
        """The accepted entries' names, kinds and variants: what every check asks, so only that
        (one query on the status index, no more columns than the checks use)."""
        columns = (NAMES_TABLE.c.name, NAMES_TABLE.c.kind, NAMES_TABLE.c.variants)
        query = sa.select(*columns).where(NAMES_TABLE.c.status == "accepted").order_by(NAMES_TABLE.c.name)
        with self._transaction() as connection:
            rows = connection.execute(query).all()
        return [NameEntry(name=row.name, kind=clean_kind(row.kind), variants=tuple(row.variants or ())) for row in rows]

    def get(self, name: str) -> NameEntry | None:
        with self._transaction() as connection:
            row = connection.execute(sa.select(NAMES_TABLE).where(NAMES_TABLE.c.name == name)).mappings().first()
        return _entry(row) if row is not None else None

    def add(self, entry: NameEntry) -> tuple[NameEntry, bool]:
        """Add `entry`; (the entry as stored, whether it is new). A name already there stays one
        entry: an accepted entry makes a proposed one accepted (its kind and variants joined in),
        anything else leaves it as it is, so that adding the same name twice at once, or an editor
        proposing a name the desk rejected, changes nothing."""
        values = _row(entry, added_at=datetime.now(UTC))
        try:
            with self._transaction() as connection:
                connection.execute(sa.insert(NAMES_TABLE).values(**values))
            stored = self.get(entry.name)
            return (stored or entry), True
        except IntegrityError:
            pass  # the name is there: another request added it, maybe at this very moment
        with self._transaction() as connection:
            row = connection.execute(sa.select(NAMES_TABLE).where(NAMES_TABLE.c.name == entry.name)).mappings().one()
            existing = _entry(row)
            if entry.status == "accepted" and existing.status == "proposed":
                variants = list(dict.fromkeys([*existing.variants, *entry.variants]))
                connection.execute(
                    sa.update(NAMES_TABLE)
                    .where(NAMES_TABLE.c.id == existing.id)
                    .values(status="accepted", kind=entry.kind, variants=variants)
                )
        return self.get(entry.name) or existing, False

    def update(self, name: str, changes: Mapping[str, Any]) -> NameEntry:
        """Change the entry `name`: any of `name`, `kind`, `variants`, `status` (already checked);
        NameNotFound if there is none, NameConflict for a new name another entry has."""
        allowed = {key: value for key, value in changes.items() if key in ("name", "kind", "variants", "status")}
        if "variants" in allowed:
            allowed["variants"] = list(allowed["variants"])
        try:
            with self._transaction() as connection:
                done = connection.execute(sa.update(NAMES_TABLE).where(NAMES_TABLE.c.name == name).values(**allowed))
                if done.rowcount == 0:
                    raise NameNotFound(f"no name {name!r} in the dictionary", name=name)
        except IntegrityError as exc:
            raise NameConflict(f"another entry is called {allowed.get('name')!r} already", name=name) from exc
        stored = self.get(str(allowed.get("name", name)))
        if stored is None:
            raise NameNotFound(f"no name {name!r} in the dictionary", name=name)
        return stored

    def remove(self, name: str) -> bool:
        """Delete the entry `name`; whether there was one."""
        with self._transaction() as connection:
            done = connection.execute(sa.delete(NAMES_TABLE).where(NAMES_TABLE.c.name == name))
            return bool(done.rowcount)

    def add_many(self, entries: Sequence[NameEntry]) -> int:
        """Add each of `entries` as `add` does, in one transaction (an import of thousands of
        names takes one commit); how many were new. Should another request add one of the names
        meanwhile, each is added on its own instead."""
        now = datetime.now(UTC)
        try:
            with self._transaction() as connection:
                existing = {
                    row.name: row
                    for row in connection.execute(sa.select(NAMES_TABLE.c.id, NAMES_TABLE.c.name, NAMES_TABLE.c.status))
                }
                new = [_row(entry, added_at=now) for entry in entries if entry.name not in existing]
                if new:
                    connection.execute(sa.insert(NAMES_TABLE), new)
                for entry in entries:
                    found = existing.get(entry.name)
                    if found is not None and entry.status == "accepted" and found.status == "proposed":
                        connection.execute(
                            sa.update(NAMES_TABLE).where(NAMES_TABLE.c.id == found.id).values(status="accepted")
                        )
            return len(new)
        except IntegrityError:
            return sum(self.add(entry)[1] for entry in entries)


def _sqlite_folder(engine: Engine) -> Path | None:
    """The folder of an SQLite file (made on first use, not when the app starts)."""
    database = engine.url.database
    if engine.url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database).parent


def _row(entry: NameEntry, *, added_at: datetime) -> dict[str, Any]:
    return {
        "name": entry.name,
        "kind": entry.kind,
        "variants": list(entry.variants),
        "status": entry.status,
        "added_by": entry.added_by,
        "added_at": entry.added_at or added_at,
        "seen_in": entry.seen_in,
    }


def _entry(row: sa.RowMapping) -> NameEntry:
    added_at: datetime = row["added_at"]
    if added_at.tzinfo is None:  # SQLite keeps no time zone; we store UTC
        added_at = added_at.replace(tzinfo=UTC)
    return NameEntry(
        name=row["name"],
        kind=clean_kind(row["kind"]),
        variants=tuple(row["variants"] or ()),
        status=clean_status(row["status"]),
        added_by=row["added_by"],
        added_at=added_at,
        seen_in=row["seen_in"],
        id=row["id"],
    )


def _first_line(error: Exception) -> str:
    return str(error).strip().split("\n", 1)[0][:300]
