"""The learned layer in the pipeline, on the real engine: where the model reports on the example
article (exact offsets), and that every entry point can switch it off."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from checker.house import ModelSettings, load_profile
from checker.languagetool import LanguageToolClient
from checker.learned import MODEL_KINDS, ModelKind
from checker.learned.model import load_model
from checker.learned.review import decide, read
from checker.options import MODEL_BY_DEFAULT, CheckOptions
from checker.pipeline import check
from checker.records import Report
from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]

# What the model reports on its own in the example article with the default profile:
# (rule, offset, length, text). Pinned; a retrained model may change it (read the diff).
EXPECTED_ON_THE_EXAMPLE: list[tuple[str, int, int, str]] = []


def model_findings(report: Report) -> list[tuple[str, int, int, str]]:
    return [(i.rule, i.offset, i.length, i.text) for i in report.issues if i.source == "model"]


def assert_exact(report: Report) -> None:
    for issue in report.issues:
        assert report.text[issue.offset : issue.offset + issue.length] == issue.text
        lines = report.text[: issue.offset].split("\n")
        assert (issue.line, issue.column) == (len(lines), len(lines[-1]) + 1)


def test_model_on_the_example_article(engine: LanguageToolClient, seed_text: str) -> None:
    report = check(seed_text, CheckOptions(model=True), engine=engine, profile=load_profile())
    assert_exact(report)
    assert model_findings(report) == EXPECTED_ON_THE_EXAMPLE
    for issue in report.issues:
        if issue.source == "model":
            assert issue.category.id == "MODEL"
            assert issue.message
            assert issue.severity == "info"


def test_model_findings_are_exact_on_the_example_article(engine: LanguageToolClient, seed_text: str) -> None:
    """With every kind reported from a probability of 0.3, the model marks words of the example
    article of its own: at exact code-point offsets, lines and columns, one word each."""
    model = load_model()
    issues = check(seed_text, CheckOptions(model=False), engine=engine, profile=None).issues
    low = dataclasses.replace(model.settings, report_from=dict.fromkeys((kind.label for kind in MODEL_KINDS), 0.3))
    verdict = decide(seed_text, read(seed_text, issues, model), low)
    assert set(verdict.confidence) == {(issue.offset, issue.length, issue.rule) for issue in issues}
    assert [(i.rule, i.offset, i.length, i.text, i.line, i.column) for i in verdict.added] == [
        ("MODEL_PUNCTUATION", 971, 2, "um", 9, 53),  # "sich um ihr Bestes zu tun"
        ("MODEL_AGREEMENT", 1406, 6, "dieser", 13, 17),  # "auf dieser Presskonferenz"
    ]
    assert_exact(Report(seed_text, "de-DE", verdict.added))


def test_only_the_spellers_findings_outlast_any_doubt(engine: LanguageToolClient) -> None:
    """With a threshold no confidence reaches, LanguageTool's grammar findings are dropped and
    its speller's stay (the category LanguageTool gives them is the one `may_drop` spares)."""
    text = "Er sprach mit den Kollege in Berlni über die Krise."
    model = load_model()
    issues = check(text, CheckOptions(model=False), engine=engine, profile=None).issues
    assert {i.category.id for i in issues} >= {"TYPOS", "GRAMMAR"}
    never = dataclasses.replace(model.settings, keep_from=1.01)
    kept = decide(text, read(text, issues, model), never).apply(issues, "drop")
    assert [i for i in kept if i.source == "languagetool"] == [i for i in issues if i.category.id == "TYPOS"]


def test_the_house_rules_findings_stay_with_the_model(engine: LanguageToolClient, seed_text: str) -> None:
    """What our rules catch on the example article (and LanguageTool misses) the model never drops."""
    profile = load_profile()
    without = check(seed_text, CheckOptions(model=False), engine=engine, profile=profile)
    with_model = check(seed_text, CheckOptions(model=True), engine=engine, profile=profile)
    ours = {(i.rule, i.offset) for i in without.issues if i.rule.startswith("HOUSE_")}
    assert ours
    assert ours <= {(i.rule, i.offset) for i in with_model.issues}


def test_model_switched_off_leaves_languagetool_as_it_is(engine: LanguageToolClient, seed_text: str) -> None:
    off = check(seed_text, CheckOptions(model=False), engine=engine, profile=None)
    on = check(seed_text, CheckOptions(model=True), engine=engine, profile=None)
    assert not model_findings(off)
    from_languagetool = {(i.rule, i.offset) for i in on.issues if i.source == "languagetool"}
    assert from_languagetool <= {(i.rule, i.offset) for i in off.issues}
    # without a profile, a check is LanguageTool alone unless it asks for the model
    assert check(seed_text, CheckOptions(), engine=engine, profile=None).issues == off.issues


def test_profile_switches_the_model_off(engine: LanguageToolClient, seed_text: str, tmp_path: Path) -> None:
    newsroom = tmp_path / "newsroom.toml"
    newsroom.write_text('extends = "default"\n[model]\nenabled = false\n', "utf-8")
    profile = load_profile(newsroom)
    assert not model_findings(check(seed_text, CheckOptions(), engine=engine, profile=profile))
    # a check that asks for the model gets it all the same
    asked = check(seed_text, CheckOptions(model=True), engine=engine, profile=profile)
    assert model_findings(asked) == EXPECTED_ON_THE_EXAMPLE


def test_cli_no_model(engine: LanguageToolClient) -> None:
    env = dict(os.environ, LANGUAGETOOL_URL=engine.url)

    def sources(*options: str) -> set[str]:
        command = [sys.executable, "-m", "checker", "check", "--format", "json", *options, str(SEED_ARTICLE)]
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=env, timeout=300, check=False)
        assert result.returncode == 1, result.stderr
        return {issue["source"] for issue in json.loads(result.stdout)["files"][0]["issues"]}

    assert "model" not in sources("--no-model")
    assert ("model" in sources()) == (MODEL_BY_DEFAULT and bool(EXPECTED_ON_THE_EXAMPLE))


def test_api_model_false(client: FlaskClient, seed_text: str) -> None:
    def sources(**fields: object) -> set[str]:
        response = client.post("/api/v1/check", json={"text": seed_text, **fields})
        assert response.status_code == 200
        return {issue["source"] for issue in response.get_json()["issues"]}

    assert "model" not in sources(model=False)
    assert ("model" in sources(model=True)) == bool(EXPECTED_ON_THE_EXAMPLE)
    assert client.post("/api/v1/check", json={"text": "Test.", "model": "nein"}).status_code == 400


def test_form_checkbox(client: FlaskClient, seed_text: str) -> None:
    page = client.get("/").get_data(as_text=True)
    assert 'name="model"' in page
    off = client.post("/check", data={"text": seed_text, "model": ["0"]}).get_data(as_text=True)
    assert "kind-model" not in off


HIGH = load_model().settings_for("high")
WITH_EXAMPLES = [kind for kind in MODEL_KINDS if kind.wrong]


def test_the_main_kinds_have_examples_and_report() -> None:
    main = {"MODEL_AGREEMENT", "MODEL_VERB_FORM", "MODEL_WORD_ORDER"}
    assert main <= {kind.rule for kind in WITH_EXAMPLES}
    assert all(kind.right for kind in WITH_EXAMPLES)
    assert all(kind.label in HIGH.report_from for kind in WITH_EXAMPLES)


@pytest.mark.parametrize("kind", WITH_EXAMPLES, ids=lambda kind: kind.rule)
def test_kind_examples(engine: LanguageToolClient, kind: ModelKind) -> None:
    """Each kind's wrong example is reported with its rule (with the sensitivity "high"), its
    right one gets no model finding."""
    profile = dataclasses.replace(load_profile(), model=ModelSettings(sensitivity="high"))
    wrong = check(kind.wrong, CheckOptions(model=True), engine=engine, profile=profile)
    right = check(kind.right, CheckOptions(model=True), engine=engine, profile=profile)
    assert kind.rule in {issue.rule for issue in wrong.issues}
    assert not model_findings(right)


def test_agreement_findings_come_with_a_fix_that_clears_them(engine: LanguageToolClient) -> None:
    """The other form of the word, checked again by LanguageTool and the model; the one that
    clears the finding is offered, and applying it leaves nothing to say about that word."""
    profile = dataclasses.replace(load_profile(), model=ModelSettings(sensitivity="high"))
    agreement = next(kind for kind in MODEL_KINDS if kind.rule == "MODEL_AGREEMENT")
    report = check(agreement.wrong, CheckOptions(model=True), engine=engine, profile=profile)
    finding = next(issue for issue in report.issues if issue.rule == "MODEL_AGREEMENT")
    assert finding.replacements == ("erneuerbaren",)
    fixed = agreement.wrong[: finding.offset] + finding.replacements[0] + agreement.wrong[finding.end :]
    assert fixed == agreement.right
    assert not check(fixed, CheckOptions(model=True), engine=engine, profile=profile).issues
