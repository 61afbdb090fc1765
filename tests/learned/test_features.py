"""The learned layer without an engine: tokens and their offsets, the spans a suggestion
changes, the features, and what the verdict does to a list of findings."""

from __future__ import annotations

import pytest

from checker.learned import ModelVerdict
from checker.learned.features import changed_span, covered_tokens, finding, lookup, sentence_features
from checker.learned.labels import CATEGORY, LABELS, MODEL_KINDS, label_of
from checker.learned.suggest import other_forms
from checker.learned.tokens import sentences, tokenize
from checker.records import Category, Issue
from checker.text.offsets import LineIndex


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("Die Sanktionen behindert den Handel.", ["Die", "Sanktionen", "behindert", "den", "Handel", "."]),
        (
            "Er kam z. B. am 3. März, d.h. spät.",
            ["Er", "kam", "z.", "B.", "am", "3.", "März", ",", "d.h.", "spät", "."],
        ),
        ("Die al-Nosra-Front (IS) – „nie“ …", ["Die", "al-Nosra-Front", "(", "IS", ")", "–", "„", "nie", "“", "…"]),
        ("Es kostet 2,5 Mio. Euro usw.", ["Es", "kostet", "2,5", "Mio.", "Euro", "usw", "."]),
        ("Vor- und Nachteile", ["Vor-", "und", "Nachteile"]),
    ],
)
def test_tokens_as_the_training_data_cuts_them(text: str, tokens: list[str]) -> None:
    assert [token.text for token in tokenize(text)] == tokens


def test_token_offsets_are_code_points_into_the_text() -> None:
    text = "🇩🇪 Berlin (dpa) - Der Minister sprach mit sein Amtskollegen.\n\nZweiter Absatz: 👩‍👩‍👧 Café."
    for sentence in sentences(text):
        for token in sentence:
            assert text[token.start : token.end] == token.text
    words = [token.text for sentence in sentences(text) for token in sentence]
    assert "Amtskollegen" in words
    assert "Café" in words


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


def test_labels_of_the_training_data() -> None:
    assert label_of("-") == "O"
    assert label_of("R:DET:FORM") == "AGREEMENT"
    assert label_of("R:VERB:FORM") == "VERB_FORM"
    assert label_of("M:PUNCT") == "PUNCTUATION"
    assert label_of("U:ADP") == "OTHER"
    assert set(LABELS) == {"O", *(kind.label for kind in MODEL_KINDS)}
    assert len({kind.rule for kind in MODEL_KINDS}) == len(MODEL_KINDS)


def _issue(text: str, start: int, end: int, rule: str, source: str = "languagetool") -> Issue:
    line, column = LineIndex(text).position(start)
    return Issue(
        start,
        end - start,
        line,
        column,
        text[start:end],
        rule,
        "",
        Category("GRAMMAR", ""),
        "grammar",
        "error",
        "m",
        (),
        None,
        source,
    )


def test_verdict_drops_notes_or_keeps_doubtful_findings() -> None:
    text = "Der Minister sprach mit sein Kollegen gestern."
    doubtful = _issue(text, 0, 3, "RULE_A")
    sure = _issue(text, 4, 12, "RULE_B")
    house = _issue(text, 13, 19, "HOUSE_X", source="house")
    added = _issue(text, 24, 28, "MODEL_AGREEMENT", source="model")
    on_top = _issue(text, 4, 12, "MODEL_AGREEMENT", source="model")  # where a finding already is
    verdict = ModelVerdict({(0, 3, "RULE_A"): 0.01, (4, 12, "RULE_B"): 0.9}, (added, on_top), keep_from=0.1)
    assert verdict.apply([doubtful, sure, house], "drop") == [sure, house, added]
    noted = verdict.apply([doubtful, sure, house], "note")
    assert noted[0].severity == "info"
    assert noted[0].message.startswith("Unsicher")
    assert verdict.apply([doubtful, sure, house], "keep") == [doubtful, sure, house, added]


def test_model_findings_have_their_own_category() -> None:
    assert CATEGORY.id == "MODEL"
    assert all(kind.message and kind.description and kind.rule.startswith("MODEL_") for kind in MODEL_KINDS)


def test_other_forms_of_determiners_and_adjectives() -> None:
    assert other_forms("dem") == ["der", "die", "das", "den", "des"]
    assert other_forms("Seinen")[:2] == ["Sein", "Seine"]
    assert other_forms("erneuerbare") == ["erneuerbaren", "erneuerbarer", "erneuerbarem", "erneuerbares"]
    assert other_forms("Regierung") == []
