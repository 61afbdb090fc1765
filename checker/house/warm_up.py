"""What a LanguageTool server started for this newsroom's checks is asked first."""

from __future__ import annotations

from checker.engine.server import WarmUp
from checker.errors import CheckerError
from checker.house.profile import Profile, load_profile
from checker.house.rules import RULES
from checker.languagetool.client import request_params
from checker.options import CheckOptions


def warm_up_for(profile: Profile | None) -> WarmUp:
    """A check as `profile`'s checks ask (de-DE, its switched-off rules), and the house rules'
    example sentences for the start-up cache's recording."""
    disabled = tuple(sorted(profile.disabled_rules)) if profile is not None else ()
    training = tuple(sentence for rule in RULES for sentence in (*rule.examples_wrong, *rule.examples_right))
    return WarmUp(request_params(CheckOptions(language="de-DE", disabled_rules=disabled)), training=training)


def warm_up_for_file(path: str | None = None) -> WarmUp:
    """`warm_up_for` the profile at `path` (None: the built-in one); without a profile where it
    cannot be read (the check that loads it says why)."""
    try:
        profile = load_profile(path)
    except CheckerError:
        profile = None
    return warm_up_for(profile)
