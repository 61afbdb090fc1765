"""House style profiles: loading, validation errors with locations, names and rule settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import InputError
from checker.house import load_profile
from checker.house.profile import DEFAULT_PROFILE, PROFILES_DIR

DEFAULT = load_profile()


def _write(tmp_path: Path, content: str, name: str = "newsroom.toml") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_default_profile() -> None:
    assert DEFAULT.convention == "auto"
    assert DEFAULT.source == str(DEFAULT_PROFILE)
    assert DEFAULT.wire.max_sentence_words == 30
    assert {"dpa", "IRNA", "Reuters", "AFP", "KNA", "epd", "APA", "SDA"} <= set(DEFAULT.agencies)
    assert "IRNA" in DEFAULT.dateline_agencies
    assert DEFAULT.spelling["Photograph"] == "Fotograf"
    assert "GERMAN_WORD_REPEAT_RULE" in DEFAULT.disabled_rules
    assert DEFAULT.rule_severity("GERMAN_SPELLER_RULE", "error") == "warning"
    assert DEFAULT.rule_severity("SOME_OTHER_RULE", "error") == "error"
    assert load_profile(None) is DEFAULT


def test_duden_profile_extends_default() -> None:
    duden = load_profile(PROFILES_DIR / "duden.toml")
    assert duden.convention == "duden"
    assert duden.names == DEFAULT.names
    assert duden.spelling == DEFAULT.spelling
    assert duden.is_known_name("Araghtschis")


@pytest.mark.parametrize(
    "word",
    [
        "Putin",
        "Putins",
        "Araghtschi",
        "Araghtschis",
        "Reuters",
        "Reuters'",
        "Reuters’",
        "dpa",
        "IRNA",
        "MOSKAU",
        "Moskauer",
        "Berlinerin",
        "Putin-Regierung",
        "dpa-Meldung",
        "Bundestages",
        "Selenskyj",
        "Kiew",
    ],
)
def test_known_names_and_their_forms(word: str) -> None:
    assert DEFAULT.is_known_name(word)


@pytest.mark.parametrize("word", ["Araghchi", "Menschen", "Putinn", "Reutersss", "Regierung", "", "Puti"])
def test_unknown_words(word: str) -> None:
    assert not DEFAULT.is_known_name(word)


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [
        ("Araghchi", "Araghtschi"),
        ("Araghchis", "Araghtschi"),
        ("Rouhani", "Rohani"),
        ("Zelensky", "Selenskyj"),
        ("Selenski", "Selenskyj"),
        ("Khamenei", "Chamenei"),
        ("Nawalni", "Nawalny"),
        ("Netanyahu", "Netanjahu"),
    ],
)
def test_near_misses_get_the_dictionary_name(word: str, suggestion: str) -> None:
    assert DEFAULT.suggest_names(word)[0] == suggestion


@pytest.mark.parametrize(
    "word",
    [
        "Menschen",
        "Sachen",
        "Messen",
        "Schule",
        "Schuld",
        "Regierung",
        "Pressekonferenz",
        "Bundesamt",
        "Puten",
        "Markts",
        "Vorteile",
        "Putin",
        "Araghtschi",
    ],
)
def test_ordinary_and_known_words_get_no_suggestion(word: str) -> None:
    assert DEFAULT.suggest_names(word) == []


def test_suggest_names_limit() -> None:
    assert DEFAULT.suggest_names("Araghchi", limit=0) == []
    assert len(DEFAULT.suggest_names("Araghchi", limit=1)) == 1


def test_newsroom_profile_adds_names_and_replaces_lists(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        'extends = "default"\nname = "Lokales"\n'
        '[names]\nlocal = ["Oberbürgermeisterin Katja Dörner"]\n'
        '[wire]\nmax_sentence_words = 25\ndateline_agencies = ["dpa"]\n'
        '[avoid]\n"Blutbad" = "reißerisch"\n',
    )
    profile = load_profile(path)
    assert profile.name == "Lokales"
    assert profile.is_known_name("Dörner") and profile.is_known_name("Putin")
    assert profile.wire.max_sentence_words == 25
    assert profile.wire.spell_out_up_to == DEFAULT.wire.spell_out_up_to
    assert profile.dateline_agencies == ("dpa",)
    assert {avoid.phrase for avoid in profile.avoid} == {avoid.phrase for avoid in DEFAULT.avoid} | {"Blutbad"}


def test_profile_without_extends_starts_empty(tmp_path: Path) -> None:
    profile = load_profile(_write(tmp_path, '[typography]\nconvention = "duden"\n'))
    assert profile.convention == "duden"
    assert not profile.is_known_name("Putin")
    assert profile.disabled_rules == frozenset()


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("[wire]\nmax_sentence_words = 30\nmax_words = 12\n", 3, "unknown key 'max_words' in [wire]"),
        ('name = "x"\n\n[colours]\nred = 1\n', 3, "unknown key or table 'colours'"),
        ('[typography]\nconvention = "apa"\n', 2, "convention"),
        ("[wire]\nmax_sentence_words = 0\n", 2, "at least 1"),
        ('[wire]\nspell_out_up_to = "zwölf"\n', 2, "whole number"),
        ('[rules]\ndisabled = "RULE"\n', 2, "list of non-empty strings"),
        ('[rules]\nseverity = { RULE = "fatal" }\n', 2, "RULE must be one of"),
        ('[avoid]\n"Wort" = { grund = "x" }\n', 2, "unknown key(s) grund"),
        ('[names]\npeople = "Putin"\n', 2, "list of non-empty strings"),
        ('[spelling]\n"Photograph" = ["Fotograf"]\n', 2, "non-empty string"),
        ("extends = 3\n", 1, "'extends' must be a string"),
        ("[wire]\nmax_sentence_words = = 3\n", 2, "invalid TOML"),
        ("[wire\n", 1, "invalid TOML"),
    ],
)
def test_invalid_profiles_name_file_and_line(tmp_path: Path, content: str, line: int, fragment: str) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert fragment in caught.value.message


def test_missing_profile(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_profile(tmp_path / "nowhere.toml")
    assert caught.value.path == str(tmp_path / "nowhere.toml")


def test_profile_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Grüße"\n'.encode("latin-1"))
    with pytest.raises(InputError) as caught:
        load_profile(path)
    assert caught.value.byte_offset == 10


def test_extends_cycle(tmp_path: Path) -> None:
    _write(tmp_path, 'extends = "b.toml"\n', "a.toml")
    _write(tmp_path, 'extends = "a.toml"\n', "b.toml")
    with pytest.raises(InputError, match="extends"):
        load_profile(tmp_path / "a.toml")


def test_error_in_extended_file_names_that_file(tmp_path: Path) -> None:
    _write(tmp_path, "[wire]\nfoo = 1\n", "base.toml")
    with pytest.raises(InputError) as caught:
        load_profile(_write(tmp_path, 'extends = "base.toml"\n'))
    assert caught.value.path == str(tmp_path / "base.toml")
    assert caught.value.line == 2


def test_with_spellings_adds_what_the_profile_does_not_say() -> None:
    profile = load_profile()
    added = profile.with_spellings({"Araghchi": "Araghtschi", "Photograph": "Fotografin"})
    assert added.spelling["Araghchi"] == "Araghtschi"
    # The profile's own preferred spelling stays; the profile itself is unchanged.
    assert added.spelling["Photograph"] == "Fotograf"
    assert "Araghchi" not in profile.spelling
    assert added.digest != profile.digest
    assert profile.with_spellings({}) is profile
