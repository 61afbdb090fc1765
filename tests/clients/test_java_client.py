"""LanguageTool's own Java HTTP client (`org.languagetool:languagetool-http-client`, its
`RemoteLanguageTool`) pointed at the checker, in a small program (tests/clients/java/) that Maven
builds outside the work tree and this test runs on the example article."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.clients.conftest import CLIENTS, api_findings, assert_house_findings_without_name_alarms, run_client, tool

pytestmark = pytest.mark.engine

PROJECT = CLIENTS / "java"
MAIN_CLASS = "wirecheck.clients.CheckArticle"
# What Maven prints when it cannot reach the repository (then the test is skipped, not failed).
_OFFLINE_SIGNS = (
    "Could not transfer",
    "Unknown host",
    "UnknownHostException",
    "Connection refused",
    "Network is unreachable",
)


@pytest.fixture(scope="module")
def java_program(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command that runs the built program: java with its classes and their dependencies."""
    maven, java = tool("mvn"), tool("java")
    tool("javac")  # Maven compiles with the JDK's compiler
    build = tmp_path_factory.mktemp("java-client")
    classpath_file = build / "classpath.txt"
    command = [
        maven,
        "-B",
        "-q",
        "-Dstyle.color=never",
        "-f",
        str(PROJECT / "pom.xml"),
        f"-Dclient.build={build}",
        "compile",
        "dependency:build-classpath",
        f"-Dmdep.outputFile={classpath_file}",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    output = completed.stdout + completed.stderr
    if completed.returncode != 0 and any(sign in output for sign in _OFFLINE_SIGNS):
        pytest.skip(f"Maven Central is not reachable, so the Java client cannot be fetched:\n{output[-1500:]}")
    assert completed.returncode == 0, output[-3000:]
    classpath = os.pathsep.join([str(build / "classes"), classpath_file.read_text(encoding="utf-8").strip()])
    return [java, "-cp", classpath, MAIN_CLASS]


def test_languagetool_java_client_gets_the_house_findings(
    java_program: list[str], server_url: str, article: str, tmp_path: Path
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(article, encoding="utf-8")
    result = run_client(java_program, server_url, path)
    assert result["language"] == "de-DE"
    matches = result["matches"]
    # `covered` is the program's text.substring(offset, offset + length): Java counts UTF-16 units.
    found = Counter((match["ruleId"], match["covered"]) for match in matches)
    assert found == api_findings(server_url, article)
    assert_house_findings_without_name_alarms(found)
    assert ("GERMAN_SPELLER_RULE", "Kaffe\u0301") in found
    for match in matches:
        assert match["inContext"] == match["covered"].replace("\n", " ")
        assert match["categoryId"] and match["issueType"] and match["message"]
    house = [match for match in matches if match["categoryId"].startswith("HOUSE_")]
    assert any(match["replacements"] for match in house)
    assert any(match["subId"] for match in matches)  # our LanguageTool rules' sub-ids come through
