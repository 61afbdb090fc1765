"""The planted typos of bench/published.py: one slip each, in place, and the same every run."""

from __future__ import annotations

from bench.published import KINDS, PublishedArticle, plant_typos, typo_variants
from checker.house.unknown_words import one_slip_apart

ARTICLE = PublishedArticle(
    "sample-1",
    "Wien – Der Trainer Hiddink lobte die Mannschaft. Hiddink sagte, die Vorbereitung sei gut gelaufen."
    " Am Sonntag spielt die Mannschaft wieder, Hiddink bleibt zuversichtlich.",
)


def test_typo_variants_are_one_slip_away_and_keep_the_first_and_last_letter() -> None:
    variants = typo_variants("Mannschaft")
    assert variants and "Mannschaft" not in variants
    assert all(one_slip_apart(variant, "Mannschaft") for variant in variants)
    assert all(variant[0] == "M" and variant[-1] == "t" for variant in variants)


def test_typos_are_planted_in_place_and_the_same_every_run() -> None:
    text, typos = plant_typos(ARTICLE, flagged=[])
    assert (text, typos) == plant_typos(ARTICLE, flagged=[])
    assert {typo.kind for typo in typos} == set(KINDS)
    for typo in typos:
        assert text[typo.start : typo.end] == typo.typo
        assert one_slip_apart(typo.typo, typo.original)
    [name] = [typo for typo in typos if typo.kind == "name repeat"]
    assert name.original == "Hiddink" and name.start > ARTICLE.text.index("Hiddink")
    # Apart from the typos, the text is the article.
    rebuilt = text
    for typo in sorted(typos, key=lambda typo: -typo.start):
        rebuilt = rebuilt[: typo.start] + typo.original + rebuilt[typo.end :]
    assert rebuilt == ARTICLE.text


def test_no_ordinary_word_is_taken_where_languagetool_already_finds_something() -> None:
    _text, typos = plant_typos(ARTICLE, flagged=[(0, len(ARTICLE.text))])
    assert [typo.kind for typo in typos] == ["name repeat"]
