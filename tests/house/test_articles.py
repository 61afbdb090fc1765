"""Whole articles through the house rules: the seed article the project started from, and an
article that spells a name two ways."""

from __future__ import annotations

from checker.formats import parse_document
from checker.house import load_profile, run_house_rules
from checker.house.article import Article
from checker.house.profile import PROFILES_DIR
from checker.records import Issue
from checker.text.segments import split_sentences
from checker.text.statistics import text_statistics

DEFAULT = load_profile()

ARAGHTSCHI_ARTICLE = """\
Atomgespräche in Genf

Genf (dpa) - Der iranische Außenminister Abbas Araghtschi ist zu Gesprächen über das \
Atomprogramm seines Landes in Genf eingetroffen. Araghtschi traf am Freitag Vertreter \
Deutschlands, Frankreichs und Großbritanniens.

Nach dem Treffen sagte Araghchi, die Gespräche seien «offen und konstruktiv» gewesen. \
Eine Einigung sei aber nicht in Sicht.
"""


def _by_rule(issues: list[Issue], rule: str) -> list[Issue]:
    return [issue for issue in issues if issue.rule == rule]


def test_seed_dateline_is_flagged_with_fix(seed_text: str) -> None:
    issues = run_house_rules(seed_text, DEFAULT)
    [dateline] = _by_rule(issues, "HOUSE_DATELINE")
    assert dateline.text == "Moskau, 28. März, IRNA – "
    assert (dateline.line, dateline.column) == (3, 1)
    assert dateline.replacements == ("Moskau (IRNA) – ",)
    assert dateline.severity == "error"
    assert dateline.category.id == "HOUSE_WIRE"
    assert not _by_rule(issues, "HOUSE_DATELINE_MISSING")


def test_seed_stray_code_is_flagged(seed_text: str) -> None:
    issues = run_house_rules(seed_text, DEFAULT)
    [code] = _by_rule(issues, "HOUSE_STRAY_CODE")
    assert code.text == "9407"
    assert code.offset == seed_text.rindex("9407")
    assert code.replacements == ("",)


def test_seed_other_findings(seed_text: str) -> None:
    issues = run_house_rules(seed_text, DEFAULT)
    assert [issue.text for issue in _by_rule(issues, "HOUSE_AVOID")] == ["Daesh"]
    # The article uses „…“ throughout: by default that is its convention and nothing is flagged.
    assert not _by_rule(issues, "HOUSE_QUOTE_STYLE")
    # With strict agency typography both marks of both quotes are reported, each with « » as fix.
    agency = run_house_rules(seed_text, load_profile(PROFILES_DIR / "agency.toml"))
    quote_fixes = [issue.replacements for issue in _by_rule(agency, "HOUSE_QUOTE_STYLE")]
    assert quote_fixes == [("«",), ("»",), ("«",), ("»",)]
    # Sentence length is style advice: only counted by default (in the report's statistics), a
    # warning on each long sentence in the agency profile, a note in the Duden profile.
    assert not _by_rule(issues, "HOUSE_SENTENCE_LENGTH")
    assert [issue.severity for issue in _by_rule(agency, "HOUSE_SENTENCE_LENGTH")] == ["warning"] * 3
    duden = run_house_rules(seed_text, load_profile(PROFILES_DIR / "duden.toml"))
    assert [issue.severity for issue in _by_rule(duden, "HOUSE_SENTENCE_LENGTH")] == ["info"] * 3
    # The dateline's en dash is part of the dateline finding, not a second one.
    assert not _by_rule(issues, "HOUSE_DASH")
    for issue in issues:
        assert seed_text[issue.offset : issue.end] == issue.text


def test_seed_sentence_statistics_are_sane(seed_text: str) -> None:
    sentences = [seed_text[start:end] for start, end in split_sentences(seed_text)]
    assert sentences[0] == "Rohani und Putin betonen die Fortsetzung der bilateralen Kooperationen"
    assert sentences[1].startswith("Moskau, 28. März, IRNA – Iranischer Präsident")
    assert sentences[1].endswith("am Dienstagabend.")
    assert sentences[-1] == "9407"
    assert not any(sentence.startswith(("März", "Mrd", "B.")) for sentence in sentences)
    stats = text_statistics(seed_text)
    assert stats.paragraphs == 11
    assert stats.sentences == len(sentences) == 12
    assert 270 <= stats.words <= 300
    assert stats.longest_sentence_length == 40
    assert 20 <= stats.average_sentence_length <= 28
    # Dense official prose: hard to read on both scales.
    assert 10 <= stats.flesch_reading_ease <= 45
    assert 10 <= stats.wiener_sachtextformel <= 16


def test_name_spelled_two_ways_is_flagged() -> None:
    issues = run_house_rules(ARAGHTSCHI_ARTICLE, DEFAULT)
    variants = _by_rule(issues, "HOUSE_NAME_VARIANT")
    assert [(issue.text, issue.replacements) for issue in variants] == [("Araghchi", ("Araghtschi",))]
    assert variants[0].offset == ARAGHTSCHI_ARTICLE.index("Araghchi")
    assert variants[0].type == "inconsistency"
    assert "Araghtschi" in variants[0].message
    # The dictionary spelling itself is never reported.
    assert all("Araghtschi" not in issue.text for issue in issues)


def test_name_variant_without_dictionary_flags_the_rarer_spelling() -> None:
    text = (
        "Kabul (dpa) - Der Sprecher Sabihullah Mudschahid sagte, die Lage sei ruhig. Mudschahed"
        " kündigte Gespräche an. Mudschahid nannte aber keinen Termin."
    )
    variants = _by_rule(run_house_rules(text, DEFAULT), "HOUSE_NAME_VARIANT")
    assert [(issue.text, issue.replacements) for issue in variants] == [("Mudschahed", ("Mudschahid",))]


def test_ordinary_nouns_are_not_name_variants() -> None:
    text = (
        "Berlin (dpa) - Die Regierung plant eine Regelung. Die Regierung verteidigt die Regelung."
        " Die Mütter und die Mutter, der Aufsatz und die Aufsätze, das Ausland und die Ausländer,"
        " der Präsident und die Präsidentin trafen sich mit Menschen aus München."
    )
    issues = run_house_rules(text, DEFAULT)
    assert not [issue for issue in issues if issue.rule.startswith("HOUSE_NAME")]


def test_a_place_and_its_demonym_are_no_name_variants() -> None:
    text = "Trient (dpa) - Nahe der Trentiner Ortschaft Zambana regnet es. Im Trentino bleibt es kühl."
    assert not [issue for issue in run_house_rules(text, DEFAULT) if issue.rule.startswith("HOUSE_NAME")]


def test_crlf_text_gives_the_same_findings(seed_text: str) -> None:
    crlf = seed_text.replace("\r\n", "\n").replace("\n", "\r\n")
    lf_issues = run_house_rules(seed_text.replace("\r\n", "\n"), DEFAULT)
    crlf_issues = run_house_rules(crlf, DEFAULT)
    assert [(i.rule, i.line, i.column, i.text) for i in crlf_issues] == [
        (i.rule, i.line, i.column, i.text) for i in lf_issues
    ]
    for issue in crlf_issues:
        assert crlf[issue.offset : issue.end] == issue.text


def test_profile_is_usable_as_a_cache_key() -> None:
    assert {DEFAULT: 1}[DEFAULT] == 1


def test_an_intertitle_is_a_heading_not_a_body_paragraph() -> None:
    """A heading inside the body (NITF hl2 in body.content) is written as headings are: a
    number in it stays a digit, and it opens no body paragraph (where a dateline would go)."""
    document = parse_document(
        "<nitf><body><body.content><hl2>3 Fragen an die Ministerin</hl2>"
        "<p>Berlin (dpa) - Die Ministerin nannte 3 Gründe.</p></body.content></body></nitf>",
        format="nitf",
    )
    plain = document.plain_text()
    article = Article.parse(plain, document.regions)
    assert article.intertitles == ((0, len("3 Fragen an die Ministerin")),)
    assert [plain[start:end] for start, end in article.body] == ["Berlin (dpa) - Die Ministerin nannte 3 Gründe."]
    assert article.in_heading(0) and not article.in_heading(plain.index("nannte"))
    found = run_house_rules(plain, load_profile(), document.regions)
    assert [(issue.rule, issue.offset) for issue in found if issue.rule == "HOUSE_NUMBER_WORDS"] == [
        ("HOUSE_NUMBER_WORDS", plain.index("3 Gründe"))
    ]
    assert not [issue for issue in found if issue.rule.startswith("HOUSE_DATELINE")]
