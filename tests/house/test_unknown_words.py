"""Words the speller does not know: names and compounds become notes, typing slips stay errors."""

from __future__ import annotations

import pytest

from checker.house import load_profile
from checker.house.speller import apply_names, confirm_name_variants
from checker.house.unknown_words import UNKNOWN_NAME, ArticleWords, name_evidence, one_slip_apart, slips
from checker.records import Category, Issue

DEFAULT = load_profile()
TYPOS = Category("TYPOS", "Mögliche Tippfehler")


def speller(text: str, word: str, replacements: tuple[str, ...], *, nth: int = 0) -> Issue:
    offset = -1
    for _ in range(nth + 1):
        offset = text.index(word, offset + 1)
    return Issue(
        offset=offset,
        length=len(word),
        line=1,
        column=offset + 1,
        text=word,
        rule="GERMAN_SPELLER_RULE",
        rule_description="Möglicher Rechtschreibfehler",
        category=TYPOS,
        type="misspelling",
        severity="error",
        message="Möglicher Tippfehler gefunden.",
        replacements=replacements,
    )


QUIET = "no finding"


@pytest.mark.parametrize(
    ("text", "word", "replacements", "rule"),
    [
        # A title and a first name before it, a speech verb after it: a name, and nothing to say.
        ("Sprecher Ahmad Wahidi sagte, es sei ruhig.", "Wahidi", ("Tahiti", "Wadi"), QUIET),
        ("Außenministerin Kaja Kallasova reiste ab.", "Kallasova", ("Kassava",), QUIET),
        ("Das wird schwierig, so Glasner.", "Glasner", ("Glaser",), QUIET),
        ("Das meldete die Nachrichtenagentur Akipress.", "Akipress", ("Kompress",), QUIET),
        ("Das Treffen fand in Tschornomorsk statt.", "Tschornomorsk", (), QUIET),
        # Little evidence either way: a note.
        ("Im Tor stand Pehlivan.", "Pehlivan", ("Pelikan",), UNKNOWN_NAME),
        ("Bei Ingrid Thurnher war er zu Gast.", "Thurnher", ("Turnier",), QUIET),
        ("Bei Rapid spielte Latvala gut.", "Latvala", ("Laval", "Kavala"), QUIET),
        (
            "Die Schiffe lagen an den Kaikanten fest.",
            "Kaikanten",
            ("Kai kanten", "Markanten"),
            "HOUSE_UNKNOWN_COMPOUND",
        ),
        ("Die Regirung plant eine Reform.", "Regirung", ("Regierung",), "GERMAN_SPELLER_RULE"),
        ("Das ist ein Fehlr.", "Fehlr", ("Fehler",), "GERMAN_SPELLER_RULE"),
        # "von" and "der" are no name particles here: a typo stays a typo.
        ("Die Ergebnisse von Soonntag liegen vor.", "Soonntag", ("Sonntag",), "GERMAN_SPELLER_RULE"),
        ("Er landete auf dem Flughaen der Stadt.", "Flughaen", ("Flughafen",), "GERMAN_SPELLER_RULE"),
        ("Die Hilfsliefferungen kamen an.", "Hilfsliefferungen", ("Hilfslieferungen",), "GERMAN_SPELLER_RULE"),
        # The last word of the sentence before is no first name before it.
        ("Sie tagten in Brüssel. Demnavh bleibt alles.", "Demnavh", ("Demnach",), "GERMAN_SPELLER_RULE"),
        # Split into known parts, but one slip from a known word: a typo, not a compound.
        ("Im Gegenzig sanken die Gebühren.", "Gegenzig", ("Gegen zig", "Gegenzug"), "GERMAN_SPELLER_RULE"),
        # A near miss of a dictionary name stays an error, with the dictionary's spelling first.
        ("Außenminister Araghchi reist nach Genf.", "Araghchi", ("Arachis",), "GERMAN_SPELLER_RULE"),
        # Two slips from a long word, a compound of known words or not: that word misspelt.
        ("Das ist in unsere Gesselschaft so.", "Gesselschaft", ("Gesellschaft", "Messerschaft"), "GERMAN_SPELLER_RULE"),
        ("Armut und Krankenheit gehen zusammen.", "Krankenheit", ("Krankheit", "Krankenheim"), "GERMAN_SPELLER_RULE"),
        ("Warum Prufüngen wichtig sind.", "Prufüngen", ("Prüfungen", "Prüflingen"), "GERMAN_SPELLER_RULE"),
        # One slip from a country: a typo, however foreign the word looks.
        ("Hier in Deutschlan arbeitet man viel.", "Deutschlan", ("Deutschland", "Deutschen"), "GERMAN_SPELLER_RULE"),
        # Two slips from a short word, or from a name: no evidence either way.
        ("Im Tor stand Pehlivan.", "Pehlivan", ("Pelikan", "Pehlivans"), UNKNOWN_NAME),
    ],
)
def test_unknown_words_are_classified(text: str, word: str, replacements: tuple[str, ...], rule: str) -> None:
    found = apply_names([speller(text, word, replacements)], DEFAULT, text)
    if rule == QUIET:
        assert found == []
        return
    [issue] = found
    assert issue.rule == rule
    if rule.startswith("HOUSE_UNKNOWN"):
        assert issue.severity == "info" and issue.source == "house" and issue.replacements == ()
    if word == "Araghchi":
        assert issue.replacements[0] == "Araghtschi"


def test_a_repeated_typo_stays_an_error_and_a_repeated_name_is_a_name() -> None:
    text = "Die Regirung tagt. Die Regirung schweigt. Wahidi kam. Wahidi ging."
    issues = [
        speller(text, "Regirung", ("Regierung",)),
        speller(text, "Regirung", ("Regierung",), nth=1),
        speller(text, "Wahidi", ("Tahiti",)),
        speller(text, "Wahidi", ("Tahiti",), nth=1),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.rule, issue.offset) for issue in found] == [
        ("GERMAN_SPELLER_RULE", issues[0].offset),
        ("GERMAN_SPELLER_RULE", issues[1].offset),
    ]


def test_a_name_said_twice_with_a_speech_verb_is_a_name() -> None:
    text = "Das sagt Gächter. Die Firma wächst, sagt Gächter."
    issues = [speller(text, "Gächter", ("Pächter", "Wächter")), speller(text, "Gächter", ("Pächter",), nth=1)]
    assert apply_names(issues, DEFAULT, text) == []


def test_a_name_gets_its_note_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("checker.house.unknown_words.QUIET_FROM", 99)
    text = "Das sagt Gächter. Die Firma wächst, sagt Gächter."
    issues = [speller(text, "Gächter", ("Pächter",)), speller(text, "Gächter", ("Pächter",), nth=1)]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.rule, issue.offset) for issue in found] == [(UNKNOWN_NAME, issues[0].offset)]


@pytest.mark.parametrize(
    ("text", "word", "suggestions"),
    [
        ("Schiedsrichter Felix Zwayer pfiff. Zwayers Entscheidung hielt.", "Zwayers", ("Mayers", "Players")),
        ("Trainer Weigl lobte das Team. Weigls Elf gewann.", "Weigls", ("Weills", "Teils")),
        ("Martin Hinteregger spielte durch. Hintereggers Pass kam an.", "Hintereggers", ("Hinterlagers",)),
    ],
)
def test_the_genitive_of_a_name_in_the_article_is_the_name(text: str, word: str, suggestions: tuple[str, ...]) -> None:
    assert apply_names([speller(text, word, suggestions)], DEFAULT, text) == []


def test_a_misspelt_repeat_of_a_word_of_the_article_is_an_error_with_that_word_first() -> None:
    text = "Richter Hans Raufer sprach. Richterin Rauder verurteilte ihn. Raufer ging."
    [issue] = apply_names([speller(text, "Rauder", ("Ruder", "Rauer"))], DEFAULT, text)
    assert issue.rule == "GERMAN_SPELLER_RULE" and issue.severity == "error"
    assert issue.replacements[:2] == ("Raufer", "Ruder")


def test_the_first_of_two_spellings_used_once_each_is_taken_as_right() -> None:
    text = "Sprecher Esmail Baghaei kritisierte das. Das sagte Baghai im Fernsehen."
    # The speller knows "Baghai", not "Baghaei": the earlier spelling is no misspelt later one.
    assert apply_names([speller(text, "Baghaei", ("Baghai", "Bahai"))], DEFAULT, text) == []


@pytest.mark.parametrize(
    ("text", "word", "signals"),
    [
        ("Das wird schwer, sagt Gächter.", "Gächter", {"speech frame", "typo of a word"}),
        ("Das sei schwer, Hofer zufolge.", "Hofer", {"speech frame"}),
        ("Bürgermeister Michael Häupl (SPÖ) kam.", "Häupl", {"title before", "name before", "organisation frame"}),
        ("Den Pass spielte J. Fowler zurück.", "Fowler", {"name before"}),
        ("Kurz danach kam Roi Kehat an.", "Kehat", {"name before", "beside unknown name"}),
    ],
)
def test_name_evidence(text: str, word: str, signals: set[str]) -> None:
    issue = speller(text, word, ("Pächter",) if word == "Gächter" else ("Hafer",))
    words = ArticleWords.of(text, frozenset({"Roi", "Kehat"}))
    assert signals <= set(name_evidence(issue, words))


@pytest.mark.parametrize(
    ("text", "word", "replacements", "signals", "absent"),
    [
        # An ending the speller does not accept on an ordinary noun is a slip, also where the
        # noun itself stands in the article: no inflected name.
        (
            "Die Kultur und die Kulture der Nachbarn.",
            "Kulture",
            ("Kultur", "Kulturen"),
            {"typo of a word", "typo of a common word"},
            {"inflected name", "unrelated suggestions"},
        ),
        (
            "Das Gefängnis. Er saß im Gefängniss.",
            "Gefängniss",
            ("Gefängnis", "Gefängnisse"),
            {"typo of a word"},
            {"inflected name"},
        ),
        # A compound one slip from a known word is that word misspelt, no compound of its own.
        (
            "Meine Schwigermutter kommt.",
            "Schwigermutter",
            ("Schwiegermutter", "Schlagermutter"),
            {"typo of a word"},
            {"compound of a known word"},
        ),
        # A compound the speller suggests one slip away is no evidence of a typo: it may be made
        # up of parts, and an ending may be an inflection the speller does not know.
        (
            "Die Mannschaft gewann die Europacupsiege.",
            "Europacupsiege",
            ("Europacup siege", "Europacupsieg", "Europacupsieger"),
            set(),
            {"typo of a word"},
        ),
        # A well-known place one slip away: that place misspelt, whatever the compound says.
        (
            "Das Justizsystem in Großbritanien ist schwach.",
            "Großbritanien",
            ("Großbritannien",),
            {"typo of a country"},
            {"compound of a known word", "unrelated suggestions"},
        ),
        (
            "Die Drogen kommen aus Sudamerika.",
            "Sudamerika",
            ("Südamerika", "Südamerikas"),
            {"typo of a country"},
            {"compound of a known word", "unrelated suggestions"},
        ),
        # A compound the lexicon lacks, one slip away, of an ordinary word and a common word
        # where the word has one part misspelt: that compound misspelt.
        (
            "Die Impfkampange gegen Grippe beginnt.",
            "Impfkampange",
            ("Impfkampagne", "Impfkampagnen", "Impfkompanie"),
            {"typo of a compound"},
            {"unrelated suggestions"},
        ),
        (
            "Die Lieferung von Maschienenteilen stieg.",
            "Maschienenteilen",
            ("Maschinenteilen", "Maschinenteile"),
            {"typo of a compound"},
            {"unrelated suggestions"},
        ),
        (
            "Im Sicherheitsbreich gab es Fortschritte.",
            "Sicherheitsbreich",
            ("Sicherheitsbereich", "Sicherheitsreich"),
            {"typo of a compound"},
            set(),
        ),
        # Its own parts known (a verb's stem, an Austrian linking s): a compound the speller
        # lacks, however near a suggestion.
        (
            "Am Abend gab es eine Musizierstunde.",
            "Musizierstunde",
            ("Musikzierstunde", "Junizierstunde"),
            set(),
            {"typo of a compound", "typo of a word"},
        ),
        (
            "Die Klagsschrift liegt vor.",
            "Klagsschrift",
            ("Klageschrift", "Klarschrift"),
            set(),
            {"typo of a compound", "typo of a word"},
        ),
        # The genitive of a name the article uses stays the name's.
        (
            "Trainer Weigl lobte. Die Elf Weigls gewann.",
            "Weigls",
            ("Weigl", "Weils"),
            {"inflected name"},
            {"typo of a word"},
        ),
    ],
)
def test_slips_of_ordinary_words_are_no_name_evidence(
    text: str, word: str, replacements: tuple[str, ...], signals: set[str], absent: set[str]
) -> None:
    found = set(name_evidence(speller(text, word, replacements), ArticleWords.of(text, frozenset({word}))))
    assert signals <= found
    assert not absent & found


def test_a_known_name_is_no_finding() -> None:
    text = "Wladimir Putin sprach."
    assert apply_names([speller(text, "Putin", ("Puten",))], DEFAULT, text) == []


@pytest.mark.parametrize(
    ("word", "other", "expected"),
    [
        ("Regirung", "Regierung", True),
        ("Fehlr", "Fehler", True),
        ("Hasu", "Haus", True),
        ("Wahidi", "Tahiti", False),
        ("Wahidi", "Wadi", False),
        ("Haus", "Haus", False),
    ],
)
def test_one_slip_apart(word: str, other: str, expected: bool) -> None:
    assert one_slip_apart(word, other) is expected


def test_a_name_variant_needs_a_word_the_speller_does_not_know() -> None:
    variant = speller("x", "x", ("Regirung",))
    variant = Issue(**{**variant.__dict__, "rule": "HOUSE_NAME_VARIANT", "offset": 4, "length": 9, "text": "Regierung"})
    # "Regierung" is an ordinary word: a typo "Regirung" elsewhere does not make it a variant.
    assert confirm_name_variants([variant], unknown_spans=set(), profile=DEFAULT) == []
    assert confirm_name_variants([variant], unknown_spans={(4, 9)}, profile=DEFAULT) == [variant]


def test_a_passage_in_another_language_is_no_finding_but_a_typo_beside_it_is() -> None:
    text = "Er schrieb: Thanks for the messages. Danach kam ein Fehlr."
    issues = [
        speller(text, "Thanks", ("Danke",)),
        speller(text, "for", ("für",)),
        speller(text, "messages", ("Messages",)),
        speller(text, "Fehlr", ("Fehler",)),
    ]
    # Without a finding on "the", no three unknown words stand side by side: each is judged alone.
    found = apply_names(issues, DEFAULT, text)
    assert [issue.text for issue in found] == ["Thanks", "for", "messages", "Fehlr"]
    issues.insert(2, speller(text, "the", ("die",)))
    found = apply_names(issues, DEFAULT, text)
    assert [issue.text for issue in found] == ["Fehlr"]


@pytest.mark.parametrize(
    ("text", "word", "replacements", "rule"),
    [
        # An unknown acronym names an organisation.
        ("Das meldete das Zentrum für Infektionsforschung (DZIF) am Montag.", "DZIF", ("DZI",), QUIET),
        # A compound whose head is a common noun, with nothing one slip away: no typo.
        ("Das verlangt das Sachlichkeitsgebot im Wettbewerb.", "Sachlichkeitsgebot", ("Sachlichkeit",), QUIET),
        # The known word in other capitals stays the speller's error.
        ("Er veröffentlicht seine Videos auf Youtube und Instagram.", "Youtube", ("YouTube",), "GERMAN_SPELLER_RULE"),
        ("Die Regierung hat DIe Pläne.", "DIe", ("Die",), "GERMAN_SPELLER_RULE"),
        # An acronym written as it is spoken, as Duden allows ("Nato" for "NATO"): no finding.
        ("Das meldete das Wifo am Montag.", "Wifo", ("WIFO", "Wilo"), QUIET),
        ("Sie erhielt eines der Cern-Fellowships.", "Cern-Fellowships", ("CERN-Fellowships",), QUIET),
        ("Die App zeigt nun animierte Gifs an.", "Gifs", ("GIFs", "Gips"), QUIET),
        # Too short to be spoken as a word, or no acronym of the speller: still errors.
        ("Hier als Pdf zum Lesen.", "Pdf", ("PDF",), "GERMAN_SPELLER_RULE"),
        ("Die Limbach Gmbh ist pleite.", "Gmbh", ("GmbH",), "GERMAN_SPELLER_RULE"),
        # A capital after two small letters is written on purpose, as brands write it.
        ("Die Anleihe der HSH heißt FestZins und läuft lang.", "FestZins", ("Festzins", "Gesteins"), QUIET),
        ("Das Spiel fand in der ArenA statt.", "ArenA", ("Arena",), QUIET),
    ],
)
def test_acronyms_compounds_and_capitals(text: str, word: str, replacements: tuple[str, ...], rule: str) -> None:
    found = apply_names([speller(text, word, replacements)], DEFAULT, text)
    assert [issue.rule for issue in found] == ([] if rule == QUIET else [rule])


def test_a_misspelt_repeat_inside_a_passage_in_another_language_is_still_an_error() -> None:
    text = "Thanks for all. Er schrieb: Thakns for the messages."
    issues = [
        speller(text, "Thakns", ("Thanks",)),
        speller(text, "for", ("für",), nth=1),
        speller(text, "the", ("die",)),
        speller(text, "messages", ("Messages",)),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.text, issue.replacements[0]) for issue in found] == [("Thakns", "Thanks")]


def test_a_name_said_often_without_an_article_is_a_name_a_typo_after_articles_is_not() -> None:
    text = (
        "Bei Strache blieb es ruhig. Verliert Strache, zahlt er. Dagegen hat Strache geklagt. Strache schweigt."
        " Die Regirung tagt. Die Regirung schweigt. Die Regirung geht."
    )
    issues = [speller(text, "Strache", ("Sprache", "Striche"), nth=n) for n in range(4)]
    issues += [speller(text, "Regirung", ("Regierung",), nth=n) for n in range(3)]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.rule, issue.text) for issue in found] == [
        (UNKNOWN_NAME, "Strache"),
        *[("GERMAN_SPELLER_RULE", "Regirung")] * 3,
    ]


def test_a_typo_after_two_names_is_no_passage_in_another_language() -> None:
    text = "Er ersetzte Schwab durch Srdjan Grahovac, feiwillig ging keiner."
    issues = [
        speller(text, "Srdjan", ("Stadion",)),
        speller(text, "Grahovac", ("Grabowski",)),
        speller(text, "feiwillig", ("freiwillig",)),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.rule, issue.text) for issue in found if issue.severity == "error"] == [
        ("GERMAN_SPELLER_RULE", "feiwillig")
    ]


def test_a_compound_gets_its_note_once_and_a_compound_the_article_shows_to_be_a_name_none() -> None:
    text = "Die Kaikanten sind alt. An den Kaikanten lag nichts. Das sei gut, sagte Pilgermaier. Pilgermaier ging."
    issues = [
        speller(text, "Kaikanten", ("Kai kanten",)),
        speller(text, "Kaikanten", ("Kai kanten",), nth=1),
        speller(text, "Pilgermaier", ("Pilger-Maier",)),
        speller(text, "Pilgermaier", ("Pilger-Maier",), nth=1),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.rule, issue.offset) for issue in found] == [("HOUSE_UNKNOWN_COMPOUND", issues[0].offset)]


def test_one_slip_from_a_long_word_beside_an_unknown_name_is_a_typo() -> None:
    text = "Das Hotel in der Procinzhauptstadt Al-Arish brannte."
    issues = [speller(text, "Procinzhauptstadt", ("Provinzhauptstadt",)), speller(text, "Al-Arish", ("Al-Arisch",))]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.rule, issue.text) for issue in found if issue.severity == "error"] == [
        ("GERMAN_SPELLER_RULE", "Procinzhauptstadt")
    ]


def test_a_first_name_before_an_unknown_surname_is_no_typo_a_noun_after_an_article_is() -> None:
    text = "Für Torgefahr soll Artem Dsjuba sorgen. Es brannte in der Procinzhauptstadt Al-Arish."
    issues = [
        speller(text, "Artem", ("Arten", "Atem")),
        speller(text, "Dsjuba", ("Djuba",)),
        speller(text, "Procinzhauptstadt", ("Provinzhauptstadt",)),
        speller(text, "Al-Arish", ("Al-Arisch",)),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [issue.text for issue in found if issue.severity == "error"] == ["Procinzhauptstadt"]


def test_two_swapped_letters_of_a_word_before_an_unknown_name_are_a_typo() -> None:
    text = "Das zeigt wohl in Rcihtung Küniglberg."
    issues = [speller(text, "Rcihtung", ("Richtung",)), speller(text, "Küniglberg", ("Königsberg",))]
    found = apply_names(issues, DEFAULT, text)
    assert [issue.text for issue in found if issue.severity == "error"] == ["Rcihtung"]


def test_a_word_in_a_list_of_names_is_a_name_a_typo_in_a_list_of_nouns_is_not() -> None:
    text = "Grödig: Kainz, Swete, Pichler – Brauer. Er kaufte Äpfel, Kirshen, Birnen."
    issues = [speller(text, "Swete", ("Suite", "Sweet")), speller(text, "Kirshen", ("Kirschen",))]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.text, issue.severity) for issue in found] == [("Kirshen", "error")]
    # Outside the list the same word gets a finding: the list made it a name.
    alone = "Dort stand Swete."
    assert [issue.text for issue in apply_names([speller(alone, "Swete", ("Suite", "Sweet"))], DEFAULT, alone)] == [
        "Swete"
    ]


def test_a_name_of_the_lexicon_is_a_name_and_a_brand_is_no_first_name() -> None:
    # "Kane" is a name of the lexicon; "Kant", "Kann" are one slip away.
    text = "Wien – Patrick Kane hat getroffen. Das Studio DontNod schickt Sieler nach London."
    issues = [
        speller(text, "Kane", ("Kant", "Kann", "Kante")),
        speller(text, "DontNod", ()),
        speller(text, "Sieler", ("Siel er", "Spieler")),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.text, issue.severity) for issue in found if issue.severity == "error"] == [("Sieler", "error")]


@pytest.mark.parametrize(
    ("word", "other", "expected"),
    [
        ("Gesselschaft", "Gesellschaft", 2),
        ("Rcihtung", "Richtung", 1),
        ("Krankenheit", "Krankheit", 2),
        ("Haus", "Haus", 0),
    ],
)
def test_slips(word: str, other: str, expected: int) -> None:
    assert slips(word, other) == expected


def test_a_foreign_slogan_with_words_one_slip_from_german_ones_is_still_a_passage() -> None:
    text = "Der Slogan lautet Ni putes ni soumises und ist bekannt."
    issues = [
        speller(text, "Ni", ("Die", "In")),
        speller(text, "putes", ("gutes", "buntes")),
        speller(text, "ni", ("die", "in")),
        speller(text, "soumises", ("zuwies", "humides")),
    ]
    assert apply_names(issues, DEFAULT, text) == []


def test_german_words_misspelt_one_after_another_are_no_passage_in_another_language() -> None:
    # "größe" has an umlaut: German, so the run of unknown words is broken.
    text = "Kannst du mir eine größe Wohnug besche?"
    issues = [
        speller(text, "größe", ("Größe", "krasse")),
        speller(text, "Wohnug", ("Wohnung", "Löhnung")),
        speller(text, "besche", ("Wege", "gegen")),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [(issue.text, issue.replacements[0]) for issue in found] == [
        ("größe", "Größe"),
        ("Wohnug", "Wohnung"),
        ("besche", "Wege"),
    ]


def test_common_german_words_in_small_letters_are_no_passage_in_another_language() -> None:
    text = "Ich will eine Wohnung mit balkon oda ohnu balkon."
    issues = [
        speller(text, "balkon", ("Balkon", "balgen")),
        speller(text, "oda", ("da", "Ida")),
        speller(text, "ohnu", ("ohne", "ihn")),
        speller(text, "balkon", ("Balkon", "balgen"), nth=1),
    ]
    found = apply_names(issues, DEFAULT, text)
    assert [issue.text for issue in found] == ["balkon", "oda", "ohnu", "balkon"]


def test_an_english_word_in_small_letters_stays_part_of_a_passage() -> None:
    # "Best" is no common German noun: "best of seven" is English.
    text = "Die Partien der best of seven-Serie folgen."
    issues = [
        speller(text, "best", ("beste", "bester", "Best")),
        speller(text, "of", ("oft", "von")),
        speller(text, "seven-Serie", ("Beben-Serie", "Besen-Serie")),
    ]
    assert apply_names(issues, DEFAULT, text) == []
