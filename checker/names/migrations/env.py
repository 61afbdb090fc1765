"""Alembic's environment for the names dictionary: migrations run on the connection the store
passes in (checker.names.store.NameStore.upgrade), never on a URL of their own."""

from __future__ import annotations

from alembic import context

from checker.names.store import METADATA

context.configure(connection=context.config.attributes["connection"], target_metadata=METADATA)
with context.begin_transaction():
    context.run_migrations()
