"""The learned layer in the pipeline: the model reads each sentence with LanguageTool's findings,
judges how likely each finding is a real error, and reports tokens where it sees an error that
LanguageTool does not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from checker.languagetool import custom_rule_ids
from checker.learned.decide import Probabilities, confidence, may_drop, reported_label
from checker.learned.features import (
    LanguageToolFinding,
    changed_span,
    covered_tokens,
    finding,
    first_fix_tokens,
    sentence_features,
)
from checker.learned.labels import CATEGORY, KINDS_BY_LABEL
from checker.learned.model import Model, Settings, load_model
from checker.learned.tokens import Token, sentences
from checker.options import LowConfidence, Sensitivity
from checker.records import Issue
from checker.text.offsets import LineIndex

_Key = tuple[int, int, str]


def _key(issue: Issue) -> _Key:
    return (issue.offset, issue.length, issue.rule)


@dataclass(frozen=True)
class ModelVerdict:
    """The model's view of one text: its confidence in each LanguageTool finding (by position
    and rule) and its own findings."""

    confidence: dict[_Key, float] = field(default_factory=dict)
    added: tuple[Issue, ...] = ()
    keep_from: float = 0.0
    first_fixes: dict[_Key, str] = field(default_factory=dict)

    def apply(
        self,
        issues: Sequence[Issue],
        low_confidence: LowConfidence = "drop",
        *,
        about_words: Callable[[Issue], bool] = lambda issue: True,
    ) -> list[Issue]:
        """`issues` with the low-confidence LanguageTool findings dropped, turned into notes or
        kept (never the speller's: `may_drop`), and the model's own findings where nothing else
        was found: where no finding `about_words` (not one about a whole sentence or text, such
        as its length) stands."""
        kept: list[Issue] = []
        for issue in (self._fixes_ordered(issue) for issue in issues):
            sure = self.confidence.get(_key(issue), 1.0) >= self.keep_from or not may_drop(issue.category.id)
            if issue.source != "languagetool" or sure or low_confidence == "keep":
                kept.append(issue)
            elif low_confidence == "note":
                kept.append(replace(issue, severity="info", message=f"Unsicher (Modell): {issue.message}"))
        taken = [(issue.offset, issue.end) for issue in issues if about_words(issue)]
        added = [a for a in self.added if not any(a.offset < end and start < a.end for start, end in taken)]
        return [*kept, *added]

    def _fixes_ordered(self, issue: Issue) -> Issue:
        """`issue` with the fix the model prefers first, if it is among its fixes."""
        first = self.first_fixes.get(_key(issue))
        if first is None or first not in issue.replacements[1:]:
            return issue
        return replace(issue, replacements=(first, *(r for r in issue.replacements if r != first)))


@dataclass(frozen=True)
class SentenceReading:
    """One sentence as the model read it: its tokens, each token's label probabilities, and
    each LanguageTool finding in it with the tokens it covers and the tokens its fix changes."""

    tokens: tuple[Token, ...]
    probabilities: tuple[Probabilities, ...]
    findings: tuple[tuple[Issue, tuple[int, ...], tuple[int, ...]], ...]


def read(plain: str, languagetool_issues: Sequence[Issue], model: Model) -> list[SentenceReading]:
    """The model's reading of each sentence of `plain`, with LanguageTool's findings in it.

    Only LanguageTool's own rules are seen (and later judged) by the model, as in training;
    findings of our rules inside LanguageTool (checker/languagetool/rule_files) are left alone."""
    ours = custom_rule_ids()
    own = [issue for issue in languagetool_issues if issue.rule.partition("[")[0] not in ours]
    readings = []
    for tokens in sentences(plain):
        start, end = tokens[0].start, tokens[-1].end
        inside = [issue for issue in own if start <= issue.offset and issue.end <= end]
        spans = [(token.start, token.end) for token in tokens]
        findings = [_finding(plain, issue) for issue in inside]
        probabilities = model.probabilities(sentence_features([t.text for t in tokens], spans, findings))
        judged = tuple(
            (
                issue,
                tuple(covered_tokens(spans, issue.offset, issue.end)),
                tuple(first_fix_tokens(spans, plain, issue.offset, issue.end, issue.replacements)),
            )
            for issue in inside
        )
        readings.append(SentenceReading(tuple(tokens), tuple(probabilities), judged))
    return readings


def decide(plain: str, readings: Sequence[SentenceReading], settings: Settings) -> ModelVerdict:
    """The verdict the settings' thresholds give on the model's reading of `plain`."""
    lines = LineIndex(plain)
    judged: dict[_Key, float] = {}
    added: list[Issue] = []
    first_fixes: dict[_Key, str] = {}
    for reading in readings:
        silent = set(range(len(reading.tokens)))
        for issue, covered, changed in reading.findings:
            silent -= set(covered)
            judged[_key(issue)] = confidence(reading.probabilities, changed)
            preferred = _preferred_fix(issue, reading)
            if preferred is not None:
                first_fixes[_key(issue)] = preferred
        for index in sorted(silent):
            label = reported_label(reading.probabilities[index], settings.report_from)
            if label is not None:
                token = reading.tokens[index]
                added.append(_model_issue(plain, lines, token.start, token.end, label))
    return ModelVerdict(judged, tuple(added), settings.keep_from, first_fixes)


# How much surer of an error in the words another fix changes the model must be than in those
# the first changes, to put that fix first (chosen on the tuning part of fm-train.tsv: 0.2 to
# 0.3 score alike there, higher puts fewer right fixes first).
PREFER_FROM = 0.3
# How many of a finding's fixes are weighed.
MAX_FIXES_WEIGHED = 5


def _preferred_fix(issue: Issue, reading: SentenceReading) -> str | None:
    """Of a finding's fixes that change other words than its first ("die beiden Ländern":
    "den beiden Ländern" or "die beiden Länder"), the one changing the word the model is surest
    is wrong, when it is `PREFER_FROM` surer of it than of the first fix's words."""
    fixes = issue.replacements[:MAX_FIXES_WEIGHED]
    if len(fixes) < 2:
        return None
    spans = [(token.start, token.end) for token in reading.tokens]

    def sureness(fix: str) -> float:
        start, end = changed_span(issue.text, fix)
        tokens = covered_tokens(spans, issue.offset + start, issue.offset + end)
        return confidence(reading.probabilities, tokens) if tokens else 0.0

    first = sureness(fixes[0])
    best = max(fixes[1:], key=sureness)
    return best if sureness(best) >= first + PREFER_FROM else None


def review(
    plain: str,
    languagetool_issues: Sequence[Issue],
    sensitivity: Sensitivity = "normal",
    *,
    recheck: Callable[[str], Sequence[Issue]] | None = None,
) -> ModelVerdict:
    """The model's verdict on `plain` and LanguageTool's findings in it (positions in `plain`),
    with the thresholds of `sensitivity`. With `recheck` (LanguageTool's findings for a sentence
    checked alone), agreement findings get the other form of the word that clears them as their
    fix (checker.learned.suggest)."""
    model = load_model()
    settings = model.settings_for(sensitivity)
    verdict = decide(plain, read(plain, languagetool_issues, model), settings)
    if recheck is None or not verdict.added:
        return verdict
    from checker.learned.suggest import with_suggestions  # noqa: PLC0415  (it reads sentences with read())

    return replace(verdict, added=tuple(with_suggestions(plain, verdict.added, recheck, settings)))


def _finding(plain: str, issue: Issue) -> LanguageToolFinding:
    return finding(
        issue.offset,
        issue.end,
        rule=issue.rule,
        category=issue.category.id,
        covered=plain[issue.offset : issue.end],
        replacements=issue.replacements,
    )


def _model_issue(plain: str, lines: LineIndex, start: int, end: int, label: str) -> Issue:
    kind = KINDS_BY_LABEL[label]
    line, column = lines.position(start)
    return Issue(
        offset=start,
        length=end - start,
        line=line,
        column=column,
        text=plain[start:end],
        rule=kind.rule,
        rule_description=kind.description,
        category=CATEGORY,
        type=kind.issue_type,
        severity=kind.severity,
        message=kind.message,
        source="model",
    )
