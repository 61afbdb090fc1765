"""The web app's settings as one declarative table: name, default and what it is for.

`create_app` loads the defaults, then ``WIRECHECK_<NAME>`` environment variables (for example
``WIRECHECK_MAX_TEXT_LENGTH=50000``), then the test configuration; nothing is read at import time.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checker.text.limits import MAX_TEXT_LENGTH


@dataclass(frozen=True)
class AppSetting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[AppSetting, ...] = (
    AppSetting(
        "LANGUAGETOOL_URL",
        None,
        "LanguageTool server to use. Empty: $LANGUAGETOOL_URL, else the host's shared server, "
        "else one started for this process (see checker.languagetool).",
    ),
    AppSetting(
        "MAX_TEXT_LENGTH",
        MAX_TEXT_LENGTH,
        "Longest text one check accepts, in characters (Unicode code points); longer: 413.",
    ),
    AppSetting(
        "MAX_CONTENT_LENGTH",
        2 * 1024 * 1024,
        "Largest request body in bytes (form or JSON); larger: 413 before the body is read.",
    ),
    AppSetting(
        "PROFILE",
        None,
        "House style profile (a TOML file) for every check; empty: the built-in default profile. "
        "Read once when the app starts; a missing or invalid file stops the start with its path and line.",
    ),
    AppSetting(
        "DATABASE_URL",
        None,
        "The names dictionary's database (docs/names.md): an SQLAlchemy URL, sqlite:///path or "
        "postgresql://user:password@host/database for several app hosts. Empty: the SQLite file "
        "names.sqlite3 in the data folder ($WIRECHECK_DATA_DIR, else ~/.local/share/wirecheck).",
    ),
    AppSetting(
        "NAMES_FROM_EDITORS",
        "proposed",
        "What a name an editor accepts on the result page becomes: proposed (it waits for the desk's "
        "review on /names) or accepted (it counts in every check at once).",
    ),
    AppSetting(
        "MAX_CONCURRENT_CHECKS",
        4,
        "Checks one worker process runs at once; LanguageTool checks four at a time on two cores.",
    ),
    AppSetting(
        "ADMISSION_WAIT",
        5.0,
        "Seconds a check waits for a free place before it is refused with 503 and Retry-After, so "
        "that accepted checks keep a bounded latency under load.",
    ),
    AppSetting(
        "API_TOKENS",
        (),
        "Bearer tokens that /api/v1/* accepts (a JSON list, or tokens separated by commas, or a JSON "
        'object of named tokens, {"desk": "…"}, whose names the names dictionary records); a request '
        "without one of them gets 401. Empty: the API is open, as the form is.",
    ),
    AppSetting(
        "RATE_LIMIT",
        None,
        "Requests one client may send to /api/v1/*, in flask-limiter's notation (\"60 per minute; "
        '1000 per hour"); more get 429 with Retry-After. The client is its token, else its address. '
        "Empty: no limit.",
    ),
    AppSetting(
        "RATE_LIMIT_STORAGE",
        "memory://",
        "Where the rate limit counts: memory:// (each worker process on its own), or a Redis URL "
        "(redis://host:6379/0; needs the redis package) for one count across workers and hosts.",
    ),
    AppSetting(
        "TRUSTED_PROXIES",
        0,
        "Proxies in front of the app (nginx) whose X-Forwarded-For names the client for the rate "
        "limit; 0: the connection's address.",
    ),
    AppSetting(
        "CORS_ORIGINS",
        (),
        "Origins whose pages or browser add-ons may call the LanguageTool API (/v2/*) from a browser "
        '(a JSON list, or origins separated by commas: "https://cms.example.org, chrome-extension://…"); '
        '"*" allows every origin. Empty: no CORS headers.',
    ),
    AppSetting(
        "RESULT_CACHE",
        "",
        "Where LanguageTool's answers are kept per paragraph, so that a re-check after an edit sends "
        "only the changed paragraphs, whichever worker answers it. Empty: one SQLite file per user and "
        "host ($XDG_CACHE_HOME/wirecheck/results.sqlite3), shared by every worker and command-line run; "
        'a path: that SQLite file; "memory": each worker process on its own; "off": no cache.',
    ),
    AppSetting(
        "RESULT_CACHE_ENTRIES",
        20_000,
        "Paragraphs each worker also keeps in its memory, in front of the shared file (0: none).",
    ),
    AppSetting(
        "ENGINE",
        None,
        "An Engine object to check with instead of a URL (for tests and embedding).",
    ),
)


def defaults() -> dict[str, Any]:
    return {setting.name: setting.default for setting in SETTINGS}


def from_environment(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings given as WIRECHECK_<NAME> variables; values are JSON where they parse as JSON."""
    found: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(f"WIRECHECK_{setting.name}")
        if raw is None:
            continue
        try:
            found[setting.name] = json.loads(raw)
        except ValueError:
            found[setting.name] = raw
    return found
