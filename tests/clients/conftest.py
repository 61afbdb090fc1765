"""Real LanguageTool clients pointed at the checker: the app served over HTTP (werkzeug's server
in a thread, one per test module) on the session's LanguageTool, the example article with emoji
and a combining accent put in, and what the JSON API finds in it, to hold the clients' answers to.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from checker.languagetool import LanguageToolClient
from checker.web import create_app
from tests.serving import serving

CLIENTS = Path(__file__).resolve().parent
# Words of the example article that LanguageTool alone takes for misspellings and the house
# profile's names dictionary knows.
DICTIONARY_NAMES = frozenset({"IRNA", "Rohani", "Putin", "Teheran", "Moskau", "Astana"})
# Rules of the house profile (ours in Python and ours inside LanguageTool) the article breaks.
HOUSE_RULES = frozenset({"HOUSE_DATELINE", "HOUSE_AVOID", "HOUSE_STRAY_CODE", "HOUSE_GENITIV_PLURAL_DATIVFORM"})
SPELLER = "GERMAN_SPELLER_RULE"

Findings = Counter[tuple[str, str]]


@pytest.fixture(scope="module")
def server_url(engine: LanguageToolClient) -> Iterator[str]:
    """The app with its defaults (the default house profile) on the session's LanguageTool."""
    with serving(create_app({"LANGUAGETOOL_URL": engine.url})) as url:
        yield url


@pytest.fixture(scope="session")
def article(seed_text: str) -> str:
    """The example article with a headline holding emoji (two units each in UTF-16, a flag two
    such characters) and a letter with a combining accent ("Kaffe" + U+0301, a misspelling)."""
    _, body = seed_text.split("\n\n", 1)
    headline = "Rohani und Putin 🤝 betonen im Kaffe\u0301 die Fortsetzung der bilateralen Kooperationen 🇮🇷🇷🇺"
    return f"{headline}\n\n{body}"


def api_findings(server_url: str, text: str) -> Findings:
    """Rule (without sub-id) and flagged text of every finding of the JSON API for `text`, whose
    offsets are code points (checked by the API's own tests)."""
    response = requests.post(
        f"{server_url}/api/v1/check", json={"text": text, "format": "text", "language": "de-DE"}, timeout=120
    )
    response.raise_for_status()
    return Counter((issue["rule"].split("[", 1)[0], issue["text"]) for issue in response.json()["issues"])


def assert_house_findings_without_name_alarms(found: Iterable[tuple[str, str]]) -> None:
    found = list(found)
    assert {rule for rule, _ in found} >= HOUSE_RULES
    alarms = [text for rule, text in found if rule in (SPELLER, "HOUSE_UNKNOWN_NAME") and text in DICTIONARY_NAMES]
    assert not alarms, f"dictionary names reported as unknown: {alarms}"


def tool(name: str) -> str:
    """The path of a command the client needs, or a skip saying what is missing."""
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed: this real-client test needs it (make test runs it where it is)")
    return found


def run_client(program: list[str], server_url: str, path: Path) -> dict[str, Any]:
    """A client program's JSON answer for the file at `path` (it takes URL, file and language)."""
    completed = subprocess.run(
        [*program, server_url, str(path), "de-DE"], capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    result: dict[str, Any] = json.loads(completed.stdout)
    return result
