"""The npm client `languagetool-api` pointed at the checker, sending the example article as a
Markdown file in LanguageTool's annotated text, built by the npm package `annotatedtext` from
remark's syntax tree (tests/clients/npm/check.mjs; versions pinned in its package-lock.json,
installed with `npm ci` outside the work tree)."""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from checker.house import load_profile
from checker.languagetool import LanguageToolClient
from checker.options import CheckOptions
from checker.pipeline import check_document
from checker.web.languagetool_request import document_from_annotation
from tests.clients.conftest import CLIENTS, assert_house_findings_without_name_alarms, run_client, tool

pytestmark = pytest.mark.engine

PROJECT = CLIENTS / "npm"
_OFFLINE_SIGNS = ("ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ETIMEDOUT", "ENETUNREACH", "ECONNRESET")


@pytest.fixture(scope="module")
def npm_program(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command that runs check.mjs, its packages installed by `npm ci` in a folder of its own."""
    node, npm = tool("node"), tool("npm")
    folder = tmp_path_factory.mktemp("npm-client")
    for name in ("package.json", "package-lock.json", "check.mjs"):
        shutil.copy2(PROJECT / name, folder / name)
    completed = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = completed.stdout + completed.stderr
    if completed.returncode != 0 and any(sign in output for sign in _OFFLINE_SIGNS):
        pytest.skip(f"the npm registry is not reachable, so the npm client cannot be installed:\n{output[-1500:]}")
    assert completed.returncode == 0, output[-3000:]
    return [node, str(folder / "check.mjs")]


def article_markdown(article: str) -> str:
    """The article as Markdown: a Setext headline, emphasis and a link. languagetool-api puts the
    text into the URL with encodeURI, which leaves "#", "&" and "+" as they are, so the file has none."""
    headline, body = article.split("\n\n", 1)
    body = body.replace("Kremlin Palace Hotel", "*Kremlin Palace Hotel*", 1)
    body = body.replace("Laut IRNA", "Laut [IRNA](https://www.irna.ir/)", 1)
    markdown = f"{headline}\n{'=' * 20}\n\n{body}"
    assert not set("#&+") & set(markdown)
    return markdown


def test_languagetool_api_with_annotated_markdown_gets_the_house_findings(
    npm_program: list[str], server_url: str, article: str, engine: LanguageToolClient, tmp_path: Path
) -> None:
    markdown = article_markdown(article)
    path = tmp_path / "article.md"
    path.write_text(markdown, encoding="utf-8")
    result = run_client(npm_program, server_url, path)
    assert result["language"]["code"] == "de-DE"
    matches = result["matches"]
    # `covered` is the program's markdown.slice(offset, offset + length): JavaScript counts UTF-16 units.
    found = Counter((match["ruleId"], match["covered"]) for match in matches)

    # What the checker finds in the same annotated text, in code points of the Markdown file.
    document = document_from_annotation(result["annotation"])
    assert document.source == markdown
    report = check_document(document, CheckOptions(language="de-DE"), engine=engine, profile=load_profile())
    assert found == Counter((issue.rule.split("[", 1)[0], issue.text) for issue in report.issues)

    assert_house_findings_without_name_alarms(found)
    assert ("GERMAN_SPELLER_RULE", "Kaffe\u0301") in found
    assert ("DE_SIMPLE_REPLACE_KREMLIN", "Kremlin") in found  # inside the emphasis
    for match in matches:
        assert "](" not in match["covered"] or match["ruleId"] == "HOUSE_SENTENCE_LENGTH"
        # The client's own showMistakes reads the same text from the match's context.
        assert match["inContext"] == match["covered"].replace("\n", " ")
