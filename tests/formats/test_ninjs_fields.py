"""Which ninjs fields are text: headlines and bodies; identifiers, slugs and the other metadata
of every sample file never are."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checker.formats.ninjs_fields import checked_fields

FILES = Path(__file__).parent / "files"
SAMPLES = sorted(path for path in FILES.rglob("*.json") if "ninjs" in path.name or "iptc" in path.parts)
TEXT_FIELD = re.compile(r"headlines?|headline_\w+|bodies|body_\w+")
METADATA = ("uri", "altids", "slugline", "guid", "version", "versioncreated", "descriptions", "byline", "subjects")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name[:50])
def test_only_headlines_and_bodies_are_text(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    fields = checked_fields(data)
    assert fields
    assert all(TEXT_FIELD.fullmatch(str(field.path[0])) for field in fields), [field.path for field in fields]
    checked = {field.value for field in fields}
    for key in METADATA:
        if isinstance(data.get(key), str):
            assert data[key] not in checked
