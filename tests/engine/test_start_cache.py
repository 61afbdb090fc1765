"""LanguageTool's start-up cache (Java 25+): a class path of jars only, recorded once at install
time, and a server started from it finds what any server finds, our own rules included."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from checker.engine import LocalServer, install, start_cache
from checker.engine import server as server_module
from checker.engine.java import JavaRuntime, find_java
from checker.errors import SetupError
from checker.languagetool import LanguageToolClient
from checker.languagetool.custom_rules import RULES_DIR
from checker.options import CheckOptions

TEXT = "Putin lobte die Kooperationen der beiden Ländern. Das ist ein Fehlr."


def test_the_class_path_of_the_cache_has_jars_only() -> None:
    entries = [Path(entry) for entry in start_cache.classpath().split(":")]
    assert all(entry.suffix == ".jar" and entry.is_file() for entry in entries)
    assert entries[0].name.startswith("rules-"), "our rule files come first, as in the plain class path"
    installed = {jar.name for jar in install.lib_dir().glob("*.jar")}
    assert {entry.name for entry in entries[1:]} == installed


def test_the_rules_jar_holds_our_rule_files() -> None:
    rules_jar = Path(start_cache.classpath().split(":")[0])
    with zipfile.ZipFile(rules_jar) as jar:
        for path in RULES_DIR.rglob("*.xml"):
            assert jar.read(path.relative_to(RULES_DIR).as_posix()) == path.read_bytes()


def test_the_server_jar_is_copied_without_its_class_path() -> None:
    copy = Path(start_cache.classpath().split(":")[-1])
    assert copy.parent == start_cache.folder()
    with zipfile.ZipFile(copy) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode()
    assert "Class-Path" not in manifest and "Main-Class" in manifest


def test_a_class_path_attribute_goes_with_its_continuation_lines() -> None:
    manifest = "Manifest-Version: 1.0\r\nClass-Path: a.jar b.jar\r\n  c.jar ./\r\nMain-Class: X\r\n"
    assert start_cache._without_class_path(manifest) == "Manifest-Version: 1.0\r\nMain-Class: X\r\n"


@pytest.mark.engine
def test_a_server_started_from_the_cache_finds_what_a_plain_server_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    java = find_java()
    if java.major < start_cache.CACHE_MINIMUM_JAVA:
        pytest.skip(f"Java {java.major} has no ahead-of-time cache")
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", str(tmp_path))
    cache = install.record_start_cache(quiet=True)
    assert cache is not None and cache.exists()
    assert start_cache.launch(java) == ([f"-XX:AOTCache={cache}"], start_cache.classpath())
    found = []
    # AOTMode=on: the JVM refuses to start unless it can use the cache.
    for launch in ([f"-XX:AOTCache={cache}", "-XX:AOTMode=on"], start_cache.classpath()), ([], install.classpath()):
        server = LocalServer(launch=launch).start()
        try:
            answer = LanguageToolClient(server.url).query({"text": TEXT}, CheckOptions(language="de-DE"))
        finally:
            server.stop()
        found.append(sorted((m["offset"], m["length"], m["rule"]["id"]) for m in answer["matches"]))
    assert found[0] == found[1]
    assert any(rule.startswith("HOUSE_GENITIV_PLURAL") for _offset, _length, rule in found[0])


def test_a_failed_recording_leaves_nothing_and_costs_only_the_faster_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    java = find_java()
    if java.major < start_cache.CACHE_MINIMUM_JAVA:
        pytest.skip(f"Java {java.major} has no ahead-of-time cache")
    monkeypatch.setattr(start_cache, "folder", lambda: tmp_path)
    monkeypatch.setattr(start_cache, "cache_path", lambda _java, _class_path: tmp_path / "languagetool-test.aot")

    def fails(self: LocalServer, **_: object) -> LocalServer:
        (tmp_path / f"languagetool-test.{os.getpid()}.recording.config").write_text("partial")
        raise SetupError("LanguageTool exited during start")

    monkeypatch.setattr(LocalServer, "start", fails)
    assert install.record_start_cache(quiet=True) is None
    assert "start-up cache was not recorded: LanguageTool exited during start" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.recording*")) and not (tmp_path / "languagetool-test.aot").exists()
    assert start_cache.launch(java) == ([], install.classpath())


def test_a_new_cache_replaces_the_caches_and_rule_jars_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Recorded for another Java, other options or rule files, old caches would pile up (about
    50 MB each): recording one removes the others. The recording server is a stand-in here that
    writes the file its option names, as the JVM does when it exits."""

    class RecordingServer:
        def __init__(self, launch: tuple[list[str], str], warm_up: object = None) -> None:
            (self.option,), _ = launch
            self.url = "http://127.0.0.1:9"

        def start(self) -> RecordingServer:
            return self

        def stop(self, timeout: float, graceful: bool) -> None:
            Path(self.option.split("=", 1)[1]).write_bytes(b"cache")

    rules = tmp_path / "rules-new.jar"
    old = [tmp_path / "languagetool-old.aot", tmp_path / "rules-old.jar"]
    for path in [rules, *old, tmp_path / "languagetool-server-6.8.jar"]:
        path.write_bytes(b"jar")
    monkeypatch.setattr(start_cache, "folder", lambda: tmp_path)
    monkeypatch.setattr(start_cache, "classpath", lambda: os.pathsep.join([str(rules), "/elsewhere/lt.jar"]))
    monkeypatch.setattr(start_cache, "_train", lambda url: None)
    monkeypatch.setattr(server_module, "LocalServer", RecordingServer)

    java = JavaRuntime(executable=tmp_path / "java", home=tmp_path, major=start_cache.CACHE_MINIMUM_JAVA)
    cache = start_cache.prepare(java, quiet=True)
    assert cache is not None and cache.read_bytes() == b"cache"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [cache.name, "rules-new.jar", "languagetool-server-6.8.jar"]
    )
