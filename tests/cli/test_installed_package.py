"""The package installed from its wheel, away from any checkout: `wirecheck` is a console
script, and the page's templates, static files, the default profile and the engine's Maven
project come with it as package data.

The wheel is built from a copy of the package's own files and installed without its
dependencies into a new virtual environment; the dependencies are taken from the environment
running the tests (a .pth file), so the test needs no network. What it shows is that the
package itself carries everything it needs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from checker.languagetool import LanguageToolClient

pytestmark = pytest.mark.engine

ROOT = Path(__file__).resolve().parents[2]


def _run(command: list[str], cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a new venv with the wheel of this tree installed."""
    base = tmp_path_factory.mktemp("installed")
    source = base / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "checker", source / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = base / "wheels"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(source)],
        base,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    venv = base / "venv"
    assert _run([sys.executable, "-m", "venv", str(venv)], base).returncode == 0
    wheel = next(wheels.glob("wirecheck-*.whl"))
    pip = _run([str(venv / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)], base)
    assert pip.returncode == 0, pip.stderr[-2000:]
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin"


def _clean_env(engine: LanguageToolClient) -> dict[str, str]:
    # No PYTHONPATH: the package must come from the venv, not from this checkout.
    return {"PATH": "/usr/bin:/bin", "HOME": str(Path.home()), "LANGUAGETOOL_URL": engine.url}


def test_console_script_checks_a_file(installed: Path, tmp_path: Path, engine: LanguageToolClient) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text("Das ist ein Fehlr im Kremlin.\n", encoding="utf-8")
    result = _run(
        [str(installed / "wirecheck"), "check", "--format", "json", "--fail-on", "warning", str(article)],
        tmp_path,
        env=_clean_env(engine),
    )
    assert result.returncode == 1, result.stderr  # two warnings fail the gate at warning
    document = json.loads(result.stdout)
    rules = {issue["rule"] for issue in document["files"][0]["issues"]}
    assert {"GERMAN_SPELLER_RULE", "DE_SIMPLE_REPLACE_KREMLIN"} <= rules


def test_package_data_serves_the_page_and_finds_its_engine_project(installed: Path, tmp_path: Path) -> None:
    probe = """
import checker, json
from checker.web import create_app
from checker.house import load_profile
from checker.engine import install
from checker.languagetool.custom_rules import RULES_DIR
client = create_app({"TESTING": True, "ENGINE": object()}).test_client()
page = client.get("/")
css = client.get("/static/wirecheck.css")
print(json.dumps({
    "package": checker.__file__,
    "page": page.status_code, "form": 'name="text"' in page.get_data(as_text=True),
    "css": css.status_code,
    "profile": load_profile().name,
    "version": install.pinned_version(),
    "wrapper": (install.MAVEN_PROJECT / "mvnw").exists(),
    "rules": (RULES_DIR / "org/languagetool/rules/de/grammar_custom.xml").exists(),
}))
"""
    result = _run([str(installed / "python"), "-c", probe], tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout)
    assert not found.pop("package").startswith(str(ROOT))
    assert found == {
        "page": 200,
        "form": True,
        "css": 200,
        "profile": "Agenturstil (Standard)",
        "version": "6.8",
        "wrapper": True,
        "rules": True,
    }


def test_console_script_has_the_same_commands(installed: Path, tmp_path: Path) -> None:
    result = _run([str(installed / "wirecheck"), "--help"], tmp_path, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0
    for command in ("check", "names", "languagetool", "install-engine", "serve"):
        assert command in result.stdout


def test_the_names_store_finds_its_migrations(installed: Path, tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "WIRECHECK_DATA_DIR": str(tmp_path / "data")}
    added = _run([str(installed / "wirecheck"), "names", "add", "Araghtschi", "--kind", "person"], tmp_path, env=env)
    assert added.returncode == 0, added.stderr[-2000:]
    listed = _run([str(installed / "wirecheck"), "names", "list"], tmp_path, env=env)
    assert listed.stdout == "Araghtschi\tperson\taccepted\n"
    assert (tmp_path / "data" / "names.sqlite3").exists()
