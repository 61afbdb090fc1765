"""Golden cases for LanguageTool through the pipeline (no house profile): each
languagetool/NAME.txt is checked and its findings must equal NAME.expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.languagetool import LanguageToolClient
from checker.pipeline import check
from tests.golden.compare import assert_golden
from tests.test_pipeline import assert_exact, summary

pytestmark = pytest.mark.engine

CASES = sorted((Path(__file__).parent / "languagetool").glob("*.txt"))


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_golden_case(case: Path, engine: LanguageToolClient) -> None:
    text = case.read_bytes().decode("utf-8")  # keep CR and CRLF exactly as written
    report = check(text, engine=engine)
    assert_exact(report)
    actual = json.dumps(summary(report), ensure_ascii=False, indent=1) + "\n"
    assert_golden(case.with_suffix(".expected.json"), actual)
