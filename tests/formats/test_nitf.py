"""NITF's elements: which are prose, which are metadata, and that every element the sample files
use in body.content is one or the other."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.formats import parse_document
from checker.formats.nitf import BODY_BLOCKS, BODY_TEXT, NITF_INLINE, NITF_METADATA

FILES = Path(__file__).parent / "files"
SAMPLES = sorted(path for path in FILES.rglob("*.xml") if "body.content" in path.read_text(encoding="utf-8"))
_BODY_CONTENT = re.compile(r"<(?:\w+:)?body\.content\b[^>]*>(.*?)</(?:\w+:)?body\.content>", re.DOTALL)
_START_TAG = re.compile(r"<(?:[\w.-]+:)?([A-Za-z][\w.-]*)")

MEDIA = """<nitf><body><body.content>
<p>Der Flughafen wird ausgebaut.</p>
<media media-type="image">
  <media-id>1932102</media-id>
  <media-name>airport-g1 021010</media-name>
  <media-reference source="1932102.eps"/>
  <media-caption>Die Karte zeigt den Flughafen.</media-caption>
  <media-job>airport 021010</media-job>
  <media-status>Worked</media-status>
  <media-slug>Flughafen-Karte</media-slug>
</media>
</body.content></body></nitf>"""


def test_media_is_metadata_but_for_its_caption() -> None:
    plain = parse_document(MEDIA, format="nitf").plain_text()
    assert "Der Flughafen wird ausgebaut." in plain
    assert "Die Karte zeigt den Flughafen." in plain
    for metadata in ("1932102", "airport-g1", "Worked", "Flughafen-Karte"):
        assert metadata not in plain


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name[:50])
def test_every_element_in_the_samples_body_is_prose_block_inline_or_metadata(path: Path) -> None:
    known = BODY_TEXT | BODY_BLOCKS | NITF_INLINE | NITF_METADATA | {"br"}
    source = path.read_text(encoding="utf-8")
    used = {name for body in _BODY_CONTENT.findall(source) for name in _START_TAG.findall(body)}
    assert used <= known, sorted(used - known)


def test_prose_and_metadata_are_apart() -> None:
    assert not (BODY_TEXT | BODY_BLOCKS | NITF_INLINE) & NITF_METADATA
