"""The benchmark's texts, made at run time from the project's correct news German
(tests/quality/clean/) and the FalKo-MERLIN learner sentences in ../shared/ (read, never copied).

Every text is made the same way on every run (fixed seeds), so runs compare.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from checker.text.segments import split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_ARTICLE = ROOT / "tests" / "data" / "seed-irna.txt"
CLEAN = ROOT / "tests" / "quality" / "clean"
FALKO_MERLIN = ROOT.parent / "shared" / "corpora" / "falko-merlin" / "fm-dev.tsv"
_SPACE_BEFORE = re.compile(r" ([.,;:!?)])")


@dataclass(frozen=True)
class Text:
    name: str
    text: str

    def __len__(self) -> int:
        return len(self.text)


def example_article() -> Text:
    return Text("example article", EXAMPLE_ARTICLE.read_text(encoding="utf-8"))


def clean_sentences() -> list[str]:
    """The sentences of the clean corpus's bodies (headlines left out), in file order."""
    found: list[str] = []
    for path in sorted(CLEAN.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in split_paragraphs(text)[1:]:
            paragraph = text[start:end]
            found.extend(paragraph[s:e] for s, e in split_sentences(paragraph))
    return found


def composed(length: int, seed: int) -> str:
    """Correct agency German of about `length` characters: paragraphs of three to five sentences
    drawn from the clean corpus without repeats until it is used up, then afresh in a new order,
    so paragraphs do not repeat (a cache cannot shortcut the text)."""
    pool = clean_sentences()
    rng = random.Random(seed)
    order: list[str] = []
    paragraphs: list[str] = []
    size = 0
    while size < length:
        if len(order) < 5:
            order.extend(rng.sample(pool, len(pool)))
        count = rng.randint(3, 5)
        paragraph = " ".join(order[:count])
        del order[:count]
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def long_article() -> Text:
    return Text("article of 20,000 characters", composed(20_000, seed=20))


def long_text() -> Text:
    return Text("text of 200,000 characters", composed(200_000, seed=200))


def falko_merlin_sentences() -> list[str]:
    """The FalKo-MERLIN development sentences as running text (see its README on detokenizing)."""
    sentences, tokens = [], []
    for line in FALKO_MERLIN.read_text(encoding="utf-8").splitlines():
        if line.strip():
            tokens.append(line.split("\t", 1)[0])
        elif tokens:
            sentences.append(_SPACE_BEFORE.sub(r"\1", " ".join(tokens)).replace("( ", "("))
            tokens = []
    if tokens:
        sentences.append(_SPACE_BEFORE.sub(r"\1", " ".join(tokens)).replace("( ", "("))
    return sentences


def falko_merlin_articles(sentences: int = 500, per_article: int = 20, per_paragraph: int = 4) -> list[Text]:
    """`sentences` learner sentences as articles of `per_article`, in paragraphs of `per_paragraph`."""
    pool = falko_merlin_sentences()[:sentences]
    articles = []
    for number, start in enumerate(range(0, len(pool), per_article), 1):
        chunk = pool[start : start + per_article]
        paragraphs = [" ".join(chunk[i : i + per_paragraph]) for i in range(0, len(chunk), per_paragraph)]
        articles.append(Text(f"learner article {number}", "\n\n".join(paragraphs) + "\n"))
    return articles


def ci_files(count: int, per_file: int = 6, per_paragraph: int = 3) -> list[Text]:
    """`count` short files for the CI-style run: FalKo-MERLIN sentences after the first 500."""
    pool = falko_merlin_sentences()[500:]
    files = []
    for number in range(count):
        chunk = pool[(number * per_file) % len(pool) :][:per_file]
        paragraphs = [" ".join(chunk[i : i + per_paragraph]) for i in range(0, len(chunk), per_paragraph)]
        files.append(Text(f"file{number:03d}.txt", "\n\n".join(paragraphs) + "\n"))
    return files


def edit_one_paragraph(text: str, which: int | None = None) -> str:
    """`text` with one paragraph changed (the middle one unless `which`): a word added."""
    paragraphs = text.split("\n\n")
    index = len(paragraphs) // 2 if which is None else which % len(paragraphs)
    words = paragraphs[index].split(" ")
    words.insert(min(2, len(words)), "nun")
    paragraphs[index] = " ".join(words)
    return "\n\n".join(paragraphs)
