"""language-tool-python (PyPI), used as a client only: `LanguageTool(…, remote_server=URL)`
pointed at the checker gets the house findings, in places that slice the text it sent."""

from __future__ import annotations

from collections import Counter

import pytest
from language_tool_python import LanguageTool

from tests.clients.conftest import api_findings, assert_house_findings_without_name_alarms

pytestmark = pytest.mark.engine


def test_language_tool_python_gets_the_house_findings(server_url: str, article: str) -> None:
    with LanguageTool("de-DE", remote_server=server_url) as tool:
        matches = tool.check(article)
        tool.disabled_categories = {"HOUSE_WIRE"}
        without_wire = tool.check(article)
    # language-tool-python turns LanguageTool's UTF-16 offsets into Python's (code points)
    # itself; lengths it leaves as they are, and no finding here spans an emoji.
    found = Counter((match.rule_id, article[match.offset : match.offset + match.error_length]) for match in matches)
    assert found == api_findings(server_url, article)
    assert_house_findings_without_name_alarms(found)
    assert ("GERMAN_SPELLER_RULE", "Kaffe\u0301") in found
    for match in matches:
        # Its `matched_text` reads the context with our UTF-16 offset as a code-point one, so only
        # the context as a whole is compared here.
        assert article[match.offset : match.offset + match.error_length].replace("\n", " ") in match.context
        assert match.category and match.rule_issue_type and match.message
    # The client's category switch reaches our own rules too.
    assert {match.rule_id for match in without_wire} == {match.rule_id for match in matches} - {
        "HOUSE_DATELINE",
        "HOUSE_STRAY_CODE",
    }
