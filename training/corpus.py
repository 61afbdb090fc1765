"""Falko-MERLIN (../shared/corpora/falko-merlin/): sentences of tokens with error labels, turned
into running text with each token's position, and split into training and tuning parts."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIRECHECK_SHARED", ROOT.parent / "shared"))
FALKO_MERLIN = SHARED / "corpora" / "falko-merlin"
CORRECT = "-"
SEED = 20261201
TUNE_SHARE = 0.1

# Punctuation that sticks to the token before it, and to the one after it.
_NO_SPACE_BEFORE = frozenset(",.;:?!)]")
_NO_SPACE_AFTER = frozenset("([")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its tokens, each token's error type ("-" when correct) and correction, and
    the running text with each token's (start, end) in it."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]
    corrections: tuple[str, ...]
    text: str
    spans: tuple[tuple[int, int], ...]

    def corrected_tokens(self) -> list[str]:
        """The tokens with every correction applied (a missing token is inserted before its
        token, an unnecessary one dropped): correct German as the annotators wrote it."""
        result: list[str] = []
        previous = (CORRECT, CORRECT)
        for token, label, correction in zip(self.tokens, self.labels, self.corrections, strict=True):
            # An edit over several tokens repeats its correction on each of them.
            repeated = label != CORRECT and not label.startswith("M:") and (label, correction) == previous
            previous = (label, correction)
            if repeated:
                continue
            if label == CORRECT:
                result.append(token)
            elif label.startswith("M:"):
                result += [*correction.split(), token]
            elif label.startswith("U:"):
                continue
            else:
                result += correction.split()
        return result


def detokenize(tokens: Sequence[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Running text for `tokens` and each token's span in it. Straight double quotes alternate
    between opening (sticks to the next token) and closing (sticks to the one before)."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    glue_next = False
    quote_open = False
    for index, token in enumerate(tokens):
        glue = glue_next or (index == 0) or token in _NO_SPACE_BEFORE
        if token == '"':
            glue = glue or quote_open
            glue_next = not quote_open
            quote_open = not quote_open
        else:
            glue_next = token in _NO_SPACE_AFTER
        if not glue:
            parts.append(" ")
            position += 1
        spans.append((position, position + len(token)))
        parts.append(token)
        position += len(token)
    return "".join(parts), tuple(spans)


def read_tsv(path: Path) -> list[Sentence]:
    sentences = []
    for rows in _blocks(path):
        tokens = tuple(row[0] for row in rows)
        text, spans = detokenize(tokens)
        labels = tuple(row[1] if len(row) > 1 and row[1] else CORRECT for row in rows)
        corrections = tuple(row[2] if len(row) > 2 else CORRECT for row in rows)
        sentences.append(Sentence(tokens, labels, corrections, text, spans))
    return sentences


def _blocks(path: Path) -> Iterator[list[list[str]]]:
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if not fields[0].strip():
                if rows:
                    yield rows
                rows = []
            else:
                rows.append(fields)
    if rows:
        yield rows


def train_and_tune() -> tuple[list[Sentence], list[Sentence]]:
    """fm-train.tsv split with a fixed seed: the training part and the tuning part (10 %), for
    every choice of features, thresholds and settings. fm-dev.tsv is for reporting only."""
    sentences = read_tsv(FALKO_MERLIN / "fm-train.tsv")
    order = list(range(len(sentences)))
    random.Random(SEED).shuffle(order)
    cut = int(len(order) * TUNE_SHARE)
    tune = sorted(order[:cut])
    train = sorted(order[cut:])
    return [sentences[i] for i in train], [sentences[i] for i in tune]


def report_set() -> list[Sentence]:
    return read_tsv(FALKO_MERLIN / "fm-dev.tsv")
