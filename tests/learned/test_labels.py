"""The labels the model predicts and the kinds of finding it reports."""

from __future__ import annotations

from checker.learned.labels import CATEGORY, LABELS, MODEL_KINDS, label_of


def test_labels_of_the_training_data() -> None:
    assert label_of("-") == "O"
    assert label_of("R:DET:FORM") == "AGREEMENT"
    assert label_of("R:VERB:FORM") == "VERB_FORM"
    assert label_of("M:PUNCT") == "PUNCTUATION"
    assert label_of("U:ADP") == "OTHER"
    assert set(LABELS) == {"O", *(kind.label for kind in MODEL_KINDS)}
    assert len({kind.rule for kind in MODEL_KINDS}) == len(MODEL_KINDS)


def test_model_findings_have_their_own_category() -> None:
    assert CATEGORY.id == "MODEL"
    assert all(kind.message and kind.description and kind.rule.startswith("MODEL_") for kind in MODEL_KINDS)
