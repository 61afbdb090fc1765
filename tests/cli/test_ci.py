"""The command line in CI and newsroom repositories, on a temporary repository of Markdown and
NITF articles: the gate, the project file, inline suppression, baseline and changed lines."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.languagetool import LanguageToolClient

pytestmark = pytest.mark.engine

# "Presskonferenz" is an error (HOUSE_PRESSE_FUGE), "Regirung" a warning in the default profile.
MARKDOWN = """---
title: Gipfel
---
# Gipfeltreffen in Berlin

Berlin (dpa) - Die Minister trafen sich am Dienstag in Berlin. Sie sprachen über die Lage.

Die Gespräche sollen im Mai fortgesetzt werden, sagte er auf einer Presskonferenz.
"""
NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf>
  <head><title>Meldung</title></head>
  <body>
    <body.head><hedline><hl1>Regierung plant Reform</hl1></hedline></body.head>
    <body.content>
      <p>Berlin (dpa) - Die Regirung plant eine Reform der Rente. Das Kabinett berät am Mittwoch.</p>
      <p>Die Opposition kritisiert den Plan.</p>
    </body.content>
  </body>
</nitf>
"""


class Runner:
    def __init__(self, engine: LanguageToolClient, capsys: pytest.CaptureFixture[str]) -> None:
        self.engine = engine
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, str, str]:
        try:
            status = main(["check", "--languagetool-url", self.engine.url, *args])
        except SystemExit as exc:  # a usage error, from argparse
            status = int(exc.code or 0)
        captured = self.capsys.readouterr()
        return status, captured.out, captured.err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "artikel").mkdir()
    (tmp_path / "wire").mkdir()
    (tmp_path / "artikel" / "gipfel.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "wire" / "meldung.xml").write_text(NITF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def wirecheck(engine: LanguageToolClient, capsys: pytest.CaptureFixture[str]) -> Runner:
    return Runner(engine, capsys)


def findings(output: str) -> list[tuple[str, str]]:
    return [(item["path"], issue["rule"]) for item in json.loads(output)["files"] for issue in item["issues"]]


def test_the_gate_decides_the_exit_status(repo: Path, wirecheck: Runner) -> None:
    files = ["artikel/gipfel.md", "wire/meldung.xml"]
    status, out, err = wirecheck("--format", "github", *files)
    assert status == 1
    line = next(line for line in out.splitlines() if "HOUSE_PRESSE_FUGE" in line)
    column = MARKDOWN.splitlines()[7].index("Presskonferenz") + 1
    assert line.startswith(f"::error file=artikel/gipfel.md,line=8,col={column},endLine=8,endColumn={column + 13},")
    assert "::warning file=wire/meldung.xml,line=7," in out  # Regirung: a warning
    assert "failed: 1 of 2 findings are error or worse" in err
    assert "     1 error   HOUSE_PRESSE_FUGE" in err.splitlines()  # the summary, on stderr beside github
    assert wirecheck("--fail-on", "never", *files)[0] == 0
    assert wirecheck("--fail-on", "warning", "wire/meldung.xml")[0] == 1
    assert wirecheck("wire/meldung.xml")[0] == 0  # a warning passes the default gate
    assert wirecheck("--max-issues", "0", "wire/meldung.xml")[0] == 1  # one warning, more than none allowed
    assert wirecheck("--max-issues", "1", "wire/meldung.xml")[0] == 0
    assert wirecheck("--max-issues", "-1", *files)[0] == 2
    # the JUnit report fails the cases the gate fails, and only those
    status, out, _ = wirecheck("--format", "junit", *files)
    cases = ET.fromstring(out).findall(".//testcase")
    assert [(case.get("name"), case.find("failure") is not None) for case in cases] == [
        ("artikel/gipfel.md", True),
        ("wire/meldung.xml", False),
    ]
    assert status == 1
    status, out, _ = wirecheck("--format", "junit", "--fail-on", "warning", *files)
    assert ET.fromstring(out).get("failures") == "2" and status == 1


def test_fail_on_never_passes_whatever_max_issues_says(repo: Path, wirecheck: Runner) -> None:
    files = ["artikel/gipfel.md", "wire/meldung.xml"]
    (repo / ".wirecheck.toml").write_text("max_issues = 0\n", encoding="utf-8")
    status, _, err = wirecheck("wire/meldung.xml")
    assert status == 1 and "1 findings, more than the 0 allowed" in err
    # a report-only step: no finding and no count fails it
    assert wirecheck("--fail-on", "never", *files)[0] == 0
    assert wirecheck("--fail-on", "never", "--max-issues", "1", *files)[0] == 0
    status, out, _ = wirecheck("--format", "junit", "--fail-on", "never", *files)
    assert status == 0 and ET.fromstring(out).get("failures") == "0"
    # `--max-issues none` takes the file's limit away; the severity gate stays
    assert wirecheck("--max-issues", "none", "wire/meldung.xml")[0] == 0
    assert wirecheck("--max-issues", "none", *files)[0] == 1
    out = wirecheck("--print-config", "--max-issues", "none")[1]
    assert "# max_issues is not set  # command line" in out.splitlines()
    status, _, err = wirecheck("--max-issues", "some", *files)
    assert status == 2 and "--max-issues: 'some' is not a whole number, nor none" in err


def test_the_project_file_and_flags_over_it(repo: Path, wirecheck: Runner) -> None:
    (repo / "artikel" / "entwurf-1.md").write_text("", encoding="utf-8")  # empty: unreadable
    (repo / "wire" / "meldung.txt").write_text(NITF, encoding="utf-8")
    (repo / ".wirecheck.toml").write_text(
        'language = "de-CH"\nfail_on = "warning"\ninclude = ["artikel/**/*.md", "wire/*"]\n'
        'exclude = ["entwurf-*"]\ndisable = ["HOUSE_PRESSE_FUGE"]\n[input_formats]\n"wire/*.txt" = "nitf"\n',
        encoding="utf-8",
    )
    status, out, _ = wirecheck("--format", "json")
    document = json.loads(out)
    assert [item["path"] for item in document["files"]] == ["artikel/gipfel.md", "wire/meldung.txt", "wire/meldung.xml"]
    assert [item["language"] for item in document["files"]] == ["de-CH"] * 3
    assert [item["format"] for item in document["files"]] == ["markdown", "nitf", "nitf"]
    assert ("artikel/gipfel.md", "HOUSE_PRESSE_FUGE[1]") not in findings(out)  # a house rule switched off
    assert status == 1  # Regirung fails
    # a flag beats the file; the rule lists of flags are added to the file's
    assert wirecheck("--fail-on", "never")[0] == 0
    status, out, _ = wirecheck("--print-config", "--fail-on", "error", "--disable", "GERMAN_SPELLER_RULE")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"# configuration file: {repo.resolve() / '.wirecheck.toml'}"
    assert 'fail_on = "error"  # command line' in lines
    assert f'language = "de-CH"  # {repo.resolve() / ".wirecheck.toml"}' in lines
    assert any(line.startswith('disable = ["HOUSE_PRESSE_FUGE", "GERMAN_SPELLER_RULE"]  # ') for line in lines)
    assert "picky = false  # default" in lines
    # a Markdown file's front matter names its own language, over the project's
    (repo / "artikel" / "gipfel.md").write_text(MARKDOWN.replace("title: Gipfel", "lang: de-AT"), encoding="utf-8")
    assert json.loads(wirecheck("--format", "json", "artikel/gipfel.md")[1])["files"][0]["language"] == "de-AT"
    assert (
        json.loads(wirecheck("--format", "json", "--language", "de-DE", "artikel/gipfel.md")[1])["files"][0]["language"]
        == "de-DE"
    )
    # files the project excludes are not checked, even when named; with nothing left, nothing passes
    status, out, err = wirecheck("--format", "json", "artikel/entwurf-1.md", "wire/meldung.xml")
    assert [item["path"] for item in json.loads(out)["files"]] == ["wire/meldung.xml"]
    status, out, err = wirecheck("artikel/entwurf-1.md")
    assert (status, out) == (2, "")
    assert f"every file given is excluded by {repo.resolve() / '.wirecheck.toml'}: artikel/entwurf-1.md" in err
    # a file that is not there is an error, whatever the globs say
    for missing in ("artikel/fehlt.md", "nope.md", "artikel/entwurf-2.md"):
        status, out, err = wirecheck(missing)
        assert (status, out) == (2, "")
        assert f"error: {missing}: no such file" in err


def test_the_project_file_in_pyproject_and_its_errors(repo: Path, wirecheck: Runner) -> None:
    (repo / "pyproject.toml").write_text('[tool.wirecheck]\nfail_on = "never"\n', encoding="utf-8")
    assert wirecheck("artikel/gipfel.md")[0] == 0
    assert 'fail_on = "never"  # ' in wirecheck("--print-config", "artikel/gipfel.md")[1]
    assert wirecheck("--no-config", "artikel/gipfel.md")[0] == 1
    (repo / "pyproject.toml").write_text('[tool.wirecheck]\nfail_on = "sometimes"\n', encoding="utf-8")
    status, _, err = wirecheck("artikel/gipfel.md")
    assert status == 2 and "fail_on must be one of info, warning, error, never" in err
    (repo / "pyproject.toml").write_text('[tool.wirecheck]\nfial_on = "error"\n', encoding="utf-8")
    status, _, err = wirecheck("artikel/gipfel.md")
    assert status == 2 and "unknown setting 'fial_on'" in err
    status, _, err = wirecheck("--no-config")
    assert status == 2 and "no files given" in err


def test_inline_suppression_in_markdown(repo: Path, wirecheck: Runner) -> None:
    text = (
        "# Bericht\n\nBerlin (dpa) - Er sprach auf einer Presskonferenz.\n\n"
        "<!-- wirecheck-disable HOUSE_PRESSE_FUGE -->\nSie sprach auf einer Presskonferenz.\n"
        "<!-- wirecheck-enable -->\n\nEr sprach erneut auf einer Presskonferenz.\n"
    )
    (repo / "bericht.md").write_text(text, encoding="utf-8")
    status, out, _ = wirecheck("--format", "json", "bericht.md")
    lines = [issue["line"] for issue in json.loads(out)["files"][0]["issues"] if issue["rule"].startswith("HOUSE_PR")]
    assert lines == [3, 9]
    assert status == 1


def test_a_baseline_reports_only_new_findings(repo: Path, wirecheck: Runner) -> None:
    files = ["artikel/gipfel.md", "wire/meldung.xml"]
    status, _, err = wirecheck("--write-baseline", "baseline.json", *files)
    assert status == 0 and "wrote 2 findings" in err
    baseline = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert {entry["rule"] for entry in baseline["findings"]} == {"HOUSE_PRESSE_FUGE[1]", "GERMAN_SPELLER_RULE"}
    assert wirecheck("--baseline", "baseline.json", *files)[0] == 0
    # edits elsewhere move the old findings down; a new error is the only finding reported
    article = repo / "artikel" / "gipfel.md"
    edited = MARKDOWN.replace("# Gipfeltreffen in Berlin\n", "# Gipfeltreffen in Berlin\n\nEin Satz vorweg.\n")
    article.write_text(edited.replace("Sie sprachen", "Auf der Presskonferenz sprachen sie"), encoding="utf-8")
    status, out, _ = wirecheck("--format", "json", "--baseline", "baseline.json", *files)
    new = [(issue["line"], issue["rule"]) for item in json.loads(out)["files"] for issue in item["issues"]]
    assert (8, "HOUSE_PRESSE_FUGE[1]") in new and all(rule != "GERMAN_SPELLER_RULE" for _, rule in new)
    assert not any(line == 10 for line, _ in new)  # the old Presskonferenz, now on line 10
    assert status == 1
    # stale entries, on request: the fixed typo
    (repo / "wire" / "meldung.xml").write_text(NITF.replace("Regirung", "Regierung"), encoding="utf-8")
    status, _, err = wirecheck("--baseline", "baseline.json", "--report-stale", *files)
    assert "wire/meldung.xml: stale baseline entry: GERMAN_SPELLER_RULE »Regirung«" in err
    assert "1 stale baseline entries" in err
    status, _, err = wirecheck("--baseline", "missing.json", *files)
    assert status == 2 and "missing.json: no such baseline file" in err


def test_changed_since_reports_only_edited_lines(repo: Path, wirecheck: Runner) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=R", "-c", "user.email=r@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "Artikel")
    article = repo / "artikel" / "gipfel.md"
    article.write_text(
        MARKDOWN.replace(
            "Sie sprachen über die Lage.",
            "Sie sprachen über die Lage.\nDer Sprecher sagte auf der Presskonferenz nichts.",
        ),
        encoding="utf-8",
    )
    (repo / "neu.md").write_text("# Neu\n\nBerlin (dpa) - Er sprach auf einer Presskonferenz.\n", encoding="utf-8")
    status, out, _ = wirecheck(
        "--format", "json", "--changed-since", "HEAD", "artikel/gipfel.md", "wire/meldung.xml", "neu.md"
    )
    reported = [(item["path"], issue["line"]) for item in json.loads(out)["files"] for issue in item["issues"]]
    assert reported == [("artikel/gipfel.md", 7), ("neu.md", 3)]  # not line 9, not the NITF file
    assert status == 1
    status, _, err = wirecheck("--changed-since", "no-such-ref", "neu.md")
    assert status == 2 and "no commit 'no-such-ref'" in err
