"""The document language from Markdown front matter."""

from __future__ import annotations

import pytest

from checker.cli.front_matter import front_matter_language
from checker.errors import CheckerError


def test_front_matter_language() -> None:
    assert front_matter_language("---\ntitle: x\nlang: de-ch\n---\n# T") == "de-CH"
    assert front_matter_language('---\nlanguage: "de"\n...\nText') == "de-DE"
    assert front_matter_language("# T\nlang: de-AT\n") is None
    with pytest.raises(CheckerError):
        front_matter_language("---\nlang: en\n---\n")
