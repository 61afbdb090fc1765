"""The model's lexicon (checker/learned/lexicon.json): for each word form, lower-cased, HanTa's
part of speech and inflection ending out of context and wordfreq's Zipf frequency. Words are
those of the training sentences seen at least twice and wordfreq's most frequent German words.
HanTa (tagging) and wordfreq are needed for training only."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

TOP_WORDS = 60_000
MIN_COUNT = 2


@lru_cache(maxsize=1)
def hanta() -> Any:
    from HanTa import HanoverTagger  # noqa: PLC0415

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def tag(words: Sequence[str]) -> list[str]:
    """HanTa's part-of-speech tags (STTS) for a sentence, in context."""
    return [str(pos) for pos in hanta().tag_sent(list(words), taglevel=0)] if words else []


def analysis(word: str) -> tuple[str, str]:
    """(part of speech, inflection ending) of a word out of context."""
    _lemma, morphemes, pos = hanta().analyze(word, taglevel=3)
    ending = str(morphemes[-1][0]) if morphemes and str(morphemes[-1][1]).startswith("SUF") else ""
    return str(pos), ending


def build(sentence_tokens: Iterable[Sequence[str]], path: Path) -> int:
    """Write the lexicon for the words of `sentence_tokens` and the most frequent German words;
    returns the number of words."""
    from wordfreq import top_n_list, zipf_frequency  # noqa: PLC0415

    counts = Counter(token.lower() for tokens in sentence_tokens for token in tokens)
    words = {word for word, count in counts.items() if count >= MIN_COUNT}
    words |= set(top_n_list("de", TOP_WORDS))
    words = {word for word in words if any(char.isalpha() for char in word)}
    tags: dict[str, int] = {}
    entries: dict[str, list[object]] = {}
    for word in sorted(words):
        pos, ending = analysis(word)
        index = tags.setdefault(pos, len(tags))
        entries[word] = [index, ending, round(zipf_frequency(word, "de"))]
    document = {"tags": list(tags), "words": entries}
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return len(entries)
