"""The shortcuts of the name matcher give the answers of the plain edit distance: the band
around the diagonal, and the count of letters no cheap edit changes as a lower bound."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.house import dictionary
from checker.house.dictionary import NameIndex, edit_distance

# Letters of every kind the distance treats apart: swappable, insertable, rigid, with diacritics.
LETTERS = "aeiouyäöüßszckqxwvfjhtnrlmbdgpéñłčš-"
words = st.text(alphabet=LETTERS, min_size=1, max_size=14)


@st.composite
def word_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A word and a copy with a few random edits (unrelated words are far apart in any case)."""
    word = draw(words)
    other = list(word)
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(other)))
        letter = draw(st.sampled_from(LETTERS))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert":
            other.insert(where, letter)
        elif other:
            other[min(where, len(other) - 1)] = letter if kind == "replace" else ""
    return word, "".join(other)


@settings(max_examples=1500, deadline=None)
@given(word_pairs(), st.sampled_from([1, 2, 3]))
def test_a_limited_distance_agrees_with_the_full_one_up_to_the_limit(pair: tuple[str, str], limit: int) -> None:
    first, second = pair
    full = edit_distance(first, second)
    limited = edit_distance(first, second, limit)
    assert limited == full if full <= limit else limited > limit


@settings(max_examples=1500, deadline=None)
@given(word_pairs())
def test_the_rigid_letters_bound_the_distance_from_below(pair: tuple[str, str]) -> None:
    first, second = pair
    assert dictionary._rigid_difference(first, second) <= edit_distance(first, second)


def test_the_distance_of_known_pairs() -> None:
    assert edit_distance("araghchi", "araghtschi") == 2
    assert edit_distance("rouhani", "rohani") == 1
    assert edit_distance("menschen", "münchen", 2) == 3


def test_an_acronym_written_as_a_word_is_the_name() -> None:
    index = NameIndex(["IRNA", "Wien", "AP"])
    assert index.is_known("Irna") and index.base_name("Irna") == ("IRNA", "")
    # Two letters are too few to tell an acronym from a word.
    assert not index.is_known("Ap")
    # A name in lower case after its capital is no acronym of it.
    assert not NameIndex(["Irna"]).is_known("IRNa")
