"""Names: a near miss of a dictionary name (HOUSE_NAME_SPELLING, "Araghchi" -> "Araghtschi"),
and one name spelled two ways in the same article (HOUSE_NAME_VARIANT).

For the second, capitalised words are grouped with their inflected forms ("Araghtschi",
"Araghtschis"); two groups are variants when they are a near miss of each other (six letters
or more, one or two edits, see `checker.house.names.is_near_miss`) without being inflections
of one word. The spelling found in the names dictionary wins, else the more frequent one,
else the earlier one. Two words that are both in the dictionary, or both used twice or more
and neither in it, are taken as different words, and so are words ending in a German noun
suffix (-ung, -heit, -keit …), which names do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.house.document import Document
from checker.house.names import are_inflections, is_near_miss, name_stems
from checker.house.profile import Profile
from checker.house.rules.base import NAMES, Finding, Rule

# A capitalised word; a hyphen separates words ("Putin-Regierung"); a genitive apostrophe
# after s, ß, x or z belongs to the word ("Reuters'").
_NAME_TOKEN = re.compile(r"(?<![^\W_])[A-ZÄÖÜ][^\W\d_]*(?:(?<=[sßxz])['’](?![^\W\d_]))?")
_NOUN_SUFFIXES = (
    "ung",
    "ungen",
    "heit",
    "heiten",
    "keit",
    "keiten",
    "schaft",
    "schaften",
    "tion",
    "tionen",
    "ismus",
    "ität",
    "itäten",
    "nis",
    "nisse",
    "tum",
    "ment",
    "ments",
    "enz",
    "enzen",
    "anz",
    "anzen",
    "chen",
    "ling",
    "linge",
)
_SIBILANTS = ("s", "ß", "x", "z")


def _tokens(doc: Document) -> Iterator[tuple[int, int, str]]:
    for match in _NAME_TOKEN.finditer(doc.text):
        word = match.group()
        if len(word) > 1 and word.rstrip("'’").isupper():
            continue  # an acronym
        yield match.start(), match.end(), word


def _inflect(name: str, ending: str) -> str:
    if ending in ("'", "’") and not name.endswith(_SIBILANTS):
        return name + "s"
    if ending == "s" and name.endswith(_SIBILANTS):
        return name + "'"
    return name + ending


def _check_dictionary(doc: Document, profile: Profile) -> Iterator[Finding]:
    cache: dict[str, str | None] = {}
    for start, end, word in _tokens(doc):
        if word not in cache:
            cache[word] = _dictionary_replacement(word, profile)
        replacement = cache[word]
        if replacement is not None:
            yield Finding(start, end, f"Schreibweise laut Namensliste: »{replacement}« statt »{word}«.", (replacement,))


def _dictionary_replacement(word: str, profile: Profile) -> str | None:
    suggestions = profile.suggest_names(word, limit=1)
    if not suggestions:
        return None
    name = suggestions[0]
    for stem, ending in name_stems(word):
        if stem == word and is_near_miss(word, name):
            return name
        if ending and is_near_miss(stem, name):
            return _inflect(name, ending)
    return name


@dataclass
class _Group:
    """One word with its inflected forms as they occur in the article."""

    forms: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return min(self.forms, key=lambda form: (len(form), form))

    @property
    def count(self) -> int:
        return sum(len(spans) for spans in self.forms.values())

    @property
    def first(self) -> int:
        return min(spans[0][0] for spans in self.forms.values())

    def stems(self) -> set[str]:
        return {stem for form in self.forms for stem, _ending in name_stems(form)}


def _groups(doc: Document) -> list[_Group]:
    groups: list[_Group] = []
    by_form: dict[str, _Group] = {}
    for start, end, word in _tokens(doc):
        group = by_form.get(word)
        if group is None:
            group = next(
                (candidate for candidate in groups if any(are_inflections(word, form) for form in candidate.forms)),
                None,
            )
            if group is None:
                group = _Group()
                groups.append(group)
            by_form[word] = group
        group.forms.setdefault(word, []).append((start, end))
    return groups


def _variants(first: _Group, second: _Group) -> bool:
    return any(is_near_miss(a, b) and not are_inflections(a, b) for a in first.stems() for b in second.stems())


def _check_variants(doc: Document, profile: Profile) -> Iterator[Finding]:
    groups = [group for group in _groups(doc) if len(group.base) >= 5]
    known = {id(group): any(profile.is_known_name(form) for form in group.forms) for group in groups}

    def rank(group: _Group) -> tuple[bool, int, int]:
        return known[id(group)], group.count, -group.first

    for group in groups:
        rivals = []
        for other in groups:
            if other is group or rank(other) <= rank(group):
                continue
            if known[id(group)] and known[id(other)]:
                continue
            if not known[id(group)] and not known[id(other)]:
                if group.count >= 2 and other.count >= 2:
                    continue
                if group.base.endswith(_NOUN_SUFFIXES) or other.base.endswith(_NOUN_SUFFIXES):
                    continue
            if _variants(group, other):
                rivals.append(other)
        if not rivals:
            continue
        winner = max(rivals, key=rank)
        preferred = winner.base
        if known[id(winner)]:
            base = profile.name_base(preferred)
            preferred = base[0] if base else preferred
        note = " (Namensliste)" if known[id(winner)] else f" ({winner.count}-mal)"
        own_base = group.base
        for form, spans in group.forms.items():
            ending = form[len(own_base) :] if form.startswith(own_base) else ""
            replacement = _inflect(preferred, ending) if ending else preferred
            for start, end in spans:
                yield Finding(
                    start,
                    end,
                    f"Name uneinheitlich geschrieben: »{form}«, im selben Text auch »{preferred}«{note}.",
                    (replacement,),
                )


NAME_SPELLING = Rule(
    id="HOUSE_NAME_SPELLING",
    description="Name anders als in der Namensliste",
    category=NAMES,
    type="misspelling",
    severity="warning",
    check=_check_dictionary,
    examples_wrong=(
        "Teheran (dpa) - Außenminister Abbas Araghchi reist nach Genf.",
        "Teheran (dpa) - Die Reise Araghchis nach Genf ist abgesagt.",
        "Teheran (dpa) - Der frühere Präsident Rouhani äußerte sich.",
    ),
    examples_right=(
        "Teheran (dpa) - Außenminister Abbas Araghtschi reist nach Genf.",
        "Teheran (dpa) - Die Reise Araghtschis nach Genf ist abgesagt.",
        "Berlin (dpa) - Auf den Messen in Hannover gab es viele Sachen zu sehen.",
    ),
)

NAME_VARIANT = Rule(
    id="HOUSE_NAME_VARIANT",
    description="Name uneinheitlich geschrieben",
    category=NAMES,
    type="inconsistency",
    severity="warning",
    check=_check_variants,
    examples_wrong=(
        "Teheran (dpa) - Araghtschi reist nach Genf. Dort trifft Araghchi seinen Amtskollegen.",
        "Kabul (dpa) - Der Sprecher Sabihullah Mudschahid sagte, Mudschahed sei zufrieden."
        " Mudschahid äußerte sich zudem zur Lage.",
    ),
    examples_right=(
        "Teheran (dpa) - Araghtschi reist nach Genf. Araghtschis Reise dauert zwei Tage.",
        "Berlin (dpa) - Die Regierung plant eine Regelung. Die Regierung und die Regelung sind umstritten.",
        "Berlin (dpa) - Bundestag und Bundesrat stimmen zu.",
    ),
)
