"""The pre-commit hook of .pre-commit-hooks.yaml, run by the `pre-commit` tool on a temporary git
repository: it blocks a commit with an error and lets a clean one through.

The hook is used as a local hook (same files, arguments and settings), run with this checkout's
Python instead of an environment pre-commit would install from PyPI: no network needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.languagetool import LanguageToolClient

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]
CLEAN = "# Gipfel\n\nBerlin (dpa) - Die Minister trafen sich am Dienstag in Berlin.\n"
WITH_ERROR = "# Gipfel\n\nBerlin (dpa) - Der Minister sprach auf einer Presskonferenz.\n"


def git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False)


def local_hook_config() -> str:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"].startswith("wirecheck ")
    hook = hook | {"entry": f"{sys.executable} -m checker {hook['entry'].removeprefix('wirecheck ')}"}
    hook = hook | {"language": "unsupported"}
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})


def test_the_hook_passes_the_files_of_every_input_format_and_no_other_json(tmp_path: Path) -> None:
    """pre-commit's own file selection (the hook's `files` and `types`), with a hook that only
    prints the files it is given."""
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), GIT_CONFIG_GLOBAL=os.devnull)
    assert git(repo, "init", "-q", env=env).returncode == 0
    checked = ["a.md", "b.txt", "c.html", "d.xhtml", "e.nitf", "f.xml", "g.ninjs", "wire/h.ninjs.json"]
    skipped = ["package.json", "wire/data.json", "script.py", "bild.png"]
    for name in checked + skipped:
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text("x\n", encoding="utf-8")
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    printing = f"{sys.executable} -c 'import sys; print(\"given:\", *sorted(sys.argv[1:]))'"
    hook = hook | {"entry": printing, "language": "unsupported"}
    config = yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(repo, "add", ".", env=env)
    run = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    given = next(line for line in run.stdout.splitlines() if line.startswith("given:"))
    assert given.split()[1:] == sorted(checked), run.stdout + run.stderr


def test_the_hook_blocks_a_commit_with_an_error_and_passes_a_clean_one(
    engine: LanguageToolClient, tmp_path: Path
) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    env = dict(
        os.environ,
        LANGUAGETOOL_URL=engine.url,
        PYTHONPATH=str(ROOT),
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_AUTHOR_NAME="Redaktion",
        GIT_AUTHOR_EMAIL="redaktion@example.org",
        GIT_COMMITTER_NAME="Redaktion",
        GIT_COMMITTER_EMAIL="redaktion@example.org",
        GIT_CONFIG_GLOBAL=os.devnull,
    )
    assert git(repo, "init", "-q", env=env).returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(local_hook_config(), encoding="utf-8")
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (repo / "gipfel.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", ".", env=env)
    clean = git(repo, "commit", "-m", "Gipfel", env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "wirecheck (German copy)" in clean.stdout + clean.stderr

    (repo / "gipfel.md").write_text(WITH_ERROR, encoding="utf-8")
    git(repo, "add", "gipfel.md", env=env)
    blocked = git(repo, "commit", "-m", "Pressekonferenz", env=env)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    column = WITH_ERROR.splitlines()[2].index("Presskonferenz") + 1
    assert f"gipfel.md:3:{column}: error:" in output and "[HOUSE_PRESSE_FUGE" in output
    assert git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"
