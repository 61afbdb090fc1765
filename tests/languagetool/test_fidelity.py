"""Fidelity: our findings equal LanguageTool's own, on the examples in its German rule files.

Each sampled rule example marks its error with <marker>; checked with only that rule enabled
(as LanguageTool's own rule test does), the marker span must come back with that rule id.
"""

from __future__ import annotations

import random
import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from lxml import etree

from checker.engine.install import lib_dir, pinned_version
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check

pytestmark = pytest.mark.engine

SAMPLE_SIZE = 400
SEED = 20261127
REQUIRED_SHARE = 0.98
RULE_FILES = ("org/languagetool/rules/de/grammar.xml", "org/languagetool/rules/de/style.xml")


@dataclass(frozen=True)
class RuleExample:
    rule: str
    sentence: str
    offset: int
    length: int
    source: str
    picky: bool


def _text_with_marker(example: etree._Element) -> tuple[str, int, int] | None:
    before = example.text or ""
    marker = example.find("marker")
    if marker is None:
        return None
    flagged = "".join(marker.itertext())
    after = marker.tail or ""
    sentence = before + flagged + after
    return sentence, len(before), len(flagged)


def load_examples() -> list[RuleExample]:
    jar = lib_dir() / f"language-de-{pinned_version()}.jar"
    parser = etree.XMLParser(resolve_entities=True, load_dtd=False, no_network=True)
    examples = []
    with zipfile.ZipFile(jar) as archive:
        for name in RULE_FILES:
            root = etree.fromstring(archive.read(name), parser)
            for rule in root.iter("rule"):
                group = rule.getparent()
                in_group = group is not None and group.tag == "rulegroup"
                rule_id = rule.get("id") or (group.get("id") if in_group else None)
                if not rule_id:
                    continue
                # Rules tagged "picky" (on the rule, its group or its category) run only at the
                # picky level.
                picky = any("picky" in (element.get("tags") or "") for element in rule.iterancestors()) or (
                    "picky" in (rule.get("tags") or "")
                )
                for example in rule.iter("example"):
                    if example.get("correction") is None:
                        continue
                    parsed = _text_with_marker(example)
                    if parsed is None or not parsed[0].strip():
                        continue
                    sentence, offset, length = parsed
                    examples.append(RuleExample(rule_id, sentence, offset, length, name.rsplit("/", 1)[1], picky))
    return examples


def _passes(example: RuleExample, engine: LanguageToolClient) -> bool:
    report = check(
        example.sentence,
        CheckOptions(enabled_rules=(example.rule,), enabled_only=True, picky=example.picky),
        engine=engine,
    )
    return any(
        re.sub(r"\[.*\]$", "", issue.rule) == example.rule
        and issue.offset == example.offset
        and issue.length == example.length
        for issue in report.issues
    )


def test_languagetool_rule_examples(engine: LanguageToolClient) -> None:
    examples = load_examples()
    assert len(examples) > 1000, "the German rule files should hold thousands of examples"
    sample = random.Random(SEED).sample(examples, SAMPLE_SIZE)
    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(lambda example: _passes(example, engine), sample))
    failed = [example for example, passed in zip(sample, outcomes, strict=True) if not passed]
    share = 1 - len(failed) / len(sample)
    print(f"\nLanguageTool rule examples: {len(sample) - len(failed)}/{len(sample)} pass ({share:.1%})")
    for example in failed:
        where = f"marker at {example.offset}+{example.length}"
        print(f"  FAIL {example.rule} ({example.source}): {example.sentence!r} {where}")
    assert share >= REQUIRED_SHARE
