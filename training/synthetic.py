"""Errors put into correct German: the corrected sentences of the training part with one
inflection error each (determiner, adjective or noun form, finite verb number), of the kinds
translated wire copy has ("der beiden Ländern", "sein russischer Amtskollegen", "Die Sanktionen
behindert"), and some left correct. Parts of speech come from HanTa."""

from __future__ import annotations

import random
from collections.abc import Sequence

from training.corpus import CORRECT, SEED, Sentence, detokenize
from training.lexicon import tag

SHARE = 0.35  # of the training part's sentences, turned into sentences with errors put in
CLEAN_SHARE = 0.3  # of those, left correct (as edited copy mostly is)

_ARTICLES = (
    ("der", "die", "das", "den", "dem", "des"),
    ("ein", "eine", "einen", "einem", "einer", "eines"),
    ("kein", "keine", "keinen", "keinem", "keiner", "keines"),
    ("dieser", "diese", "dieses", "diesen", "diesem"),
    ("sein", "seine", "seinen", "seinem", "seiner", "seines"),
    ("ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"),
    ("unser", "unsere", "unseren", "unserem", "unserer", "unseres"),
    ("mein", "meine", "meinen", "meinem", "meiner", "meines"),
    ("jeder", "jede", "jedes", "jeden", "jedem"),
    ("alle", "allen", "aller"),
    ("beide", "beiden", "beider"),
)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "em", "es")
_VERB_PAIRS = (
    ("ist", "sind"),
    ("hat", "haben"),
    ("wird", "werden"),
    ("kann", "können"),
    ("muss", "müssen"),
    ("soll", "sollen"),
    ("will", "wollen"),
    ("war", "waren"),
    ("darf", "dürfen"),
    ("gibt", "geben"),
)
_DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT"})


def _article_swap(word: str, rng: random.Random) -> str | None:
    lower = word.lower()
    for paradigm in _ARTICLES:
        if lower in paradigm:
            choice = rng.choice([form for form in paradigm if form != lower])
            return choice.capitalize() if word[:1].isupper() else choice
    return None


def _adjective_swap(word: str, rng: random.Random) -> str | None:
    for ending in sorted(_ADJECTIVE_ENDINGS, key=len, reverse=True):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            return stem + rng.choice([other for other in _ADJECTIVE_ENDINGS if other != ending])
    return None


def _noun_swap(word: str, rng: random.Random) -> str | None:
    if word.endswith(("ern", "ten", "gen", "chen")) and len(word) > 5 and rng.random() < 0.5:
        return word[:-1]  # "Ländern" -> "Länder": the dative plural without its -n
    if word.endswith("e") and len(word) > 4:
        return word + "n"  # "Kollege" -> "Kollegen"
    if word.endswith("s") and len(word) > 5 and not word.endswith(("ss", "us", "is", "os")):
        return word[:-1]  # "des Landes" -> "des Lande"
    return None


def _verb_swap(word: str, rng: random.Random) -> str | None:
    lower = word.lower()
    for one, many in _VERB_PAIRS:
        if lower in (one, many):
            other = many if lower == one else one
            return other.capitalize() if word[:1].isupper() else other
    if lower.endswith("en") and len(lower) > 4:
        return word[:-2] + "t"  # "behindern" -> "behindert"
    if lower.endswith("t") and len(lower) > 4 and not lower.endswith("tt"):
        return word[:-1] + ("n" if lower.endswith("ert") or lower.endswith("elt") else "en")
    return None


def _candidates(tokens: Sequence[str], tags: Sequence[str]) -> list[tuple[int, str]]:
    found = []
    for index, tag_name in enumerate(tags):
        if tag_name in _DETERMINER_TAGS:
            found.append((index, "R:DET:FORM"))
        elif tag_name == "ADJ(A)":
            found.append((index, "R:ADJ:FORM"))
        elif tag_name == "NN" and index > 0 and tags[index - 1] in _DETERMINER_TAGS | {"ADJ(A)"}:
            found.append((index, "R:NOUN:FORM"))
        elif tag_name in ("VV(FIN)", "VA(FIN)", "VM(FIN)"):
            found.append((index, "R:VERB:FORM" if tag_name == "VV(FIN)" else "R:AUX:FORM"))
    return found


_SWAPS = {
    "R:DET:FORM": _article_swap,
    "R:ADJ:FORM": _adjective_swap,
    "R:NOUN:FORM": _noun_swap,
    "R:VERB:FORM": _verb_swap,
    "R:AUX:FORM": _verb_swap,
}


def with_errors(
    sentences: Sequence[Sentence], *, share: float = SHARE, clean_share: float = CLEAN_SHARE, seed: int = SEED + 1
) -> list[Sentence]:
    """A share of `sentences`, corrected, most with one error put in (seeded, so the same every
    run). A sentence without errors keeps its own text; the error replaces one word in place."""
    rng = random.Random(seed)
    chosen = [s for s in sentences if rng.random() < share]
    made = []
    for sentence in chosen:
        if all(label == CORRECT for label in sentence.labels):
            tokens, text, spans = list(sentence.tokens), sentence.text, list(sentence.spans)
        else:
            tokens = sentence.corrected_tokens()
            text, detokenized = detokenize(tokens)
            spans = list(detokenized)
        if not tokens or len(tokens) > 60:
            continue
        labels = [CORRECT] * len(tokens)
        corrections = [CORRECT] * len(tokens)
        if rng.random() >= clean_share:
            options = _candidates(tokens, tag(tokens))
            rng.shuffle(options)
            for index, error_type in options:
                wrong = _SWAPS[error_type](tokens[index], rng)
                if wrong and wrong != tokens[index]:
                    labels[index], corrections[index] = error_type, tokens[index]
                    text, spans = _replace(text, spans, index, wrong)
                    tokens[index] = wrong
                    break
        made.append(Sentence(tuple(tokens), tuple(labels), tuple(corrections), text, tuple(spans)))
    return made


def _replace(text: str, spans: list[tuple[int, int]], index: int, word: str) -> tuple[str, list[tuple[int, int]]]:
    """`text` with token `index` replaced by `word`, and the token spans after it moved."""
    start, end = spans[index]
    shift = len(word) - (end - start)
    moved = [*spans[:index], (start, start + len(word)), *((a + shift, b + shift) for a, b in spans[index + 1 :])]
    return text[:start] + word + text[end:], moved
