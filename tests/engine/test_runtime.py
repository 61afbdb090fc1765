"""The runtime folder and its state files are trusted only when they are this user's and nobody
else can write to them (checker/engine/runtime.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from checker.engine.runtime import read_state, runtime_dir, write_state
from checker.errors import SetupError

NOBODY = 65534
as_root = pytest.mark.skipif(os.getuid() != 0, reason="giving a file to another user needs root")


def test_a_new_folder_is_made_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path / "runtime"))
    assert runtime_dir() == tmp_path / "runtime"
    assert (tmp_path / "runtime").stat().st_mode & 0o777 == 0o700


@as_root
def test_a_folder_another_user_made_first_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planted = tmp_path / "wirecheck"
    planted.mkdir(mode=0o700)
    os.chown(planted, NOBODY, NOBODY)
    monkeypatch.delenv("WIRECHECK_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    with pytest.raises(SetupError, match=f"belongs to user id {NOBODY}") as refused:
        runtime_dir()
    assert refused.value.reason == "runtime_unsafe" and str(planted) in refused.value.message


def test_a_folder_others_can_write_to_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "runtime"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(shared))
    with pytest.raises(SetupError, match="can be written by other users"):
        runtime_dir()


def test_a_link_in_place_of_the_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "elsewhere").mkdir(mode=0o700)
    (tmp_path / "wirecheck").symlink_to(tmp_path / "elsewhere")
    monkeypatch.delenv("WIRECHECK_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    with pytest.raises(SetupError, match="symbolic link"):
        runtime_dir()


def test_a_state_file_is_read_back(tmp_path: Path) -> None:
    write_state(tmp_path / "state.json", {"url": "http://127.0.0.1:1"})
    assert read_state(tmp_path / "state.json") == {"url": "http://127.0.0.1:1"}
    assert read_state(tmp_path / "absent.json") is None


@as_root
def test_a_state_file_of_another_user_is_refused(tmp_path: Path) -> None:
    planted = tmp_path / "state.json"
    planted.write_text(json.dumps({"url": "http://127.0.0.1:1"}), encoding="utf-8")
    os.chown(planted, NOBODY, NOBODY)
    with pytest.raises(SetupError, match="belongs to user id"):
        read_state(planted)


def test_a_state_file_others_can_write_to_is_refused(tmp_path: Path) -> None:
    planted = tmp_path / "state.json"
    planted.write_text(json.dumps({"url": "http://127.0.0.1:1"}), encoding="utf-8")
    planted.chmod(0o666)
    with pytest.raises(SetupError, match="can be written by other users"):
        read_state(planted)
    planted.chmod(0o644)
    (tmp_path / "link.json").symlink_to(planted)
    with pytest.raises(SetupError, match="symbolic link"):
        read_state(tmp_path / "link.json")
