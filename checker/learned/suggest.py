"""Fixes for the model's own agreement findings: the other forms of a determiner ("dem" → "den",
"des", …) or adjective ("erneuerbare" → "erneuerbaren", …), each checked again with the sentence
by LanguageTool and the model. A form is offered only when neither finds anything at that word
any more."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from checker.learned.decide import reported_label
from checker.learned.features import lookup
from checker.learned.model import Settings, load_model
from checker.learned.review import read
from checker.learned.tokens import sentences
from checker.records import Issue

# Determiner paradigms: a form is replaced only by another form of its own paradigm.
DETERMINERS: tuple[tuple[str, ...], ...] = (
    ("der", "die", "das", "den", "dem", "des"),
    ("ein", "eine", "einen", "einem", "einer", "eines"),
    ("kein", "keine", "keinen", "keinem", "keiner", "keines"),
    ("dieser", "diese", "dieses", "diesen", "diesem"),
    ("jeder", "jede", "jedes", "jeden", "jedem"),
    ("sein", "seine", "seinen", "seinem", "seiner", "seines"),
    ("ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres"),
    ("unser", "unsere", "unseren", "unserem", "unserer", "unseres"),
    ("mein", "meine", "meinen", "meinem", "meiner", "meines"),
)
ADJECTIVE_ENDINGS = ("e", "en", "er", "em", "es")
MOST = 1  # one fix per finding: the one the model is surest of

# LanguageTool's findings for one sentence checked alone (positions in that sentence).
Recheck = Callable[[str], Sequence[Issue]]


def other_forms(word: str) -> list[str]:
    """The forms the word could have had instead: its paradigm's other determiners, or the same
    adjective stem with the other endings; none for anything else."""
    lower = word.lower()
    for paradigm in DETERMINERS:
        if lower in paradigm:
            forms = [form for form in paradigm if form != lower]
            return [form.capitalize() for form in forms] if word[:1].isupper() else forms
    if lookup(word)[0] == "ADJ(A)":
        for ending in sorted(ADJECTIVE_ENDINGS, key=len, reverse=True):
            if lower.endswith(ending) and len(word) > len(ending) + 2:
                stem = word[: -len(ending)]
                return [stem + other for other in ADJECTIVE_ENDINGS if other != ending]
    return []


def with_suggestions(plain: str, added: Sequence[Issue], recheck: Recheck, settings: Settings) -> list[Issue]:
    """`added` (the model's findings in `plain`), agreement findings with the form that clears
    them best as their replacement."""
    spans = [(tokens[0].start, tokens[-1].end) for tokens in sentences(plain)]
    result = []
    for issue in added:
        forms = other_forms(issue.text) if issue.rule == "MODEL_AGREEMENT" else []
        sentence = next(((a, b) for a, b in spans if a <= issue.offset and issue.end <= b), None)
        fixes = []
        if forms and sentence is not None:
            start, end = sentence
            fixes = _clearing(
                plain[start:end], issue.offset - start, issue.length, forms, recheck=recheck, settings=settings
            )
        result.append(replace(issue, replacements=tuple(fixes[:MOST])) if fixes else issue)
    return result


def _clearing(
    sentence: str, start: int, length: int, forms: Sequence[str], *, recheck: Recheck, settings: Settings
) -> list[str]:
    """The forms that, put in the sentence at `start` in place of `length` characters, leave
    neither LanguageTool nor the model with anything to say about that word; the one the model
    is surest of first."""
    model = load_model()
    cleared: list[tuple[float, str]] = []
    for form in forms:
        changed = sentence[:start] + form + sentence[start + length :]
        end = start + len(form)
        issues = recheck(changed)
        if any(i.offset < end and start < i.end for i in issues):
            continue
        for reading in read(changed, issues, model):
            for token, probabilities in zip(reading.tokens, reading.probabilities, strict=True):
                if token.start == start and reported_label(probabilities, settings.report_from) is None:
                    cleared.append((1.0 - probabilities["O"], form))
    return [form for _probability, form in sorted(cleared)]
