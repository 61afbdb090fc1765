"""The API's gate: `fail_on` and `max_issues` in the request, `passed` in the answer, so that an
editorial system can block or warn on filing; and inline suppression comments, as on the CLI."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient

pytestmark = pytest.mark.engine

# "Presskonferenz" is an error, "Regirung" a warning in the default profile.
ERROR = "Berlin (dpa) - Der Minister sprach auf einer Presskonferenz."
WARNING = "Berlin (dpa) - Die Regirung schweigt."


@pytest.mark.parametrize(
    ("text", "gate", "passed"),
    [
        (ERROR, {}, False),
        (WARNING, {}, True),
        (WARNING, {"fail_on": "warning"}, False),
        (ERROR, {"fail_on": "never"}, True),
        (WARNING, {"fail_on": "never", "max_issues": 0}, True),
        (WARNING, {"fail_on": "error", "max_issues": 0}, False),
        (WARNING, {"fail_on": "error", "max_issues": None}, True),
    ],
)
def test_the_answer_says_whether_the_text_passed(
    client: FlaskClient, text: str, gate: dict[str, object], passed: bool
) -> None:
    response = client.post("/api/v1/check", json={"text": text, **gate})
    assert response.status_code == 200
    answer = response.get_json()
    assert answer["issues"]
    assert answer["passed"] is passed
    assert answer["fail_on"] == gate.get("fail_on", "error")


@pytest.mark.parametrize("gate", [{"fail_on": "sometimes"}, {"fail_on": 1}, {"max_issues": -1}, {"max_issues": "5"}])
def test_a_bad_gate_is_refused(client: FlaskClient, gate: dict[str, object]) -> None:
    response = client.post("/api/v1/check", json={"text": ERROR, **gate})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_request"


def test_suppression_comments_are_honoured(client: FlaskClient) -> None:
    html = f"<p>{ERROR}</p>\n<!-- wirecheck-disable HOUSE_PRESSE_FUGE -->\n<p>{ERROR}</p>\n"
    answer = client.post("/api/v1/check", json={"text": html, "format": "html"}).get_json()
    lines = [issue["line"] for issue in answer["issues"] if issue["rule"].startswith("HOUSE_PRESSE_FUGE")]
    assert lines == [1]


def test_the_openapi_document_shows_a_cms_webhook(client: FlaskClient) -> None:
    operation = client.get("/api/v1/openapi.json").get_json()["paths"]["/api/v1/check"]["post"]
    example = operation["requestBody"]["content"]["application/json"]["examples"]["cms-webhook"]["value"]
    answer = client.post("/api/v1/check", json=example).get_json()
    assert answer["passed"] is False and answer["format"] == "nitf"


def test_an_unknown_field_is_refused_by_name_not_ignored(client: FlaskClient) -> None:
    # "failOn" for "fail_on": ignored, the default gate would pass a text the sender meant to block.
    response = client.post("/api/v1/check", json={"text": WARNING, "failOn": "warning", "maxIssues": 0})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_request"
    assert "„failOn“" in error["message"] and "„maxIssues“" in error["message"] and "fail_on" in error["message"]
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["CheckRequest"]
    assert schema["additionalProperties"] is False
