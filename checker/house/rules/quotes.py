"""Quotation marks: balanced and of one kind within each paragraph (HOUSE_QUOTES), and of the
kind the profile's convention prescribes (HOUSE_QUOTE_STYLE): « » with ' ' inside for agency
copy, „ “ with ‚ ‘ inside for Duden typography, and with the `auto` convention the kind the text
mostly uses (only other kinds are flagged).

Whether a mark opens or closes is read from its neighbours: after white space, an opening
bracket or dash, or another opening mark, and before a non-space, it opens. A straight or
typographic apostrophe between two letters ("geht's") is no quotation mark, and straight
single marks that pair with nothing are taken for apostrophes ("Reuters'", "'90er").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from checker.house.article import Article
from checker.house.conventions import dominant
from checker.house.profile import Convention, Profile
from checker.house.rules.base import QUOTES, TYPOGRAPHY, Finding, Rule

# Family -> (opening, closing) mark, for double and single quotes.
DOUBLE_FAMILIES = {
    "german": ("„", "“"),
    "english": ("“", "”"),
    "straight": ('"', '"'),
    "guillemets_out": ("«", "»"),
    "guillemets_in": ("»", "«"),
}
SINGLE_FAMILIES = {
    "german": ("‚", "‘"),
    "english": ("‘", "’"),
    "straight": ("'", "'"),
    "guillemets_out": ("‹", "›"),
    "guillemets_in": ("›", "‹"),
}
CONVENTION_FAMILIES: dict[Convention, tuple[str, str]] = {
    "agency": ("guillemets_out", "straight"),  # (double, single)
    "duden": ("german", "german"),
}
# mark: (single, opens regardless of context or None, family when opening, family when closing)
_MARK_TABLE: dict[str, tuple[bool, bool | None, str, str]] = {
    "„": (False, True, "german", "german"),
    "“": (False, None, "english", "german"),
    "”": (False, False, "english", "english"),
    '"': (False, None, "straight", "straight"),
    "«": (False, None, "guillemets_out", "guillemets_in"),
    "»": (False, None, "guillemets_in", "guillemets_out"),
    "‚": (True, True, "german", "german"),
    "‘": (True, None, "english", "german"),
    "’": (True, False, "english", "english"),
    "'": (True, None, "straight", "straight"),
    "‹": (True, None, "guillemets_out", "guillemets_in"),
    "›": (True, None, "guillemets_in", "guillemets_out"),
}
_MARKS = frozenset(_MARK_TABLE)
_OPENING_CONTEXT = "([{/–—-"


@dataclass(frozen=True)
class QuoteMark:
    offset: int
    char: str
    opening: bool
    family: str
    single: bool


@dataclass
class ParagraphQuotes:
    marks: list[QuoteMark] = field(default_factory=list)
    pairs: list[tuple[QuoteMark, QuoteMark]] = field(default_factory=list)
    unclosed: list[QuoteMark] = field(default_factory=list)
    unopened: list[QuoteMark] = field(default_factory=list)


def _classify(text: str, index: int, previous_opened: bool) -> QuoteMark | None:
    char = text[index]
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if char in "'’" and before.isalpha() and after.isalpha():
        return None  # apostrophe inside a word
    opens = (
        before.isspace() or before in _OPENING_CONTEXT or (before in _MARKS and previous_opened)
    ) and not after.isspace()
    entry = _MARK_TABLE.get(char)
    if entry is None:
        return None
    single, fixed_opens, open_family, close_family = entry
    if fixed_opens is not None:
        opens = fixed_opens
    return QuoteMark(index, char, opens, open_family if opens else close_family, single)


def analyse(text: str, start: int, end: int) -> ParagraphQuotes:
    """Quotation marks of one paragraph, paired by nesting level (double and single apart)."""
    result = ParagraphQuotes()
    stacks: dict[bool, list[QuoteMark]] = {False: [], True: []}
    previous_opened = False
    for index in range(start, end):
        if text[index] not in _MARKS:
            continue
        mark = _classify(text, index, previous_opened and index > start)
        previous_opened = mark is not None and mark.opening
        if mark is None:
            continue
        result.marks.append(mark)
        stack = stacks[mark.single]
        if mark.opening:
            stack.append(mark)
        elif mark.single and mark.char == "’" and not (stack and stack[-1].char in "‘‚"):
            continue  # an apostrophe ("Reuters’")
        elif stack:
            result.pairs.append((stack.pop(), mark))
        elif not mark.single or mark.char in "‘‹›":
            result.unopened.append(mark)
    result.unclosed.extend(stacks[False])
    result.unclosed.extend(mark for mark in stacks[True] if mark.family != "straight")
    return result


# (double family, single family); None for the single family accepts any single marks.
Families = tuple[str, str | None]


def families_for(doc: Article, profile: Profile) -> Families | None:
    """The quotation marks the text should use: the convention's, or with `auto` the kinds the
    text mostly pairs (None when it pairs none)."""
    if profile.convention != "auto":
        return CONVENTION_FAMILIES[profile.convention]
    pairs = [pair for start, end in doc.paragraphs for pair in analyse(doc.text, start, end).pairs]
    matched = [opener for opener, closer in pairs if opener.family == closer.family]
    double = dominant(opener.family for opener in matched if not opener.single)
    single = dominant(opener.family for opener in matched if opener.single)
    if double is None:
        return None
    return double, single


def convention_mark(families: Families, mark: QuoteMark) -> str:
    double, single = families
    if mark.single and single is None:
        return mark.char
    table = SINGLE_FAMILIES if mark.single else DOUBLE_FAMILIES
    opening, closing = table[(single if mark.single else double) or double]
    return opening if mark.opening else closing


def _in_convention(families: Families, mark: QuoteMark) -> bool:
    double, single = families
    if mark.single:
        return single is None or mark.family == single
    return mark.family == double


def _finding(mark: QuoteMark, message: str, replacement: str | None = None) -> Finding:
    return Finding(mark.offset, mark.offset + 1, message, (replacement,) if replacement else ())


def _find_balance(doc: Article, profile: Profile) -> Iterator[Finding]:
    convention = families_for(doc, profile) or CONVENTION_FAMILIES["duden"]
    for start, end in doc.paragraphs:
        quotes = analyse(doc.text, start, end)
        for mark in quotes.unclosed:
            yield _finding(mark, f"Öffnendes Anführungszeichen ({mark.char}) wird im Absatz nicht geschlossen.")
        for mark in quotes.unopened:
            yield _finding(mark, f"Schließendes Anführungszeichen ({mark.char}) ohne öffnendes im Absatz.")
        double_pairs = []
        for opener, closer in quotes.pairs:
            if opener.family == closer.family:
                if not opener.single:
                    double_pairs.append((opener, closer))
                continue
            wrong = opener if _in_convention(convention, closer) and not _in_convention(convention, opener) else closer
            yield _finding(
                wrong,
                f"Anführungszeichen passen nicht zusammen: {opener.char} … {closer.char}.",
                convention_mark(convention, wrong),
            )
        families = list(dict.fromkeys(opener.family for opener, _closer in double_pairs))
        if len(families) < 2:
            continue
        reference = convention[0]
        if reference not in families:
            reference = families[0]
        opening, closing = DOUBLE_FAMILIES[reference]
        for opener, closer in double_pairs:
            if opener.family == reference:
                continue
            message = (
                f"Uneinheitliche Anführungszeichen im Absatz: {opener.char} … {closer.char}"
                f" neben {opening} … {closing}."
            )
            yield _finding(opener, message, convention_mark(convention, opener))
            yield _finding(closer, message, convention_mark(convention, closer))


def _find_style(doc: Article, profile: Profile) -> Iterator[Finding]:
    convention = families_for(doc, profile)
    if convention is None:
        return
    double, single = convention
    opening, closing = DOUBLE_FAMILIES[double]
    inner_opening, inner_closing = SINGLE_FAMILIES[single or double]
    rule = "im Text meist" if profile.convention == "auto" else "Hausstil:"
    for start, end in doc.paragraphs:
        quotes = analyse(doc.text, start, end)
        paired = {mark.offset for pair in quotes.pairs for mark in pair}
        for mark in quotes.marks:
            if _in_convention(convention, mark):
                continue
            # Single marks that pair with nothing may be apostrophes; leave those alone.
            if mark.single and mark.char in "'’" and mark.offset not in paired:
                continue
            expected = f"{inner_opening} … {inner_closing}" if mark.single else f"{opening} … {closing}"
            replacement = convention_mark(convention, mark)
            yield _finding(
                mark,
                f"{rule} Anführungszeichen {expected}" + (" für ein Zitat im Zitat." if mark.single else "."),
                replacement,
            )


QUOTE_BALANCE = Rule(
    id="HOUSE_QUOTES",
    description="Anführungszeichen paarig und einheitlich",
    category=QUOTES,
    type="typographical",
    severity="error",
    find=_find_balance,
    examples_wrong=(
        "Berlin (dpa) - «Wir sind bereit, sagte der Minister.",
        "Berlin (dpa) - Wir sind bereit», sagte der Minister.",
        "Berlin (dpa) - «Wir sind bereit“, sagte der Minister.",
        "Berlin (dpa) - «Wir sind bereit», sagte er. „Und wir bleiben“, fügte er hinzu.",
        "Berlin (dpa) - Sie sprach von ‚Verrat im Amt.",
    ),
    examples_right=(
        "Berlin (dpa) - «Wir sind bereit», sagte der Minister.",
        "Berlin (dpa) - «Er sprach von 'Verrat'», sagte sie. «Das geht's nichts an.»",
        "Berlin (dpa) - Reuters' Bericht und «die Meldung» stimmen überein.",
        "Berlin (dpa) - «Wir sind bereit,\nsagte er.»\n\n«Und wir bleiben», fügte er hinzu.",
    ),
    examples_wrong_duden=("Berlin (dpa) – „Wir sind bereit”, sagte der Minister.",),
    examples_right_duden=("Berlin (dpa) – „Er sprach von ‚Verrat‘“, sagte der Minister.",),
)

QUOTE_STYLE = Rule(
    id="HOUSE_QUOTE_STYLE",
    description="Anführungszeichen nach Hausstil",
    category=TYPOGRAPHY,
    type="typographical",
    severity="warning",
    find=_find_style,
    examples_wrong=(
        "Berlin (dpa) - «Wir sind bereit», sagte er.\n\n«Wir bleiben», sagte sie.\n\n„Und nun?“, fragte er.",
        "Berlin (dpa) - „Er sprach von ‚Verrat‘“, sagte sie.\n\n„Es war ‹Verrat›“, sagte er.",
    ),
    examples_right=(
        # The default follows the document: one kind throughout is fine, whichever it is.
        "Der Minister sagte, die Gespräche seien „konstruktiv“ gewesen.",
        "Berlin (dpa) - «Wir sind bereit», sagte der Minister.",
        'Berlin (dpa) - "Wir sind bereit", sagte der Minister. "Wir bleiben."',
        "Berlin (dpa) - «Er sprach von 'Verrat'», sagte sie. Reuters’ Bericht stimmt.",
    ),
    examples_wrong_agency=(
        "Berlin (dpa) - „Wir sind bereit“, sagte der Minister.",
        'Berlin (dpa) - "Wir sind bereit", sagte der Minister.',
        "Berlin (dpa) - »Wir sind bereit«, sagte der Minister.",
        "Berlin (dpa) - «Er sprach von ‚Verrat‘», sagte sie.",
    ),
    examples_right_agency=(
        "Berlin (dpa) - «Wir sind bereit», sagte der Minister.",
        "Berlin (dpa) - «Er sprach von 'Verrat'», sagte sie. Reuters’ Bericht stimmt.",
    ),
    examples_wrong_duden=(
        "Berlin (dpa) – «Wir sind bereit», sagte der Minister.",
        'Berlin (dpa) – "Wir sind bereit", sagte der Minister.',
        "Berlin (dpa) – „Er sprach von 'Verrat'“, sagte sie.",
    ),
    examples_right_duden=("Berlin (dpa) – „Er sprach von ‚Verrat‘“, sagte sie. Das geht's nichts an.",),
)
