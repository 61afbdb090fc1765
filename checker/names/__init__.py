"""The newsroom's names dictionary in a database (SQLite or PostgreSQL): entries that editors
propose and the desk accepts, added to the profile's names for every check.

`names/` sits between the core and the front ends: it imports the house profile, never
`outputs`, `web` or `cli`; the pipeline knows nothing of it and gets a profile with the names.
"""

from __future__ import annotations

from checker.names.entries import NAME_KINDS, NAME_STATUSES, NameEntry, NameKind, NameStatus, new_entry
from checker.names.merge import with_entries
from checker.names.profile_toml import from_profile_toml, to_profile_toml
from checker.names.store import NameConflict, NameNotFound, NameStore, NamesUnavailable, database_url

__all__ = [
    "NAME_KINDS",
    "NAME_STATUSES",
    "NameConflict",
    "NameEntry",
    "NameKind",
    "NameNotFound",
    "NameStatus",
    "NameStore",
    "NamesUnavailable",
    "database_url",
    "from_profile_toml",
    "new_entry",
    "to_profile_toml",
    "with_entries",
]
