"""The example article (tests/data/seed-irna.txt) as the command line's JSON and as the API's
answer, byte for byte: any change to what users receive shows up here as a diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from checker.cli.main import main
from checker.languagetool import LanguageToolClient
from tests.conftest import SEED_ARTICLE
from tests.golden.compare import assert_golden

pytestmark = pytest.mark.engine

HERE = Path(__file__).parent / "example-article"
ROOT = Path(__file__).resolve().parents[2]


def test_command_line_json(engine: LanguageToolClient, capsys: pytest.CaptureFixture[str]) -> None:
    path = os.path.relpath(SEED_ARTICLE, ROOT)
    cwd = Path.cwd()
    os.chdir(ROOT)  # the JSON names the file as given
    try:
        status = main(["check", "--format", "json", "--languagetool-url", engine.url, path])
    finally:
        os.chdir(cwd)
    assert status == 1
    assert_golden(HERE / "cli.json", capsys.readouterr().out)


@pytest.mark.parametrize("house", [True, False], ids=["house", "languagetool-only"])
def test_api_answer(client: FlaskClient, seed_text: str, house: bool) -> None:
    response = client.post("/api/v1/check", json={"text": seed_text, "house": house})
    assert response.status_code == 200
    name = "api.json" if house else "api-languagetool-only.json"
    assert_golden(HERE / name, response.get_data(as_text=True))
