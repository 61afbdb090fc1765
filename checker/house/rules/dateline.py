"""Dateline: the first body paragraph opens with "Ort (Kürzel) - " (agency convention; with the
Duden convention "Ort (Kürzel) – "), several places joined by "/", regional services after a
slash in lower case ("Hannover (dpa/lni) - "), agency codes from the profile."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules.base import WIRE, Finding, Rule
from checker.text.datelines import DATELINE_PARTS
from checker.text.segments import MONTHS, word_set

_SEPARATOR = re.compile(r"[ \t]+(?:-{1,2}|–|—)[ \t]+|[ \t]*:[ \t]+")
_REGIONAL_TAG = re.compile(r"[a-z]{2,4}")
_SEARCH_WIDTH = 100
_MAX_PLACE_WORDS = 4
_CONNECTORS = frozenset(["am", "an", "der", "im", "in", "bei", "ob", "upon", "on", "de", "la", "del"])
_DATE_WORDS = MONTHS | word_set("Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag den am")
# Words that open ordinary sentences, so "Laut IRNA – …" is not read as a dateline.
_SENTENCE_OPENERS = word_set(
    """
    Laut Nach Wie Die Der Das Ein Eine Im In Am Auch Bei Mit Von Zu Für Über Unter Vor Zum Zur
    Dem Den Des Es Er Sie Wir Ich So Doch Aber Und Oder Gegenüber Zufolge Heute Gestern
    """
)


def dateline_dash(profile: Profile, written: str = "") -> str:
    """The dash after the dateline: the convention's, or with `auto` the one written if it is a
    hyphen or an en dash (both are common), else the hyphen."""
    if profile.convention == "auto":
        return written if written in ("-", "–") else "-"
    return "–" if profile.convention == "duden" else "-"


def _canonical_agency(code: str, profile: Profile) -> str | None:
    for agency in profile.dateline_agencies:
        if agency.casefold() == code.casefold():
            return agency
    return None


def _fix_codes(codes: str, profile: Profile) -> tuple[str | None, str | None]:
    """(corrected codes, problem) for the text inside the dateline's brackets."""
    parts = [part.strip() for part in codes.split("/")]
    fixed = []
    for position, part in enumerate(parts):
        agency = _canonical_agency(part, profile)
        if agency is not None:
            fixed.append(agency)
        elif position > 0 and _REGIONAL_TAG.fullmatch(part):
            fixed.append(part)
        else:
            return None, f"»{part}« ist kein Agenturkürzel der Hausliste"
    return "/".join(fixed), None


def _title_case(place: str) -> str:
    if not place.isupper():
        return place
    return " ".join("-".join(part.capitalize() for part in word.split("-")) for word in place.split(" "))


def _place_from(head: str, agency_match: re.Match[str]) -> str | None:
    """The place named in a dateline of another form, e.g. "Moskau" in "Moskau, 28. März, IRNA"."""
    rest = head[: agency_match.start()] + "," + head[agency_match.end() :]
    for chunk in re.split(r"[,()]+", rest):
        words = chunk.split()
        if not words:
            continue
        if any(word in _DATE_WORDS or any(char.isdigit() for char in word) for word in words):
            continue
        if words[0] in _SENTENCE_OPENERS or len(words) > _MAX_PLACE_WORDS:
            return None
        if all(word[0].isupper() or word in _CONNECTORS for word in words):
            return " ".join(_title_case(word) for word in words)
        return None
    return None


def _agency_in(head: str, profile: Profile) -> re.Match[str] | None:
    agencies = sorted(profile.dateline_agencies, key=len, reverse=True)
    if not agencies:
        return None
    pattern = r"(?<![\w-])(?:" + "|".join(re.escape(agency) for agency in agencies) + r")(?![\w-])"
    return re.search(pattern, head, re.IGNORECASE)


def _as_written(doc: Article, start: int, end: int, fixed: str) -> bool:
    """Whether the dateline at start:end reads as `fixed`; a dateline element's trailing space
    belongs to the markup around it."""
    written = doc.text[start:end]
    if doc.dateline is not None and end >= doc.dateline[1]:
        return written.rstrip() == fixed.rstrip()
    return written == fixed


def _find_malformed(doc: Article, profile: Profile) -> Iterator[Finding]:
    if doc.opening is None:
        return
    start, end = doc.opening
    text = doc.text
    shape = DATELINE_PARTS.match(text, start, end)
    if shape:
        dash = dateline_dash(profile, shape.group("separator").strip())
        wanted_separator = f" {dash} "
        codes, problem = _fix_codes(shape.group("codes"), profile)
        span_end = shape.end()
        if problem:
            # Without a dash after it, words in brackets that name no agency are no dateline but
            # a sentence with an aside ("Man kann (in der Welt von heute) nicht").
            if shape.group("separator").strip():
                yield Finding(start, span_end, f"Ortsmarke: {problem}.")
            return
        head = _title_case(shape.group("head"))
        fixed = f"{head} ({codes}){wanted_separator}"
        if not _as_written(doc, start, span_end, fixed):
            yield Finding(
                start,
                span_end,
                f"Ortsmarke nicht im Agenturformat: »{fixed.strip()}« (Ort, Kürzel in Klammern,"
                f" dann »{dash}« mit Leerzeichen).",
                (fixed,),
            )
        return
    first_line_end = text.find("\n", start, end)
    window_end = min(end if first_line_end < 0 else first_line_end, start + _SEARCH_WIDTH)
    separator = _SEPARATOR.search(text, start, window_end)
    if separator is None:
        return
    head = text[start : separator.start()]
    dash = dateline_dash(profile, separator.group().strip())
    wanted_separator = f" {dash} "
    agency_match = _agency_in(head, profile)
    if agency_match is None:
        return
    place = _place_from(head, agency_match)
    if place is None:
        return
    agency = _canonical_agency(agency_match.group(), profile) or agency_match.group()
    fixed = f"{place} ({agency}){wanted_separator}"
    yield Finding(
        start,
        separator.end(),
        f"Ortsmarke nicht im Agenturformat: »{fixed.strip()}« statt »{head.strip()}«.",
        (fixed,),
    )


def _find_missing(doc: Article, profile: Profile) -> Iterator[Finding]:
    # A sentence or a paragraph pasted alone is no article: it needs no dateline.
    if doc.opening is None or not doc.article_shaped:
        return
    if any(True for _ in _find_malformed(doc, profile)):
        return
    start, end = doc.opening
    if DATELINE_PARTS.match(doc.text, start, end):
        return
    word = re.compile(r"\S+").match(doc.text, start, end)
    if word is None:
        return
    dash = dateline_dash(profile)
    yield Finding(
        word.start(),
        word.end(),
        f"Ortsmarke fehlt: Agenturtexte beginnen mit »Ort (Kürzel) {dash} «, etwa »Berlin (dpa) {dash} «.",
    )


DATELINE = Rule(
    id="HOUSE_DATELINE",
    description="Ortsmarke im Agenturformat",
    category=WIRE,
    type="style",
    severity="error",
    find=_find_malformed,
    examples_wrong=(
        "Moskau, 28. März, IRNA – Iranischer Präsident Hassan Rohani traf Wladimir Putin.",
        "Berlin (dpa): Der Bundestag hat das Gesetz beschlossen.",
        "Berlin (dpa) — Der Bundestag hat das Gesetz beschlossen.",
        "Berlin (DPA) - Der Bundestag hat das Gesetz beschlossen.",
        "Berlin (xyz) - Der Bundestag hat das Gesetz beschlossen.",
        "Berlin(dpa) - Der Bundestag hat das Gesetz beschlossen.",
        "(dpa) Berlin - Der Bundestag hat das Gesetz beschlossen.",
        "Merz in Paris\n\nParis, 3. Mai (dpa) - Der Kanzler ist in Paris eingetroffen.",
        "BERLIN (dpa) - Der Bundestag hat das Gesetz beschlossen.",
    ),
    examples_right=(
        "Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.",
        "Kiew/Moskau (dpa) - Die Kämpfe in der Ostukraine gehen weiter.",
        "Hannover (dpa/lni) - Der Landtag hat den Haushalt beschlossen.",
        "Frankfurt/Main (dpa-AFX) - Der Dax hat am Montag zugelegt.",
        "Rohani trifft Putin\n\nMoskau (IRNA) - Der iranische Präsident ist in Moskau.",
        "Laut IRNA – so die Agentur – reiste Rohani nach Moskau.",
        # Words in brackets without a dash after them and no agency in them: no dateline.
        "Man kann (in der Welt von heute) nicht alles haben.",
        "Deshalb arbeiten viele Studenten (obwohl sie jung sind) nebenbei.",
        # The default accepts the en dash too; the strict agency convention does not.
        "Berlin (dpa) – Der Bundestag hat das Gesetz beschlossen.",
    ),
    examples_wrong_agency=("Berlin (dpa) – Der Bundestag hat das Gesetz beschlossen.",),
    examples_right_agency=("Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.",),
    examples_wrong_duden=("Berlin (dpa) - Der Bundestag hat das Gesetz beschlossen.",),
    examples_right_duden=("Berlin (dpa) – Der Bundestag hat das Gesetz beschlossen.",),
)

DATELINE_MISSING = Rule(
    id="HOUSE_DATELINE_MISSING",
    description="Ortsmarke fehlt",
    category=WIRE,
    type="style",
    severity="info",
    find=_find_missing,
    scope="text",
    examples_wrong=(
        "Gesetz beschlossen\n\nDer Bundestag hat am Dienstag das Gesetz beschlossen.",
        "Der Bundestag hat am Dienstag das Gesetz beschlossen.\n\nEs tritt im Mai in Kraft.",
    ),
    examples_right=(
        "Berlin (dpa) - Der Bundestag hat am Dienstag das Gesetz beschlossen.",
        "Moskau, 28. März, IRNA – Rohani traf Putin.",
        # A sentence or a paragraph alone is no article.
        "Der Bundestag hat am Dienstag das Gesetz beschlossen.",
        "Der Minister sagte, die Gespräche seien „konstruktiv“ gewesen. Weitere Treffen sind geplant.",
    ),
)
