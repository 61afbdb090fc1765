"""Typography by convention: the dash between words (HOUSE_DASH), percent (HOUSE_PERCENT) and
the narrow no-break space in abbreviations (HOUSE_NARROW_SPACE, Duden convention only).

auto:   the form the text mostly uses; only other forms are flagged.
agency: " - " as the dash, "5 Prozent" written out.
duden:  " – " (en dash) as the dash, "5 %" and "z. B." with U+202F NARROW NO-BREAK SPACE.
Quotation marks are in `quotes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.house.article import Article
from checker.house.conventions import dominant
from checker.house.profile import Profile
from checker.house.rules.base import TYPOGRAPHY, Finding, Rule

NARROW_NBSP = "\u202f"

# A dash between words: hyphen(s), en dash or em dash with a space on each side. At the start
# of a line it is a list bullet and left alone.
_SPACED_DASH = re.compile(r"(?<=[^\s]) (-{1,2}|–|—) (?=\S)")
_PERCENT = re.compile(r"(?<=\d)([ \t\u00a0\u202f]?)(%)")
_ABBREVIATIONS = ("z. B.", "u. a.", "d. h.", "z. T.", "u. U.", "o. Ä.", "u. Ä.", "v. a.", "m. E.", "s. o.", "s. u.")


def _abbreviation_pattern(abbreviation: str) -> re.Pattern[str]:
    parts = [re.escape(part) for part in abbreviation.split()]
    return re.compile(r"(?<![^\W\d_])" + r"[ \u00a0\u202f]?".join(parts))


_ABBREVIATION_PATTERNS = [(a, _abbreviation_pattern(a)) for a in _ABBREVIATIONS]


def _wanted_dash(doc: Article, profile: Profile) -> str | None:
    if profile.convention == "auto":
        return dominant(match.group(1) for match in _SPACED_DASH.finditer(doc.text))
    return "–" if profile.convention == "duden" else "-"


def _find_dash(doc: Article, profile: Profile) -> Iterator[Finding]:
    wanted = _wanted_dash(doc, profile)
    if wanted is None:
        return
    mixture = profile.convention == "auto"
    for match in _SPACED_DASH.finditer(doc.text):
        dash = match.group(1)
        if dash == wanted:
            continue
        message = (
            f"Uneinheitliche Gedankenstriche: im Text meist »{wanted}«, hier »{dash}«."
            if mixture
            else f"Hausstil: als Gedankenstrich »{wanted}« mit Leerzeichen, nicht »{dash}«."
        )
        yield Finding(match.start(1), match.end(1), message, (wanted,))


def _find_percent(doc: Article, profile: Profile) -> Iterator[Finding]:
    if profile.convention == "auto":
        yield from _find_percent_mixture(doc)
        return
    for match in _PERCENT.finditer(doc.text):
        if profile.convention == "duden":
            if match.group(1) == NARROW_NBSP:
                continue
            yield Finding(
                match.start(),
                match.end(),
                "Vor dem Prozentzeichen steht ein schmales geschütztes Leerzeichen (U+202F).",
                (NARROW_NBSP + "%",),
            )
        else:
            yield Finding(
                match.start(),
                match.end(),
                "Im Agenturtext »Prozent« ausschreiben.",
                (" Prozent",),
            )


_SPACE_NAMES = {"": "ohne Leerzeichen", " ": "mit Leerzeichen", "\u00a0": "mit geschütztem Leerzeichen"}


def _find_percent_mixture(doc: Article) -> Iterator[Finding]:
    """Percent signs set unlike most others in the text ("5 %" among "5%")."""
    matches = list(_PERCENT.finditer(doc.text))
    wanted = dominant(match.group(1) for match in matches)
    for match in matches:
        if wanted is None or match.group(1) == wanted:
            continue
        how = _SPACE_NAMES.get(wanted, "mit schmalem geschütztem Leerzeichen")
        yield Finding(
            match.start(),
            match.end(),
            f"Uneinheitliche Prozentzeichen: im Text meist »{wanted}%«, {how}.",
            (wanted + "%",),
        )


def _find_narrow_space(doc: Article, profile: Profile) -> Iterator[Finding]:
    if profile.convention != "duden":
        return
    for abbreviation, pattern in _ABBREVIATION_PATTERNS:
        wanted = abbreviation.replace(" ", NARROW_NBSP)
        for match in pattern.finditer(doc.text):
            if match.group() == wanted:
                continue
            yield Finding(
                match.start(),
                match.end(),
                f"»{abbreviation}« mit schmalem geschütztem Leerzeichen (U+202F) setzen.",
                (wanted,),
            )


DASH = Rule(
    id="HOUSE_DASH",
    description="Gedankenstrich nach Hausstil",
    category=TYPOGRAPHY,
    type="typographical",
    severity="warning",
    find=_find_dash,
    examples_wrong=(
        "Berlin (dpa) - Die Lage - so der Minister – sei ernst - und bleibe es.",
        "Die Lage – so der Minister – sei ernst — und bleibe es.",
    ),
    examples_right=(
        "Berlin (dpa) - Die Lage - so der Minister - sei ernst.",
        "Berlin (dpa) – Die Lage – so der Minister – sei ernst.",
        "Berlin (dpa) - Die Ost-West-Achse hält.\n\n– erster Punkt\n– zweiter Punkt",
    ),
    examples_wrong_agency=(
        "Berlin (dpa) - Die Lage – so der Minister – sei ernst.",
        "Berlin (dpa) - Die Lage — so der Minister — sei ernst.",
        "Berlin (dpa) - Die Lage -- so der Minister -- sei ernst.",
    ),
    examples_right_agency=(
        "Berlin (dpa) - Die Lage - so der Minister - sei ernst.",
        "Berlin (dpa) - Die Ost-West-Achse hält.\n\n– erster Punkt\n– zweiter Punkt",
    ),
    examples_wrong_duden=("Berlin (dpa) – Die Lage - so der Minister - sei ernst.",),
    examples_right_duden=("Berlin (dpa) – Die Lage – so der Minister – sei ernst.",),
)

PERCENT = Rule(
    id="HOUSE_PERCENT",
    description="Prozentangaben nach Hausstil",
    category=TYPOGRAPHY,
    type="typographical",
    severity="warning",
    find=_find_percent,
    examples_wrong=("Berlin (dpa) - Die Preise stiegen um 5 %, die Löhne um 3%, die Mieten um 2 %.",),
    examples_right=(
        "Berlin (dpa) - Die Preise stiegen um 5 Prozent.",
        "Berlin (dpa) - Die Preise stiegen um 5 % und die Löhne um 3 %.",
        "Berlin (dpa) - Die Preise stiegen um 5% und die Löhne um 3%.",
    ),
    examples_wrong_agency=(
        "Berlin (dpa) - Die Preise stiegen um 5 %.",
        "Berlin (dpa) - Die Preise stiegen um 5%.",
    ),
    examples_right_agency=("Berlin (dpa) - Die Preise stiegen um 5 Prozent.",),
    examples_wrong_duden=(
        "Berlin (dpa) – Die Preise stiegen um 5 %.",
        "Berlin (dpa) – Die Preise stiegen um 5%.",
    ),
    examples_right_duden=("Berlin (dpa) – Die Preise stiegen um 5\u202f%, also 5 Prozent.",),
)

NARROW_SPACE = Rule(
    id="HOUSE_NARROW_SPACE",
    description="Schmales Leerzeichen in Abkürzungen",
    category=TYPOGRAPHY,
    type="typographical",
    severity="info",
    find=_find_narrow_space,
    examples_right=("Berlin (dpa) - Es gibt z. B. Kaffee, u. a. mit Milch.",),
    examples_wrong_duden=(
        "Berlin (dpa) – Es gibt z. B. Kaffee.",
        "Berlin (dpa) – Es gibt z.B. Kaffee.",
    ),
    examples_right_duden=("Berlin (dpa) – Es gibt z.\u202fB. Kaffee, u.\u202fa. mit Milch.",),
)
