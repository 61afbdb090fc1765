"""The parts behind the CI options, without an engine: gate, globs, suppression comments, front
matter, fingerprints and the progress bar."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from checker.cli.front_matter import front_matter_language
from checker.cli.main import main
from checker.cli.progress import Progress
from checker.cli.project_config import glob_pattern, load_config
from checker.errors import CheckerError
from checker.filters.baseline import fingerprint
from checker.filters.gate import Gate
from checker.filters.suppression import suppressed_ranges, without_rules, without_suppressed
from checker.records import Category, Issue, Report


def issue(text: str, flagged: str, rule: str = "RULE", severity: str = "error", start: int = 0) -> Issue:
    offset = text.index(flagged, start)
    return Issue(offset, len(flagged), 1, offset + 1, flagged, rule, "", Category("C", "C"), "grammar", severity, "")  # type: ignore[arg-type]


def report(*severities: str) -> Report:
    text = "a " * len(severities)
    return Report(text, "de-DE", tuple(issue(text, "a", severity=s, start=2 * i) for i, s in enumerate(severities)))


@pytest.mark.parametrize(
    ("fail_on", "max_issues", "severities", "passed"),
    [
        ("error", None, ["warning", "info"], True),
        ("error", None, ["error"], False),
        ("warning", None, ["warning"], False),
        ("warning", None, ["info", "info"], True),
        ("info", None, ["info"], False),
        ("info", None, [], True),
        ("never", None, ["error"], True),
        ("never", 1, ["info", "info"], True),
        ("never", 0, ["error"], True),
        ("info", 1, ["info"], False),
        ("warning", 1, ["info", "info"], False),
        ("error", 2, ["info", "info"], True),
    ],
)
def test_gate(fail_on: str, max_issues: int | None, severities: list[str], passed: bool) -> None:
    verdict = Gate(fail_on, max_issues).judge([report(*severities)])
    assert verdict.passed is passed
    assert verdict.exit_status == (0 if passed else 1)


def test_gate_refuses_unknown_levels() -> None:
    with pytest.raises(CheckerError):
        Gate("sometimes")


def test_wirecheck_toml_beside_a_pyproject_table_wins_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tmp_path / ".wirecheck.toml").write_text('fail_on = "warning"\n', encoding="utf-8")
    assert load_config(start=tmp_path).warnings == ()  # no [tool.wirecheck]: nothing is hidden
    (tmp_path / "pyproject.toml").write_text('[tool.wirecheck]\nfail_on = "never"\n', encoding="utf-8")
    config = load_config(start=tmp_path)
    assert config.path == (tmp_path / ".wirecheck.toml").resolve() and config["fail_on"] == "warning"
    (warning,) = config.warnings
    assert "[tool.wirecheck] in" in warning and "is ignored" in warning
    assert load_config(tmp_path / ".wirecheck.toml").warnings == ()  # named with --config: no surprise
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--print-config"]) == 0
    captured = capsys.readouterr()
    assert f"wirecheck: warning: {warning}" in captured.err.splitlines()
    assert 'fail_on = "warning"' in captured.out


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("*.md", "a.md", True),
        ("*.md", "deep/er/a.md", True),
        ("*.md", "a.mdx", False),
        ("drafts", "x/drafts/a.md", True),
        ("wire/**/*.xml", "wire/a.xml", True),
        ("wire/**/*.xml", "wire/x/y/a.xml", True),
        ("wire/**/*.xml", "other/wire/a.xml", False),
        ("news/*.md", "news/sub/a.md", False),
        ("entwurf-?.md", "a/entwurf-1.md", True),
    ],
)
def test_globs(pattern: str, path: str, matches: bool) -> None:
    assert bool(glob_pattern(pattern).match(path)) is matches


def test_suppression_ranges_by_rule_and_for_all() -> None:
    source = (
        "a <!-- wirecheck-disable A, B --> x <!-- wirecheck-enable B --> y <!--wirecheck-enable--> z "
        "<!-- wirecheck-disable --> w"
    )
    comments = [(match.start(), match.end()) for match in re.finditer("<!--.*?-->", source)]
    ranges = {(source[item.start : item.end].strip(), item.rule) for item in suppressed_ranges(source, comments)}
    assert ranges == {("x", "B"), ("x <!-- wirecheck-enable B --> y", "A"), ("w", "*")}


def test_enable_rule_switches_one_rule_on_inside_a_disable_of_all() -> None:
    source = (
        "Fehlerr <!-- wirecheck-disable --> Fehlerr, 3 <!-- wirecheck-enable SPELL --> Fehlerr, 3 "
        "<!-- wirecheck-disable SPELL --> Fehlerr <!-- wirecheck-enable --> Fehlerr"
    )
    spelling = [issue(source, "Fehlerr", "SPELL[2]", start=start) for start in _starts(source, "Fehlerr")]
    numbers = [issue(source, "3", "NUMBERS", start=start) for start in _starts(source, "3")]
    report = Report(source, "de-DE", tuple(sorted([*spelling, *numbers], key=lambda i: i.offset)), format="html")
    kept = [(item.rule, item.offset) for item in without_suppressed(report).issues]
    assert kept == [
        ("SPELL[2]", spelling[0].offset),
        ("SPELL[2]", spelling[2].offset),
        ("SPELL[2]", spelling[4].offset),
    ]


def _starts(text: str, word: str) -> list[int]:
    return [index for index in range(len(text)) if text.startswith(word, index)]


@pytest.mark.parametrize(
    ("source", "format"),
    [
        ("Fehlerr\n\n```html\n<!-- wirecheck-disable -->\n```\n\nFehlerr\n", "markdown"),
        ("Fehlerr\n\n    <!-- wirecheck-disable -->\n\nFehlerr\n", "markdown"),
        ("Fehlerr `<!-- wirecheck-disable -->` Fehlerr\n", "markdown"),
        ("<p>Fehlerr</p><script>/* <!-- wirecheck-disable --> */</script><p>Fehlerr</p>", "html"),
        (
            "<nitf><body><body.content><p>Fehlerr</p><p><![CDATA[<!-- wirecheck-disable -->]]></p>"
            "<p>Fehlerr</p></body.content></body></nitf>",
            "nitf",
        ),
    ],
)
def test_a_directive_shown_in_code_is_no_comment(source: str, format: str) -> None:
    findings = tuple(issue(source, "Fehlerr", "SPELL", start=start) for start in _starts(source, "Fehlerr"))
    assert without_suppressed(Report(source, "de-DE", findings, format=format)).issues == findings


@pytest.mark.parametrize(
    "source",
    [
        "Fehlerr\n\n<!-- wirecheck-disable -->\n\nFehlerr\n",
        "Fehlerr\n\n<!--\nwirecheck-disable SPELL\n-->\n\nFehlerr\n",
        "Fehlerr <!-- wirecheck-disable --> Fehlerr\n",
        "Fehlerr\n\n> <!-- wirecheck-disable -->\n\nFehlerr\n",
        "Fehlerr\n\n<!-- wirecheck-disable -->Fehlerr\n",
    ],
)
def test_a_markdown_comment_switches_findings_off(source: str) -> None:
    findings = tuple(issue(source, "Fehlerr", "SPELL", start=start) for start in _starts(source, "Fehlerr"))
    assert without_suppressed(Report(source, "de-DE", findings, format="markdown")).issues == findings[:1]


def test_suppression_only_in_formats_with_comments() -> None:
    source = "Fehlerr <!-- wirecheck-disable --> Fehlerr"
    findings = (issue(source, "Fehlerr", "SPELL[2]"), issue(source, "Fehlerr", "SPELL[2]", start=10))
    html = Report(source, "de-DE", findings, format="html")
    assert [item.offset for item in without_suppressed(html).issues] == [0]
    assert without_suppressed(Report(source, "de-DE", findings, format="text")).issues == findings
    assert without_rules(html, ["SPELL"]).issues == ()


def test_front_matter_language() -> None:
    assert front_matter_language("---\ntitle: x\nlang: de-ch\n---\n# T") == "de-CH"
    assert front_matter_language('---\nlanguage: "de"\n...\nText') == "de-DE"
    assert front_matter_language("# T\nlang: de-AT\n") is None
    with pytest.raises(CheckerError):
        front_matter_language("---\nlang: en\n---\n")


def test_fingerprints_survive_edits_elsewhere_but_not_next_to_the_finding() -> None:
    text = "Erster Absatz.\n\nDie Regirung plant eine Reform der Rente."
    moved = "Ganz neuer Absatz davor.\n\n" + text.replace("Erster", "Geänderter")
    reflowed = text.replace("plant eine", "plant\neine")
    neighbour = text.replace("plant", "beschließt")
    prints = [fingerprint(issue(version, "Regirung"), version) for version in (text, moved, reflowed, neighbour)]
    assert prints[0] == prints[1] == prints[2] != prints[3]


def test_progress_is_drawn_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress(3, stream)
        for _ in range(3):
            progress.advance()
        progress.close()
    assert "3/3 files" in terminal.getvalue() and terminal.getvalue().endswith("\r\x1b[2K")
    assert log.getvalue() == ""
