"""What the model sees of each token: the word and its neighbours, part of speech, inflection
ending and frequency (from the model's lexicon), and LanguageTool's findings over it. Training
(training/) and checking build them with the same functions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

_PUNCTUATION = frozenset(",.;:?!")
# Quotation marks and dashes of any typography count as the training data's plain ones.
_SAME_MARK = {mark: '"' for mark in "„“”«»‚‘’‹›"} | {mark: "-" for mark in "–—‒"}


@dataclass(frozen=True)
class LanguageToolFinding:
    """A LanguageTool finding as the features see it: its span in the sentence's text and the
    span its first suggestion changes (the two are equal when there is no suggestion)."""

    start: int
    end: int
    rule: str
    category: str
    changed_start: int
    changed_end: int


def finding(
    start: int, end: int, *, rule: str, category: str, covered: str, replacements: Sequence[str]
) -> LanguageToolFinding:
    """A LanguageToolFinding for `covered` (the text at start:end) and LanguageTool's suggestions."""
    changed_start, changed_end = changed_span(covered, replacements[0]) if replacements else (0, len(covered))
    return LanguageToolFinding(start, end, rule.partition("[")[0], category, start + changed_start, start + changed_end)


def changed_span(text: str, replacement: str) -> tuple[int, int]:
    """The part of `text` that `replacement` changes: (start, end) after the common beginning and
    ending; an empty span where the replacement only inserts."""
    prefix = 0
    limit = min(len(text), len(replacement))
    while prefix < limit and text[prefix] == replacement[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and text[-1 - suffix] == replacement[-1 - suffix]:
        suffix += 1
    return prefix, len(text) - suffix


def covered_tokens(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[int]:
    """Indices of the tokens that [start, end) overlaps; for an empty span (an insertion), the
    token at or after it (the convention of the training data for missing words)."""
    if start == end:
        following = [i for i, (token_start, token_end) in enumerate(spans) if token_end > start]
        return following[:1] or ([len(spans) - 1] if spans else [])
    return [i for i, (token_start, token_end) in enumerate(spans) if token_start < end and start < token_end]


def changed_tokens(spans: Sequence[tuple[int, int]], start: int, covered: str, replacement: str) -> list[int]:
    """Indices of the tokens a fix changes: `replacement` for `covered`, the text at `start` of
    a sentence whose tokens are at `spans`. Letters added to the end of a word change that word
    ("ein Familie" -> "eine Familie": "ein", not "Familie"); any other insertion changes the token
    after the gap (a missing comma or word, as the training data labels it); otherwise the tokens
    the changed part overlaps."""
    changed_start, changed_end = changed_span(covered, replacement)
    inserted = replacement[changed_start : len(replacement) - (len(covered) - changed_end)]
    extends_word = 0 < changed_start == changed_end and covered[changed_start - 1].isalnum() and inserted[:1].isalnum()
    if extends_word:
        return covered_tokens(spans, start + changed_start - 1, start + changed_start)
    return covered_tokens(spans, start + changed_start, start + changed_end)


def first_fix_tokens(
    spans: Sequence[tuple[int, int]], text: str, start: int, end: int, fixes: Sequence[str]
) -> list[int]:
    """The tokens a finding on `text[start:end]` changes with its first fix (`changed_tokens`), or
    all the tokens it covers when it has no fix."""
    if not fixes:
        return covered_tokens(spans, start, end)
    return changed_tokens(spans, start, text[start:end], fixes[0])


# --- part of speech, inflection and frequency ------------------------------------------------

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.json"
UNKNOWN = ("UNK", "", 0)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, ...], dict[str, list[Any]]]:
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return tuple(data["tags"]), data["words"]


def lookup(word: str) -> tuple[str, str, int]:
    """(part of speech, inflection ending, Zipf frequency) of a word, out of context, from the
    lexicon that training wrote (HanTa's analysis and wordfreq's frequency; see MODEL_CARD.md);
    ("UNK", "", 0) for a word it does not hold."""
    tags, words = _lexicon()
    entry = words.get(word.lower())
    if entry is None:
        return UNKNOWN
    return tags[entry[0]], entry[1], entry[2]


# --- the features ----------------------------------------------------------------------------


def _shape(word: str) -> str:
    if all(char in _PUNCTUATION for char in word):
        return "punct"
    if any(char.isdigit() for char in word):
        return "digit"
    if word.isupper() and len(word) > 1:
        return "upper"
    if word[:1].isupper():
        return "cap"
    if word[:1].isalpha():
        return "lower"
    return "other"


def _word_features(word: str, pos: str, ending: str, frequency: int) -> dict[str, str]:
    lower = _SAME_MARK.get(word, word).lower()
    shape = _shape(word)
    return {
        "w": lower,
        "s1": lower[-1:],
        "s2": lower[-2:],
        "s3": lower[-3:],
        "shape": shape,
        "pos": pos,
        "end": ending,
        "f": str(frequency),
        # A capital where the word is no noun or name, a small letter where it is one.
        "shape|pos": f"{shape}|{pos}",
    }


def sentence_features(
    words: Sequence[str], spans: Sequence[tuple[int, int]], findings: Sequence[LanguageToolFinding]
) -> list[list[str]]:
    """The features of each token of one sentence (CRFsuite's item format: "name=value")."""
    base = [_word_features(word, *lookup(word)) for word in words]
    languagetool = _languagetool_features(spans, findings)
    items: list[list[str]] = []
    for index, own in enumerate(base):
        before = base[index - 1] if index > 0 else {"w": "<s>", "pos": "<s>", "s2": "", "end": ""}
        after = base[index + 1] if index + 1 < len(base) else {"w": "</s>", "pos": "</s>", "s2": "", "end": ""}
        further = base[index - 2] if index > 1 else {"pos": "<s>", "w": "<s>"}
        item = [f"{name}={value}" for name, value in own.items()]
        item += [
            f"-1w={before['w']}",
            f"+1w={after['w']}",
            f"-1pos={before['pos']}",
            f"+1pos={after['pos']}",
            f"-2pos={further['pos']}",
            f"-1pos|pos={before['pos']}|{own['pos']}",
            f"pos|+1pos={own['pos']}|{after['pos']}",
            f"-2pos|-1pos|pos={further['pos']}|{before['pos']}|{own['pos']}",
            f"-1w|s2={before['w']}|{own['s2']}",
            f"w|+1s2={own['w']}|{after['s2']}",
            f"-2w|-1w={further['w']}|{before['w']}",
            f"-1end|end={before['end']}|{own['end']}",
            f"end|+1end={own['end']}|{after['end']}",
        ]
        if index == 0:
            item.append("first")
        item += _phrase_features(base, index)
        item += languagetool[index]
        items.append(item)
    return items


_DETERMINERS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT", "PRELAT", "APPRART"})
_NOMINAL = frozenset({"NN", "NE", "NNA", "NNI"})
_CLAUSE_END = frozenset({",", ";", ":", "(", ")", '"', "-"})
_PHRASE_REACH = 4  # tokens back to the determiner of a noun phrase
_CLAUSE_REACH = 8  # tokens back to the subject of a verb


def _phrase_features(base: Sequence[dict[str, str]], index: int) -> list[str]:
    """Agreement across a few words: a noun or adjective with the determiner before it ("der
    beiden Ländern"), a finite verb with the noun or pronoun before it in its clause ("Die
    Sanktionen behindert")."""
    own = base[index]
    features = []
    if own["pos"] in _NOMINAL or own["pos"].startswith("ADJ"):
        for back in range(index - 1, max(-1, index - 1 - _PHRASE_REACH), -1):
            if base[back]["w"] in _CLAUSE_END:
                break
            if base[back]["pos"] in _DETERMINERS:
                features.append(f"det|s2={base[back]['w']}|{own['s2']}")
                break
    if own["pos"].startswith(("VV", "VA", "VM")):
        for back in range(index - 1, max(-1, index - 1 - _CLAUSE_REACH), -1):
            word = base[back]
            if word["w"] in _CLAUSE_END:
                break
            if word["pos"] in _NOMINAL:
                features.append(f"subj|s1=NN:{word['s2']}|{own['s1']}")
                break
            if word["pos"] == "PPER":
                features.append(f"subj|s1={word['w']}|{own['s1']}")
                break
    return features


def _languagetool_features(
    spans: Sequence[tuple[int, int]], findings: Sequence[LanguageToolFinding]
) -> list[list[str]]:
    own: list[set[str]] = [set() for _ in spans]
    for found in findings:
        inside = covered_tokens(spans, found.start, found.end)
        changed = set(covered_tokens(spans, found.changed_start, found.changed_end))
        for index in inside:
            own[index] |= {"lt", f"lt.cat={found.category}", f"lt.rule={found.rule}"}
            if index in changed:
                own[index] |= {"lt.changed", f"lt.changed.cat={found.category}"}
    items = []
    for index, features in enumerate(own):
        item = sorted(features)
        if index > 0 and "lt" in own[index - 1]:
            item.append("-1lt")
        if index + 1 < len(own) and "lt" in own[index + 1]:
            item.append("+1lt")
        items.append(item)
    return items
