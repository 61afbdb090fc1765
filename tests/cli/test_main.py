"""`python -m checker check` as a CI pipeline runs it: output, exit status, errors."""

from __future__ import annotations

import itertools
import json
import os
import re
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from checker.cli.main import main
from checker.languagetool import LanguageToolClient
from checker.outputs import OUTPUTS
from checker.text.limits import MAX_PARAGRAPH, MAX_TEXT_LENGTH
from tests.conftest import SEED_ARTICLE

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning|info): .+ \[[A-Z0-9_\[\]]+\] \(.+\)$"
)
RULE_COUNT = re.compile(r" *(?P<count>\d+) (?:error|warning|info) +[A-Z0-9_]+")
NITF = (
    '<?xml version="1.0" encoding="{encoding}"?>\n'
    "<nitf><body><body.content><p>Hallo Welt.</p></body.content></body></nitf>\n"
)


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
    text = "Bei Rapid spielte Schwegler gut. Im Tor stand Pehlivan."
    result = run(engine, "check", "-", stdin=text.encode())
    assert result.returncode == 0  # notes pass the default gate (--fail-on error)
    assert "info: Name nicht im Namensverzeichnis: »Schwegler«" in result.stdout
    assert result.stdout.rstrip().endswith('[names]\nlocal = ["Pehlivan", "Schwegler"]')


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
        (["check", "{tmp}/good.txt", "{tmp}/bad.txt"], None, "bad.txt: not valid UTF-8"),
        (["check", "{tmp}/empty.txt"], None, "empty.txt: the text is empty: nothing to check"),
        (["check", "{tmp}/utf16.xml"], None, "utf16.xml: its XML declaration names the encoding 'utf-16', which does"),
        (["check", "{tmp}/rot13.xml"], None, "rot13.xml: its XML declaration names 'rot13', which is no character"),
        (["check", "{tmp}/escape.xml"], None, "its XML declaration names 'unicode_escape', which is no character"),
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
    for encoding in ("utf-16", "rot13", "unicode_escape"):
        name = {"unicode_escape": "escape"}.get(encoding, encoding.replace("-", ""))
        (tmp_path / f"{name}.xml").write_text(NITF.format(encoding=encoding), encoding="utf-8")
    result = run(engine, *[arg.replace("{tmp}", str(tmp_path)) for arg in args], stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    if "{tmp}/good.txt" not in args:
        assert result.stdout == ""


@pytest.mark.parametrize("output", sorted(OUTPUTS))
def test_files_that_can_be_read_are_reported_beside_those_that_cannot(
    engine: LanguageToolClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    good, bad, empty = tmp_path / "good.txt", tmp_path / "bad.txt", tmp_path / "empty.txt"
    english, english_nitf = tmp_path / "english.md", tmp_path / "english.xml"
    good.write_text("Ein Satz mit Fehlerr.", encoding="utf-8")
    bad.write_bytes(b"Hallo\xff Welt")
    empty.write_text(" \n", encoding="utf-8")
    english.write_text("---\nlang: en\n---\nA sentence.\n", encoding="utf-8")
    english_nitf.write_text(NITF.format(encoding="UTF-8").replace("<nitf>", '<nitf baselang="en">'), "utf-8")
    paths = [str(path) for path in (good, bad, empty, tmp_path / "missing.txt", english, english_nitf)]
    status = main(["check", "--no-house", "--languagetool-url", engine.url, "--format", output, *paths])
    out, err = capsys.readouterr()
    assert status == 2
    assert "good.txt" in out and "GERMAN_SPELLER_RULE" in out
    assert not any(name in out for name in ("bad.txt", "empty.txt", "english.md", "english.xml"))
    lines = err.splitlines()
    assert f"error: {bad}: not valid UTF-8 (byte 0xff at byte offset 5)" in lines
    assert f"error: {empty}: the text is empty: nothing to check" in lines
    assert f"error: {tmp_path / 'missing.txt'}: no such file" in lines
    for path in (english, english_nitf):
        assert f"error: {path}: the document is marked as language 'en'; only German (de) is checked" in lines
    assert "wirecheck: 5 of 6 files could not be checked" in lines


def test_no_baseline_is_written_without_every_file(
    engine: LanguageToolClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text("Ein Satz mit Fehlerr.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Hallo\xff Welt")
    baseline = tmp_path / "baseline.json"
    args = ["check", "--no-house", "--languagetool-url", engine.url, "--write-baseline", str(baseline)]
    assert main([*args, str(tmp_path / "good.txt"), str(tmp_path / "bad.txt")]) == 2
    assert not baseline.exists()
    assert "not written: not every file was checked" in capsys.readouterr().err


def run_limited(*args: str, stdin: Any = None) -> subprocess.CompletedProcess[str]:
    """The command line with 2 GiB of address space, so that reading without end fails fast."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        stdin=stdin,
        capture_output=True,
        cwd=ROOT,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=limit,
    )


def test_reading_stops_at_the_text_limit() -> None:
    limit = f"one check takes at most {MAX_TEXT_LENGTH:,} characters"
    result = run_limited("check", "--input-format", "text", "/dev/zero")
    assert (result.returncode, result.stdout) == (2, "")
    assert f"error: /dev/zero: too long: more than {4 * MAX_TEXT_LENGTH + 3:,} bytes, and {limit}" in result.stderr
    with open("/dev/zero", "rb") as zeros:
        result = run_limited("check", "-", stdin=zeros)
    assert (result.returncode, result.stdout) == (2, "")
    assert "error: <stdin>: too long" in result.stderr and "Traceback" not in result.stderr


def test_short_lines_are_short_paragraphs(engine: LanguageToolClient) -> None:
    words = ["Haus", "Baum", "Auto", "Tisch", "Stuhl", "Fenster", "Tür", "Lampe"]
    lines = "\n".join(words[index % len(words)] for index in range(5_000))
    assert len(lines) > MAX_PARAGRAPH
    result = run(engine, "check", "--no-house", "--format", "json", "-", stdin=lines.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["files"][0]["issues"] == []


def run_into_a_closed_pipe(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    """The command line writing to a pipe whose reader has gone, as in `wirecheck … | head -1`."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return subprocess.run(
            [sys.executable, "-m", "checker", *args],
            stdout=writer,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            env=env,
            timeout=300,
            check=False,
        )
    finally:
        os.close(writer)


def test_a_reader_gone_ends_the_output_quietly(engine: LanguageToolClient, tmp_path: Path) -> None:
    env = dict(os.environ, LANGUAGETOOL_URL=engine.url, WIRECHECK_RUNTIME_DIR=str(tmp_path))
    for args in (["server", "status"], ["check", str(SEED_ARTICLE)]):
        result = run_into_a_closed_pipe(*args, env=env)
        assert (result.returncode, result.stderr.decode()) == (141, ""), args


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


def test_windows_1252_word_and_english_files(engine: LanguageToolClient, tmp_path: Path) -> None:
    (tmp_path / "alt.txt").write_bytes("Berlin (dpa) - Die Regirung tagt „heute“ – in Köln.\n".encode("cp1252"))
    document = docx.Document()
    document.add_heading("Haushalt beschlossen", level=1)
    document.add_paragraph("Berlin (dpa) - Die Regirung hat den Haushalt beschlossen.")
    document.save(str(tmp_path / "meldung.docx"))
    (tmp_path / "english.txt").write_text(
        "The city council voted on Tuesday to encourage new housing near the river, officials said.\n",
        encoding="utf-8",
    )
    names = [str(tmp_path / name) for name in ("alt.txt", "meldung.docx", "english.txt")]
    result = run(engine, "check", "--format", "json", "--no-model", *names)
    assert result.returncode == 2  # the English file is not checked
    assert f"{names[0]}: not UTF-8: read as windows-1252" in result.stderr
    assert f"{names[1]}: a docx file: its paragraphs and headings are checked" in result.stderr
    assert f"error: {names[2]}: the text reads as 'en'" in result.stderr
    files = {Path(entry["path"]).name: entry for entry in json.loads(result.stdout)["files"]}
    assert sorted(files) == ["alt.txt", "meldung.docx"]
    for entry in files.values():
        assert "Regirung" in [issue["text"] for issue in entry["issues"]]
    english = run(engine, "check", "--language", "de-DE", "--no-model", names[2])
    assert english.returncode in (0, 1)  # checked as German when asked to, not refused
    assert "1 file checked" in english.stdout and "reads as 'en'" not in english.stderr
