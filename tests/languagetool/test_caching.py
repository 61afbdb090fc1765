"""The caching engine (checker.languagetool.caching) against the real LanguageTool: findings with
and without the result cache are the same, also after an edit and with paragraphs checked in
parallel, and a stored text is answered without asking LanguageTool; and the idle cores it
sizes its parallel checks by."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import requests

from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.languagetool import caching as cached_module
from checker.languagetool.caching import CONTEXT_RULES, CachingEngine, idle_cores
from checker.languagetool.stores import DiskStore, MemoryStore
from checker.options import CheckOptions
from checker.pipeline import check
from tests.test_pipeline import UNICODE_TEXTS, assert_exact, summary

# Paragraphs that exercise the context rules: a quotation over two paragraphs, three sentences
# that start alike across a paragraph break, two spellings of one word, du and Du.
CONTEXT_TEXT = (
    "Der Delphin schwimmt. Die Sonne scheint. Die Kinder spielen.\n\n"
    "Die Eltern warten. «Das ist ein Fehlerr, sagte er.\n\n"
    "Und der Delfin springt», fügte er hinzu. Kannst du kommen? Kannst Du helfen?\n\n"
    "Ein letzter Absatz mit einem Tipfehler 😀 am Ende"
)
UNICODE_ARTICLE = "\n\n".join(UNICODE_TEXTS)


class CountingEngine:
    """The real engine, counting the requests that reach it."""

    def __init__(self, engine: LanguageToolClient) -> None:
        self.engine = engine
        self.url = engine.url
        self.max_text_length = engine.max_text_length
        self.requests = 0

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        self.requests += 1
        return self.engine.query(payload, options)

    def version(self) -> str:
        return self.engine.version()

    def identity(self) -> str:
        return self.engine.identity()

    def alive(self) -> bool:
        return self.engine.alive()


def edited(text: str) -> str:
    paragraphs = text.split("\n\n")
    middle = len(paragraphs) // 2
    paragraphs[middle] = paragraphs[middle].replace(" ", " sehr ", 1)
    return "\n\n".join(paragraphs)


@pytest.fixture(scope="module", params=["seed", "unicode", "context"])
def article(request: pytest.FixtureRequest, seed_text: str) -> str:
    return {"seed": seed_text, "unicode": UNICODE_ARTICLE, "context": CONTEXT_TEXT}[str(request.param)]


@pytest.mark.engine
@pytest.mark.parametrize("house", [False, True])
def test_findings_are_the_same_with_and_without_the_cache(
    article: str, house: bool, engine: LanguageToolClient
) -> None:
    profile = load_profile() if house else None
    counting = CountingEngine(engine)
    caching = CachingEngine(counting, MemoryStore())  # type: ignore[arg-type]
    for text in (article, edited(article)):
        plain = check(text, engine=engine, profile=profile)
        first = check(text, engine=caching, profile=profile)
        asked = counting.requests
        second = check(text, engine=caching, profile=profile)
        assert counting.requests == asked, "a stored text is answered without LanguageTool"
        assert summary(first) == summary(second) == summary(plain)
        assert first.issues == plain.issues
        assert_exact(first)


@pytest.mark.engine
def test_an_edited_paragraph_is_the_only_one_sent(seed_text: str, engine: LanguageToolClient) -> None:
    sent: list[str] = []

    class Recording(CountingEngine):
        def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
            if not options.enabled_only:
                sent.append(payload["text"])
            return super().query(payload, options)

    caching = CachingEngine(Recording(engine), MemoryStore())  # type: ignore[arg-type]
    check(seed_text, engine=caching)
    sent.clear()
    changed = edited(seed_text)
    report = check(changed, engine=caching)
    assert summary(report) == summary(check(changed, engine=engine))
    new_paragraph = changed.split("\n\n")[len(changed.split("\n\n")) // 2]
    assert len(sent) == 1
    assert sent[0].strip() == new_paragraph.strip()


@pytest.mark.engine
def test_paragraphs_in_parallel_find_the_same(
    article: str, engine: LanguageToolClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cached_module, "PARALLEL_MIN_LENGTH", 100)
    for picky in (False, True):
        options = CheckOptions(picky=picky)
        parallel = CachingEngine(engine, None, parallel=3, idle_cores_only=False)
        assert summary(check(article, options, engine=parallel)) == summary(check(article, options, engine=engine))


@pytest.mark.engine
def test_rule_switches_and_categories(seed_text: str, engine: LanguageToolClient) -> None:
    caching = CachingEngine(engine, MemoryStore())
    for options in (
        CheckOptions(disabled_rules=("DE_AGREEMENT", "UNPAIRED_BRACKETS")),
        CheckOptions(enabled_rules=("DE_SIMILAR_NAMES", "STYLE_REPEATED_WORD_RULE_DE")),
        CheckOptions(disabled_categories=("TYPOS",)),
        CheckOptions(enabled_rules=("DE_AGREEMENT",), enabled_only=True),
        CheckOptions(language="de-CH", picky=True),
    ):
        for text in (seed_text, edited(seed_text)):
            expected = summary(check(text, options, engine=engine))
            assert summary(check(text, options, engine=caching)) == expected
            assert summary(check(text, options, engine=caching)) == expected


@pytest.mark.engine
def test_the_disk_store_answers_a_second_process(seed_text: str, engine: LanguageToolClient, tmp_path: Path) -> None:
    path = tmp_path / "results.sqlite3"
    expected = summary(check(seed_text, engine=engine))
    assert summary(check(seed_text, engine=CachingEngine(engine, DiskStore(path)))) == expected
    counting = CountingEngine(engine)
    again = check(seed_text, engine=CachingEngine(counting, DiskStore(path)))  # type: ignore[arg-type]
    assert summary(again) == expected
    assert counting.requests == 0


@pytest.mark.engine
def test_the_context_rules_are_those_languagetool_names(engine: LanguageToolClient) -> None:
    for language in ("de-DE", "de-AT", "de-CH"):
        info = requests.get(f"{engine.url}/v2/configinfo", params={"language": language}, timeout=60).json()
        context = {
            rule["ruleId"]: rule.get("isDefaultOff") == "yes"
            for rule in info["rules"]
            if rule.get("isTextLevelRule") and rule.get("minToCheckParagraph") != "0"
        }
        assert context == CONTEXT_RULES, f"update CONTEXT_RULES in checker/languagetool/caching.py for {language}"


@pytest.mark.engine
def test_reordered_paragraphs_ask_only_the_context_rules(engine: LanguageToolClient) -> None:
    paragraphs = CONTEXT_TEXT.split("\n\n")
    reordered = "\n\n".join([paragraphs[2], paragraphs[0], paragraphs[1], paragraphs[3]])
    all_context_off = CheckOptions(disabled_rules=tuple(CONTEXT_RULES))
    for options in (CheckOptions(), all_context_off):
        counting = CountingEngine(engine)
        caching = CachingEngine(counting, MemoryStore())  # type: ignore[arg-type]
        check(CONTEXT_TEXT, options, engine=caching)
        check(reordered.replace("\n\n", "\n\n\n", 1), options, engine=caching)  # one paragraph's end changed
        asked = counting.requests
        report = check(reordered, options, engine=caching)
        assert summary(report) == summary(check(reordered, options, engine=engine))
        assert counting.requests - asked <= 1


def test_idle_cores_are_counted_within_the_machine() -> None:
    found = idle_cores(0.05)
    assert 0 <= found <= (os.cpu_count() or 1) + 0.01
