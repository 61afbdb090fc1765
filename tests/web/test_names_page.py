"""The names review page: listing and filtering, approving, rejecting, editing, adding and
deleting, the read-only view without an access key, refusals that keep what was typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from checker.names import NameStore, new_entry
from checker.web import create_app
from tests.fakes import OverlappingEngine


def _app(database: str, **settings: Any) -> Flask:
    return create_app({"TESTING": True, "ENGINE": OverlappingEngine(), "DATABASE_URL": database, **settings})


def _filled(database: str) -> NameStore:
    store = NameStore(database)
    store.add(new_entry("Araghtschi", kind="person", variants=["Araghchi"]))
    store.add(new_entry("Wahidi", status="proposed", added_by="web", seen_in="Sprecher Ahmad Wahidi sagte"))
    store.add(new_entry("Kaikanten", kind="place", status="rejected"))
    return store


def _rows(client: FlaskClient, query: str = "") -> list[str]:
    html = client.get("/names" + query).get_data(as_text=True)
    return [
        part.split('"', 1)[0]
        for part in html.split('class="name-row')[1:]
        for part in [part.split('data-name="', 1)[1]]
    ]


def _post(client: FlaskClient, **form: str) -> Any:
    return client.post("/names", data=form, headers={"Origin": "http://localhost"})


def test_lists_and_filters(names_database: str) -> None:
    _filled(names_database)
    client = _app(names_database).test_client()
    page = client.get("/names")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Sprecher Ahmad Wahidi sagte" in html and "Araghchi" in html
    assert _rows(client) == ["Araghtschi", "Kaikanten", "Wahidi"]
    assert _rows(client, "?status=proposed") == ["Wahidi"]
    assert _rows(client, "?kind=place") == ["Kaikanten"]
    assert _rows(client, "?q=araghchi") == ["Araghtschi"]


def test_approve_reject_edit_add_delete(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    store = _filled(database)
    client = _app(database).test_client()

    done = _post(client, action="accept", name="Wahidi", f_status="proposed")
    assert done.status_code == 303 and "status=proposed" in done.headers["Location"]
    assert store.get("Wahidi").status == "accepted"
    assert "„Wahidi“ ist angenommen" in client.get(done.headers["Location"]).get_data(as_text=True)

    _post(client, action="reject", name="Araghtschi")
    assert store.get("Araghtschi").status == "rejected"

    _post(client, action="save", name="Kaikanten", new_name="Kai-Kanten", kind="other", variants="Kaikante, Kaykanten")
    edited = store.get("Kai-Kanten")
    assert (edited.kind, edited.variants) == ("other", ("Kaikante", "Kaykanten"))

    _post(client, action="add", new_name="Mirsajew", kind="person", variants="")
    added = store.get("Mirsajew")
    assert (added.status, added.added_by) == ("accepted", "web")

    _post(client, action="delete", name="Mirsajew")
    assert store.get("Mirsajew") is None


def test_a_refused_change_keeps_what_was_typed(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    _filled(database)
    client = _app(database).test_client()
    refused = _post(client, action="save", name="Wahidi", new_name="Wahidi<b>", kind="person", variants="Vahidi")
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "Das hat nicht geklappt." in html
    assert 'value="Wahidi&lt;b&gt;"' in html and 'value="Vahidi"' in html  # the edit form, open, as typed
    assert "<b>" not in html.split('id="error-message"', 1)[1].split("</div>", 1)[0].replace("<strong>", "")
    added = _post(client, action="add", new_name="Araghtschi", kind="person", variants="")
    assert added.status_code == 303  # there already: one entry, nothing lost
    taken = _post(client, action="save", name="Wahidi", new_name="Araghtschi", kind="person", variants="")
    assert taken.status_code == 409 and "gibt es schon" in taken.get_data(as_text=True)


@pytest.mark.parametrize(
    "headers",
    [{"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"}],
)
def test_another_site_cannot_change_names(tmp_path: Path, headers: dict[str, str]) -> None:
    database = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    store = _filled(database)
    client = _app(database).test_client()
    answer = client.post("/names", data={"action": "delete", "name": "Wahidi"}, headers=headers)
    assert answer.status_code == 400
    assert "nur von dieser Seite aus" in answer.get_data(as_text=True)
    assert store.get("Wahidi") is not None
    # This site's own page (as browsers say it, under the no-referrer policy too) may.
    own_page = {"Sec-Fetch-Site": "same-origin", "Origin": "null"}
    own = client.post("/names", data={"action": "delete", "name": "Wahidi"}, headers=own_page)
    assert own.status_code == 303 and store.get("Wahidi") is None


def test_with_tokens_the_page_is_read_only_until_the_key_is_given(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'n.sqlite3'}"
    store = _filled(database)
    client = _app(database, API_TOKENS={"desk": "s3cret"}).test_client()
    page = client.get("/names").get_data(as_text=True)
    assert "Nur lesen" in page and 'value="accept"' not in page and "Wahidi" in page
    refused = _post(client, action="accept", name="Wahidi")
    assert refused.status_code == 401 and "Zugangsschlüssel" in refused.get_data(as_text=True)
    assert _post(client, action="unlock", access_key="wrong").status_code == 401
    assert _post(client, action="unlock", access_key="s3cret").status_code == 303
    assert 'value="accept"' in client.get("/names").get_data(as_text=True)
    assert _post(client, action="accept", name="Wahidi").status_code == 303
    assert store.get("Wahidi").status == "accepted"
    # The session's key also lets the page's own script add names through the API.
    answer = client.post("/api/v1/names", json={"name": "Mirsajew"}, headers={"X-Wirecheck-Client": "page"})
    assert answer.status_code == 201 and answer.get_json()["name"]["added_by"] == "web"


def test_the_page_says_when_the_dictionary_does_not_answer(tmp_path: Path) -> None:
    client = _app(f"postgresql://postgres@/x?host={tmp_path}/gone").test_client()
    page = client.get("/names")
    assert page.status_code == 503
    assert "Das Namensverzeichnis ist gerade nicht erreichbar" in page.get_data(as_text=True)
