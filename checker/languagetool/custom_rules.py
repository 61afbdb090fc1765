"""Our own LanguageTool rules (checker/languagetool/rule_files/…/grammar_custom.xml), by id.

They run inside the LanguageTool server we start. A check without a house profile switches
them off, so that it reports LanguageTool's own rules alone.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

# Our rule files: the server puts this folder first on its class path (checker.engine.install).
RULES_DIR = Path(__file__).resolve().parent / "rule_files"

GRAMMAR_CUSTOM = RULES_DIR / "org" / "languagetool" / "rules" / "de" / "grammar_custom.xml"
_RULE_ID = re.compile(r'<(?:rule|rulegroup)\s[^>]*?\bid="([^"]+)"')


@functools.cache
def custom_rule_ids() -> tuple[str, ...]:
    """Ids of the rules and rule groups in grammar_custom.xml (none if the file is absent)."""
    try:
        text = GRAMMAR_CUSTOM.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return tuple(dict.fromkeys(_RULE_ID.findall(text)))


_WRONG_EXAMPLE = re.compile(r"<example\s+correction=\"[^\"]*\"\s*>(.*?)</example>", re.DOTALL)


@functools.cache
def wrong_examples() -> tuple[str, ...]:
    """The sentences our rules' examples mark as wrong, markers removed: what a server that runs
    these rules finds something in."""
    try:
        text = GRAMMAR_CUSTOM.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    return tuple(re.sub(r"</?marker>", "", example).strip() for example in _WRONG_EXAMPLE.findall(text))
