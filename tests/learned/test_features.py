"""What the model sees of each token: the spans a suggestion changes, the lexicon and the features."""

from __future__ import annotations

import pytest

from checker.learned.features import changed_span, changed_tokens, covered_tokens, finding, lookup, sentence_features


@pytest.mark.parametrize(
    ("text", "replacement", "span"),
    [
        ("der beiden Ländern", "der beiden Länder", (17, 18)),  # only the "n" goes
        ("sagte dass", "sagte, dass", (5, 5)),  # an insertion: empty span
        ("Die Telefonat", "Das Telefonat", (1, 3)),
        ("gleich", "gleich", (6, 6)),
    ],
)
def test_changed_span(text: str, replacement: str, span: tuple[int, int]) -> None:
    assert changed_span(text, replacement) == span


def test_covered_tokens_of_a_span_and_of_an_insertion() -> None:
    spans = [(0, 5), (6, 10), (11, 16)]  # "sagte dass er"
    assert covered_tokens(spans, 0, 10) == [0, 1]
    assert covered_tokens(spans, 5, 5) == [1]  # a missing comma: the token after the gap
    assert covered_tokens(spans, 16, 16) == [2]  # at the very end: the last token


@pytest.mark.parametrize(
    ("covered", "replacement", "tokens"),
    [
        ("ein Familie", "eine Familie", [0]),  # letters added to the end of a word change it
        ("diese weibliche Kulturen", "diese weiblichen Kulturen", [1]),
        ("die Studente", "die Studenten", [1]),  # at the very end
        ("sagte dass", "sagte, dass", [1]),  # a missing comma: the token after the gap
        ("in Stadt", "in der Stadt", [1]),  # a missing word: the token after the gap
        ("die beiden Ländern", "die beiden Länder", [2]),
        ("Die Telefonat", "Das Telefonat", [0]),
    ],
)
def test_changed_tokens(covered: str, replacement: str, tokens: list[int]) -> None:
    spans, position = [], 4  # the finding starts at offset 4 of its sentence
    for word in covered.split():
        spans.append((position, position + len(word)))
        position += len(word) + 1
    assert changed_tokens(spans, 4, covered, replacement) == tokens


def test_finding_keeps_the_changed_part() -> None:
    found = finding(
        10,
        28,
        rule="DE_AGREEMENT[2]",
        category="GRAMMAR",
        covered="der beiden Ländern",
        replacements=["der beiden Länder"],
    )
    assert (found.rule, found.changed_start, found.changed_end) == ("DE_AGREEMENT", 27, 28)
    without = finding(0, 4, rule="X", category="TYPOS", covered="Haus", replacements=[])
    assert (without.changed_start, without.changed_end) == (0, 4)


def test_lexicon_knows_common_words_and_not_invented_ones() -> None:
    pos, _ending, frequency = lookup("Regierung")
    assert pos == "NN"
    assert frequency >= 4
    assert lookup("Xqzvurbl") == ("UNK", "", 0)


def test_features_per_token_with_languagetool_findings() -> None:
    words = ["Die", "Sanktionen", "behindert", "den", "Handel", "."]
    spans = [(0, 3), (4, 14), (15, 24), (25, 28), (29, 35), (35, 36)]
    found = finding(0, 24, rule="DE_VERBAGREEMENT", category="GRAMMAR", covered="x" * 24, replacements=[])
    items = sentence_features(words, spans, [found])
    assert len(items) == len(words)
    assert "w=sanktionen" in items[1]
    assert "-1w=die" in items[1]
    assert "first" in items[0]
    assert "lt.rule=DE_VERBAGREEMENT" in items[2]
    assert "lt" not in items[3]
    assert "-1lt" in items[3]
