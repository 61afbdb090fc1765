"""Training items: each Falko-MERLIN sentence with LanguageTool's findings, as the model's
features (checker.learned.features) and labels (checker.learned.labels)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.learned.features import LanguageToolFinding, changed_tokens, covered_tokens, finding, sentence_features
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


def finding_tokens(sentence: Sentence, answers: Sequence[Answer]) -> list[tuple[list[int], list[int], str]]:
    """Per LanguageTool finding: the tokens it covers, the tokens its first suggestion changes
    (checker.learned.features.changed_tokens; all it covers when it has none) and its category."""
    result = []
    for answer in answers:
        start = int(str(answer["offset"]))
        end = start + int(str(answer["length"]))
        replacements = [str(r) for r in answer["replacements"]]  # type: ignore[attr-defined]
        covered = covered_tokens(sentence.spans, start, end)
        changed = covered
        if replacements:
            changed = changed_tokens(sentence.spans, start, sentence.text[start:end], replacements[0])
        result.append((covered, changed, str(answer["category"])))
    return result


def languagetool_tokens(sentence: Sentence, answers: Sequence[Answer], *, changed_only: bool) -> set[int]:
    """The tokens LanguageTool flags: every token in a finding, or only those its first
    suggestion changes (all of the finding's tokens when it has no suggestion)."""
    marks: set[int] = set()
    for covered, changed, _category in finding_tokens(sentence, answers):
        marks.update(changed if changed_only else covered)
    return marks
