"""Which fixes "apply all" may take: held back before any check, and verified by a second one."""

from __future__ import annotations

from checker.filters.fixes import (
    AMBIGUOUS,
    MARKUP,
    NEW_FINDING,
    NOT_CLEARED,
    NOTE,
    OVERLAP,
    SENTENCE_START_CASE,
    Fix,
    apply,
    candidates,
    plan,
)
from checker.records import Category, Issue, Report, Severity

GRAMMAR = Category("GRAMMAR", "Grammatik")


def finding(
    text: str, span: str, *replacements: str, rule: str = "RULE", nth: int = 0, severity: Severity = "error"
) -> Issue:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(span, offset + 1)
    return Issue(offset, len(span), 1, offset + 1, span, rule, "", GRAMMAR, "grammar", severity, "", replacements)


def report(text: str, *issues: Issue, format: str = "text") -> Report:
    ordered = tuple(sorted(issues, key=lambda issue: issue.offset))
    return Report(text=text, language="de-DE", issues=ordered, format=format)


def test_ambiguous_overlapping_and_uncertain_case_fixes_are_held_back() -> None:
    text = "Moskau, 28. März, IRNA – Iranischer Präsident kam. Er kamm heute heute."
    checked = report(
        text,
        finding(text, "Iranischer", "iranischer", rule="DE_CASE"),
        finding(text, "kamm", "kam", "kamen"),
        finding(text, "heute heute", "heute", rule="DOUBLED"),
        finding(text, "heute", "gestern", rule="OTHER", nth=1),
    )
    fixes, held = candidates(checked)
    by_index = {item.index: item.reason for item in held}
    assert by_index == {0: SENTENCE_START_CASE, 1: AMBIGUOUS, 3: OVERLAP}
    assert fixes == [Fix(2, "heute")]


def test_capitalising_a_certain_sentence_start_is_a_candidate() -> None:
    text = "Er kam. dann ging er."
    fixes, held = candidates(report(text, finding(text, "dann", "Dann", rule="UPPERCASE_SENTENCE_START")))
    assert fixes == [Fix(0, "Dann")] and held == []


def test_a_fix_is_kept_only_when_the_second_check_confirms_it() -> None:
    text = "Das ist ein Fehlr. Die Lage ist gut gut."
    first = report(text, finding(text, "Fehlr", "Fehler", rule="SPELLER"), finding(text, "gut gut", "gut", rule="DUP"))

    def recheck(candidate: str) -> Report:
        # The doubled word's fix leaves a finding behind; the spelling fix is clean.
        return report(candidate, *([finding(candidate, "gut", "prima", rule="DUP")] if "gut." in candidate else []))

    result = plan(first, recheck)
    assert [fix.index for fix in result.fixes] == [0]
    assert [(item.index, item.reason) for item in result.held_back] == [(1, NOT_CLEARED)]
    assert result.text == "Das ist ein Fehler. Die Lage ist gut gut."


def test_a_fix_that_makes_a_new_error_in_its_sentence_is_held_back() -> None:
    text = "Der Hund bellen laut. Die Katze schläft."
    first = report(text, finding(text, "bellen", "bellt", rule="AGREEMENT"))

    def recheck(candidate: str) -> Report:
        if "bellt" in candidate:
            return report(candidate, finding(candidate, "laut", "lauter", rule="NEW"))
        return report(candidate)

    result = plan(first, recheck)
    assert result.fixes == ()
    assert [(item.index, item.reason) for item in result.held_back] == [(0, NEW_FINDING)]
    assert result.text == text


def test_findings_that_were_there_before_do_not_count_as_new() -> None:
    text = "Ein Fehlr hier. Noch ein Fehlr dort."
    first = report(text, finding(text, "Fehlr", "Fehler", rule="SPELLER"), finding(text, "dort", "da", rule="STYLE"))

    def recheck(candidate: str) -> Report:
        # Only the first fix is applied below; "dort" keeps its untouched finding.
        return report(candidate, finding(candidate, "dort", "da", rule="STYLE"))

    result = plan(report(text, first.issues[0]), recheck)
    assert [fix.index for fix in result.fixes] == [0]


def test_a_notes_fix_is_taken_only_where_it_corrects_an_alarm() -> None:
    text = "Der FC Schalke 04 siegte. 3 Tore fielen im Stadoin."
    first = report(
        text,
        finding(text, "04", "vier", rule="NUMBERS", severity="info"),
        finding(text, "3", "Drei", rule="NUMBERS", severity="info"),
        finding(text, "Stadoin", rule="SPELLER", severity="warning"),
        finding(text, "Stadoin", "Stadion", rule="NAMES", severity="info"),
    )
    rechecked: list[str] = []

    def recheck(candidate: str) -> Report:
        rechecked.append(candidate)
        return report(candidate)

    result = plan(first, recheck)
    # The notes on numbers correct no alarm: held back. The note on the misspelt word clears it.
    assert [(item.index, item.reason) for item in result.held_back] == [(0, NOTE), (1, NOTE)]
    assert [fix.index for fix in result.fixes] == [3]
    assert result.text == rechecked[0] == "Der FC Schalke 04 siegte. 3 Tore fielen im Stadion."


def test_a_notes_fix_that_leaves_its_alarm_is_held_back() -> None:
    text = "Sie spielten im Stadoin."
    first = report(
        text,
        finding(text, "Stadoin", rule="SPELLER", severity="warning"),
        finding(text, "Stadoin", "Stadoon", rule="NAMES", severity="info"),
    )

    def recheck(candidate: str) -> Report:
        return report(candidate, finding(candidate, "Stadoon", rule="SPELLER", severity="warning"))

    result = plan(first, recheck)
    assert result.fixes == ()
    assert [(item.index, item.reason) for item in result.held_back] == [(1, NOT_CLEARED)]
    assert result.text == text


def test_apply_replaces_from_left_to_right() -> None:
    text = "aa bb cc"
    issues = [finding(text, "aa"), finding(text, "cc")]
    assert apply(text, issues, [Fix(1, "C"), Fix(0, "A")]) == "A bb C"


def test_a_fix_over_markup_is_held_back() -> None:
    """Replacing "ist <b>ist" (or words around a comment) by the plain suggestion would remove
    the markup between them; a fix inside one element is still a candidate."""
    text = "<p>Das ist <b>ist</b> ein Tset. Der <!-- c --> der Text.</p>"
    checked = report(
        text,
        finding(text, "ist <b>ist", "ist", rule="DOUBLED"),
        finding(text, "Tset", "Test"),
        finding(text, "Der <!-- c --> der", "Der", rule="DOUBLED"),
        format="html",
    )
    fixes, held = candidates(checked)
    assert fixes == [Fix(1, "Test")]
    assert {item.index: item.reason for item in held} == {0: MARKUP, 2: MARKUP}


def test_a_new_finding_is_blamed_on_the_fix_in_its_own_paragraph_only() -> None:
    """In markup, "voll.</p><p>Er" ends a sentence although no space follows the full stop: a
    new finding in the second paragraph holds back the fix there, not the one before it."""
    text = "<p>Die Presskonferenz war voll.</p><p>Er sagt gestern nichts.</p>"
    first = report(
        text,
        finding(text, "Presskonferenz", "Pressekonferenz", rule="FUGE"),
        finding(text, "sagt", "sagte", rule="TENSE"),
        format="html",
    )

    def recheck(candidate: str) -> Report:
        found = [finding(candidate, "nichts", "nix", rule="NEW")] if "sagte gestern" in candidate else []
        return report(candidate, *found, format="html")

    result = plan(first, recheck)
    assert [fix.index for fix in result.fixes] == [0]
    assert [(item.index, item.reason) for item in result.held_back] == [(1, NEW_FINDING)]


def test_sentence_starts_in_markup_are_read_as_in_the_checked_text() -> None:
    """After "ruhig.</p><p>" a sentence starts for sure: capitalising there is a candidate, and
    lower-casing a word there is held back, as in plain text."""
    text = "<p>Die Lage ist ruhig.</p><p>dann kam Regen.</p><p>Er kam.</p><p>Gestern ging er.</p>"
    checked = report(
        text,
        finding(text, "dann", "Dann", rule="UPPERCASE_SENTENCE_START"),
        finding(text, "Gestern", "gestern", rule="DE_CASE"),
        format="html",
    )
    fixes, held = candidates(checked)
    assert fixes == [Fix(0, "Dann")]
    assert [(item.index, item.reason) for item in held] == [(1, SENTENCE_START_CASE)]
