"""Puts LanguageTool's jars in place: runs the Maven project in engine/ once, then never again."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from checker.engine.java import find_java
from checker.errors import SetupError

ENGINE_DIR = Path(os.environ.get("WIRECHECK_ENGINE_DIR", Path(__file__).resolve().parents[2] / "engine"))
POM = ENGINE_DIR / "pom.xml"
LIB_DIR = ENGINE_DIR / "lib"
# Our own LanguageTool rule files (grammar_custom.xml); ahead of the jars on the classpath.
RULES_DIR = ENGINE_DIR / "rules"


def pinned_version() -> str:
    """The LanguageTool version, read from the one place it is written: engine/pom.xml."""
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    try:
        root = ET.parse(POM).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SetupError(f"cannot read the engine's Maven project {POM}: {exc}") from exc
    element = root.find("m:properties/m:languagetool.version", namespace)
    if element is None or not element.text:
        raise SetupError(f"{POM} does not set <languagetool.version>")
    return element.text.strip()


def _stamp(version: str) -> Path:
    return LIB_DIR / f".installed-{version}"


def is_installed() -> bool:
    return _stamp(pinned_version()).exists()


def _maven_command() -> list[str]:
    system_maven = shutil.which("mvn")
    if system_maven:
        return [system_maven]
    wrapper = ENGINE_DIR / "mvnw"
    if wrapper.exists():
        return [str(wrapper)]
    raise SetupError("Maven is missing: install it (Debian: apt-get install maven) or restore engine/mvnw.")


def install(*, quiet: bool = False) -> Path:
    """Download the pinned LanguageTool jars into engine/lib unless they are already there."""
    version = pinned_version()
    if _stamp(version).exists():
        return LIB_DIR
    java = find_java()
    env = dict(os.environ, JAVA_HOME=str(java.home))
    command = [*_maven_command(), "-B", "-q", "package"]
    if not quiet:
        print(f"Fetching LanguageTool {version} (German) with Maven into {LIB_DIR} …", flush=True)
    if LIB_DIR.exists():
        shutil.rmtree(LIB_DIR)
    completed = subprocess.run(command, cwd=ENGINE_DIR, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not (LIB_DIR / f"languagetool-server-{version}.jar").exists():
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-15:])
        raise SetupError(f"Maven could not fetch LanguageTool {version} (exit {completed.returncode}):\n{tail}")
    _stamp(version).write_text(version + "\n", encoding="utf-8")
    return LIB_DIR


def classpath() -> str:
    """The server's classpath: our rule overrides first, then LanguageTool's jars."""
    if not is_installed():
        raise SetupError(
            f"LanguageTool {pinned_version()} is not installed in {LIB_DIR}: run `make setup` "
            "(or `python -m checker install-engine`)."
        )
    return os.pathsep.join([str(RULES_DIR), str(LIB_DIR / "*")])
