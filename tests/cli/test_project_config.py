"""The project file (.wirecheck.toml, or [tool.wirecheck] in pyproject.toml) and its path globs."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.cli.main import main
from checker.cli.project_config import glob_pattern, load_config


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
