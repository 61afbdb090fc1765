"""Fixes that never make the text worse: which suggestions "apply all" may take over.

A fix is a finding with exactly one suggestion. A note (severity info: style advice, a name
not in the dictionary, a number that may belong to a name) is no found error, so its fix is
taken only where it corrects one: where an alarm (error or warning) covers the same words and
the fix clears that alarm too. Candidates are held back when they are a note's without such
an alarm, are ambiguous, overlap another fix, cover markup of the file (a tag, a comment, an entity, Markdown
syntax: replacing the words would remove it), or change the case of a word where our sentence
splitter disagrees with LanguageTool about a sentence start (after a dateline, a dash or a colon). The
rest are applied together and the text is checked again: a fix is kept only if its finding is
gone (with a note's, the alarm it corrects too) and no finding appears near it that was not
there before. Held-back fixes are dropped and
the others checked again, for a few rounds, until every kept fix is verified.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.formats import FORMATS_BY_NAME, parse_document
from checker.records import Issue, Report
from checker.text.segments import split_sentences

# Why a fix was held back.
AMBIGUOUS = "ambiguous"
OVERLAP = "overlap"
SENTENCE_START_CASE = "sentence_start_case"
NOT_CLEARED = "not_cleared"
NEW_FINDING = "new_finding"
UNVERIFIED = "unverified"
MARKUP = "markup"
NOTE = "note"
REASONS = (NOTE, AMBIGUOUS, OVERLAP, MARKUP, SENTENCE_START_CASE, NOT_CLEARED, NEW_FINDING, UNVERIFIED)
_ALARMS = frozenset(["error", "warning"])

_ROUNDS = 3
_AFTER_DASH_OR_COLON = re.compile(r"[-–—:]\s*$")
# A sure sentence end before a word: a lower-case word of two letters or more (no number, no
# "z." or "Nr." style abbreviation), a terminator, perhaps a closing quote, white space.
_AFTER_SURE_SENTENCE_END = re.compile(r"(?:\A|\n\s*\n|[a-zäöüß]{2}[.!?][\"»«“”'’)]?)\s*$")


@dataclass(frozen=True)
class Fix:
    """The finding at `index` of the report, replaced by `replacement` as written in the source."""

    index: int
    replacement: str


@dataclass(frozen=True)
class HeldBack:
    index: int
    reason: str


@dataclass(frozen=True)
class FixPlan:
    """The verified fixes, the ones held back with their reason, and the text with the fixes."""

    fixes: tuple[Fix, ...]
    held_back: tuple[HeldBack, ...]
    text: str


def apply(text: str, issues: Sequence[Issue], fixes: Sequence[Fix]) -> str:
    """`text` with each fix's finding replaced; the fixes must not overlap."""
    pieces, position = [], 0
    for fix in sorted(fixes, key=lambda fix: issues[fix.index].offset):
        issue = issues[fix.index]
        pieces += [text[position : issue.offset], fix.replacement]
        position = issue.end
    return "".join([*pieces, text[position:]])


def _changes_only_initial_case(issue: Issue, replacement: str) -> bool:
    return (
        bool(replacement)
        and replacement != issue.text
        and replacement[1:] == issue.text[1:]
        and replacement[:1].casefold() == issue.text[:1].casefold()
    )


def _uncertain_case_change(prose: str, issue: Issue, replacement: str, starts: frozenset[int]) -> bool:
    """A change of the initial's case where the sentence start is not certain (`prose`: the
    file with its markup read as white space, see `_prose`)."""
    if not _changes_only_initial_case(issue, replacement):
        return False
    before = prose[max(0, issue.offset - 40) : issue.offset]
    if replacement[:1].islower():
        return issue.offset in starts or bool(_AFTER_DASH_OR_COLON.search(before))
    return not _AFTER_SURE_SENTENCE_END.search(before) and issue.offset != 0


def candidates(report: Report) -> tuple[list[Fix], list[HeldBack]]:
    """The fixes worth trying and those held back before any check (see the module docstring)."""
    escape = FORMATS_BY_NAME[report.format].escape
    spans = _markup_spans(report)
    prose = _prose(report.text, spans)
    starts = frozenset(start for start, _end in split_sentences(prose))
    over_markup = _covering_markup(report.issues, spans)
    fixes: list[Fix] = []
    held: list[HeldBack] = []
    taken: list[Issue] = []
    for index, issue in enumerate(report.issues):
        if not issue.replacements:
            continue
        if issue.severity not in _ALARMS and not _alarms_under(report.issues, issue):
            held.append(HeldBack(index, NOTE))
        elif len(issue.replacements) > 1:
            held.append(HeldBack(index, AMBIGUOUS))
        elif index in over_markup:
            held.append(HeldBack(index, MARKUP))
        elif _uncertain_case_change(prose, issue, issue.replacements[0], starts):
            held.append(HeldBack(index, SENTENCE_START_CASE))
        elif any(_overlap(issue, other) for other in taken):
            held.append(HeldBack(index, OVERLAP))
        else:
            taken.append(issue)
            fixes.append(Fix(index, escape(issue.replacements[0])))
    return fixes, held


def _alarms_under(issues: Sequence[Issue], note: Issue) -> list[Issue]:
    """The alarms (errors, warnings) that cover words of `note`: what its fix may correct."""
    return [issue for issue in issues if issue.severity in _ALARMS and _overlap(issue, note)]


def _markup_spans(report: Report) -> list[tuple[int, int, str]]:
    """Where the report's file holds markup: (start, end, what it reads as)."""
    return [] if report.format == "text" else parse_document(report.text, format=report.format).markup_spans()


def _covering_markup(issues: Sequence[Issue], spans: Sequence[tuple[int, int, str]]) -> frozenset[int]:
    """The indices of the findings whose span in the file holds markup ("ist <b>ist", a comment
    between two words): their suggestions are plain words, and taking one would remove it."""
    return frozenset(
        index
        for index, issue in enumerate(issues)
        if any(start < issue.end and issue.offset < end for start, end, _ in spans)
    )


def _overlap(a: Issue, b: Issue) -> bool:
    if a.length == 0 or b.length == 0:
        return a.offset == b.offset or (b.offset < a.offset < b.end) or (a.offset < b.offset < a.end)
    return a.offset < b.end and b.offset < a.end


def plan(report: Report, recheck: Callable[[str], Report]) -> FixPlan:
    """The verified fixes of `report`; `recheck` checks a text as the report's text was checked."""
    fixes, held = candidates(report)
    for _ in range(_ROUNDS):
        if not fixes:
            break
        text = apply(report.text, report.issues, fixes)
        failed = _verify(report, fixes, recheck(text))
        if not failed:
            return FixPlan(tuple(fixes), tuple(held), text)
        held += failed
        dropped = {item.index for item in failed}
        fixes = [fix for fix in fixes if fix.index not in dropped]
    else:
        # Still failing after the last round: keep nothing unverified.
        held += [HeldBack(fix.index, UNVERIFIED) for fix in fixes]
        fixes = []
    return FixPlan(tuple(fixes), tuple(held), apply(report.text, report.issues, fixes))


def _verify(report: Report, fixes: Sequence[Fix], after: Report) -> list[HeldBack]:
    """The fixes that did not clear their finding or caused a new one in the checked text."""
    moved = _Shift(report.issues, fixes)
    applied = {fix.index for fix in fixes}
    # A finding that was there before keeps its rule and where it starts or ends; its text may
    # have changed where it holds a fix (a long sentence with a corrected word).
    untouched = set()
    for index, issue in enumerate(report.issues):
        if index not in applied:
            untouched |= {
                (issue.rule, "start", moved.position(issue.offset)),
                (issue.rule, "end", moved.position(issue.end)),
            }
    failed: dict[int, str] = {}
    for fix in fixes:
        note = report.issues[fix.index]
        if note.severity not in _ALARMS and _still_there(_alarms_under(report.issues, note), moved, after):
            failed[fix.index] = NOT_CLEARED
    sentences = split_sentences(_prose(after.text, _markup_spans(after)))
    for issue in after.issues:
        if {(issue.rule, "start", issue.offset), (issue.rule, "end", issue.end)} & untouched:
            continue
        for fix in fixes:
            start, end = moved.span_of(fix)
            original = report.issues[fix.index]
            if issue.rule == original.rule and issue.offset < max(end, start + 1) and start < issue.end:
                failed.setdefault(fix.index, NOT_CLEARED)
            elif _same_sentence(sentences, issue.offset, start):
                failed.setdefault(fix.index, NEW_FINDING)
    return [HeldBack(index, reason) for index, reason in sorted(failed.items())]


def _still_there(alarms: Sequence[Issue], moved: _Shift, after: Report) -> bool:
    """Whether one of `alarms` is found again after the fixes, starting or ending where it did."""
    starts = {(alarm.rule, moved.position(alarm.offset)) for alarm in alarms}
    ends = {(alarm.rule, moved.position(alarm.end)) for alarm in alarms}
    return any((issue.rule, issue.offset) in starts or (issue.rule, issue.end) in ends for issue in after.issues)


def _prose(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """The file `text` with its markup (`spans`) read as the white space it stands for, offsets
    kept: "voll.</p><p>Das" ends a sentence there, as in the text LanguageTool checked."""
    pieces, position = [], 0
    for start, end, reads_as in spans:
        pieces += [text[position:start], ("\n" if "\n" in reads_as else " ") * (end - start)]
        position = end
    return "".join([*pieces, text[position:]])


def _same_sentence(sentences: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    return any(start <= min(a, b) and max(a, b) <= end for start, end in sentences)


class _Shift:
    """Where offsets of the original text are after the fixes."""

    def __init__(self, issues: Sequence[Issue], fixes: Sequence[Fix]) -> None:
        self._edits = sorted(
            (issues[fix.index].offset, issues[fix.index].end, len(fix.replacement), fix.index) for fix in fixes
        )

    def position(self, offset: int) -> int:
        shift = 0
        for start, end, size, _index in self._edits:
            if end <= offset:
                shift += size - (end - start)
        return offset + shift

    def span_of(self, fix: Fix) -> tuple[int, int]:
        for start, _end, size, index in self._edits:
            if index == fix.index:
                new_start = self.position(start)
                return new_start, new_start + size
        raise ValueError(f"unknown fix {fix.index}")
