"""How often the language guess (checker.text.language_guess) takes German copy for another
language, and whether it tells other languages' articles apart: the figures behind its thresholds.

    python bench/language_guess.py

German: the articles of ../shared/corpora/10kgnad/dev.jsonl (read here, never copied), whole and as
their first 12, 20 and 40 words, and Falko-MERLIN's learner sentences in groups of five. Other
languages: the IPTC samples in ../shared/corpora/iptc-samples (English NITF, NewsML-G2, ninjs),
read with our own format readers.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import workloads  # noqa: E402
from checker.errors import CheckerError  # noqa: E402
from checker.formats import parse_document  # noqa: E402
from checker.text.language_guess import MIN_PROBABILITY, MIN_WORDS, guess_language, not_german  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"


def german_texts() -> dict[str, list[str]]:
    articles = [json.loads(line)["text"] for line in (CORPORA / "10kgnad" / "dev.jsonl").read_text().splitlines()]
    texts: dict[str, list[str]] = {"10kgnad articles": articles}
    for words in (12, 20, 40):
        texts[f"10kgnad, first {words} words"] = [" ".join(text.split()[:words]) for text in articles]
    sentences = workloads.falko_merlin_sentences()
    texts["Falko-MERLIN, 5 sentences"] = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
    return texts


def sample_texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted((CORPORA / "iptc-samples").rglob("*")):
        if path.suffix not in (".xml", ".json"):
            continue
        try:
            document = parse_document(path.read_text(encoding="utf-8"), path=str(path))
        except (CheckerError, UnicodeDecodeError):
            continue
        found.append((path.name, document.plain_text()))
    return found


def main() -> None:
    print(f"thresholds: at least {MIN_WORDS} words, probability at least {MIN_PROBABILITY}\n")
    print("| German texts | texts | taken for another language | lowest German probability |")
    print("|---|---|---|---|")
    for name, texts in german_texts().items():
        wrong = [guess for guess in map(not_german, texts) if guess is not None]
        lowest = min(guess.probability if guess.language == "de" else 0.0 for guess in map(guess_language, texts))
        print(f"| {name} | {len(texts)} | {len(wrong)} {dict(Counter(g.language for g in wrong))} | {lowest:.3f} |")
    print("\n| IPTC sample | words | guess | probability | not German |")
    print("|---|---|---|---|---|")
    for name, text in sample_texts():
        guess = guess_language(text)
        flagged = not_german(text)
        print(
            f"| {name} | {len(text.split())} | {guess.language} | {guess.probability:.3f} | "
            f"{flagged.name if flagged else '—'} |"
        )


if __name__ == "__main__":
    main()
