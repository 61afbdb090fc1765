"""Our LanguageTool grammar rules (checker/languagetool/rule_files/org/languagetool/rules/de/grammar_custom.xml)
on the real server.

The session's server has that rules folder first on its classpath, so this tests exactly the
rule file in this tree. Every <example> of the file is checked like LanguageTool's own rule
tests do, plus the seed article and agency sentences in tests/languagetool/grammar/.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from checker.languagetool import LanguageToolClient
from checker.languagetool.custom_rules import RULES_DIR

# The resource LanguageTool's Language.getRuleFileNames() looks up for German.
RULE_RESOURCE = "org/languagetool/rules/de/grammar_custom.xml"
RULE_FILE = RULES_DIR / RULE_RESOURCE
DATA = Path(__file__).resolve().parent / "grammar"
HOUSE_PREFIX = "HOUSE_"
HOST = "127.0.0.1"
CHECK_TIMEOUT_S = 300.0
BATCH_SIZE = 60
PARAGRAPH_BREAK = "\n\n"

pytestmark = pytest.mark.engine

Matches = list[dict[str, Any]]
Results = dict[str, Matches]


# --- the rule file -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One <example> of a house rule: wrong ones carry a marker span and corrections."""

    rule_id: str
    text: str
    marker: tuple[int, int] | None  # (offset, length) in the text without markers
    corrections: tuple[str, ...]

    @property
    def is_wrong(self) -> bool:
        return self.marker is not None


def _example(rule_id: str, element: ET.Element) -> Example:
    before = element.text or ""
    marker = element.find("marker")
    if marker is None:
        return Example(rule_id, "".join(element.itertext()), None, ())
    marked = marker.text or ""
    text = before + marked + (marker.tail or "")
    correction = element.get("correction")
    corrections = tuple(correction.split("|")) if correction else ()
    return Example(rule_id, text, (len(before), len(marked)), corrections)


@cache
def rule_examples() -> tuple[Example, ...]:
    root = ET.parse(RULE_FILE).getroot()
    found: list[Example] = []
    for category in root.iter("category"):
        for child in category:
            if child.tag not in ("rule", "rulegroup"):
                continue
            rule_id = child.get("id", "")
            found.extend(_example(rule_id, example) for example in child.iter("example"))
    return tuple(found)


def _example_id(example: Example) -> str:
    return f"{example.rule_id}:{example.text[:60]}"


WRONG_EXAMPLES = [example for example in rule_examples() if example.is_wrong]
CORRECT_EXAMPLES = [example for example in rule_examples() if not example.is_wrong]


# --- sentence data ---------------------------------------------------------------------------------


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _error_rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in _lines(name):
        span, sentence = line.split("\t")
        rows.append((span, sentence))
    return rows


# The errors the task names in the seed article, each with the fix that must be offered
# (None: any finding on the span will do). "der beiden Ländern" occurs three times.
SEED_ERRORS: list[tuple[str, str | None]] = [
    ("der beiden Ländern", "der beiden Länder"),
    ("sein russischer Amtskollegen", None),
    ("helfen den Syrien-Gespräche", None),
    ("bemühen sich um ihr Bestes zu tun", None),
    ("mit gegenseitigen Respekt", None),
    ("bis die syrische Nation ihre Rechte erreichen", "erreicht"),
    ("Presskonferenz", "Pressekonferenz"),
]
# "Iran und Russland wird auch weiterhin die Zusammenarbeit … helfen" is not listed: as written
# it reads correctly, with "die Zusammenarbeit" as the subject and the two names as dative
# objects, so a finding there is a false alarm.
# Further genuine errors of the same kind in the seed ("versuchen, um ... zu erweitern",
# "vereinbart, um ... zu bestehen"): a house finding on them is a hit, not a false alarm.
SEED_OTHER_ERRORS = ["versuchen, um ihre", "vereinbart, um intensive"]

# Correct phrases from the brief that must stay quiet, each in a sentence.
QUIET_PHRASES = [
    "Es gab Gespräche zwischen den beiden Ländern.",
    "Mit den beiden Ländern wurde eine Vereinbarung getroffen.",
    "In den beiden Ländern wird gewählt.",
    "Putin lobte die Zusammenarbeit der beiden Länder.",
    "Sein russischer Amtskollege war ebenfalls anwesend.",
    "Die Kooperationen helfen den Syrien-Gesprächen in Genf.",
    "Iran und Russland werden die Zusammenarbeit fortsetzen.",
]


QUIET_SENTENCES = _lines("agency_correct.txt") + _lines("holdout_correct.txt") + QUIET_PHRASES
ERROR_FILES = ("agency_errors.tsv", "holdout_errors.tsv")


# --- the server --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lt_url(engine: LanguageToolClient) -> str:
    """The session's server: its classpath has our rule files ahead of LanguageTool's jars."""
    return engine.url


def check(url: str, text: str) -> Matches:
    """LanguageTool's matches for `text` (offsets in UTF-16 code units)."""
    data = urllib.parse.urlencode({"text": text, "language": "de-DE"}).encode()
    with urllib.request.urlopen(url + "/v2/check", data=data, timeout=CHECK_TIMEOUT_S) as response:
        matches: Matches = json.loads(response.read().decode("utf-8"))["matches"]
    return matches


def check_each(url: str, texts: list[str]) -> Results:
    """Matches per text, offsets relative to that text.

    The texts go to the server as paragraphs of one request per batch: a request costs seconds
    on a busy machine, a sentence milliseconds. The house rules look no further than their
    sentence; findings of LanguageTool's paragraph-level style rules are ignored by the tests.
    """
    unique = list(dict.fromkeys(texts))
    results: Results = {text: [] for text in unique}
    for first in range(0, len(unique), BATCH_SIZE):
        batch = unique[first : first + BATCH_SIZE]
        starts, position = [], 0
        for text in batch:
            starts.append(position)
            position += utf16_offset(text, len(text)) + len(PARAGRAPH_BREAK)
        for match in check(url, PARAGRAPH_BREAK.join(batch)):
            index = max(i for i, start in enumerate(starts) if start <= match["offset"])
            results[batch[index]].append({**match, "offset": match["offset"] - starts[index]})
    return results


def utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def utf16_span(text: str, start: int, length: int) -> tuple[int, int]:
    begin = utf16_offset(text, start)
    return begin, utf16_offset(text, start + length) - begin


def rule_id(match: dict[str, Any]) -> str:
    return str(match["rule"]["id"])


def suggestions(match: dict[str, Any]) -> list[str]:
    return [str(replacement["value"]) for replacement in match["replacements"]]


def house_matches(matches: Matches) -> Matches:
    return [match for match in matches if rule_id(match).startswith(HOUSE_PREFIX)]


def overlaps(match: dict[str, Any], begin: int, length: int) -> bool:
    return bool(match["offset"] < begin + length and begin < match["offset"] + match["length"])


def describe(text: str, matches: Matches) -> str:
    spans = []
    for match in matches:
        begin, end = match["offset"], match["offset"] + match["length"]
        spans.append(f"{rule_id(match)}@{begin}+{match['length']} '{text[begin:end]}' -> {suggestions(match)[:3]}")
    return "; ".join(spans) or "no findings"


# --- fixtures: one request per batch of sentences, one for the article ------------------------------


@pytest.fixture(scope="module")
def results(lt_url: str) -> Results:
    """Matches for every example and agency sentence of this module, checked in a few requests."""
    texts = [example.text for example in rule_examples()] + QUIET_SENTENCES
    texts += [sentence for name in ERROR_FILES for _, sentence in _error_rows(name)]
    return check_each(lt_url, texts)


@pytest.fixture(scope="module")
def seed_matches(lt_url: str, seed_text: str) -> Matches:
    """The whole article in one request, as the service checks it."""
    return check(lt_url, seed_text)


# --- the rule file itself (no server needed) ----------------------------------------------------------


def test_rule_file_sits_where_language_tool_looks_for_it() -> None:
    assert RULE_FILE.relative_to(RULES_DIR).as_posix() == RULE_RESOURCE
    root = ET.parse(RULE_FILE).getroot()
    assert root.tag == "rules"
    assert root.get("lang") == "de"


def test_every_house_rule_has_wrong_and_correct_examples() -> None:
    root = ET.parse(RULE_FILE).getroot()
    ids = [group.get("id", "") for group in root.iter("rulegroup")]
    ids += [rule.get("id", "") for rule in root.iter("rule") if rule.get("id")]
    assert ids, "no rules in grammar_custom.xml"
    for rid in ids:
        assert rid.startswith(HOUSE_PREFIX), rid
        assert any(ex.rule_id == rid for ex in WRONG_EXAMPLES), f"{rid} has no wrong example"
        assert any(ex.rule_id == rid for ex in CORRECT_EXAMPLES), f"{rid} has no correct example"


def test_every_house_rule_is_described_in_the_rule_files_readme() -> None:
    root = ET.parse(RULE_FILE).getroot()
    ids = {group.get("id", "") for group in root.iter("rulegroup")}
    ids |= {rule.get("id", "") for rule in root.iter("rule") if rule.get("id")}
    readme = (RULES_DIR / "README.md").read_text(encoding="utf-8")
    assert sorted(rid for rid in ids if f"| `{rid}`" not in readme) == []


# --- every example against the server ---------------------------------------------------------------


def test_house_rules_are_loaded_by_the_server(lt_url: str) -> None:
    text = "Putin lobte die Kooperationen der beiden Ländern."
    matches = check(lt_url, text)
    assert house_matches(matches), f"no HOUSE_ finding, {RULE_RESOURCE} not loaded: {describe(text, matches)}"


@pytest.mark.parametrize("example", WRONG_EXAMPLES, ids=_example_id)
def test_wrong_example_is_flagged_at_its_marker(results: Results, example: Example) -> None:
    assert example.marker is not None
    begin, length = utf16_span(example.text, *example.marker)
    matches = results[example.text]
    at_marker = [m for m in matches if rule_id(m) == example.rule_id and (m["offset"], m["length"]) == (begin, length)]
    assert at_marker, f"{example.rule_id} not at {begin}+{length}: {describe(example.text, matches)}"
    if example.corrections:
        offered = [value for match in at_marker for value in suggestions(match)]
        assert offered == list(example.corrections), f"suggestions {offered}, example wants {list(example.corrections)}"


@pytest.mark.parametrize("example", CORRECT_EXAMPLES, ids=_example_id)
def test_correct_example_is_not_flagged_by_its_rule(results: Results, example: Example) -> None:
    matches = results[example.text]
    assert not [m for m in matches if rule_id(m) == example.rule_id], describe(example.text, matches)


# --- the seed article ------------------------------------------------------------------------------------


def _occurrences(text: str, fragment: str) -> list[int]:
    found, start = [], text.find(fragment)
    while start != -1:
        found.append(start)
        start = text.find(fragment, start + 1)
    return found


@pytest.mark.parametrize(("fragment", "fix"), SEED_ERRORS, ids=[fragment for fragment, _ in SEED_ERRORS])
def test_seed_article_error_is_flagged(seed_matches: Matches, seed_text: str, fragment: str, fix: str | None) -> None:
    matches = seed_matches
    positions = _occurrences(seed_text, fragment)
    assert positions, f"'{fragment}' is not in the seed article"
    for start in positions:
        begin, length = utf16_span(seed_text, start, len(fragment))
        on_span = [m for m in matches if overlaps(m, begin, length)]
        print(f"seed: '{fragment}' @{begin}: {describe(seed_text, on_span)}")
        assert on_span, f"'{fragment}' at {begin} is not flagged"
        if fix is not None:
            offered = {value for match in on_span for value in suggestions(match)}
            assert fix in offered, f"fix '{fix}' not among {sorted(offered)}"


# --- agency sentences -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence", QUIET_SENTENCES, ids=lambda s: s[:60])
def test_correct_agency_sentence_gives_no_house_finding(results: Results, sentence: str) -> None:
    found = house_matches(results[sentence])
    assert not found, describe(sentence, found)


@pytest.mark.parametrize(("span", "sentence"), _error_rows("agency_errors.tsv"), ids=lambda v: v[:60])
def test_agency_error_is_flagged_by_a_house_rule(results: Results, span: str, sentence: str) -> None:
    begin, length = utf16_span(sentence, sentence.index(span), len(span))
    found = house_matches(results[sentence])
    assert [m for m in found if (m["offset"], m["length"]) == (begin, length)], describe(sentence, found)


# --- figures ------------------------------------------------------------------------------------------------

# Floors for the figures in checker/languagetool/rule_files/README.md; raise them when the rules get better.
MIN_HOLDOUT_HITS = 9
MIN_SEED_HITS = 8


def _count(text: str, found: Matches, error_spans: list[tuple[int, int]]) -> tuple[int, int, int]:
    """(errors hit, errors missed, house findings on no error) for one text."""
    hits = sum(1 for begin, length in error_spans if any(overlaps(m, begin, length) for m in found))
    false_alarms = sum(1 for m in found if not any(overlaps(m, b, n) for b, n in error_spans))
    return hits, len(error_spans) - hits, false_alarms


def test_measure_house_rules(results: Results, seed_matches: Matches, seed_text: str) -> None:
    seed_spans = [
        utf16_span(seed_text, start, len(fragment))
        for fragment in [f for f, _ in SEED_ERRORS] + SEED_OTHER_ERRORS
        for start in _occurrences(seed_text, fragment)
    ]
    seed_house = house_matches(seed_matches)
    seed_hits, seed_missed, seed_false = _count(seed_text, seed_house, seed_spans)

    holdout_hits = holdout_missed = 0
    for span, sentence in _error_rows("holdout_errors.tsv"):
        spans = [utf16_span(sentence, sentence.index(span), len(span))]
        hits, missed, _ = _count(sentence, house_matches(results[sentence]), spans)
        holdout_hits += hits
        holdout_missed += missed
    quiet = _lines("holdout_correct.txt")
    holdout_false = sum(1 for sentence in quiet if house_matches(results[sentence]))

    print(
        f"\nseed article: {seed_hits} of {len(seed_spans)} error spans hit by house rules, "
        f"{seed_missed} left to LanguageTool's own rules, {seed_false} house false alarms"
        f"\nheld-out sentences: {holdout_hits} of {holdout_hits + holdout_missed} errors hit, "
        f"{holdout_false} of {len(quiet)} correct sentences flagged"
    )
    assert seed_false == 0
    assert holdout_false == 0
    assert seed_hits >= MIN_SEED_HITS
    assert holdout_hits >= MIN_HOLDOUT_HITS
