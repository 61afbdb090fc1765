"""Names: a near miss of a dictionary name (HOUSE_NAME_SPELLING, "Araghchi" -> "Araghtschi"),
and one name spelled two ways in the same article (HOUSE_NAME_VARIANT).

For the second, capitalised words are grouped with their inflected forms ("Araghtschi",
"Araghtschis"); two groups are variants when they are a near miss of each other (six letters
or more, one or two edits, see `checker.house.dictionary.is_near_miss`) without being inflections
of one word. The spelling found in the names dictionary wins, else the more frequent one,
else the earlier one. Two words that are both in the dictionary, or both used twice or more
and neither in it, are taken as different words, and so are words ending in a German noun
suffix (-ung, -heit, -keit …), which names do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from checker.house.article import Article
from checker.house.dictionary import are_inflections, is_near_miss, name_stems, near_miss_candidates, shape
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
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


def _tokens(doc: Article) -> Iterator[tuple[int, int, str]]:
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


def _find_dictionary(doc: Article, profile: Profile) -> Iterator[Finding]:
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
    known: bool = False

    @cached_property
    def base(self) -> str:
        return min(self.forms, key=lambda form: (len(form), form))

    @cached_property
    def rank(self) -> tuple[bool, int, int]:
        """Which spelling wins: a dictionary name, then the more frequent, then the earlier."""
        count = sum(len(spans) for spans in self.forms.values())
        first = min(spans[0][0] for spans in self.forms.values())
        return self.known, count, -first

    @property
    def count(self) -> int:
        return self.rank[1]

    @cached_property
    def stems(self) -> frozenset[str]:
        return frozenset(stem for form in self.forms for stem, _ending in name_stems(form))


def _groups(doc: Article, profile: Profile) -> list[_Group]:
    """Capitalised words grouped with their inflected forms (in order of first occurrence)."""
    groups: list[_Group] = []
    by_form: dict[str, _Group] = {}
    by_prefix: dict[str, list[_Group]] = {}  # inflections share their first three letters
    for start, end, word in _tokens(doc):
        group = by_form.get(word)
        if group is None:
            prefix = word[:3].casefold().translate(_UMLAUTS)
            candidates = by_prefix.setdefault(prefix, [])
            group = next((c for c in candidates if any(are_inflections(word, form) for form in c.forms)), None)
            if group is None:
                group = _Group()
                groups.append(group)
                candidates.append(group)
            by_form[word] = group
        group.forms.setdefault(word, []).append((start, end))
    for group in groups:
        group.known = any(profile.is_known_name(form) for form in group.forms)
    return groups


def _may_be_variants(group: _Group, other: _Group) -> bool:
    """The cheap conditions under which `group` can be reported as a variant of `other`."""
    if other is group or other.rank <= group.rank:
        return False
    if group.known and other.known:
        return False
    if not group.known and not other.known:
        if group.count >= 2 and other.count >= 2:
            return False
        if group.base.endswith(_NOUN_SUFFIXES) or other.base.endswith(_NOUN_SUFFIXES):
            return False
    return True


def _rivals(groups: list[_Group]) -> dict[int, _Group]:
    """For each group that is a variant spelling, the spelling that wins over it."""
    by_shape: dict[tuple[str, int], list[tuple[str, _Group]]] = {}
    for group in groups:
        for stem in group.stems:
            by_shape.setdefault(shape(stem), []).append((stem, group))
    winners: dict[int, _Group] = {}
    for group in groups:
        for stem in group.stems:
            for other_stem, other in near_miss_candidates(stem, by_shape):
                if not _may_be_variants(group, other):
                    continue
                if is_near_miss(stem, other_stem) and not are_inflections(stem, other_stem):
                    best = winners.get(id(group))
                    if best is None or other.rank > best.rank:
                        winners[id(group)] = other
    return winners


def _find_variants(doc: Article, profile: Profile) -> Iterator[Finding]:
    groups = [group for group in _groups(doc, profile) if len(group.base) >= 5]
    winners = _rivals(groups)
    for group in groups:
        winner = winners.get(id(group))
        if winner is None:
            continue
        preferred = winner.base
        if winner.known:
            base = profile.name_base(preferred)
            preferred = base[0] if base else preferred
        note = " (Namensliste)" if winner.known else f" ({winner.count}-mal)"
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
    find=_find_dictionary,
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
    find=_find_variants,
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
