"""Name matching: German inflected forms of dictionary names, and near misses by edit distance.

Supported forms of a dictionary name N (documented for `Profile.is_known_name`):
- N itself; an all-capitals spelling of it ("MOSKAU"); for an acronym N, its spelling as a word
  ("Irna" for "IRNA");
- genitive N + "s" ("Putins", "Araghtschis"), unless N ends in s, ß, x or z, and N + "es"
  ("Bundestages");
- genitive N + apostrophe when N ends in s, ß, x, z or ce ("Reuters'", "Strauß’");
- demonyms N + "er", "ern", "ers", "erin", "erinnen" ("Moskauer", "Berlinerin");
- hyphenated compounds with a known part ("Putin-Regierung", "dpa-Meldung").

A near miss (`is_near_miss`) is another transliteration of a name, not any similar word: six
letters or more, a first letter kept or swapped as transliterations do (Z/S, K/C/Ch …), at most
one edit below eight letters, two below twelve, three from twelve on, where only the edits that
transliterations make count (see `edit_distance`), and at least 75 % similar. "Araghchi",
"Rouhani", "Zelensky" are near misses of "Araghtschi", "Rohani", "Selenskyj"; "Menschen" is
none of "München", nor "Schule" of "Schulz".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TypeVar

# Endings a German noun or name takes without becoming another word; two forms whose
# difference after their common beginning is made of these are inflections of one word.
INFLECTION_ENDINGS = frozenset(
    ["", "s", "'", "’", "e", "en", "n", "es", "er", "ern", "ers", "em", "ens", "in", "innen", "nen"]
)
# Derivational endings: "Journalist"/"Journalistik", "Kandidat"/"Kandidatur".
_DERIVATION_ENDINGS = frozenset(
    ["el", "ler", "ner", "ur", "ik", "ie", "ei", "isch", "ische", "ischen", "ung", "ungen", "ist", "isten"]
)
_WORD_ENDINGS = INFLECTION_ENDINGS | _DERIVATION_ENDINGS
_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "s"})
_DEMONYM_ENDINGS = ("erinnen", "erin", "ern", "ers", "er")
_PLACE_VOWELS = frozenset({"a", "e", "i", "o", "u", "y"})
_APOSTROPHE_BASES = ("s", "ß", "x", "z", "ce")
_SIBILANT_ENDS = ("s", "ß", "x", "z")

# Initial letters that transliterations swap ("Zelensky"/"Selenskyj", "Khamenei"/"Chamenei",
# "Chernobyl"/"Tschernobyl"); any other change of the first letter makes a different word
# ("Messen"/"Hessen").
_INITIAL_SWAPS = frozenset(
    frozenset(pair) for pair in ["zs", "ck", "cz", "ct", "jy", "ji", "iy", "wv", "kq", "aä", "oö", "uü", "eä"]
)

# Letter groups within which transliterations swap letters, and letters they insert or drop.
_SWAPPABLE = ("aeiouy", "ijy", "wvf", "kcqx", "szcß", "äae", "öoe", "üuy")
_INSERTABLE = frozenset("hteisjyuwao")
_BLOCKED = 10

# The swaps above joined into classes (for bucketing; `compatible_initials` decides).
_INITIAL_CLASSES = ("zsckqt", "jyi", "wv", "aäe", "oö", "uü")

T = TypeVar("T")

MIN_NEAR_MISS_LENGTH = 6
MIN_SIMILARITY = 0.75
# Words whose name suggestions a NameIndex remembers (the same words come back in every check).
_SUGGESTIONS_KEPT = 20_000


def max_distance(length: int) -> int:
    """How many edits a near miss of `length` letters may be away: 1 below 8, 2 below 12, else 3."""
    if length < 8:
        return 1
    if length < 12:
        return 2
    return 3


def _plain(char: str) -> str:
    """The letter without diacritics ("ğ" -> "g", "é" -> "e"); umlauts keep theirs."""
    if char in "äöüß":
        return char
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=8192)
def _substitution_cost(a: str, b: str) -> int:
    if a == b:
        return 0
    if _plain(a) == _plain(b) or any(a in group and b in group for group in _SWAPPABLE):
        return 1
    return _BLOCKED


@lru_cache(maxsize=65536)
def _indel_costs(word: str) -> tuple[int, ...]:
    costs = []
    for index, char in enumerate(word):
        doubled = (index > 0 and word[index - 1] == char) or (index + 1 < len(word) and word[index + 1] == char)
        costs.append(1 if char in _INSERTABLE or doubled else _BLOCKED)
    return tuple(costs)


def edit_distance(first: str, second: str, limit: int | None = None) -> int:
    """Transliteration distance between two (case-folded) words.

    Like Levenshtein, but only the edits by which transliterations of one name differ cost 1:
    swapping letters within a group of `_SWAPPABLE` (vowels, i/j/y, w/v/f, k/c/q/x, s/z/c/ß,
    an umlaut and its vowel, a letter and its plain form), inserting or deleting one of
    `_INSERTABLE` ("Araghchi"/"Araghtschi", "Rohani"/"Rouhani") or a doubled letter
    ("Mohammed"/"Mohamed"). Any other edit costs `_BLOCKED`, so "Menschen" is far from
    "München" and "Schule" from "Schulz". With a `limit`, any distance above it may come
    back as limit + 1 (only the cells within `limit` of the diagonal are computed: every
    insertion or deletion costs at least 1).
    """
    if first == second:
        return 0
    cap = _BLOCKED * (len(first) + len(second)) if limit is None else limit + 1
    band = len(first) + len(second) if limit is None else limit
    if abs(len(first) - len(second)) > band:
        return cap
    cost_a, cost_b = _indel_costs(first), _indel_costs(second)
    previous = [0]
    for cost in cost_b:
        previous.append(min(previous[-1] + cost, cap))
    for i, char_a in enumerate(first, start=1):
        delete = cost_a[i - 1]
        low, high = max(1, i - band), min(len(second), i + band)
        current = [cap] * (len(second) + 1)
        current[0] = min(previous[0] + delete, cap) if low == 1 else cap
        for j in range(low, high + 1):
            current[j] = min(
                previous[j] + delete,
                current[j - 1] + cost_b[j - 1],
                previous[j - 1] + _substitution_cost(char_a, second[j - 1]),
                cap,
            )
        if min(current) >= cap:
            return cap
        previous = current
    return min(previous[-1], cap)


# Letters no edit of cost 1 swaps (plain forms, not in `_SWAPPABLE` nor `_INSERTABLE`); any
# other letter of that kind is counted as one more.
_FLEXIBLE = frozenset("".join(_SWAPPABLE)) | _INSERTABLE
_RIGID = "bdglmnpr"


@lru_cache(maxsize=65536)
def _rigid_counts(word: str) -> tuple[int, ...]:
    plain = [letter for letter in map(_plain, word) if letter not in _FLEXIBLE]
    return (*(plain.count(letter) for letter in _RIGID), sum(letter not in _RIGID for letter in plain))


def _rigid_difference(first: str, second: str) -> int:
    """A lower bound of `edit_distance`: an edit of cost 1 adds or drops at most one letter
    outside `_FLEXIBLE` (a doubled one), any other change of such a letter costs `_BLOCKED`."""
    return sum(abs(a - b) for a, b in zip(_rigid_counts(first), _rigid_counts(second), strict=True))


def similarity(first: str, second: str) -> float:
    return SequenceMatcher(None, first.casefold(), second.casefold()).ratio()


def initial_class(word: str) -> str:
    """A key shared by all words whose first letters `compatible_initials` may pair."""
    first = word[:1].casefold()
    for group in _INITIAL_CLASSES:
        if first in group:
            return group
    return first


def compatible_initials(first: str, second: str) -> bool:
    a, b = first[:1].casefold(), second[:1].casefold()
    return a == b or frozenset((a, b)) in _INITIAL_SWAPS


@lru_cache(maxsize=65536)
def is_near_miss(word: str, name: str) -> bool:
    """Whether `word` looks like another spelling of `name` (not the same, not another word)."""
    if len(word) < MIN_NEAR_MISS_LENGTH or len(name) < MIN_NEAR_MISS_LENGTH - 1:
        return False
    limit = max_distance(len(word))
    if abs(len(word) - len(name)) > limit or not compatible_initials(word, name):
        return False
    if _rigid_difference(word.casefold(), name.casefold()) > limit:
        return False
    distance = edit_distance(word.casefold(), name.casefold(), limit)
    return 1 <= distance <= limit and similarity(word, name) >= MIN_SIMILARITY


def shape(word: str) -> tuple[str, int]:
    """The bucket of a word for near-miss lookups: its initial class and its length."""
    return initial_class(word), len(word)


def near_miss_candidates(word: str, by_shape: Mapping[tuple[str, int], Sequence[T]]) -> Iterator[T]:
    """The entries of `by_shape` (keyed by `shape`) that `word` may be a near miss of: a
    compatible initial and a length within the edits allowed (see `is_near_miss`)."""
    if len(word) < MIN_NEAR_MISS_LENGTH:
        return
    key, allowed = initial_class(word), max_distance(len(word))
    for length in range(len(word) - allowed, len(word) + allowed + 1):
        yield from by_shape.get((key, length), ())


def _without_umlauts(word: str) -> str:
    return word.casefold().translate(_UMLAUTS)


def are_inflections(first: str, second: str) -> bool:
    """Whether two forms are one word with different endings ("Präsident"/"Präsidenten",
    "Aufsatz"/"Aufsätze", "Ausland"/"Ausländer", "Handel"/"Händler", "Trentino"/"Trentiner")."""
    a, b = _without_umlauts(first), _without_umlauts(second)
    prefix = 0
    for char_a, char_b in zip(a, b, strict=False):
        if char_a != char_b:
            break
        prefix += 1
    return any(
        (a[split:] in _WORD_ENDINGS and b[split:] in _WORD_ENDINGS) or _place_and_demonym(a[split:], b[split:])
        for split in range(prefix, 2, -1)
    )


def _place_and_demonym(first_end: str, second_end: str) -> bool:
    """Whether one ending is a place's final vowel and the other a demonym ending ("Trentino"/
    "Trentiner", "Ancona"/"Anconer")."""
    return any(
        end in _PLACE_VOWELS and other in _DEMONYM_ENDINGS
        for end, other in ((first_end, second_end), (second_end, first_end))
    )


def name_stems(word: str) -> Iterator[tuple[str, str]]:
    """(stem, ending) readings of `word` as a possibly inflected name, the word itself first."""
    yield word, ""
    last = word[-1:]
    if last in ("'", "’") and word[:-1].endswith(_APOSTROPHE_BASES):
        yield word[:-1], last
    if last == "s" and len(word) > 3 and not word[:-1].endswith(_SIBILANT_ENDS):
        yield word[:-1], "s"
    if word.endswith("es") and len(word) > 5:
        yield word[:-2], "es"
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            yield word[: -len(ending)], ending
            break


class NameIndex:
    """The words of a names dictionary, for lookups of inflected forms and near misses."""

    def __init__(self, entries: Iterable[str]) -> None:
        words: set[str] = set()
        for entry in entries:
            for word in entry.split():
                words.add(word)
                words.update(part for part in word.split("-") if part)
        self._words = frozenset(words)
        self._upper = {word.upper(): word for word in words}
        self._suggestable: dict[tuple[str, int], list[str]] = {}
        for word in sorted(words):
            if len(word) >= MIN_NEAR_MISS_LENGTH - 1 and word[0].isupper():
                self._suggestable.setdefault(shape(word), []).append(word)
        self._suggestions: dict[str, list[str]] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def base_name(self, word: str) -> tuple[str, str] | None:
        """(dictionary name, ending) if `word` is a known name or an inflected form of one."""
        if len(word) > 1 and word.isupper() and word in self._upper:
            return self._upper[word], ""
        if len(word) > 2 and word[1:].islower() and self._upper.get(word.upper(), "").isupper():
            return self._upper[word.upper()], ""  # an acronym written as a word: "Irna" for "IRNA"
        for stem, ending in name_stems(word):
            if stem in self._words:
                return stem, ending
        return None

    def is_known(self, word: str) -> bool:
        word = word.strip()
        if not word:
            return False
        if "-" in word:
            return any(self.is_known(part) for part in word.split("-") if part)
        return self.base_name(word) is not None

    def suggest(self, word: str, limit: int = 3) -> list[str]:
        """Dictionary names `word` is a near miss of, closest first (none for known words)."""
        word = word.strip()
        if not word or limit <= 0:
            return []
        ranked = self._suggestions.get(word)
        if ranked is None:
            ranked = [] if self.is_known(word) else self._rank_near_misses(word)
            if len(self._suggestions) >= _SUGGESTIONS_KEPT:
                self._suggestions.clear()
            self._suggestions[word] = ranked
        return ranked[:limit]

    def _rank_near_misses(self, word: str) -> list[str]:
        scored: dict[str, tuple[int, float]] = {}
        for stem, _ending in name_stems(word):
            for name in near_miss_candidates(stem, self._suggestable):
                if not is_near_miss(stem, name):
                    continue
                score = (edit_distance(stem.casefold(), name.casefold()), -similarity(stem, name))
                if name not in scored or score < scored[name]:
                    scored[name] = score
        return sorted(scored, key=lambda name: (scored[name], name))
