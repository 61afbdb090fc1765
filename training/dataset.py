"""Training items: each Falko-MERLIN sentence with LanguageTool's findings, as the model's
features (checker.learned.features) and labels (checker.learned.labels)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.learned.features import LanguageToolFinding, covered_tokens, finding, sentence_features
from checker.learned.labels import label_of
from training.corpus import Sentence

Answer = dict[str, object]


def findings_of(sentence: Sentence, answers: Sequence[Answer]) -> list[LanguageToolFinding]:
    found = []
    for answer in answers:
        start = int(str(answer["offset"]))
        end = start + int(str(answer["length"]))
        replacements = [str(r) for r in answer["replacements"]]  # type: ignore[attr-defined]
        found.append(
            finding(
                start,
                end,
                rule=str(answer["rule"]),
                category=str(answer["category"]),
                covered=sentence.text[start:end],
                replacements=replacements,
            )
        )
    return found


def items(sentence: Sentence, answers: Sequence[Answer]) -> list[list[str]]:
    return sentence_features(sentence.tokens, sentence.spans, findings_of(sentence, answers))


def labels(sentence: Sentence) -> list[str]:
    return [label_of(label) for label in sentence.labels]


def languagetool_tokens(sentence: Sentence, answers: Sequence[Answer], *, changed_only: bool) -> set[int]:
    """The tokens LanguageTool flags: every token in a finding, or only those its first
    suggestion changes (all of the finding's tokens when it has no suggestion)."""
    marks: set[int] = set()
    for found in findings_of(sentence, answers):
        if changed_only:
            marks.update(covered_tokens(sentence.spans, found.changed_start, found.changed_end))
        else:
            marks.update(covered_tokens(sentence.spans, found.start, found.end))
    return marks
