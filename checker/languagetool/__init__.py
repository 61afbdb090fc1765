"""LanguageTool behind one interface: which server to use (`open_engine`), the HTTP client, the
host's server, installing the pinned jars, finding Java, and turning its answers into Issues."""

from __future__ import annotations

from checker.languagetool.choice import configured_url, open_engine
from checker.languagetool.chunks import split_text
from checker.languagetool.client import Engine, LanguageToolClient
from checker.languagetool.grammar_rules import house_rule_ids
from checker.languagetool.server import LocalServer, ServerSettings

__all__ = [
    "Engine",
    "LanguageToolClient",
    "LocalServer",
    "ServerSettings",
    "configured_url",
    "house_rule_ids",
    "open_engine",
    "split_text",
]
