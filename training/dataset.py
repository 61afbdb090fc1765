"""Training items: each Falko-MERLIN sentence with LanguageTool's findings, as the model's
features (checker.learned.features) and labels (checker.learned.labels)."""

from __future__ import annotations

from collections.abc import Sequence

from checker.learned.features import LanguageToolFinding, covered_tokens, finding, first_fix_tokens, sentence_features
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
    (checker.learned.features.first_fix_tokens) and its category."""
    result = []
    for answer in answers:
        start = int(str(answer["offset"]))
        end = start + int(str(answer["length"]))
        replacements = [str(r) for r in answer["replacements"]]  # type: ignore[attr-defined]
        covered = covered_tokens(sentence.spans, start, end)
        changed = first_fix_tokens(sentence.spans, sentence.text, start, end, replacements)
        result.append((covered, changed, str(answer["category"])))
    return result
