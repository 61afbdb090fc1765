"""Number style from ``[wire]``: small whole numbers written out (HOUSE_NUMBER_WORDS) and
thousands separators in long numbers (HOUSE_NUMBER_GROUPING).

Digits stay, and nothing is reported, for a number with a unit, currency or "Uhr" after it,
with a label before it ("Platz 3", "Artikel 5", "A 7"), in an address (a house number after the
street, "Müllergasse 12"; a postal code after the house number, "Odenwaldstraße 5 53119 Bonn"),
in a date (also a day before its month written without its full stop, "den 8 Juli"), ordinal,
decimal, score or range, joined to a word by a hyphen ("3-Jährige"), and in the headline. A
number that belongs to a name, a model or an identifier is part of that name: after a
capitalised word of its sentence ("Apollo 11", "Formel 1", "iOS 9", "Build 10572"), with a
leading zero ("Schalke 04"), or in a file number ("1 R 77/15"). Counts beside larger counts ("13 Punkte und 7 Rebounds")
stay digits, as Duden has it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checker.house.article import Article
from checker.house.profile import Profile
from checker.house.rules.base import NUMBERS, Finding, Rule
from checker.text.segments import MONTHS, word_set

NUMBER_WORDS = {
    1: "eins",
    2: "zwei",
    3: "drei",
    4: "vier",
    5: "fünf",
    6: "sechs",
    7: "sieben",
    8: "acht",
    9: "neun",
    10: "zehn",
    11: "elf",
    12: "zwölf",
}
_UNITS = word_set(
    """
    Prozent Prozentpunkte Prozentpunkten Promille Uhr Euro Cent Dollar US-Dollar Franken Pfund
    Yen Rubel Rial Hrywnja Grad Meter Kilometer Zentimeter Millimeter Quadratmeter
    Quadratkilometer Hektar Kilogramm Gramm Tonnen Liter Milliliter Kilowatt Kilowattstunden
    Megawatt Gigawatt Volt Watt Knoten Punkte Punkten Millionen Milliarden Billionen Mio Mrd km
    m cm mm kg g t l ml h min s kWh MW GW ha PS Zoll Pixel Megapixel Bit Byte Kilobyte Megabyte
    Gigabyte Terabyte KB MB GB TB Kbit Mbit Gbit Hz kHz MHz GHz m² km² cm² m³
    """
)
# The word before a house number: a street ("Müllergasse", "Bahnhofstr.", "Am Schlossweg").
_STREET = re.compile(r"(?:straße|strasse|str\.|gasse|weg|allee|ring|damm|ufer|chaussee|platz)$", re.IGNORECASE)
# A house number (with a letter, a comma after it) just before a postal code: "5 53119 Bonn".
_HOUSE_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/-])\d{1,4}\s?[a-zA-Z]?,?[ \t\u00a0]+$")
_LABELS = word_set(
    """
    Nr Nummer Platz Rang Artikel Art Paragraf Paragraph Absatz Abs Seite S Kapitel Band Bd Folge
    Staffel Teil Stufe Level Phase Klasse Gleis Linie Bus Terminal Halle Gruppe Kategorie Heft
    Version Block Reaktor Raum Zimmer Haus Etage Bahnsteig Spiel Jahrgang Punkt Ziffer Anlage
    Tabelle Abbildung Grafik Tor Runde Satz Lauf Spieltag Windows Formel Apollo Ligue
    """
)
# Capitalised words that open a sentence without naming anything: a number after them counts.
_SENTENCE_OPENERS = word_set(
    """
    Ab Alle Allein Am An Auch Auf Aus Außer Bei Beim Bereits Bis Binnen Da Dabei Damals Damit
    Danach Dann Darunter Das Dass Dem Den Denn Der Des Die Diese Diesmal Doch Dort Durch
    Ein Eine Einige Erst Etwa Fast Für Ganze Gegen Genau Gerade Gestern Gut Heute Hier Höchstens
    Im In Ins Insgesamt Je Jetzt Jeweils Kaum Knapp Letztlich Mehr Mindestens Mit Nach Nahezu
    Neben Noch Nun Nur Ob Oder Ohne Rund Schon Seit Sogar So Über Um Und Unter Von Vom Vor
    Weitere Wenn Wie Wieder Zu Zum Zur Zudem Zuletzt Zusammen Zwischen Zwar
    """
)
_RANGE_WORDS = frozenset(["bis", "und", "oder", "von", "zwischen"])

# A whole number that is not part of a decimal, date, score, time or compound.
_SMALL_NUMBER = re.compile(r"(?<![\w.,:/-])(\d{1,2})(?![\w.,:/%-])")
_COUNT = re.compile(r"(?<![\w.,:/-])(\d+)(?![\w.,:/%-])")
_LONG_NUMBER = re.compile(r"(?<![\w.,:/-])(\d+)(?![\w,:/-]|\.\d)")
_WORD_AFTER = re.compile(r"[ \t\u00a0\u202f]+([^\W\d_][\w-]*\.?|\d)")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\[«»„“\"]))(§|[^\W\d_][\w-]*\.?|\d+)[ \t\u00a0\u202f]+$")
# A court's or an authority's file number: "1 R 77/15y", "10 Cg 17/15b-8".
_FILE_NUMBER_AFTER = re.compile(r"[ \t\u00a0]+[^\W\d_]{1,3}[ \t\u00a0]+\d+/")
# How far a number above the spell-out limit is looked for beside a count, in characters.
_NEAR = 40
_CODE_LABELS = frozenset(["Nr.", "Nr", "PLZ", "Postleitzahl", "Tel.", "Telefon", "Fax", "ISBN", "Az."])


def _is_unit(word: str) -> bool:
    word = word.rstrip(".")
    return any(form in _UNITS for form in (word, word.removesuffix("n"), word.removesuffix("s")))


def _on_street(word: str) -> bool:
    """Whether a number after `word` is a house number: the word names a street."""
    return word[:1].isupper() and _STREET.search(word) is not None


def _word_before(text: str, offset: int) -> str:
    match = _WORD_BEFORE.search(text, max(0, offset - 40), offset)
    return match.group(1) if match else ""


def _sentence_of(doc: Article, offset: int) -> tuple[int, int]:
    index = bisect.bisect_right(doc.sentences, offset, key=lambda sentence: sentence[0]) - 1
    return doc.sentences[index] if index >= 0 else (0, len(doc.text))


def _in_name(doc: Article, start: int, end: int, sentence_starts: frozenset[int]) -> bool:
    """Whether the number at `start`:`end` belongs to a name, a model or an identifier: it has a
    leading zero ("Schalke 04"), follows a capitalised word of its own sentence that opens no
    count ("Apollo 11", "iOS 9", "Build 10572"; not "Rund 3", not "die Polizei 3 Männer"), or
    opens a file number ("1 R 77/15")."""
    text = doc.text
    if text[start] == "0" or _FILE_NUMBER_AFTER.match(text, end):
        return True
    previous = _word_before(text, start)
    if not previous or start in sentence_starts or previous.endswith("."):
        return False
    if previous in _SENTENCE_OPENERS or not any(letter.isupper() for letter in previous):
        return False
    inner_capital = any(letter.isupper() for letter in previous[1:])
    after = _WORD_AFTER.match(text, end)
    counts_a_noun = after is not None and after.group(1)[:1].isupper()
    return inner_capital or not counts_a_noun


def _beside_larger_number(doc: Article, start: int, end: int, limit: int) -> bool:
    """Whether a count above `limit` stands beside this number, at most two words apart in its
    sentence ("13 Punkte und 7 Rebounds", "11 seiner 35 Würfe"): then both stay digits."""
    sentence_start, sentence_end = _sentence_of(doc, start)
    low, high = max(sentence_start, start - _NEAR), min(sentence_end, end + _NEAR)
    for other in _COUNT.finditer(doc.text, low, high):
        between = doc.text[end : other.start()] if other.start() > start else doc.text[other.end() : start]
        if other.start() != start and limit < int(other.group(1)) < 1000 and len(between.split()) <= 2:
            return True
    return False


def _find_words(doc: Article, profile: Profile) -> Iterator[Finding]:
    limit = min(profile.wire.spell_out_up_to, max(NUMBER_WORDS))
    if limit <= 0:
        return
    text = doc.text
    sentence_starts = doc.sentence_starts()
    for match in _SMALL_NUMBER.finditer(text):
        value = int(match.group(1))
        if not 1 <= value <= limit or doc.in_heading(match.start()):
            continue
        after = _WORD_AFTER.match(text, match.end())
        if after is None:
            continue  # end of sentence, a bracket, a dash: leave it
        next_word = after.group(1)
        if _is_unit(next_word) or next_word[0].isdigit() or text.startswith("/", after.end()):
            continue  # "3 Sprünge/15 km" is a formula
        if next_word.rstrip(".") in MONTHS:
            continue  # a day of the month: "den 8 Juli" lacks its full stop, it is no count
        if next_word in _RANGE_WORDS and re.match(r"\s*\d", text[after.end() :]):
            continue
        previous = _word_before(text, match.start())
        if previous.rstrip(".") in _LABELS or previous == "§" or previous.isdigit() or _on_street(previous):
            continue
        if re.fullmatch(r"[A-Z]{1,3}", previous):  # roads and models: "A 7", "B 96", "ICE 4"
            continue
        if previous in _RANGE_WORDS and re.search(r"\d\s+\S+\s+$", text[max(0, match.start() - 30) : match.start()]):
            continue
        if _in_name(doc, match.start(), match.end(), sentence_starts) or _beside_larger_number(
            doc, match.start(), match.end(), limit
        ):
            continue
        word = NUMBER_WORDS[value]
        if match.start() in sentence_starts:
            word = word.capitalize()
        replacements = () if value == 1 else (word,)  # "ein", "eine", "einen" … depends on the noun
        yield Finding(
            match.start(),
            match.end(),
            f"Zahlen bis {NUMBER_WORDS[limit]} im Fließtext ausschreiben: »{word}«"
            + (" (in der passenden Form)." if value == 1 else "."),
            replacements,
        )


def _is_postal_code(text: str, match: re.Match[str]) -> bool:
    """Five digits followed by a place ("10117 Berlin") in an address: opening a line, or after
    the house number where the address runs on one line ("Odenwaldstraße 5 53119 Bonn")."""
    line_start = match.start() == 0 or text[match.start() - 1] in "\r\n"
    after_house_number = _HOUSE_NUMBER_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None
    return (
        (line_start or after_house_number)
        and len(match.group(1)) == 5
        and re.match(r" [A-ZÄÖÜ]", text[match.end() :]) is not None
    )


def _group(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return ".".join(reversed(groups))


def _find_grouping(doc: Article, profile: Profile) -> Iterator[Finding]:
    minimum = profile.wire.group_digits_from
    if minimum <= 0:
        return
    text = doc.text
    sentence_starts = doc.sentence_starts()
    for match in _LONG_NUMBER.finditer(text):
        digits = match.group(1)
        if len(digits) < minimum or digits.startswith("0"):
            continue
        if _word_before(text, match.start()) in _CODE_LABELS or _is_postal_code(text, match):
            continue
        if _in_name(doc, match.start(), match.end(), sentence_starts):
            continue
        grouped = _group(digits)
        yield Finding(
            match.start(),
            match.end(),
            f"Lange Zahlen mit Tausenderpunkt: »{grouped}«.",
            (grouped,),
        )


NUMBER_WORDS_RULE = Rule(
    id="HOUSE_NUMBER_WORDS",
    description="Kleine Zahlen ausschreiben",
    category=NUMBERS,
    type="style",
    severity="info",
    find=_find_words,
    examples_wrong=(
        "Berlin (dpa) - Bei dem Unfall wurden 3 Menschen verletzt.",
        "Berlin (dpa) - Die Verhandlungen dauerten 12 Stunden.",
        "Berlin (dpa) - Es gab Tote. 5 Menschen starben.",
    ),
    examples_right=(
        "Berlin (dpa) - Bei dem Unfall wurden drei Menschen verletzt.",
        "Berlin (dpa) - Am 3. März stieg der Preis um 5 Prozent auf 3 Euro, 2,5 Punkte mehr.",
        "Berlin (dpa) - Um 9 Uhr war es 3 Grad kalt, die A 7 war auf 4 Kilometern gesperrt.",
        "Berlin (dpa) - Das Spiel endete 2:1, ein 3-Jähriger sah zu. Platz 3 ging an Köln.",
        "Berlin (dpa) - Zwischen 3 und 15 Menschen warteten, es waren 13 Menschen.",
        "3 Tote bei Unfall\n\nBerlin (dpa) - Bei dem Unfall starben drei Menschen.",
        "Berlin (dpa) - Schalke 04 siegte, Apollo 11 flog zum Mond, die Formel 1 läuft auf Windows 11.",
    ),
)

NUMBER_GROUPING = Rule(
    id="HOUSE_NUMBER_GROUPING",
    description="Tausenderpunkt in langen Zahlen",
    category=NUMBERS,
    type="typographical",
    severity="info",
    find=_find_grouping,
    examples_wrong=(
        "Berlin (dpa) - Rund 15000 Menschen demonstrierten.",
        "Berlin (dpa) - Das kostet 2500000 Euro.",
    ),
    examples_right=(
        "Berlin (dpa) - Rund 15.000 Menschen demonstrierten im Jahr 2024.",
        "Berlin (dpa) - Das kostet 2,5 Millionen Euro, sagte er 1999.",
        "Berlin (dpa) - Die Bestellung Nr. 123456 kam an.",
        "Berlin (dpa) - Anschrift:\nWilhelmstraße 65\n10117 Berlin",
        "Berlin (dpa) - Auf dem Rechner läuft Windows 10 Build 10565.",
    ),
)
