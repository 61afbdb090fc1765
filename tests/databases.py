"""A real PostgreSQL server for the tests (Debian's postgresql package, which `make system-deps`
installs): initdb into a temporary folder, the server on a Unix socket there, as an unprivileged
user when the tests run as root (postgres refuses to run as root).

Without the package the tests that need it are skipped on a developer's machine, and fail in CI
($CI set), where `make test` installs it: a missing server must not pass unnoticed.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

START_TIMEOUT = 60.0
_UNPRIVILEGED = "nobody"


def postgres_binaries() -> Path | None:
    """The folder of initdb and postgres: on $PATH, else Debian's newest version."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def require_postgres() -> Path:
    """The binaries' folder; without them a skip, or in CI a failure."""
    binaries = postgres_binaries()
    if binaries is None:
        message = "PostgreSQL is not installed: `make system-deps` as root installs Debian's postgresql package"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the names store's tests on PostgreSQL)", pytrace=False)
        pytest.skip(message)
    return binaries


@contextlib.contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server with its data and socket in a new temporary folder (which the
    unprivileged user can reach, unlike pytest's own under root); its SQLAlchemy URL (database
    `wirecheck`) while the block runs."""
    binaries = require_postgres()
    user = _UNPRIVILEGED if os.geteuid() == 0 else None
    with (
        tempfile.TemporaryDirectory(prefix="wirecheck-postgres-") as temporary,
        _server(binaries, Path(temporary), user) as url,
    ):
        yield url


def _run(command: list[str | Path], user: str | None) -> None:
    done = subprocess.run(command, user=user, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-2000:]}")


@contextlib.contextmanager
def _server(binaries: Path, folder: Path, user: str | None) -> Iterator[str]:
    data, socket = folder / "data", folder / "socket"
    socket.mkdir(exist_ok=True)
    if user is not None:
        shutil.chown(folder, user)
        shutil.chown(socket, user)
    _run([binaries / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"], user)
    server = subprocess.Popen(
        [binaries / "postgres", "-D", data, "-k", socket, "-c", "listen_addresses=", "-c", "fsync=off"],
        user=user,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "server.log", "wb"),  # noqa: SIM115  closed with the process
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while subprocess.run(
            [binaries / "pg_isready", "-h", socket, "-U", "postgres"], capture_output=True, check=False
        ).returncode:
            if server.poll() is not None or time.monotonic() > deadline:
                log = (folder / "server.log").read_text(errors="replace")
                raise RuntimeError(f"PostgreSQL did not start:\n{log[-2000:]}")
            time.sleep(0.2)
        _run([binaries / "createdb", "-h", socket, "-U", "postgres", "wirecheck"], user)
        yield f"postgresql+psycopg://postgres@/wirecheck?host={socket}"
    finally:
        # Fast shutdown: open connections (the tests' pools) are ended, not waited for.
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def fresh_database(base_url: str, name: str) -> str:
    """A new empty database beside the one of `base_url` (same server), its URL."""
    import sqlalchemy as sa  # noqa: PLC0415  only the tests that use a server need it

    engine = sa.create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return sa.make_url(base_url).set(database=name).render_as_string(hide_password=False)
