"""The learned layer's section of docs/quality.md (called by bench/alarms.py): token-level
detection on fm-dev.tsv (the report set, never used for training or tuning) for LanguageTool
alone, the model alone and the combination, with the house profile off and on; recall by error
type; the model's cost per sentence."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from checker.house import ModelSettings, Profile, scope_of
from checker.languagetool import Engine
from checker.learned.features import changed_tokens, covered_tokens
from checker.learned.model import Sensitivity, Settings, load_model
from checker.learned.review import review
from checker.learned.tokens import sentences as split_sentences
from checker.options import CheckOptions
from checker.pipeline import check, check_texts
from checker.records import Issue, Report
from training.answers import BATCH, issue_dict
from training.corpus import ROOT, Sentence, report_set
from training.decisions import alone_marks, judge
from training.scoring import Score, score

ALL_TOKENS = "all"  # every token in a finding
CHANGED_TOKENS = "changed"  # only the tokens its first suggestion changes
MAPPINGS = {ALL_TOKENS: "every token in a finding", CHANGED_TOKENS: "tokens the first suggestion changes"}
MIN_TYPE_COUNT = 40  # error types with fewer tokens in fm-dev are not listed by type


@dataclass(frozen=True)
class Variant:
    name: str
    house: bool
    model: bool
    sensitivity: Sensitivity = "normal"

    def check(self, text: str, engine: Engine, profile: Profile, languagetool: Report | None = None) -> Report:
        """The check this variant stands for. Without a profile, the pipeline's model runs with
        the sensitivity "normal"; "high" is the same review of LanguageTool's findings with the
        other thresholds (`languagetool`: LanguageTool's report on `text`, if already made)."""
        if self.house:
            return check(text, self._options(), engine=engine, profile=self._profile(profile))
        if not self.model or self.sensitivity == "normal":
            return check(text, self._options(), engine=engine, profile=None)
        alone = languagetool or check(text, CheckOptions(format="text", model=False), engine=engine, profile=None)
        return self._reviewed(alone)

    def check_texts(
        self, texts: Sequence[str], engine: Engine, profile: Profile, languagetool: Sequence[Report] = ()
    ) -> list[Report]:
        """`check` for each of independent texts (checker.pipeline.check_texts: one LanguageTool
        request for many; `languagetool`: LanguageTool's reports on them, if already made)."""
        if self.house:
            return check_texts(texts, self._options(), engine=engine, profile=self._profile(profile))
        if not self.model or self.sensitivity == "normal":
            return check_texts(texts, self._options(), engine=engine, profile=None)
        alone = languagetool or check_texts(texts, CheckOptions(format="text", model=False), engine=engine)
        return [self._reviewed(report) for report in alone]

    def _options(self) -> CheckOptions:
        return CheckOptions(format="text", model=self.model)

    def _profile(self, profile: Profile) -> Profile:
        return dataclasses.replace(profile, model=ModelSettings(sensitivity=self.sensitivity))

    def _reviewed(self, alone: Report) -> Report:
        verdict = review(alone.text, alone.issues, self.sensitivity)
        issues = sorted(verdict.apply(alone.issues, "drop"), key=lambda i: (i.offset, i.length, i.rule))
        return dataclasses.replace(alone, issues=tuple(issues))


VARIANTS = (
    Variant("LanguageTool alone", house=False, model=False),
    Variant("LanguageTool + model", house=False, model=True),
    Variant("LanguageTool + model (high)", house=False, model=True, sensitivity="high"),
    Variant("checker, no model", house=True, model=False),
    Variant("checker + model", house=True, model=True),
    Variant("checker + model (high)", house=True, model=True, sensitivity="high"),
)


@dataclass
class Cost:
    sentences: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0
    memory_mib: float = 0.0


@dataclass
class ModelResults:
    sentences: int = 0
    tokens: int = 0
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    cost: Cost = field(default_factory=Cost)


def _counted(issue: Issue) -> bool:
    """Findings about a span of words (not a whole sentence or text, such as sentence length)."""
    return scope_of(issue) == "span"


def _marks(sentence: Sentence, issues: Iterable[Issue], mapping: str) -> set[int]:
    """The tokens of `sentence` flagged by `issues` (a check of the sentence alone)."""
    marks: set[int] = set()
    for issue in issues:
        if not _counted(issue):
            continue
        if mapping == CHANGED_TOKENS and issue.replacements and issue.source != "model":
            marks.update(changed_tokens(sentence.spans, issue.offset, issue.text, issue.replacements[0]))
        else:
            marks.update(covered_tokens(sentence.spans, issue.offset, issue.end))
    return marks


def measure_model(engine: Engine, profile: Profile, progress: Callable[[str], None] = print) -> ModelResults:
    sentences = report_set()
    results = ModelResults(sentences=len(sentences), tokens=sum(len(s.tokens) for s in sentences))
    marks: dict[tuple[str, str], list[set[int]]] = {}
    alone: list[set[int]] = []
    model = load_model()
    for first in range(0, len(sentences), BATCH):
        batch = sentences[first : first + BATCH]
        texts = [sentence.text for sentence in batch]
        plain_reports = VARIANTS[0].check_texts(texts, engine, profile)
        for variant in VARIANTS:
            reports = variant.check_texts(texts, engine, profile, plain_reports)
            for mapping in MAPPINGS:
                marks.setdefault((variant.name, mapping), []).extend(
                    _marks(sentence, report.issues, mapping) for sentence, report in zip(batch, reports, strict=True)
                )
        answers = [[issue_dict(issue) for issue in report.issues] for report in plain_reports]
        alone.extend(alone_marks(j, model.settings.alone_from) for j in judge(model, batch, answers))
        _time_model(results.cost, plain_reports)
        if (first // BATCH) % 10 == 0:
            progress(f"  fm-dev: {first + len(batch)}/{len(sentences)} sentences")
    for key, per_sentence in marks.items():
        results.scores[key] = score(sentences, per_sentence)
    results.scores[("model alone", ALL_TOKENS)] = score(sentences, alone)
    results.cost.load_seconds, results.cost.memory_mib = _load_cost()
    return results


def _time_model(cost: Cost, reports: Sequence[Report]) -> None:
    started = time.perf_counter()
    for report in reports:
        review(report.text, report.issues)
    cost.seconds += time.perf_counter() - started
    cost.sentences += sum(len(split_sentences(report.text)) for report in reports)


def _load_cost() -> tuple[float, float]:
    """Seconds to load the model and lexicon, and the memory they add (peak RSS, MiB), measured
    in a fresh interpreter that has imported the checker (python-crfsuite included)."""
    probe = (
        "import time, json\n"
        "import checker.pipeline\n"  # the checker's own modules are loaded in any case
        "def rss():\n"
        "    status = open('/proc/self/status').read().split('VmRSS:')[1]\n"
        "    return int(status.split()[0]) / 1024\n"
        "before = rss()\n"
        "started = time.perf_counter()\n"
        "from checker.learned.model import load_model\n"
        "from checker.learned.features import lookup\n"
        "load_model(); lookup('Haus')\n"
        "seconds = time.perf_counter() - started\n"
        "print(json.dumps([seconds, rss() - before]))\n"
    )
    output = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, mib = json.loads(output.stdout)
    return float(seconds), float(mib)


# --- the section ------------------------------------------------------------------------------


def _row(name: str, result: Score) -> list[object]:
    return [
        name,
        f"{100 * result.precision:.1f}",
        f"{100 * result.recall:.1f}",
        f"**{100 * result.f05:.1f}**",
        result.true_positives,
        result.false_positives,
    ]


def _recall(result: Score, error_type: str) -> str:
    total = result.total_by_type[error_type]
    return f"{100 * result.found_by_type[error_type] / total:.0f} %" if total else "–"


def _thresholds(settings: Settings) -> str:
    kinds = ", ".join(f"{label} {value:g}" for label, value in settings.report_from.items()) or "none"
    return f"LanguageTool findings kept from an error probability of {settings.keep_from:g}; own findings from {kinds}"


def _verdict(results: ModelResults, base: Variant, combined: Variant) -> str:
    one = results.scores[(base.name, CHANGED_TOKENS)]
    other = results.scores[(combined.name, CHANGED_TOKENS)]
    beats = other.precision >= one.precision and other.f05 > one.f05
    return (
        f"- **{combined.name}** {'beats' if beats else 'does not beat'} {base.name} on precision and F0.5:"
        f" P {100 * other.precision:.1f} against {100 * one.precision:.1f},"
        f" F0.5 {100 * other.f05:.1f} against {100 * one.f05:.1f}."
    )


TARGET_F05 = 0.65  # the issue's goal for the combination, at LanguageTool's precision or better


def _target(results: ModelResults) -> str:
    baseline = results.scores[(VARIANTS[0].name, CHANGED_TOKENS)]
    met = [
        variant.name
        for variant in VARIANTS
        if variant.model
        and (score := results.scores[(variant.name, CHANGED_TOKENS)]).f05 >= TARGET_F05
        and score.precision >= baseline.precision
    ]
    return f"- F0.5 of {100 * TARGET_F05:.0f} or more at LanguageTool's precision or better: " + (
        ", ".join(met) if met else "no variant"
    )


def section(results: ModelResults, table: Callable[..., str], clean_rows: list[list[object]]) -> str:
    lt_alone, lt_model, lt_high, house, house_model, house_high = VARIANTS
    headers = ["variant", "P", "R", "F0.5", "true positives", "false positives"]
    rows = []
    for variant in VARIANTS:
        for mapping, label in MAPPINGS.items():
            if variant.model and mapping == ALL_TOKENS:
                continue  # the combination is scored as the checker shows it: fixes' tokens
            rows.append(_row(f"{variant.name}: {label}", results.scores[(variant.name, mapping)]))
        if variant is lt_alone:
            rows.append(_row("model alone (its own view of every token)", results.scores[("model alone", ALL_TOKENS)]))
    baseline = results.scores[(lt_alone.name, CHANGED_TOKENS)]
    alone = results.scores[("model alone", ALL_TOKENS)]
    by_type = [baseline, alone, *(results.scores[(v.name, CHANGED_TOKENS)] for v in (lt_model, lt_high))]
    types = Counter(baseline.total_by_type)
    listed = [t for t, n in types.most_common() if n >= MIN_TYPE_COUNT]
    type_rows = [[f"`{t}`", types[t], *(_recall(score, t) for score in by_type)] for t in listed]
    cost = results.cost
    per_sentence = 1000 * cost.seconds / cost.sentences if cost.sentences else 0.0
    model = load_model()
    return "\n\n".join(
        [
            "## Learned layer (checker/learned/): token-level detection on fm-dev.tsv",
            "The Falko-MERLIN development split (`../shared/corpora/falko-merlin/fm-dev.tsv`, "
            f"{results.sentences} sentences, {results.tokens} tokens of learner German): the **report set**, never"
            " used for training or for choosing anything (training and thresholds use fm-train.tsv only, split"
            " into a training and a tuning part, and the dev news sets). Each sentence is checked as a text of its own"
            " (`checker.pipeline.check_texts`: 50 sentences to one LanguageTool request, the house layers and"
            " the model on each sentence alone); a token counts as flagged when a finding about"
            " a span of words covers it (sentence- and text-level house findings are left out). LanguageTool alone"
            " is scored with two token mappings; with the model, findings count by the tokens their first"
            " suggestion changes (`checker.learned.features.changed_tokens`: an ending added to a word"
            " changes that word, another insertion the token after the gap), model findings by their one"
            " token. *high* is the sensitivity for copy"
            ' with many errors (`[model] sensitivity = "high"`), the plain rows are the default (`normal`).'
            " Precision, recall and F0.5 in per cent.",
            table(headers, rows),
            "\n".join(
                [
                    _verdict(results, lt_alone, lt_model),
                    _verdict(results, lt_alone, lt_high),
                    _verdict(results, house, house_model),
                    _verdict(results, house, house_high),
                    _target(results),
                ]
            ),
            f"Thresholds, normal: {_thresholds(model.settings)}. High: {_thresholds(model.settings_for('high'))}."
            f" The model alone flags a token from {model.settings.alone_from:g}.",
            "### Recall by error type (fm-dev.tsv)",
            "Error types with at least 40 tokens; LanguageTool alone with the changed-tokens mapping.",
            table(["error type", "tokens", "LanguageTool", "model alone", lt_model.name, lt_high.name], type_rows),
            "### Alarms per 1,000 words on the clean sets, with and without the model",
            "On the correct articles of tests/quality/clean/ (dev: used to choose the normal thresholds;"
            " held-out: reporting only), each cell: alarms (severity error or warning; per 1,000 words); the"
            " model's own findings, which are notes (severity info) and so no alarms. Every one of them is a"
            " false alarm in the wider sense: the articles are correct.",
            table(["set", "words", *[variant.name for variant in VARIANTS]], clean_rows),
            "### Cost",
            f"Model time per sentence (features, CRF, decisions; LanguageTool not included): {per_sentence:.2f} ms,"
            f" measured over the {cost.sentences} sentences of fm-dev.tsv as the checker splits them. Loading the"
            f" model and its lexicon in a fresh interpreter: {cost.load_seconds:.2f} s and {cost.memory_mib:.0f} MiB"
            " more resident memory (VmRSS).",
        ]
    )


def summary(results: ModelResults) -> str:
    lines = ["fm-dev.tsv (report set), token level:"]
    for variant in VARIANTS:
        lines.append(f"  {variant.name}: {results.scores[(variant.name, CHANGED_TOKENS)].line()} (changed tokens)")
    lines.append(f"  model alone: {results.scores[('model alone', ALL_TOKENS)].line()}")
    per_sentence = 1000 * results.cost.seconds / results.cost.sentences if results.cost.sentences else 0.0
    lines.append(f"  model: {per_sentence:.2f} ms per sentence, load {results.cost.load_seconds:.2f} s")
    return "\n".join(lines)
