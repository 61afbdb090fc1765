"""`make train`: trains the learned detection layer from ../shared/ with a fixed seed and writes
checker/learned/lexicon.json, model.crfsuite and model.json.

    .venv/bin/python -m training.train [--languagetool-url URL] [--iterations N]

Data: the training part of fm-train.tsv (90 %, seed in training.corpus), a share of its
sentences corrected with errors put in (training.synthetic), and LanguageTool's correct
example sentences as they are and with errors put in (training.examples). Thresholds are
chosen on the tuning part of fm-train.tsv (the other 10 %: sensitivity "high"), then raised for
news on tests/quality/*/dev (sensitivity "normal", training.news). fm-dev.tsv and the
held-out news sets are not read here: they are for reporting. LanguageTool's answers are cached
under ~/.cache/wirecheck/learned/.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from checker.engine import open_engine
from checker.languagetool import Engine
from checker.learned import features
from checker.learned.labels import LABELS
from checker.learned.model import MODEL_FILE, SETTINGS_FILE, Model, Settings
from training import lexicon, news, synthetic
from training.answers import languagetool_answers
from training.corpus import SEED, Sentence, train_and_tune
from training.dataset import Answer, items, labels
from training.decisions import choose_settings, combination_score, judge
from training.examples import correct_examples

CRF_PARAMETERS = {
    "c1": 0.5,  # L1: drops most rare features, which keeps the model file small
    "c2": 0.01,
    "feature.possible_transitions": True,
}


def answers_for(sentences: Sequence[Sentence], engine: Engine, name: str) -> list[list[Answer]]:
    started = time.monotonic()

    def progress(done: int, total: int) -> None:
        if done == total or done % 2000 == 0:
            print(f"  LanguageTool, {name}: {done}/{total} ({time.monotonic() - started:.0f} s)", flush=True)

    return languagetool_answers([s.text for s in sentences], engine, progress=progress)


def train(sentences: Sequence[Sentence], answers: Sequence[Sequence[Answer]], path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.set_params({**CRF_PARAMETERS, "max_iterations": iterations})
    for sentence, found in zip(sentences, answers, strict=True):
        trainer.append(items(sentence, found), labels(sentence))
    trainer.train(str(path))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--languagetool-url", help="use this LanguageTool server")
    parser.add_argument("--iterations", type=int, default=150)
    args = parser.parse_args()
    random.seed(SEED)
    train_part, tune_part = train_and_tune()
    made = synthetic.with_errors(train_part)
    examples = correct_examples()
    examples_made = synthetic.with_errors(examples, share=1.0, clean_share=0.0, seed=SEED + 2)
    extra = [*made, *examples, *examples_made]
    words = lexicon.build([s.tokens for s in [*train_part, *extra]], features.LEXICON_FILE)
    features._lexicon.cache_clear()
    print(f"lexicon: {words} words", flush=True)
    with open_engine(args.languagetool_url) as engine, tempfile.TemporaryDirectory() as scratch:
        train_answers = answers_for(train_part, engine, "training part")
        extra_answers = [
            *answers_for(made, engine, "errors put in"),
            *answers_for(examples, engine, "LanguageTool's correct examples"),
            *answers_for(examples_made, engine, "the examples with errors put in"),
        ]
        tune_answers = answers_for(tune_part, engine, "tuning part")
        started = time.monotonic()
        model_file = Path(scratch) / "model.crfsuite"
        train([*train_part, *extra], [*train_answers, *extra_answers], model_file, args.iterations)
        print(f"trained in {time.monotonic() - started:.0f} s", flush=True)
        model = Model(model_file, Settings(LABELS, 0.0, {}))
        judged = judge(model, tune_part, tune_answers)
        high, figures = choose_settings(judged, LABELS)
        print(json.dumps({"high": high.thresholds()}), flush=True)
        clean, planted = news.articles(model, engine, "clean"), news.articles(model, engine, "planted")
        normal, news_figures = news.adjust(high, clean, planted)
        figures["combination_normal"] = combination_score(judged, normal).line()
        figures["news"] = news_figures
        MODEL_FILE.write_bytes(model_file.read_bytes())
    document = {
        "labels": list(LABELS),
        "alone_from": high.alone_from,
        "sensitivity": {"normal": normal.thresholds(), "high": high.thresholds()},
        "training": {
            "seed": SEED,
            "crf": {**CRF_PARAMETERS, "max_iterations": args.iterations},
            "sentences": {
                "falko_merlin_training_part": len(train_part),
                "falko_merlin_corrected_with_errors_put_in": len(made),
                "languagetool_correct_examples": len(examples),
                "languagetool_examples_with_errors_put_in": len(examples_made),
                "falko_merlin_tuning_part": len(tune_part),
            },
            "tuning_figures": figures,
        },
    }
    SETTINGS_FILE.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    print(f"wrote {MODEL_FILE}, {SETTINGS_FILE.name} and {features.LEXICON_FILE.name}", file=sys.stderr)


if __name__ == "__main__":
    main()
