"""`python -m checker check` as a CI pipeline runs it: output, exit status, errors."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.languagetool import LanguageToolClient
from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info): .+ \[[A-Z0-9_\[\]]+\] \(.+\)$"
)
RULE_COUNT = re.compile(r" *(?P<count>\d+) (?:error|warning|info) +[A-Z0-9_]+")


def run(engine: LanguageToolClient, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, LANGUAGETOOL_URL=engine.url)
    completed = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )


def test_seed_article_text_format(engine: LanguageToolClient, seed_text: str) -> None:
    result = run(engine, "check", str(SEED_ARTICLE))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    summary = next(index for index, line in enumerate(lines) if not LINE.match(line))
    findings = lines[:summary]
    assert findings, lines
    assert f"{SEED_ARTICLE}:3:143: warning: " in result.stdout
    assert "[DE_SIMPLE_REPLACE_KREMLIN] (Kremlin -> Kreml)" in result.stdout
    assert re.fullmatch(r"1 file checked: \d+ findings \(\d+ error, \d+ warning, \d+ info\)", lines[summary])
    # then the rules that fired, errors first, with their counts adding up to the findings
    by_rule = [RULE_COUNT.fullmatch(line) for line in lines[summary + 1 :]]
    counted = [match for match in itertools.takewhile(bool, by_rule) if match]
    assert sum(int(match["count"]) for match in counted) == len(findings)
    assert "     1 warning DE_SIMPLE_REPLACE_KREMLIN" in lines
    assert "Traceback" not in result.stderr
    # every line's line:col is where the JSON output's finding starts, and points at its text
    document = json.loads(run(engine, "check", "--format", "json", str(SEED_ARTICLE)).stdout)
    issues = document["files"][0]["issues"]
    assert len(issues) == len(findings)
    source_lines = seed_text.split("\n")
    for line, issue in zip(findings, issues, strict=True):
        assert line.startswith(f"{SEED_ARTICLE}:{issue['line']}:{issue['column']}: {issue['severity']}: ")
        assert source_lines[issue["line"] - 1][issue["column"] - 1 :].startswith(issue["text"].split("\n")[0])


def test_json_format_and_schema(engine: LanguageToolClient, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Das ist ein guter Satz.\n", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_bytes("\ufeffEin 😀 Fehlerr.\r\n".encode())  # BOM and CRLF
    result = run(engine, "check", "--no-house", "--format", "json", str(clean), str(dirty))
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["version"] == 1
    assert [entry["path"] for entry in document["files"]] == [str(clean), str(dirty)]
    assert document["files"][0]["issues"] == []
    assert document["files"][0]["format"] == "text"
    (issue,) = document["files"][1]["issues"]
    assert set(issue) == {
        "offset", "length", "line", "column", "text", "rule", "rule_description", "category",
        "type", "severity", "message", "replacements", "url", "source",
    }  # fmt: skip
    text = dirty.read_bytes().decode("utf-8-sig")
    assert text[issue["offset"] : issue["offset"] + issue["length"]] == issue["text"] == "Fehlerr"
    assert (issue["line"], issue["column"]) == (1, 7)
    assert issue["source"] == "languagetool" and issue["severity"] == "error"


def test_clean_text_exits_zero(engine: LanguageToolClient) -> None:
    result = run(engine, "check", "-", stdin=b"Berlin (dpa) - Das ist ein guter Satz.")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 file checked: 0 findings (0 error, 0 warning, 0 info)"


def test_a_correct_sentence_alone_gets_no_finding(engine: LanguageToolClient) -> None:
    sentence = "Der Minister sagte, die Gespräche seien „konstruktiv“ gewesen."
    result = run(engine, "check", "-", stdin=sentence.encode())
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "1 file checked: 0 findings (0 error, 0 warning, 0 info)"


def test_unknown_names_come_with_the_profile_lines_that_accept_them(engine: LanguageToolClient) -> None:
    text = "Sprecher Ahmad Wahidi sagte, die Lage sei ruhig. Das Treffen fand in Tschornomorsk statt."
    result = run(engine, "check", "-", stdin=text.encode())
    assert result.returncode == 0  # notes pass the default gate (--fail-on error)
    assert "info: Name nicht im Namensverzeichnis: »Wahidi«" in result.stdout
    assert result.stdout.rstrip().endswith('[names]\nlocal = ["Tschornomorsk", "Wahidi"]')


def test_globs_check_many_files(engine: LanguageToolClient, tmp_path: Path) -> None:
    for index in range(6):
        (tmp_path / f"text{index}.txt").write_text(f"Text {index} mit Fehlerr.", encoding="utf-8")
    result = run(engine, "check", "--no-house", str(tmp_path / "*.txt"))
    assert result.returncode == 1
    assert result.stdout.count("[GERMAN_SPELLER_RULE]") == 6
    assert result.stdout.splitlines()[-2:] == [
        "6 files checked: 6 findings (6 error, 0 warning, 0 info)",
        "     6 error   GERMAN_SPELLER_RULE",
    ]


def test_house_rules_and_profile(engine: LanguageToolClient, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Moskau, 28. März, IRNA – Der Minister Araghtschi sprach. Araghchi lobte IRNA.\n", "utf-8")
    result = run(engine, "check", "--format", "json", str(article))
    issues = json.loads(result.stdout)["files"][0]["issues"]
    rules = {issue["rule"] for issue in issues}
    assert {"HOUSE_DATELINE", "HOUSE_NAME_VARIANT"} <= rules
    assert not any(issue["text"] == "IRNA" and issue["source"] == "languagetool" for issue in issues)
    # a newsroom profile that switches the dateline rule off, in every entry point
    profile = tmp_path / "newsroom.toml"
    profile.write_text('extends = "default"\n[rules]\ndisabled = ["HOUSE_DATELINE"]\n', "utf-8")
    result = run(engine, "check", "--format", "json", "--profile", str(profile), str(article))
    assert "HOUSE_DATELINE" not in {issue["rule"] for issue in json.loads(result.stdout)["files"][0]["issues"]}


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["check", "{tmp}/missing.txt"], None, "missing.txt: no such file"),
        (["check", "{tmp}/bad.txt"], None, "bad.txt: not valid UTF-8 (byte 0xff at byte offset 5)"),
        (["check", "{tmp}/good.txt", "{tmp}/empty.txt"], None, "empty.txt: the text is empty: nothing to check"),
        (["check", "{tmp}/symbols.txt"], None, "symbols.txt:3:1: "),
        (["check", "{tmp}/*.nothing"], None, "the pattern matches no file"),
        (["check", "{tmp}"], None, "is a directory"),
        (["check", "--language", "en-US", "-"], b"x", "invalid choice"),
        (["check"], None, "no files given, and no include globs in a configuration file"),
        (["frobnicate"], None, "invalid choice"),
    ],
)
def test_bad_input_exits_two_without_traceback(
    engine: LanguageToolClient, tmp_path: Path, args: list[str], stdin: bytes | None, message: str
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"Hallo\xff Welt")
    (tmp_path / "good.txt").write_text("Ein Satz ohne Fehler.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    (tmp_path / "symbols.txt").write_text("Titel\n\n" + "!?.,;:" * 2000, encoding="utf-8")
    result = run(engine, *[arg.replace("{tmp}", str(tmp_path)) for arg in args], stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_unreachable_engine_exits_two(tmp_path: Path) -> None:
    env = dict(os.environ)
    completed = subprocess.run(
        [sys.executable, "-m", "checker", "check", "--languagetool-url", "http://127.0.0.1:9", "-"],
        input=b"Ein Text.",
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2
    stderr = completed.stderr.decode()
    assert "http://127.0.0.1:9" in stderr and "Traceback" not in stderr
