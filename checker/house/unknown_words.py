"""Words LanguageTool's speller does not know, read as an editor reads them: a name, a compound
of known words, or a typo.

News copy is full of names no dictionary holds: a spokesman's transliterated name, a
footballer, a foreign town. Whether a capitalised unknown word is a name is decided from the
article around it (`name_evidence`): the word recurring unchanged or inflected ("Zwayer",
"Zwayers"), more so four times or more without an article before it ("bei Strache", "sagt
Strache", "Strache darf": no typo is made so often, while "die Regirung" may be); a first
name, an initial or a title or function before it ("Trainer Glasner", "Arbeitsmarktexperte");
another unknown capitalised word after it, no article before it (a first name: "Artem Dsjuba");
a speech or attribution frame ("sagt Gächter", "so Glasner", "laut Hofer", "Hofer zufolge");
an organisation frame ("Nachrichtenagentur Irna", "Häupl (SPÖ)"); another unknown capitalised
word or a name particle beside it; names next to it in a list, as line-ups and results give them
("Gebauer – Streker, Reifeltshammer", "Nagy (6.), Vas (11.)"); a foreign or transliterated
spelling; the lexicon knowing the word as a name ("Kane", "Olsen"); a capital after two small
letters, written on purpose as brands write it ("WebStandard", "ArenA"); the speller offering
nothing near it. Against it: the speller offering a known word one typing slip away ("Flughaen"
-> "Flughafen"), more so a common or a long one ("Procinzhauptstadt" -> "Provinzhauptstadt") or
one two swapped letters away ("Rcihtung" -> "Richtung"), also an ordinary word the unknown one
only adds an ending to ("Kulture" -> "Kultur"), which is no inflected name; a long word two slips
away ("Gesselschaft" -> "Gesellschaft", "Krankenheit" -> "Krankheit") or a country or a long,
well-known place one slip away ("Deutschlan", "Großbritanien"); a compound one slip from a known
word ("Schwigermutter") is that word misspelt, no compound the speller lacks, and so is a word
one slip from a compound the speller suggests and the lexicon explains, with one of its own
parts no word ("Impfkampange" -> "Impf|kampagne", "Sicherheitsbreich" -> "Sicherheits|bereich").

An acronym the speller knows in capitals, written as it is spoken ("Wifo" for "WIFO", "Cern"),
gets no finding: Duden allows both spellings, and agencies write the second. A word written in
other capitals than a known word ("Youtube") stays an error.

Words in a run of unknown words, two or more of them with small letters, are a passage in another
language ("Thanks for the messages") and get no finding; a word with an umlaut or ß, or a common
German noun in small letters ("größe", "balkon"), is no part of such a run.

The weighted evidence (`WEIGHTS`) of all occurrences of a word in the article decides once for
the word: from `QUIET_FROM` on it is a name and gets no finding; from `NOTE_FROM` on a note
("Name nicht im Namensverzeichnis", info, HOUSE_UNKNOWN_NAME) on its first occurrence; below
that it stays the speller's error. A compound whose parts the speller knows ("Kaikanten") is a
note too (HOUSE_UNKNOWN_COMPOUND, on its first occurrence), unless a known word is one slip
away or the article shows it to be a name ("sagte Pilgermaier"). Two cases stay errors
whatever the evidence, with the right spelling first among the fixes: a near miss of a
dictionary name ("Araghchi" -> "Araghtschi"), and a word one slip away from a capitalised word
the same article uses ("Chridtian" beside "Christian").

The weights and thresholds were chosen by measuring on published agency copy (names the
speller does not know) and on typos planted into its ordinary words and into repeats of its
names (bench/published.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from checker.house.dictionary import INFLECTION_ENDINGS
from checker.house.profile import Profile
from checker.house.rules.base import NAMES, WORDING
from checker.learned.features import lookup
from checker.records import Issue
from checker.text.segments import word_set

UNKNOWN_NAME = "HOUSE_UNKNOWN_NAME"
UNKNOWN_COMPOUND = "HOUSE_UNKNOWN_COMPOUND"

TITLES = word_set(
    """
    Herr Frau Dr. Prof. Sprecher Sprecherin Minister Ministerin Präsident Präsidentin Kanzler
    Kanzlerin Chef Chefin Bürgermeister Bürgermeisterin Abgeordnete Abgeordneter Botschafter
    Botschafterin General Generalin König Königin Prinz Prinzessin Scheich Ayatollah Imam Papst
    Kardinal Bischof Trainer Trainerin Kapitän Kapitänin Anwalt Anwältin Richter Richterin
    Premier Vorsitzende Vorsitzender Direktor Direktorin Gouverneur Gouverneurin Senator
    Senatorin Kommandeur Oberst Major Sänger Sängerin Autor Autorin Schauspieler Schauspielerin
    Kollege Kollegin Amtskollege Amtskollegin Journalist Journalistin Fotograf Fotografin
    Professor Professorin Sultan Emir Kronprinz Scheicha Mufti Rabbiner Patriarch Metropolit
    Schiedsrichter Schiedsrichterin Coach Stürmer Stürmerin Torhüter Torhüterin Tormann Goalie
    Verteidiger Verteidigerin Mittelfeldspieler Mittelfeldspielerin Regisseur Regisseurin
    Künstler Künstlerin Musiker Musikerin Schriftsteller Schriftstellerin Komponist Komponistin
    Dirigent Dirigentin Pianist Pianistin Architekt Architektin Forscher Forscherin Ökonom
    Ökonomin Politologe Politologin Historiker Historikerin Anwalt Unternehmer Unternehmerin
    Gründer Gründerin Erfinder Erfinderin Fahrer Fahrerin Pilot Pilotin Profi Weltmeister
    Weltmeisterin Olympiasieger Olympiasiegerin Teamchef Landeshauptmann Landeshauptfrau
    Bundespräsident Bundeskanzler Vizekanzler Staatssekretär Staatssekretärin Abt Pfarrer
    Pastor Pater Bruder Schwester Sohn Tochter Vater Mutter Ehefrau Ehemann Witwe Kardinal
    Angeklagte Angeklagter Opfer Täter Täterin Zeuge Zeugin Kandidat Kandidatin Chefredakteur
    Chefredakteurin Herausgeber Herausgeberin Intendant Intendantin Kurator Kuratorin
    """
)
_TITLE_ENDINGS = (
    "minister",
    "ministerin",
    "präsident",
    "präsidentin",
    "sprecher",
    "sprecherin",
    "chef",
    "chefin",
    "sekretär",
    "sekretärin",
    "kommissar",
    "kommissarin",
    "vorsitzende",
    "vorsitzender",
    "direktor",
    "direktorin",
    "leiter",
    "leiterin",
    "führer",
    "führerin",
    "kandidat",
    "kandidatin",
    "experte",
    "expertin",
    "trainer",
    "trainerin",
    "spieler",
    "spielerin",
    "profi",
    "meister",
    "meisterin",
    "sieger",
    "siegerin",
    "forscher",
    "forscherin",
    "analyst",
    "analystin",
    "berater",
    "beraterin",
    "kollege",
    "kollegin",
    "manager",
    "managerin",
    "gründer",
    "gründerin",
    "mitglied",
    "abgeordnete",
    "abgeordneter",
    "kapitän",
    "stürmer",
    "hüter",
    "händler",
    "anwalt",
    "anwältin",
)
# Name particles that are no German words ("von", "der" and "de" are: "von Soonntag").
PARTICLES = word_set("bin ibn bint al el Abu Abdul van del da di du le la dos das ben")
# Words before a name that say who speaks or is quoted, and words after it.
_SPEECH_BEFORE = word_set(
    """
    sagt sagte sagten sagen meint meinte erklärt erklärte betont betonte berichtet berichtete
    kritisiert kritisierte fordert forderte warnt warnte so laut schreibt schrieb ergänzt ergänzte
    räumt räumte glaubt glaubte findet fand hofft hoffte sieht sah zeigt zeigte weiß wusste
    resümiert resümierte bestätigt bestätigte kündigt kündigte gibt gab verweist verwies
    """
)
_SPEECH_AFTER = word_set(
    """
    zufolge sagt sagte meint meinte erklärt erklärte betont betonte berichtet berichtete
    kritisiert kritisierte fordert forderte warnt warnte schreibt schrieb ergänzt ergänzte
    """
)
# Nouns before a name of an organisation, a club, a medium or a place.
_ORGANISATION_BEFORE = word_set(
    """
    Nachrichtenagentur Agentur Zeitung Zeitschrift Magazin Blatt Sender Fernsehsender Radiosender
    Firma Konzern Unternehmen Hersteller Marke Bank Verein Klub Club Team Partei Bewegung Gruppe
    Miliz Organisation Stiftung Institut Universität Provinz Bezirk Region Stadt Gemeinde Ort
    Dorf Insel Fluss Hotel Festival Stadion Arena Plattform App Label Verlag Kanzlei Dienst
    FC SC SV SK AC AS VfB VfL TSV ASK FK BK KS US Sporting Real Atletico Inter Olympique
    """
)
_ORGANISATION_ENDINGS = (
    "agentur",
    "zeitung",
    "konzern",
    "verein",
    "klub",
    "partei",
    "provinz",
    "bezirk",
    "region",
    "gemeinde",
    "sender",
    "hersteller",
    "gruppe",
    "firma",
    "kanzlei",
)
_ORGANISATION_AFTER = word_set("GmbH AG Inc Ltd SE Corp Holding FC SC")
# A party, a country or a club in parentheses after a name: "Häupl (SPÖ)", "Ogier (FRA)".
_CODE_AFTER = re.compile(r"\s?\((?:[A-ZÄÖÜ][\w.-]{1,7})(?:[/,][^)]{0,12})?\)")
_TRANSLITERATION = re.compile(
    r"tsch|dsch|dsh|kh|zh|gh|ij|(?:ow|owa|ew|ewa|ski|skij|skyj|enko|uk|ajew|ijew|ullah|ollah|uddin|abad)s?$",
    re.IGNORECASE,
)
_FOREIGN = re.compile(
    r"[^\x00-\x7fäöüßÄÖÜ]|^[^\W\d_]*(?:ou|aa|ii|uu|yy|sz|cz|zs|sj|dj|tx|gu[ae]|qu|[wx][aeiou]?$)"
    r"|(?:ić|ic|vic|ez|inho|ini|elli|etti|ollo|dze|shvili|yan|oglu|escu|sson|sen|ski|sky|ova|ovi|"
    r"aj|ay|ey|oy|o|a|i|y|u|ão)s?$"
)
# A capitalised word, with inner hyphens and apostrophes.
_TOKEN = re.compile(r"(?<![\w-])[^\W\d_][^\W\d_]*(?:[-'’][^\W\d_]+)*['’]?")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_INITIAL = re.compile(r"^[A-ZÄÖÜ]\.$")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:[Dd](?:er|ie|as|en|em|es)|[Ee]in(?:e[mnrs]?)?)\s+$")
_NAME_TAGS = frozenset({"NE", "FM", "XY", "UNK"})
# A capital after two small letters is written on purpose, as brands and gendered forms write
# it ("WebStandard", "FestZins", "ArenA", "LehrerInnen"): no typing slip.
_INNER_CAPITAL = re.compile(r"[a-zäöüß]{2}[A-ZÄÖÜ]")
_VOWEL = re.compile(r"[aeiouäöü]")
_SPOKEN_ACRONYM_LETTERS = 4
_FIRST_NAME_TAGS = frozenset({"NE", "FM", "XY"})

# Evidence for (positive) and against (negative) reading a word as a name.
WEIGHTS: dict[str, int] = {
    "recurs": 3,
    "recurs often": 2,
    "name before": 4,
    "surname after": 3,
    "title before": 4,
    "inflected name": 3,
    "speech frame": 2,
    "organisation frame": 2,
    "beside unknown name": 2,
    "in a list of names": 2,
    "hyphenated name": 2,
    "acronym": 3,
    "name of the lexicon": 2,
    "inner capitals": 3,
    "compound of a known word": 2,
    "no suggestion": 2,
    "foreign spelling": 1,
    "unrelated suggestions": 1,
    "typo of a word": -3,
    "typo of a common word": -1,
    "typo of a long word": -3,
    "letters swapped": -2,
    "typo of a country": -3,
    "typo of a compound": -2,
    "near a long word": -3,
}
_COMMON = 4  # the Zipf frequency of a common word (the lexicon's scale: 0 to 7)
_LONG = 10  # letters of a word one slip from which no name is ("Procinzhauptstadt")
_NEAR_LONG = 8  # letters of a word two slips from which no name is ("Gesselschaft")
_COUNTRY = 5  # the Zipf frequency of a name one slip from which no other name is ("Deutschlan")
_HEAD_LETTERS = 4
_COMPOUND_LETTERS = 9  # letters of a compound whose misspelt part makes it a typo
_COMMON_HEAD = 3
QUIET_FROM = 2
NOTE_FROM = 1
PASSAGE_WORDS = 3
PASSAGE_SMALL_WORDS = 2
_OFTEN = 4
_PASSAGE_GAP = re.compile(r"[ ,;:]{1,3}")
_GERMAN_LETTER = re.compile(r"[äöüßÄÖÜ]")
_NON_GERMAN_LETTER = re.compile(r"[^\x00-\x7fäöüßÄÖÜ]")
# The items next to a word in a list ("Gebauer – Streker, Reifeltshammer", "Strobl/Denner",
# "Nagy (6.), Vas (11.)"): a capitalised word, perhaps with a note in brackets after it, and a
# comma, a slash or a dash between spaces between the items; the item after may have an initial
# ("Kainz, T. Salamon").
_ITEM_BEFORE = re.compile(r"([A-ZÄÖÜ][\w'’-]*)(?: \([^()]{1,24}\))?(?:, |/| [–-] )$")
_ITEM_AFTER = re.compile(r"(?: \([^()]{1,24}\))?(?:, |/| [–-] )(?:[A-ZÄÖÜ][a-z]?\. )?([A-ZÄÖÜ][\w'’-]*)")


def _is_title(word: str) -> bool:
    lowered = word.casefold()
    return word in TITLES or (word[:1].isupper() and lowered.endswith(_TITLE_ENDINGS))


def _is_organisation(word: str) -> bool:
    """A noun that names what kind of organisation or place follows: "Nachrichtenagentur",
    "Bezirken", "FC"."""
    if word in _ORGANISATION_BEFORE:
        return True
    lowered = word.casefold()
    return word[:1].isupper() and any(
        lowered.endswith(ending) or lowered.endswith((ending + "en", ending + "n", ending + "e", ending + "s"))
        for ending in _ORGANISATION_ENDINGS
    )


def name_key(word: str) -> str:
    """The word without a genitive ending, so that a name and its genitive count as one
    ("Zwayers", "Zwayer"; "Reuters'", "Reuters")."""
    word = word.rstrip("'’")
    if len(word) > 4 and word.endswith("s"):
        return word[:-1]
    return word


@dataclass(frozen=True)
class ArticleWords:
    """The capitalised words of an article, counted by spelling and by `name_key` (`bare`: the
    occurrences without an article before them), and those the speller does not know."""

    text: str
    forms: Counter[str]
    keys: Counter[str]
    unknown: frozenset[str]
    bare: Counter[str] = dataclasses.field(default_factory=Counter)

    @classmethod
    def of(cls, text: str, unknown: frozenset[str]) -> ArticleWords:
        capitalised = [match for match in _TOKEN.finditer(text) if match.group()[:1].isupper()]
        forms = Counter(match.group() for match in capitalised)
        keys: Counter[str] = Counter()
        for form, count in forms.items():
            keys[name_key(form)] += count
        bare = Counter(name_key(match.group()) for match in capitalised if not _after_article(text, match.start()))
        return cls(text, forms, keys, unknown, bare)


def _after_article(text: str, offset: int) -> bool:
    """Whether an article stands right before `offset` ("die Regirung", "einer Firma")."""
    return _ARTICLE_BEFORE.search(text, max(0, offset - 8), offset) is not None


def _neighbours(text: str, start: int, end: int) -> tuple[list[str], str, str]:
    """Up to two words before the span (nearest first, only across spaces and hyphens), the
    word after it (after a space), and the text just after it."""
    window = text[max(0, start - 60) : start]
    before: list[str] = []
    position = len(window)
    for match in reversed(list(_WORD.finditer(window))):
        between = window[match.end() : position]
        token = match.group()
        if between.strip(" -–") or len(before) == 2:
            break
        if token.endswith(".") and not (_INITIAL.match(token) or token in TITLES):
            break  # the end of the sentence before ("Brüssel. Demnavh")
        before.append(token)
        position = match.start()
    after = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return before, after.group().rstrip(".,") if after else "", text[end : end + 24]


def _list_items(text: str, start: int, end: int) -> list[str]:
    """The items before and after the span in a list of capitalised words (`_ITEM_BEFORE`)."""
    before = _ITEM_BEFORE.search(text, max(0, start - 40), start)
    after = _ITEM_AFTER.match(text, end)
    return [match.group(1) for match in (before, after) if match]


def _is_name_item(item: str, words: ArticleWords) -> bool:
    """Whether a list item is a name: unknown to the speller too, or a name of the lexicon."""
    return item in words.unknown or lookup(item)[0] in _FIRST_NAME_TAGS


def swapped(word: str, other: str) -> bool:
    """Whether two neighbouring letters swapped turn `word` into `other` ("Rcihtung"), the
    commonest typing slip."""
    if len(word) != len(other):
        return False
    differences = [index for index, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return (
        len(differences) == 2
        and differences[1] == differences[0] + 1
        and word[differences[0]] == other[differences[1]]
        and word[differences[1]] == other[differences[0]]
    )


def one_slip_apart(word: str, other: str) -> bool:
    """Whether one letter inserted, dropped, changed or two swapped turn `word` into `other`."""
    if word == other or abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        differences = [index for index, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        return len(differences) == 1 or swapped(word, other)
    shorter, longer = sorted((word, other), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def adds_ending(word: str, other: str) -> bool:
    """Whether one of the two is the other with an inflection ending ("Zwayers", "Zwayer";
    "Europacupsiege", "Europacupsieg"); "Arbeitn" is no form of "Arbeiten"."""
    shorter, longer = sorted((word, other), key=len)
    return longer.startswith(shorter) and longer[len(shorter) :] in INFLECTION_ENDINGS


def is_ordinary_word(word: str) -> bool:
    """Whether the lexicon holds the word as an ordinary word: no name, no foreign word, and
    not unknown to it."""
    return lookup(word)[0] not in _NAME_TAGS


def _slip_fixes(issue: Issue) -> list[str]:
    """The speller's suggestions one slip away that are no inflected form of the word itself.
    An ending the speller does not accept on an ordinary word is a slip, not an inflection
    ("Kulture" -> "Kultur", "Gefängniss" -> "Gefängnis"); on a word the lexicon lacks it is
    an inflection the speller does not know ("Europacupsiege" -> "Europacupsieg")."""
    return [
        replacement
        for replacement in issue.replacements
        if one_slip_apart(issue.text, replacement)
        and replacement.replace(" ", "").replace("-", "") != issue.text.replace("-", "")
        and not (_INNER_CAPITAL.search(issue.text) and replacement.casefold() == issue.text.casefold())
        and (
            is_ordinary_word(replacement)
            or (name_key(replacement) != name_key(issue.text) and not adds_ending(issue.text, replacement))
        )
    ]


def slips(word: str, other: str) -> int:
    """How many typing slips (a letter inserted, dropped or changed, two neighbours swapped)
    turn `word` into `other`."""
    previous_row: list[int] = []
    row = list(range(len(other) + 1))
    for i in range(1, len(word) + 1):
        before, previous_row, row = previous_row, row, [i] + [0] * len(other)
        for j in range(1, len(other) + 1):
            cost = word[i - 1] != other[j - 1]
            row[j] = min(previous_row[j] + 1, row[j - 1] + 1, previous_row[j - 1] + cost)
            if i > 1 and j > 1 and word[i - 1] == other[j - 2] and word[i - 2] == other[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def _near_fixes(issue: Issue) -> list[str]:
    """The speller's first suggestion if it is an ordinary word of `_NEAR_LONG` letters or more
    two slips from the word, and no inflected form of the word itself: "Gesselschaft" ->
    "Gesellschaft", "Krankenheit" -> "Krankheit", "Prufüngen" -> "Prüfungen". A name so near the
    word the speller ranks first it is not is rare ("Schwegler" -> "Schwelger" is no ordinary
    word; the ordinary "Schneller" further down does not count); a learner's typo so near is
    common."""
    word = issue.text.casefold()
    return [
        replacement
        for replacement in issue.replacements[:1]
        if _NEAR_LONG <= len(replacement) <= len(issue.text)  # letters left out are a compound's ("Motobot")
        and replacement.isalpha()
        and is_ordinary_word(replacement)
        and name_key(replacement) != name_key(issue.text)
        and not adds_ending(issue.text, replacement)
        and slips(word, replacement.casefold()) <= 2
    ]


def is_known_compound(issue: Issue) -> bool:
    """Whether the speller suggests the word itself split into known parts ("Kai kanten")."""
    joined = issue.text.casefold()
    return any(
        (" " in replacement or "-" in replacement)
        and replacement.replace(" ", "").replace("-", "").casefold() == joined.replace("-", "")
        for replacement in issue.replacements
    )


def name_evidence(issue: Issue, words: ArticleWords) -> Iterator[str]:
    """The signals (keys of `WEIGHTS`) for and against reading this occurrence as a name."""
    yield from _context_evidence(issue, words)
    yield from _word_evidence(issue)


def _context_evidence(issue: Issue, words: ArticleWords) -> Iterator[str]:
    """What the article around the word says: recurrence, the words before and after it."""
    word = issue.text
    before, after, following = _neighbours(words.text, issue.offset, issue.end)
    previous = before[0] if before else ""
    if words.keys[name_key(word)] >= 2:
        yield "recurs"
    if words.bare[name_key(word)] >= _OFTEN:
        yield "recurs often"
    base = name_key(word)
    if (
        word != base
        and not is_ordinary_word(base)
        and (words.forms[base] or lookup(base)[0] == "NE" or base in words.unknown)
    ):
        yield "inflected name"
    if previous and (
        _INITIAL.match(previous)
        or (
            previous[:1].isupper()
            and not _is_title(previous)
            and not _is_organisation(previous)
            and not _INNER_CAPITAL.search(previous)  # a brand, no first name: "Studio DontNod"
            and (previous in words.unknown or lookup(previous)[0] in _FIRST_NAME_TAGS)
        )
    ):
        yield "name before"
    if any(_is_title(candidate) for candidate in before):
        yield "title before"
    if previous.casefold() in _SPEECH_BEFORE or after in _SPEECH_AFTER:
        yield "speech frame"
    if _is_organisation(previous) or after in _ORGANISATION_AFTER or _CODE_AFTER.match(following):
        yield "organisation frame"
    if any(neighbour in words.unknown or neighbour in PARTICLES for neighbour in [previous, after]):
        yield "beside unknown name"
    if after in words.unknown and after[:1].isupper() and not _after_article(words.text, issue.offset):
        yield "surname after"
    if any(_is_name_item(item, words) for item in _list_items(words.text, issue.offset, issue.end)):
        yield "in a list of names"


def _word_evidence(issue: Issue) -> Iterator[str]:
    """What the word itself and the speller's suggestions for it say."""
    yield from _form_evidence(issue.text)
    yield from _suggestion_evidence(issue)


def _form_evidence(word: str) -> Iterator[str]:
    """What the word's written form says."""
    if "-" in word and all(part[:1].isupper() for part in word.split("-") if part):
        yield "hyphenated name"
    if len(word) > 1 and (word.isupper() or (word[:-1].isupper() and word.endswith("s"))):
        yield "acronym"
    if _INNER_CAPITAL.search(word):
        yield "inner capitals"
    if lookup(word)[0] == "NE":
        yield "name of the lexicon"
    if _TRANSLITERATION.search(word) or _FOREIGN.search(word):
        yield "foreign spelling"


def _suggestion_evidence(issue: Issue) -> Iterator[str]:
    """What the speller's suggestions say: a known word near it makes it that word misspelt."""
    word = issue.text
    slip_fixes = _slip_fixes(issue)
    typo_of = [fix for fix in slip_fixes if is_ordinary_word(fix)]
    near = [] if typo_of else _near_fixes(issue)
    if _known_head(word) and not typo_of and not near:
        yield "compound of a known word"  # near a known word, it is that word misspelt
    if not issue.replacements:
        yield "no suggestion"
    elif typo_of:
        yield "typo of a word"
        if any(lookup(fix)[2] >= _COMMON for fix in typo_of):
            yield "typo of a common word"
        if any(len(fix) >= _LONG for fix in typo_of):
            yield "typo of a long word"
        if any(swapped(word, fix) for fix in typo_of):
            yield "letters swapped"
    elif any(_is_country_like(fix) for fix in slip_fixes):
        yield "typo of a country"  # "Deutschlan" -> "Deutschland", "Großbritanien" -> "Großbritannien"
    elif slip_fixes[:1] == list(issue.replacements[:1]) and _misspelt_part(word, slip_fixes[0]):
        yield "typo of a compound"  # "Sicherheitsbreich" -> "Sicherheitsbereich"
    elif near:
        yield "near a long word"
    else:
        yield "unrelated suggestions"


def _misspelt_part(word: str, compound: str) -> bool:
    """Whether `compound`, the speller's first suggestion, one slip from `word` inside it and
    unknown to the lexicon, is made of an ordinary word (with its linking s) and a common word,
    and `word` is the same compound with one of the two parts misspelt into no word of the
    lexicon ("Impfkampange" -> "Impf|kampagne", "Maschienenteilen" -> "Maschinen|teilen"). A
    word whose own parts are known is a compound the speller lacks, however near a suggestion:
    "Musizierstunde" (-> "Musikzierstunde"), Austrian "Klagsschrift" (-> "Klageschrift")."""
    if len(word) < _COMPOUND_LETTERS or not word[:1].isupper() or "-" in word or _NON_GERMAN_LETTER.search(word):
        return False
    same_start = _same_letters(word, compound)
    same_end = _same_letters(word[::-1], compound[::-1])
    if same_start < 1 or same_end < 1:
        return False  # a name made of a word and an ending or a letter before it: "Hinterseer", "Riedewald"
    for split in range(3, len(compound) - _HEAD_LETTERS + 1):
        if len(word) != len(compound) and split in (same_start, len(compound) - same_end):
            continue  # a linking letter more or less: "Überblicksansicht", "Spieleklassiker"
        left, head = compound[:split], compound[split:]
        if not (_is_head(head) and _is_part(left)):
            continue
        if word.endswith(head) and not _is_part(word[: len(word) - len(head)]):
            return True
        if word.startswith(left) and not _is_part(word[len(left) :].capitalize()):
            return True
    return False


def _same_letters(word: str, other: str) -> int:
    """How many letters the two words have in common from their start."""
    return next((i for i, (a, b) in enumerate(zip(word, other, strict=False)) if a != b), min(len(word), len(other)))


def _is_head(word: str) -> bool:
    """Whether `word`, capitalised, is a common word of the lexicon, as the last part of a
    compound is (the lexicon may read a plural as a verb form: "Teilen")."""
    tag, _ending, frequency = lookup(word.capitalize())
    return tag not in _NAME_TAGS and frequency >= _COMMON_HEAD


def _is_part(word: str) -> bool:
    """Whether `word` is the first part of a compound the lexicon explains: an ordinary word,
    one before a linking s or e ("Sicherheits", "Klags": "Klage"), or a verb's stem ("Impf")."""
    candidates = [word, word + "en"]
    if word.endswith(("s", "e")):
        candidates += [word[:-1], word[:-1] + "e"]
    return any(len(c) >= 3 and (is_ordinary_word(c) or is_ordinary_word(c.capitalize())) for c in candidates)


def _is_country_like(name: str) -> bool:
    """Whether a name is as well known as a country: of `_NEAR_LONG` letters or more and of the
    Zipf frequency `_COUNTRY`, or of `_LONG` letters or more and one step less frequent
    ("Großbritannien", "Südamerika")."""
    frequency = lookup(name)[2]
    return (len(name) >= _NEAR_LONG and frequency >= _COUNTRY) or (len(name) >= _LONG and frequency >= _COUNTRY - 1)


def _known_head(word: str) -> bool:
    """Whether the word ends in a common noun of the lexicon after three letters or more
    ("Sachlichkeitsgebot", "Alkomattest"): a compound the speller lacks, not a typo."""
    if "-" in word:
        return False
    for split in range(3, len(word) - _HEAD_LETTERS + 1):
        tag, _ending, frequency = lookup(word[split:])
        if tag in ("NN", "NNA") and frequency >= _COMMON_HEAD:
            return True
    return False


def spoken_acronym(issue: Issue) -> bool:
    """Whether the word is an acronym the speller knows in capitals, written with small letters
    after the first as it is spoken as a word ("Wifo" for "WIFO", "Cern-Fellowships", "Gifs"):
    Duden allows both spellings ("NATO", "Nato"), and agencies write the second."""
    if not issue.replacements:
        return False
    first = issue.replacements[0]
    parts, known = issue.text.split("-"), first.split("-")
    if len(parts) != len(known) or first.casefold() != issue.text.casefold():
        return False
    changed = [(part, other) for part, other in zip(parts, known, strict=True) if part != other]
    return bool(changed) and all(
        len(part) >= _SPOKEN_ACRONYM_LETTERS
        and part[:1].isupper()
        and part[1:].islower()
        and _VOWEL.search(part[1:]) is not None
        and (other.isupper() or (other.endswith("s") and other[:-1].isupper()))
        for part, other in changed
    )


def _in_other_capitals(issue: Issue) -> bool:
    """Whether the speller knows the word in other capitals ("Youtube", "Gmbh"), and the word has
    no capital written on purpose ("WebStandard")."""
    word = issue.text
    return not _INNER_CAPITAL.search(word) and any(
        r != word and r.casefold() == word.casefold() for r in issue.replacements
    )


def is_name_like(word: str) -> bool:
    """Whether a capitalised word is no ordinary word of the lexicon (it may be a name)."""
    return word[:1].isupper() and lookup(name_key(word))[0] in _NAME_TAGS


def name_score(issue: Issue, words: ArticleWords) -> int:
    return sum(WEIGHTS[signal] for signal in name_evidence(issue, words))


# The signals of the words around a word that make it a name even if it splits into known words.
_FRAMES = frozenset({"name before", "title before", "speech frame", "organisation frame"})


def reads_as_name(issue: Issue, words: ArticleWords) -> bool:
    """Whether this occurrence of a capitalised unknown word, on its own, reads as a name."""
    return issue.text[:1].isupper() and name_score(issue, words) >= NOTE_FROM


def article_slip(issue: Issue, words: ArticleWords) -> str | None:
    """A capitalised word of the same article one slip away from this once-used unknown word
    ("Chridtian" beside "Christian"), used more often or, as often, before it: its right
    spelling."""
    word = issue.text
    if len(word) < 5 or words.forms[word] > 1 or not word[:1].isupper():
        return None
    for other, count in words.forms.most_common():
        if other == word or not one_slip_apart(word, other) or adds_ending(word, other):
            continue
        if count > 1 or words.text.find(other) < issue.offset:
            return other
    return None


def foreign_passage(spelling: list[Issue], text: str) -> set[int]:
    """Offsets of the unknown words that stand in a run of `PASSAGE_WORDS` or more, one after
    another, `PASSAGE_SMALL_WORDS` or more of them with small letters: a quotation in another
    language ("Thanks for the messages"), which the German speller cannot judge. A misspelt word
    after two names ("Srdjan Grahovac, feiwillig") is no passage, nor are German words misspelt
    one after another ("ein größe Wohnug besche", "mit balkon oda ohnu balkon"): a word with an
    umlaut or ß, or a common word in other capitals, is German and ends a run."""
    ordered = sorted((issue for issue in spelling if not _surely_german(issue)), key=lambda issue: issue.offset)
    runs: list[list[Issue]] = []
    for issue in ordered:
        if runs and _PASSAGE_GAP.fullmatch(text[runs[-1][-1].end : issue.offset]):
            runs[-1].append(issue)
        else:
            runs.append([issue])
    return {
        issue.offset
        for run in runs
        if len(run) >= PASSAGE_WORDS and sum(issue.text[:1].islower() for issue in run) >= PASSAGE_SMALL_WORDS
        for issue in run
    }


def _surely_german(issue: Issue) -> bool:
    """Whether an unknown word is German whatever the words around it: it has an umlaut or ß
    ("größe"), or is a common German noun in small letters ("balkon"; an English word the speller
    knows in other capitals, "messages", "best", may be quoted)."""
    return _GERMAN_LETTER.search(issue.text) is not None or any(
        r != issue.text and r.casefold() == issue.text.casefold() and lookup(r)[0] == "NN" and lookup(r)[2] >= _COMMON
        for r in issue.replacements
    )


def _note(issue: Issue, rule: str, description: str, message: str, name: bool) -> Issue:
    return dataclasses.replace(
        issue,
        rule=rule,
        rule_description=description,
        category=NAMES if name else WORDING,
        type="misspelling",
        severity="info",
        message=message,
        replacements=(),
        url=None,
        source="house",
    )


def _compound_note(issue: Issue) -> Issue:
    message = f"Zusammensetzung nicht im Wörterbuch: »{issue.text}«. Die Teile sind bekannt; bitte prüfen."
    return _note(issue, UNKNOWN_COMPOUND, "Zusammensetzung nicht im Wörterbuch", message, False)


def _name_note(issue: Issue) -> Issue:
    message = (
        f"Name nicht im Namensverzeichnis: »{issue.text}«. Ist er richtig geschrieben, "
        "gehört er ins Namensverzeichnis des Hausprofils."
    )
    return _note(issue, UNKNOWN_NAME, "Name nicht im Namensverzeichnis", message, True)


def _add_once(classified: list[Issue], noted: set[tuple[str, str]], note: Issue) -> None:
    """Add `note` unless the article has one of its kind on the same word (or its genitive)."""
    if (note.rule, name_key(note.text)) not in noted:
        noted.add((note.rule, name_key(note.text)))
        classified.append(note)


def classify_unknown_words(spelling: list[Issue], text: str, profile: Profile) -> list[Issue]:
    """The speller's findings as an editor reads them (module docstring): errors, notes on
    names and known compounds, or nothing for words the article shows to be names.

    `spelling` holds only speller findings whose words the profile does not know.
    """
    words = ArticleWords.of(text, frozenset(issue.text for issue in spelling if issue.text[:1].isupper()))
    scores: dict[str, int] = {}
    framed: set[str] = set()  # words the words around them make a name ("sagte Pilgermaier")
    for issue in spelling:
        if issue.text[:1].isupper():
            key = name_key(issue.text)
            signals = list(name_evidence(issue, words))
            scores[key] = max(scores.get(key, -99), sum(WEIGHTS[signal] for signal in signals))
            if sum(WEIGHTS[signal] for signal in signals if signal in _FRAMES) >= QUIET_FROM:
                framed.add(key)
    noted: set[tuple[str, str]] = set()
    passage = foreign_passage(spelling, text)
    classified = []
    for issue in spelling:
        key = name_key(issue.text)
        if profile.suggest_names(issue.text):
            classified.append(issue)  # a near miss of a dictionary name: a spelling error
            continue
        slip = article_slip(issue, words)
        if slip is not None:
            fixes = (slip, *(r for r in issue.replacements if r != slip))
            classified.append(dataclasses.replace(issue, replacements=fixes))
        elif issue.offset in passage or spoken_acronym(issue):
            continue
        elif _in_other_capitals(issue):
            classified.append(issue)  # written in other capitals than the known word: "Youtube"
        elif is_known_compound(issue) and not _slip_fixes(issue) and key not in framed:
            _add_once(classified, noted, _compound_note(issue))
        elif issue.text[:1].isupper() and scores[key] >= QUIET_FROM:
            continue
        elif issue.text[:1].isupper() and scores[key] >= NOTE_FROM:
            _add_once(classified, noted, _name_note(issue))
        else:
            classified.append(issue)
    return classified
