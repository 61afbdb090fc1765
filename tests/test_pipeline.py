"""The checking core against the real LanguageTool server."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from checker.errors import InputError, InvalidRequest
from checker.filters.gate import Gate
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check, check_texts
from checker.records import Issue, Report
from tests.fakes import SmallEngine

pytestmark = pytest.mark.engine


def assert_exact(report: Report) -> None:
    for issue in report.issues:
        assert report.text[issue.offset : issue.offset + issue.length] == issue.text
        lines = report.text[: issue.offset].replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert (issue.line, issue.column) == (len(lines), len(lines[-1]) + 1)


def summary(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "line": issue.line,
            "column": issue.column,
            "offset": issue.offset,
            "length": issue.length,
            "text": issue.text,
            "rule": issue.rule,
            "first_replacement": issue.replacements[0] if issue.replacements else None,
        }
        for issue in report.issues
    ]


def test_seed_article(seed_text: str, engine: LanguageToolClient) -> None:
    report = check(seed_text, engine=engine)
    assert_exact(report)
    found = {(issue.line, issue.text, issue.rule) for issue in report.issues}
    # What LanguageTool 6.8 itself says about the article (house rules come on top).
    assert (3, "sein russischer Amtskollegen", "DE_AGREEMENT") in found
    assert (3, "Kremlin", "DE_SIMPLE_REPLACE_KREMLIN") in found
    assert (9, "den Syrien-Gespräche", "DE_AGREEMENT") in found
    assert (15, "führ er", "DE_VERBAGREEMENT") in found
    assert any(issue.text == "gegenseitigen" and issue.rule.startswith("PRAEP_DAT") for issue in report.issues)
    kreml = next(issue for issue in report.issues if issue.text == "Kremlin")
    assert kreml.replacements[0] == "Kreml"
    assert (kreml.line, kreml.column) == (3, 143)
    assert Gate().judge([report]).exit_status == 1
    assert report.engine_version == "6.8"


UNICODE_TEXTS = [
    "Das 😀 ist ein Fehlerr.",
    "𝐌𝐚𝐭𝐡𝐞 und ein Tipfehler 🎉🎉 und noch ein Fehlerr.",
    "Die Familie 👨\u200d👩\u200d👧 hat beschlosen zu gehen.",
    "Cafe\u0301 und Fehlerr mit Akzent: Unterkunfte\u0308.",
    "Zeile mit Fehlerr\r\nund noch eine mit Fehlerr\rsowie die dritte mit Tipfehler.",
    "Mit\u00a0geschütztem Leerzeichen, wei\u00adches Tren\u00adnen und Null\u200bbreite mit Fehlerr.",
    "Er gehen nach Hause. 🇩🇪 Die Flagge weht und ein Tipfehler folgt.",
    "Ein Fehlerr am Anfang 😀😀😀 und einer am Ende: Rechtschreibfehlerr",
]


def test_offsets_are_exact_for_any_unicode(engine: LanguageToolClient) -> None:
    for text in UNICODE_TEXTS:
        report = check(text, engine=engine)
        assert report.issues, f"expected findings in {text!r}"
        assert_exact(report)
    flagged = {issue.text for text in UNICODE_TEXTS for issue in check(text, engine=engine).issues}
    assert {"Fehlerr", "Tipfehler", "beschlosen", "Rechtschreibfehlerr"} <= flagged


def test_offsets_are_exact_with_eight_threads(engine: LanguageToolClient) -> None:
    texts = UNICODE_TEXTS * 4
    sequential = [summary(check(text, engine=engine)) for text in UNICODE_TEXTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        reports = list(pool.map(lambda text: check(text, engine=engine), texts))
    for index, report in enumerate(reports):
        assert report.text == texts[index]
        assert_exact(report)
        assert summary(report) == sequential[index % len(UNICODE_TEXTS)]


def test_long_text_is_split_with_the_same_findings(seed_text: str, engine: LanguageToolClient) -> None:
    text = (seed_text + "\n\n") * 3 + "Ein 😀 Fehlerr am Schluss."
    whole = check(text, engine=engine)
    split = check(text, engine=SmallEngine(engine, 700))  # type: ignore[arg-type]
    assert_exact(split)
    assert summary(split) == summary(whole)


def test_language_variant(engine: LanguageToolClient) -> None:
    text = "Die Strasse ist gesperrt."
    germany = check(text, CheckOptions(language="de-DE"), engine=engine)
    switzerland = check(text, CheckOptions(language="de-CH"), engine=engine)
    assert any(issue.text == "Strasse" for issue in germany.issues)
    assert not any(issue.text == "Strasse" for issue in switzerland.issues)


def test_rules_and_categories_on_and_off(engine: LanguageToolClient) -> None:
    text = "Das ist ein Fehlerr. Er gehen heim."
    rules = {issue.rule for issue in check(text, engine=engine).issues}
    assert {"GERMAN_SPELLER_RULE", "DE_VERBAGREEMENT"} <= rules
    without_speller = check(text, CheckOptions(disabled_rules=("GERMAN_SPELLER_RULE",)), engine=engine)
    assert "GERMAN_SPELLER_RULE" not in {issue.rule for issue in without_speller.issues}
    without_typos = check(text, CheckOptions(disabled_categories=("TYPOS",)), engine=engine)
    assert "GERMAN_SPELLER_RULE" not in {issue.rule for issue in without_typos.issues}
    only_agreement = check(text, CheckOptions(enabled_rules=("DE_VERBAGREEMENT",), enabled_only=True), engine=engine)
    assert {issue.rule for issue in only_agreement.issues} == {"DE_VERBAGREEMENT"}


def test_picky_finds_more(engine: LanguageToolClient) -> None:
    text = "Das macht keinen Sinn, z.B. hier."
    normal = check(text, engine=engine)
    picky = check(text, CheckOptions(picky=True), engine=engine)
    assert len(picky.issues) > len(normal.issues)


def test_text_without_letters_is_fine(engine: LanguageToolClient) -> None:
    # LanguageTool cannot identify the language of this and would fall back to English.
    assert check("9,99 – 12,50", engine=engine).text == "9,99 – 12,50"


def test_unknown_variant_is_refused(engine: LanguageToolClient) -> None:
    with pytest.raises(InvalidRequest, match="de-DE"):
        check("Text", CheckOptions(language="en-US"), engine=engine)


def test_seed_article_with_the_house_profile(seed_text: str, engine: LanguageToolClient) -> None:
    from checker.house import load_profile  # noqa: PLC0415
    from checker.house.profile import PROFILES_DIR  # noqa: PLC0415

    report = check(seed_text, profile=load_profile(), engine=engine)
    assert_exact(report)
    by_text: dict[str, list[Issue]] = {}
    for issue in report.issues:
        by_text.setdefault(issue.text, []).append(issue)
    # the service's headline example, found by our own LanguageTool rule
    landern = by_text["der beiden Ländern"]
    assert all(issue.rule.startswith("HOUSE_GENITIV_PLURAL_DATIVFORM") for issue in landern) and len(landern) == 3
    assert landern[0].replacements[0] == "der beiden Länder"
    (press,) = by_text["Presskonferenz"]
    assert press.replacements[0] == "Pressekonferenz" and press.line == 13
    assert by_text["Moskau, 28. März, IRNA – "][0].rule == "HOUSE_DATELINE"
    assert by_text["9407"][0].rule == "HOUSE_STRAY_CODE"
    # "Iran und Russland wird … die Zusammenarbeit … helfen" reads correctly (dative objects).
    assert "wird" not in by_text
    # The dateline of another form is shown to LanguageTool as a sentence of its own.
    assert "Iranischer" not in by_text
    assert by_text["erreichen"][0].replacements[0] == "erreicht"
    # agency codes in the names dictionary are not misspelt
    assert not any(issue.text == "IRNA" and issue.rule == "GERMAN_SPELLER_RULE" for issue in report.issues)
    assert {issue.source for issue in report.issues} == {"languagetool", "house"}
    # Long sentences are counted with the statistics; the default profile marks none of them, the
    # agency profile each one with a warning.
    assert not [issue for issue in report.issues if issue.rule == "HOUSE_SENTENCE_LENGTH"]
    assert (report.stats.long_sentences, report.stats.long_sentence_limit) == (3, 30)
    agency = check(seed_text, engine=engine, profile=load_profile(PROFILES_DIR / "agency.toml"))
    long_sentences = [issue for issue in agency.issues if issue.rule == "HOUSE_SENTENCE_LENGTH"]
    assert [issue.severity for issue in long_sentences] == ["warning"] * 3
    assert (agency.stats.long_sentences, agency.stats.long_sentence_limit) == (3, 30)
    without_house = check(seed_text, engine=engine).stats
    assert (without_house.long_sentences, without_house.long_sentence_limit) == (0, 0)


@pytest.mark.parametrize(
    ("text", "format"),
    [
        ("Wir nutzen `grep` oft.\n", "markdown"),
        ("Mehr unter <https://dpa.de> lesen.\n", "markdown"),
        ("Er kam gestern. <!-- wirecheck-disable WAHREN_WAREN --> Sie ging heute.\n", "markdown"),
        ("<p>Wir nutzen <code>grep</code> oft.</p>", "html"),
        ("<p>Er kam gestern. <!-- Notiz --> Sie ging heute.</p>", "html"),
    ],
)
def test_markup_read_as_nothing_between_two_spaces_is_no_double_space(
    engine: LanguageToolClient, text: str, format: str
) -> None:
    """Inline code, an autolink or a comment reads as nothing, which leaves two spaces in the
    plain text where the file has one on each side: no white-space finding there."""
    assert check(text, CheckOptions(format=format), engine=engine).issues == ()


@pytest.mark.parametrize(
    ("text", "format", "flagged"),
    [
        ("<p>Er kam  gestern.</p>", "html", "  "),
        ("<p>Er kam&nbsp; gestern nach Hause.</p>", "html", "&nbsp; "),
        ("Er kam&nbsp; gestern nach Hause.\n", "markdown", "&nbsp; "),
        ("Das ist der Text `code`  und dort.\n", "markdown", " `code`  "),
    ],
)
def test_a_double_space_in_the_file_is_found_beside_markup(
    engine: LanguageToolClient, text: str, format: str, flagged: str
) -> None:
    """Two white-space characters side by side in the file, one of them written as an entity or
    after inline code, are a real double space."""
    found = check(text, CheckOptions(format=format), engine=engine).issues
    assert [issue.text for issue in found] == [flagged]


def test_double_spaces_are_counted_by_the_default_profile_and_marked_by_the_strict_one(
    engine: LanguageToolClient,
) -> None:
    """Web pages and editorial systems show a run of spaces as one: the default profile counts
    them with the statistics, the agency profile marks each one."""
    from checker.house import load_profile  # noqa: PLC0415
    from checker.house.profile import PROFILES_DIR  # noqa: PLC0415

    text = "Die Regierung tagte  am Montag. Danach  sprach der Minister."
    default = check(text, profile=load_profile(), engine=engine)
    assert [issue for issue in default.issues if issue.text.strip() == ""] == []
    assert default.stats.double_spaces == 2
    strict = check(text, profile=load_profile(PROFILES_DIR / "agency.toml"), engine=engine)
    assert [(issue.text, issue.replacements[:1]) for issue in strict.issues if issue.text.strip() == ""] == [
        ("  ", (" ",)),
        ("  ", (" ",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wien – Der Landtag hat am Freitag das Budget beschlossen.",
        "Neue Regeln für den Handel. Santiago de Chile – Die Regierung hat am Montag neue Zölle verhängt.",
    ],
)
def test_a_place_alone_before_the_dash_is_a_dateline(engine: LanguageToolClient, text: str) -> None:
    """The sentence after a dateline without agency ("Wien – ") starts with a capital."""
    from checker.house import load_profile  # noqa: PLC0415

    report = check(text, CheckOptions(language="de-AT"), profile=load_profile(), engine=engine)
    assert [issue.rule for issue in report.issues if issue.severity != "info"] == []
    # The same words after a dash inside a sentence are still LanguageTool's DE_CASE.
    inside = check("Der Minister kam – Die Opposition protestierte.", profile=load_profile(), engine=engine)
    assert "DE_CASE" in {issue.rule for issue in inside.issues}


# ---- Names read from the article (checker.house.unknown_words) -------------------------------

_NAME_CASES = [
    # A misspelt repeat of a name the speller knows in one spelling only: the variant, fixed.
    (
        "Teheran (dpa) - Der Sprecher Esmail Baghaei kritisierte die Sanktionen. Das sei nicht"
        " hinnehmbar, sagte Baghai im Fernsehen.",
        "Baghai",
        ("HOUSE_NAME_VARIANT", "warning", "Baghaei"),
    ),
    # How dpa writes the agency the dictionary holds as "IRNA".
    ("Das berichtete die Nachrichtenagentur Irna am Montag.", "Irna", None),
    # Genitives of names the article uses.
    ("Schiedsrichter Felix Zwayer pfiff ab. Zwayers Entscheidung hielt.", "Zwayers", None),
    ("Martin Hinteregger spielte durch. Hintereggers Pass kam an.", "Hintereggers", None),
    ("Trainer Weigl lobte das Team. Die Elf Weigls gewann deutlich.", "Weigls", None),
    # Speech frames, twice: a name ("Pächter" is one slip away, but not what is meant).
    ("Das wird schwierig, sagt Gächter. Wir sind bereit, sagt Gächter.", "Gächter", None),
    # Nothing either way: a note.
    ("Die Lage sei ruhig. Bei Rapid spielte Schwegler gut.", "Schwegler", ("HOUSE_UNKNOWN_NAME", "info", None)),
    # A once-used misspelling of a name the article spells right twice.
    (
        "Richter Hans Raufer eröffnete. Dann verurteilte Richterin Rauder ihn. Raufer ging.",
        "Rauder",
        ("AUSTRIAN_GERMAN_SPELLER_RULE", "error", "Raufer"),
    ),
    # An ordinary word near a dictionary name is no variant of it ("Christian", "Israel").
    ("Die Opfer sind orthodoxe Christen. Christian Müller sprach. Christian Müller ging.", "Christen", None),
    ("Es starben 27 Israelis. Israel reagierte. Die Israelis sind besorgt.", "Israelis", None),
    # A name said often without an article is a name, whatever ordinary word it is one slip from.
    (
        "Wien – Bei Strache blieb es ruhig. Verliert Strache, zahlt er. Dagegen hat Strache geklagt. Strache schweigt.",
        "Strache",
        ("HOUSE_UNKNOWN_NAME", "info", None),
    ),
    # A typo of an ordinary word stays an alarm, also before "der" and after "von".
    ("Er landete auf dem Flughaen der Hauptstadt.", "Flughaen", ("AUSTRIAN_GERMAN_SPELLER_RULE", "error", "Flughafen")),
    # Learners' misspellings stay alarms when they recur: an ending an ordinary noun does not
    # take, a slip in a compound.
    (
        "Er kennt viele Kulture. Die Kulture der Nachbarn interessiert ihn sehr.",
        "Kulture",
        ("AUSTRIAN_GERMAN_SPELLER_RULE", "error", "Kultur"),
    ),
    (
        "Sie saß drei Jahre im Gefängniss. Das Gefängniss lag am Rand der Stadt.",
        "Gefängniss",
        ("AUSTRIAN_GERMAN_SPELLER_RULE", "error", "Gefängnis"),
    ),
    (
        "Meine Schwigermutter kommt morgen. Die Schwigermutter bringt Kuchen mit.",
        "Schwigermutter",
        ("AUSTRIAN_GERMAN_SPELLER_RULE", "error", "Schwiegermutter"),
    ),
    # An acronym written as it is spoken (Duden: "NATO" or "Nato"): nothing; a brand's inner
    # capital: at most a note.
    ("Das Wachstum verlief laut Wifo relativ verhalten.", "Wifo", None),
    ("Das hat der WebStandard ausprobiert.", "WebStandard", ("HOUSE_UNKNOWN_COMPOUND", "info", None)),
    # A known word in other capitals stays an error: "Gmbh" for "GmbH".
    ("Die Limbach Gmbh aus Amstetten ist pleite.", "Gmbh", ("AUSTRIAN_GERMAN_SPELLER_RULE", "error", "GmbH")),
    # A compound the speller knows in other forms only is no typo: a note.
    ("Die Mannschaft gewann die Europacupsiege.", "Europacupsiege", ("HOUSE_UNKNOWN_NAME", "info", None)),
]


@pytest.mark.parametrize(("text", "word", "expected"), _NAME_CASES)
def test_names_and_typos_are_read_from_the_article(
    engine: LanguageToolClient, text: str, word: str, expected: tuple[str, str, str | None] | None
) -> None:
    from checker.house import load_profile  # noqa: PLC0415

    report = check(text, CheckOptions(language="de-AT"), profile=load_profile(), engine=engine)
    on_word = [issue for issue in report.issues if issue.text == word]
    if expected is None:
        assert on_word == []
        return
    rule, severity, fix = expected
    assert [(issue.rule, issue.severity) for issue in on_word][:1] == [(rule, severity)]
    if fix is not None:
        assert on_word[0].replacements[0] == fix


ENGLISH_ARTICLE = (
    "WASHINGTON (AP) - The city council voted on Tuesday to encourage new housing near the river, "
    "and officials said construction could begin next spring if the budget allows it."
)


def test_text_in_another_language_is_refused_unless_a_variant_is_chosen(engine: LanguageToolClient) -> None:
    with pytest.raises(InvalidRequest) as refused:
        check(ENGLISH_ARTICLE, engine=engine)
    assert refused.value.reason == "not_german"
    assert refused.value.details == {"language": "en", "name": "Englisch"}
    assert "--language de-DE" in refused.value.message
    # Chosen by the editor: checked as German, misspellings and all.
    report = check(ENGLISH_ARTICLE, CheckOptions(language="de-DE"), engine=engine)
    assert report.language == "de-DE"
    assert any(issue.rule == "GERMAN_SPELLER_RULE" for issue in report.issues)


def test_a_document_tagged_german_is_not_second_guessed(engine: LanguageToolClient) -> None:
    html = f'<html lang="de"><body><p>{ENGLISH_ARTICLE}</p></body></html>'
    assert check(html, CheckOptions(format="html"), engine=engine).language == "de-DE"


# Four independent sentences with the same misspelling: read as one article, the word recurring
# without an article before it would read as a name; read alone, each is a typo.
INDEPENDENT_TEXTS = [
    "Regirung und Opposition streiten weiter.",
    "Gestern sagte Regirung nichts dazu.",
    "Heute hat Regirung\nwieder nichts gesagt.",
    "Ob Regirung recht hat, weiß niemand.",
]


def test_check_texts_checks_each_text_as_alone(engine: LanguageToolClient) -> None:
    from checker.house import load_profile  # noqa: PLC0415

    profile = load_profile()
    options = CheckOptions(format="text")
    reports = check_texts(INDEPENDENT_TEXTS, options, engine=engine, profile=profile)
    alone = [check(text, options, engine=engine, profile=profile) for text in INDEPENDENT_TEXTS]
    assert [summary(report) for report in reports] == [summary(report) for report in alone]
    for report in reports:
        assert_exact(report)
        (typo,) = (issue for issue in report.issues if issue.text == "Regirung")
        assert typo.rule == "GERMAN_SPELLER_RULE" and typo.replacements[0] == "Regierung"
    # The same sentences as the paragraphs of one text are an article that names "Regirung".
    joint = check("\n\n".join(INDEPENDENT_TEXTS), options, engine=engine, profile=profile)
    assert not any(issue.rule == "GERMAN_SPELLER_RULE" for issue in joint.issues)


def test_check_texts_asks_again_about_a_text_with_a_text_level_finding(engine: LanguageToolClient) -> None:
    """A text-level rule of LanguageTool reads across paragraphs: "Dich" in one text makes "dich"
    in the next an inconsistent spelling, which it is not in a text of its own."""
    texts = ["Ich habe Dich gesehen.", "Ich habe dich gesehen."]
    options = CheckOptions(format="text", language="de-DE")
    joint = check("\n\n".join(texts), options, engine=engine)
    assert any(issue.rule == "DE_DU_UPPER_LOWER" for issue in joint.issues)
    reports = check_texts(texts, options, engine=engine)
    assert [summary(report) for report in reports] == [summary(check(text, options, engine=engine)) for text in texts]
    assert not any(issue.rule == "DE_DU_UPPER_LOWER" for report in reports for issue in report.issues)


def test_check_texts_refuses_an_empty_text(engine: LanguageToolClient) -> None:
    with pytest.raises(InputError, match="empty"):
        check_texts(["Ein Satz.", "  "], engine=engine)
