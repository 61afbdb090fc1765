"""What the model's verdict does to a list of findings."""

from __future__ import annotations

import dataclasses

from checker.learned import ModelVerdict
from checker.learned.labels import CORRECT
from checker.learned.model import Settings, load_model
from checker.learned.review import SentenceReading, decide, read
from checker.learned.tokens import tokenize
from checker.records import Category, Issue
from checker.text.offsets import LineIndex


def _issue(
    text: str, start: int, end: int, rule: str, *, source: str = "languagetool", category: str = "GRAMMAR"
) -> Issue:
    line, column = LineIndex(text).position(start)
    return Issue(
        start,
        end - start,
        line,
        column,
        text[start:end],
        rule,
        "",
        Category(category, ""),
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


def test_the_spellers_findings_are_kept_however_doubtful() -> None:
    text = "Der Minsiter sprach mit sein Kollegen gestern."
    typo = _issue(text, 4, 12, "GERMAN_SPELLER_RULE", category="TYPOS")
    grammar = _issue(text, 24, 28, "RULE_A")
    verdict = ModelVerdict({(4, 8, "GERMAN_SPELLER_RULE"): 0.01, (24, 4, "RULE_A"): 0.01}, keep_from=0.2)
    assert verdict.apply([typo, grammar], "drop") == [typo]


def test_a_finding_about_a_whole_sentence_leaves_its_words_to_the_model() -> None:
    text = "Der Minister sprach mit sein Kollegen gestern."
    long_sentence = _issue(text, 0, len(text), "HOUSE_SENTENCE_LENGTH", source="house")
    added = _issue(text, 24, 28, "MODEL_AGREEMENT", source="model")
    verdict = ModelVerdict({}, (added,))
    assert verdict.apply([long_sentence]) == [long_sentence]
    about_words = verdict.apply([long_sentence], about_words=lambda issue: issue.rule != "HOUSE_SENTENCE_LENGTH")
    assert about_words == [long_sentence, added]


def _reading(text: str, finding: Issue, wrong: dict[int, float]) -> SentenceReading:
    """A reading of `text` with `finding` in it, where token i is an error with probability wrong[i]."""
    tokens = tuple(tokenize(text))
    probabilities = tuple(
        {CORRECT: 1.0 - wrong.get(i, 0.0), "AGREEMENT": wrong.get(i, 0.0)} for i in range(len(tokens))
    )
    return SentenceReading(tokens, probabilities, ((finding, (0, 1, 2), (0,)),))


def test_the_fix_changing_the_word_the_model_finds_wrong_comes_first() -> None:
    text = "die beiden Ländern kamen."
    finding = dataclasses.replace(
        _issue(text, 0, 18, "DE_AGREEMENT"), replacements=("den beiden Ländern", "die beiden Länder")
    )
    settings = Settings(("O", "AGREEMENT"), 0.0, {})
    sure_of_noun = decide(text, [_reading(text, finding, {2: 0.9, 0: 0.1})], settings)
    assert sure_of_noun.apply([finding])[0].replacements == ("die beiden Länder", "den beiden Ländern")
    # Not sure enough of the noun over the determiner: LanguageTool's order stays.
    unsure = decide(text, [_reading(text, finding, {2: 0.5, 0: 0.4})], settings)
    assert unsure.apply([finding])[0].replacements == finding.replacements


def test_the_confidence_in_a_finding_is_read_on_the_word_its_fix_changes() -> None:
    text = "Wir haben ein Familie gegründet."
    finding = dataclasses.replace(_issue(text, 10, 21, "DE_AGREEMENT"), replacements=("eine Familie",))
    (reading,) = read(text, [finding], load_model())
    assert reading.findings == ((finding, (2, 3), (2,)),)
