"""LanguageTool's start-up cache: from Java 25 on, one training run at install time records the
classes LanguageTool loads and links and the methods it runs hot (the JVM's ahead-of-time cache,
JEPs 483, 514 and 515); every later server starts from that record and answers its first German
check seconds sooner (docs/benchmarks.md, "Engine start").

The cache takes jars only, no folder, on its class path: our rule files go into a jar of their own
(named by their content), and LanguageTool's server jar is copied without its manifest's
Class-Path, which names the jar folder itself; every jar is on the class path by name anyway.
A cache belongs to one Java, its options and one class path (its file name is a digest of them);
a JVM that cannot use it, and any Java before 25, starts without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.engine.server import WarmUp

from checker.engine import install
from checker.engine.java import JVM_OPTIONS, JavaRuntime
from checker.languagetool.custom_rules import RULES_DIR

CACHE_MINIMUM_JAVA = 25
_SERVER_JAR = "languagetool-server-{version}.jar"


def folder() -> Path:
    return install.engine_dir() / "start-cache"


def classpath() -> str:
    """The jars-only class path: our rule files first, then LanguageTool's jars."""
    jars = sorted(install.lib_dir().glob("*.jar"))
    server = install.lib_dir() / _SERVER_JAR.format(version=install.pinned_version())
    return os.pathsep.join(
        [str(_rules_jar()), *(str(jar) for jar in jars if jar != server), str(_server_jar_copy(server))]
    )


def cache_path(java: JavaRuntime, class_path: str) -> Path:
    """Where the cache of this Java, its options and `class_path` is (it may not exist)."""
    recorded_for = "\0".join([str(java.executable), str(java.major), *JVM_OPTIONS, class_path])
    key = hashlib.sha256(recorded_for.encode()).hexdigest()[:16]
    return folder() / f"languagetool-{key}.aot"


def launch(java: JavaRuntime) -> tuple[list[str], str]:
    """JVM options and class path for a server: with the cache if there is one for this Java."""
    if java.major >= CACHE_MINIMUM_JAVA and install.is_installed():
        class_path = classpath()
        path = cache_path(java, class_path)
        if path.exists():
            return [f"-XX:AOTCache={path}"], class_path
    return [], install.classpath()


def prepare(java: JavaRuntime, *, quiet: bool = False, warm_up: WarmUp | None = None) -> Path | None:
    """Make the cache for `java` unless it exists or the Java is too old: a server started to
    record, warmed up as every server is, and stopped (the JVM writes the cache as it exits)."""
    if java.major < CACHE_MINIMUM_JAVA:
        return None
    class_path = classpath()
    path = cache_path(java, class_path)
    if path.exists():
        return path
    # Imported here: the server uses this module to start.
    from checker.engine.server import LocalServer, WarmUp  # noqa: PLC0415

    warm_up = warm_up or WarmUp()

    if not quiet:
        print("Recording LanguageTool's start-up cache (once, about 20 s) …", file=sys.stderr, flush=True)
    recording = path.with_name(f"{path.stem}.{os.getpid()}.recording")
    server = LocalServer(launch=([f"-XX:AOTCacheOutput={recording}"], class_path), warm_up=warm_up)
    try:
        try:
            server.start()
            if warm_up.training:
                _train(server.url, warm_up)
        finally:
            server.stop(timeout=300, graceful=True)
        if recording.exists():
            os.replace(recording, path)
            _remove_others(path, class_path)
    finally:
        for leftover in folder().glob(f"{recording.name}*"):  # a failed recording, its configuration
            leftover.unlink(missing_ok=True)
    return path if path.exists() else None


def _remove_others(cache: Path, class_path: str) -> None:
    """One cache is kept: a new one (for another Java, other JVM options or rule files) replaces
    the caches and rule jars before it (about 50 MB each). A server still running from them
    keeps its open files."""
    kept = {cache, *(Path(entry) for entry in class_path.split(os.pathsep))}
    for old in [*folder().glob("languagetool-*.aot"), *folder().glob("rules-*.jar")]:
        if old not in kept:
            old.unlink(missing_ok=True)


def _train(url: str, warm_up: WarmUp) -> None:
    """Checks as users send them, beyond the warm-up's: the caller's training sentences (the house
    rules' examples: agency copy with and without errors), with the warm-up's parameters."""
    with contextlib.suppress(OSError):
        urllib.request.urlopen(
            url + "/v2/check", data=warm_up.request("\n\n".join(warm_up.training)), timeout=300
        ).close()


def _rules_jar() -> Path:
    files = sorted(path for path in RULES_DIR.rglob("*.xml") if path.is_file())
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(RULES_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    target = folder() / f"rules-{digest.hexdigest()[:16]}.jar"
    if not target.exists():
        _write_atomically(target, lambda jar: _pack(jar, files))
    return target


def _pack(jar: zipfile.ZipFile, files: list[Path]) -> None:
    for path in files:
        jar.write(path, path.relative_to(RULES_DIR).as_posix())


def _server_jar_copy(server: Path) -> Path:
    target = folder() / server.name
    if not target.exists():
        _write_atomically(target, lambda jar: _copy_without_class_path(server, jar))
    return target


def _copy_without_class_path(source_path: Path, target: zipfile.ZipFile) -> None:
    with zipfile.ZipFile(source_path) as source:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "META-INF/MANIFEST.MF":
                data = _without_class_path(data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)


def _without_class_path(manifest: str) -> str:
    """The manifest without its Class-Path attribute (and that attribute's continuation lines)."""
    kept: list[str] = []
    skipping = False
    for line in manifest.replace("\r\n", "\n").split("\n"):
        skipping = line.startswith("Class-Path:") or (skipping and line.startswith(" "))
        if not skipping:
            kept.append(line)
    return "\r\n".join(kept)


def _write_atomically(target: Path, fill: Callable[[zipfile.ZipFile], None]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as jar:
        fill(jar)
    os.replace(partial, target)
