"""Which Java runs LanguageTool: JAVA_HOME's if it is 17 or later, else the newest one found,
its version read from the JDK's `release` file without starting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine import java


def _jdk(root: Path, name: str, version: str | None) -> Path:
    home = root / name
    (home / "bin").mkdir(parents=True)
    executable = home / "bin" / "java"
    executable.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    if version is not None:
        (home / "release").write_text(f'IMPLEMENTOR="Test"\nJAVA_VERSION="{version}"\n', encoding="utf-8")
    return executable


@pytest.mark.parametrize(("version", "major"), [("17.0.15", 17), ("25.0.3", 25), ("1.8.0_392", 8), ("21", 21)])
def test_the_version_comes_from_the_release_file(tmp_path: Path, version: str, major: int) -> None:
    assert java._major_version(_jdk(tmp_path, "jdk", version)) == major


def test_the_newest_java_is_chosen_the_first_on_a_tie(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    candidates = [
        _jdk(tmp_path, "a17", "17.0.15"),
        _jdk(tmp_path, "b25", "25.0.3"),
        _jdk(tmp_path, "c11", "11.0.2"),
        _jdk(tmp_path, "d25", "25.0.2"),
    ]
    monkeypatch.setattr(java, "_candidates", lambda: candidates)
    chosen = java.find_java()
    assert (chosen.major, chosen.home.name) == (25, "b25")


def test_java_home_chooses_when_it_is_recent_enough(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    newest = _jdk(tmp_path, "jdk25", "25.0.3")
    monkeypatch.setattr(java, "_candidates", lambda: [newest])
    monkeypatch.setenv("JAVA_HOME", str(_jdk(tmp_path, "jdk17", "17.0.15").parent.parent))
    assert java.find_java().home.name == "jdk17"
    monkeypatch.setenv("JAVA_HOME", str(_jdk(tmp_path, "jdk11", "11.0.2").parent.parent))
    assert java.find_java().home.name == "jdk25"


def test_too_old_javas_are_named_in_the_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JAVA_HOME", raising=False)
    old = _jdk(tmp_path, "jdk11", "11.0.2")
    monkeypatch.setattr(java, "_candidates", lambda: [old])
    with pytest.raises(java.SetupError, match=r"needs Java 17 or later.*jdk11.*Java 11"):
        java.find_java()
