"""House style: a newsroom's profile (names, spellings, conventions) and the wire rules that
check a text against it, producing the same `Issue` records as LanguageTool.

`house/` imports nothing from `pipeline`, `filters`, `outputs` or the front ends.
"""

from __future__ import annotations

from checker.house.profile import Avoidance, ModelSettings, Profile, WireSettings, load_profile
from checker.house.rules import RULES, RULES_BY_ID, scope_of
from checker.house.run_rules import run_house_rules

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "Avoidance",
    "ModelSettings",
    "Profile",
    "WireSettings",
    "load_profile",
    "run_house_rules",
    "scope_of",
]
