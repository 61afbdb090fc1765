"""Puts LanguageTool's jars in place: runs the Maven project shipped in this package (`maven/`)
once per version, then never again.

The jars go to `$WIRECHECK_ENGINE_DIR`, else `$XDG_CACHE_HOME/wirecheck/languagetool-<version>`,
else `~/.cache/wirecheck/languagetool-<version>`: a per-user cache, so an installed package
(whose own folder may be read-only) and every checkout on the machine share them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.engine.server import WarmUp

from checker.engine.java import find_java
from checker.errors import CheckerError, SetupError
from checker.languagetool.custom_rules import RULES_DIR

PACKAGE_DIR = Path(__file__).resolve().parent
MAVEN_PROJECT = PACKAGE_DIR / "maven"
POM = MAVEN_PROJECT / "pom.xml"
# Our own LanguageTool rule files (grammar_custom.xml); ahead of the jars on the classpath.
_PROJECT_FILES = ("pom.xml", "mvnw", ".mvn")


def pinned_version() -> str:
    """The LanguageTool version, read from the one place it is written: maven/pom.xml."""
    namespace = {"m": "http://maven.apache.org/POM/4.0.0"}
    try:
        root = ET.parse(POM).getroot()
    except (OSError, ET.ParseError) as exc:
        raise SetupError(f"cannot read the engine's Maven project {POM}: {exc}") from exc
    element = root.find("m:properties/m:languagetool.version", namespace)
    if element is None or not element.text:
        raise SetupError(f"{POM} does not set <languagetool.version>")
    return element.text.strip()


def engine_dir() -> Path:
    """Where this version's jars live (see the module docstring)."""
    configured = os.environ.get("WIRECHECK_ENGINE_DIR")
    if configured:
        return Path(configured)
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "wirecheck" / f"languagetool-{pinned_version()}"


def lib_dir() -> Path:
    return engine_dir() / "lib"


def _stamp(version: str) -> Path:
    return lib_dir() / f".installed-{version}"


def is_installed() -> bool:
    return _stamp(pinned_version()).exists()


def _maven_command(project: Path) -> list[str]:
    system_maven = shutil.which("mvn")
    if system_maven:
        return [system_maven]
    wrapper = project / "mvnw"
    if wrapper.exists():
        return ["sh", str(wrapper)]  # package data may lose its executable bit
    raise SetupError(
        "Maven is missing: install it (Debian: apt-get install maven) or restore the package's maven/mvnw."
    )


def _copy_project(target: Path) -> Path:
    """A writable copy of the Maven project, beside the jars it fetches (Maven writes there)."""
    project = target / "project"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    for name in _PROJECT_FILES:
        source = MAVEN_PROJECT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.exists():
            shutil.copy2(source, project / name)
    return project


def install(*, quiet: bool = False, warm_up: WarmUp | None = None) -> Path:
    """Download the pinned LanguageTool jars into `lib_dir()` unless they are already there (and
    record the start-up cache, its server warmed up with `warm_up`)."""
    version = pinned_version()
    if _stamp(version).exists():
        return lib_dir()
    java = find_java()
    env = dict(os.environ, JAVA_HOME=str(java.home))
    target = engine_dir()
    if not quiet:
        # stderr: stdout may be a report (`--format json`) that a pipeline reads.
        print(f"Fetching LanguageTool {version} (German) with Maven into {target} …", file=sys.stderr, flush=True)
    try:
        project = _copy_project(target)
    except OSError as exc:
        raise SetupError(f"cannot prepare {target} for LanguageTool's jars: {exc}") from exc
    if lib_dir().exists():
        shutil.rmtree(lib_dir())
    command = [*_maven_command(project), "-B", "-q", "package", f"-Dengine.lib={lib_dir()}"]
    completed = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not (lib_dir() / f"languagetool-server-{version}.jar").exists():
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-15:])
        raise SetupError(f"Maven could not fetch LanguageTool {version} (exit {completed.returncode}):\n{tail}")
    _stamp(version).write_text(version + "\n", encoding="utf-8")
    record_start_cache(quiet=quiet, warm_up=warm_up)
    return lib_dir()


def record_start_cache(*, quiet: bool = False, warm_up: WarmUp | None = None) -> Path | None:
    """The start-up cache for the Java in use, recorded now if missing (see `start_cache`); a
    failure costs only the faster start and is reported on stderr."""
    # Imported here: start_cache builds on this module.
    from checker.engine import start_cache  # noqa: PLC0415

    try:
        return start_cache.prepare(find_java(), quiet=quiet, warm_up=warm_up)
    except (CheckerError, OSError, zipfile.BadZipFile) as exc:
        print(f"LanguageTool's start-up cache was not recorded: {exc}", file=sys.stderr, flush=True)
        return None


def classpath() -> str:
    """The server's classpath: our rule overrides first, then LanguageTool's jars."""
    if not is_installed():
        raise SetupError(
            f"LanguageTool {pinned_version()} is not installed in {lib_dir()}: run `make setup` "
            "(or `wirecheck install-engine`)."
        )
    return os.pathsep.join([str(RULES_DIR), str(lib_dir() / "*")])
