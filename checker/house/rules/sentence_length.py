"""Sentence length: sentences longer than the profile's `max_sentence_words`. Style advice: the
report's statistics count them (`long_sentences`); the default profile leaves it at that, a profile
that enables this rule marks each one (agency.toml: a warning)."""

from __future__ import annotations

from collections.abc import Iterator

from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules.base import SENTENCES, Finding, Rule
from checker.text.segments import WORD_RE


def long_sentences(doc: Article, limit: int) -> Iterator[tuple[int, int, int]]:
    """(start, end, words) of each sentence of more than `limit` words."""
    for start, end in doc.sentences:
        count = len(WORD_RE.findall(doc.text, start, end))
        if count > limit:
            yield start, end, count


def _find(doc: Article, profile: Profile) -> Iterator[Finding]:
    limit = profile.wire.max_sentence_words
    for start, end, count in long_sentences(doc, limit):
        yield Finding(start, end, f"Langer Satz: {count} Wörter, im Hausstil höchstens {limit}. Besser aufteilen.")


_LONG = (
    "Berlin (dpa) - Der Bundestag hat am Dienstag nach langer und teils sehr hitziger Debatte"
    " über die Finanzierung der Bundeswehr, die Zukunft der Rente und die Lage der Kommunen ein"
    " Gesetz beschlossen, das nach Ansicht vieler Fachleute kaum Wirkung zeigen wird."
)

_SHORT = (
    "Berlin (dpa) - Der Bundestag hat am Dienstag ein Gesetz beschlossen. Es tritt am"
    " 1. Januar in Kraft. Fachleute erwarten z. B. höhere Kosten von ca. 2,5 Mrd. Euro."
)

SENTENCE_LENGTH = Rule(
    id="HOUSE_SENTENCE_LENGTH",
    description="Satz zu lang",
    category=SENTENCES,
    type="style",
    severity="info",
    find=_find,
    scope="sentence",
    # The default profile only counts long sentences; the strict profiles mark them.
    examples_right=(_LONG,),
    examples_wrong_agency=(_LONG,),
    examples_right_agency=(_SHORT,),
    examples_wrong_duden=(_LONG,),
)
