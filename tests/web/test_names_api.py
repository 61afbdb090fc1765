"""The names dictionary's JSON API on SQLite and PostgreSQL: adding, listing, changing and
deleting, its validation and guard, and the OpenAPI document that describes it."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from checker.languagetool import LanguageToolClient
from checker.web import create_app
from tests.commands import wirecheck
from tests.fakes import OverlappingEngine


def _app(database: str, **settings: Any) -> Flask:
    return create_app({"TESTING": True, "ENGINE": OverlappingEngine(), "DATABASE_URL": database, **settings})


def test_add_list_change_delete(names_database: str) -> None:
    client = _app(names_database).test_client()
    added = client.post("/api/v1/names", json={"name": "Araghtschi", "kind": "person", "variants": ["Araghchi"]})
    assert added.status_code == 201
    entry = added.get_json()["name"]
    assert (entry["name"], entry["kind"], entry["variants"], entry["status"], entry["added_by"]) == (
        "Araghtschi",
        "person",
        ["Araghchi"],
        "accepted",
        "api",
    )
    assert added.get_json()["created"] is True
    again = client.post("/api/v1/names", json={"name": "Araghtschi"})
    assert again.status_code == 200 and again.get_json()["created"] is False

    client.post("/api/v1/names", json={"name": "Kaikanten", "status": "proposed", "kind": "place"})
    listed = client.get("/api/v1/names").get_json()["names"]
    assert [(e["name"], e["status"]) for e in listed] == [("Araghtschi", "accepted"), ("Kaikanten", "proposed")]
    assert [e["name"] for e in client.get("/api/v1/names?status=proposed").get_json()["names"]] == ["Kaikanten"]
    assert [e["name"] for e in client.get("/api/v1/names?kind=person").get_json()["names"]] == ["Araghtschi"]
    assert [e["name"] for e in client.get("/api/v1/names?q=chi").get_json()["names"]] == ["Araghtschi"]

    changed = client.patch("/api/v1/names/Kaikanten", json={"status": "accepted", "name": "Kai-Kanten"})
    assert changed.status_code == 200 and changed.get_json()["name"]["name"] == "Kai-Kanten"
    assert client.patch("/api/v1/names/Kai-Kanten", json={"name": "Araghtschi"}).status_code == 409
    assert client.patch("/api/v1/names/Niemand", json={"status": "accepted"}).status_code == 404
    assert client.patch("/api/v1/names/Kai-Kanten", json={}).status_code == 400

    assert client.delete("/api/v1/names/Kai-Kanten").status_code == 204
    missing = client.delete("/api/v1/names/Kai-Kanten")
    assert missing.status_code == 404
    assert missing.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "name"),
        ({"name": "Putin<script>alert(1)</script>"}, "Zeichen"),
        ({"name": "x" * 101}, "zu lang"),
        ({"name": "Putin", "kind": "human"}, "Art"),
        ({"name": "Putin", "status": "maybe"}, "Status"),
        ({"name": "Putin", "variants": "Putin<b>"}, "Variante"),
        ({"name": "Putin", "Kind": "person"}, "Unbekannte Felder"),
        ([], "JSON-Objekt"),
    ],
)
def test_bad_entries_are_refused_with_a_message(tmp_path: Any, body: Any, field: str) -> None:
    answer = _app(f"sqlite:///{tmp_path / 'n.sqlite3'}").test_client().post("/api/v1/names", json=body)
    assert answer.status_code == 400
    assert answer.get_json()["error"]["code"] == "invalid_request"
    assert field in answer.get_json()["error"]["message"]


def test_concurrent_posts_of_one_name_make_one_entry(names_database: str) -> None:
    app = _app(names_database)
    statuses: list[int] = []
    start = threading.Barrier(6)

    def post() -> None:
        start.wait()
        statuses.append(app.test_client().post("/api/v1/names", json={"name": "Selenskyj"}).status_code)

    threads = [threading.Thread(target=post) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 5 + [201]
    assert len(app.test_client().get("/api/v1/names").get_json()["names"]) == 1


def test_tokens_guard_the_names_and_name_who_added(tmp_path: Any) -> None:
    app = _app(f"sqlite:///{tmp_path / 'n.sqlite3'}", API_TOKENS={"desk": "s3cret", "cms": "other"})
    client = app.test_client()
    assert client.get("/api/v1/names").status_code == 401
    assert client.post("/api/v1/names", json={"name": "Rohani"}).status_code == 401
    assert client.delete("/api/v1/names/Rohani").status_code == 401
    # The page's header alone opens nothing: it needs the session's access key.
    assert (
        client.post("/api/v1/names", json={"name": "Rohani"}, headers={"X-Wirecheck-Client": "page"}).status_code == 401
    )
    added = client.post("/api/v1/names", json={"name": "Rohani"}, headers={"Authorization": "Bearer s3cret"})
    assert added.status_code == 201 and added.get_json()["name"]["added_by"] == "desk"


def test_the_page_adds_as_the_setting_says(tmp_path: Any) -> None:
    for setting, expected in (("proposed", "proposed"), ("accepted", "accepted")):
        app = _app(f"sqlite:///{tmp_path / setting}.sqlite3", NAMES_FROM_EDITORS=setting)
        answer = app.test_client().post(
            "/api/v1/names",
            json={"name": "Schwegler", "seen_in": "Bei Rapid spielte Schwegler", "status": "accepted"},
            headers={"X-Wirecheck-Client": "page"},
        )
        entry = answer.get_json()["name"]
        assert (entry["status"], entry["added_by"], entry["seen_in"]) == (
            expected,
            "web",
            "Bei Rapid spielte Schwegler",
        )


def test_an_unreachable_database_is_503_with_retry_after(tmp_path: Any) -> None:
    client = _app(f"postgresql://postgres@/wirecheck?host={tmp_path}/none").test_client()
    for answer in (client.get("/api/v1/names"), client.post("/api/v1/names", json={"name": "Rohani"})):
        assert answer.status_code == 503
        assert answer.get_json()["error"]["code"] == "names_unavailable"
        assert "Namensverzeichnis" in answer.get_json()["error"]["message"]
        assert answer.headers["Retry-After"]


def test_a_database_url_that_cannot_work_stops_the_start() -> None:
    with pytest.raises(Exception, match="DATABASE_URL"):
        create_app({"TESTING": True, "ENGINE": OverlappingEngine(), "DATABASE_URL": "nosuchdb://x"})


def test_openapi_describes_the_names_api(tmp_path: Any) -> None:
    document = _app(f"sqlite:///{tmp_path / 'n.sqlite3'}").test_client().get("/api/v1/openapi.json").get_json()
    names, item = document["paths"]["/api/v1/names"], document["paths"]["/api/v1/names/{name}"]
    assert set(names) == {"get", "post"} and {"patch", "delete"} <= set(item)
    schemas = document["components"]["schemas"]
    assert schemas["NameRequest"]["required"] == ["name"]
    assert set(schemas["NameRequest"]["properties"]) == {"name", "kind", "variants", "status", "seen_in"}
    entry = _app(f"sqlite:///{tmp_path / 'n.sqlite3'}").test_client().post("/api/v1/names", json={"name": "Rohani"})
    assert (
        set(entry.get_json()["name"])
        == set(schemas["NameEntry"]["properties"])
        == set(schemas["NameEntry"]["required"])
    )
    assert {"201", "200", "400", "401", "503"} <= set(names["post"]["responses"])
    assert {"204", "404"} <= set(item["delete"]["responses"])


# ---- A name accepted once is known to every check ---------------------------------------------

TEXT = "Die Lage sei ruhig. Bei Rapid spielte Schwegler gut.\n"


@pytest.mark.engine
def test_an_accepted_name_is_known_to_every_check(
    names_database: str, engine: LanguageToolClient, tmp_path: Path
) -> None:
    settings = {"TESTING": True, "LANGUAGETOOL_URL": engine.url, "DATABASE_URL": names_database}
    client = create_app(settings).test_client()
    article = tmp_path / "artikel.txt"
    article.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ, LANGUAGETOOL_URL=engine.url, WIRECHECK_DATABASE_URL=names_database)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")  # the report cache too must see the change

    def flagged(web: FlaskClient) -> dict[str, set[str]]:
        api = web.post("/api/v1/check", json={"text": TEXT}).get_json()["issues"]
        v2 = web.post("/v2/check", data={"text": TEXT, "language": "de-DE"}).get_json()["matches"]
        cli = wirecheck(env, "check", "--format", "json", "--no-config", str(article), timeout=180)
        assert cli.returncode in (0, 1), cli.stderr
        return {
            "api": {issue["text"] for issue in api},
            "v2": {TEXT[match["offset"] : match["offset"] + match["length"]] for match in v2},
            "cli": {issue["text"] for issue in json.loads(cli.stdout)["files"][0]["issues"]},
        }

    assert all("Schwegler" in found for found in flagged(client).values())
    added = client.post("/api/v1/names", json={"name": "Schwegler", "kind": "person"})
    assert added.status_code == 201
    assert not any("Schwegler" in found for found in flagged(client).values())
    # Another app (a restart, another host) on the same database knows it too.
    restarted = create_app(settings).test_client()
    assert "Schwegler" not in flagged(restarted)["api"]
    exported = wirecheck(env, "names", "export")
    assert exported.returncode == 0 and 'person = [\n  "Schwegler",\n]' in exported.stdout
    removed = wirecheck(env, "names", "remove", "Schwegler")
    assert removed.returncode == 0, removed.stderr
    assert all("Schwegler" in found for found in flagged(restarted).values())


@pytest.mark.engine
def test_checks_go_on_while_the_dictionary_does_not_answer(engine: LanguageToolClient, tmp_path: Path) -> None:
    settings = {"LANGUAGETOOL_URL": engine.url, "DATABASE_URL": f"postgresql://postgres@/x?host={tmp_path}/gone"}
    client = create_app({"TESTING": True, **settings}).test_client()
    answer = client.post("/api/v1/check", json={"text": TEXT})
    assert answer.status_code == 200
    # The profile's names still count: "Putin" is no unknown word.
    assert "Putin" not in {
        i["text"] for i in client.post("/api/v1/check", json={"text": "Putin sagte das."}).get_json()["issues"]
    }
    page = client.post("/check", data={"text": TEXT})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Das Namensverzeichnis ist gerade nicht erreichbar" in html
    assert 'data-state="unavailable"' in html
    # The command line says so and checks.
    env = dict(os.environ, LANGUAGETOOL_URL=engine.url, WIRECHECK_DATABASE_URL=settings["DATABASE_URL"])
    article = tmp_path / "artikel.txt"
    article.write_text(TEXT, encoding="utf-8")
    cli = wirecheck(env, "check", "--no-config", "--no-cache", str(article), timeout=180)
    assert cli.returncode in (0, 1)
    assert "checking with the profile's names alone" in cli.stderr
