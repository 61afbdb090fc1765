"""LanguageTool's HTTP side: the client, the caching engine and its stores, splitting long texts,
our own rules' ids, and turning its answers into Issues.

`languagetool/` imports nothing from `engine`, `house`, `learned` or the front ends.
"""

from __future__ import annotations

from checker.languagetool.chunks import split_text
from checker.languagetool.client import Engine, LanguageToolClient
from checker.languagetool.custom_rules import custom_rule_ids

__all__ = ["Engine", "LanguageToolClient", "custom_rule_ids", "split_text"]
