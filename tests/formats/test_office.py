"""Word and OpenDocument files (checker.formats.office): their paragraphs and headings read, and
the corrected text written back as the same kind."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from checker.errors import InputError
from checker.formats.files import read_bytes
from checker.formats.office import DOCX, ODT, OfficeText, office_kind, read_office, write_office

HEADLINE = "Regierung legt Haushalt vor"
BODY = [
    "Berlin (dpa) - Die Regierung hat am Mittwoch den Haushalt für 2027 beschlossen.",
    "Der Minister sprach von „Verantwortung“ & Maß.",
]


def word_file() -> bytes:
    document = docx.Document()
    document.add_heading(HEADLINE, level=1)
    document.add_paragraph(BODY[0])
    document.add_paragraph("")  # empty paragraphs are left out
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = BODY[1]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


ODT_CONTENT = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
 <office:body><office:text>
  <text:h text:outline-level="1">{HEADLINE}</text:h>
  <text:p>Berlin (dpa) - Die <text:span>Regierung</text:span> hat am Mittwoch den Haushalt<text:note>\
<text:note-body><text:p>Fußnote</text:p></text:note-body></text:note> für 2027 beschlossen.</text:p>
  <text:list><text:list-item>\
<text:p>Der Minister sprach von „Verantwortung“ &amp;<text:s/>Maß.</text:p></text:list-item></text:list>
 </office:text></office:body>
</office:document-content>
"""


def odt_file(content: str = ODT_CONTENT) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content)
    return out.getvalue()


@pytest.mark.parametrize(("data", "kind"), [(word_file(), DOCX), (odt_file(), ODT)], ids=[DOCX, ODT])
def test_paragraphs_and_headings_are_read(data: bytes, kind: str) -> None:
    assert office_kind(data) == kind
    found = read_office(data, kind, "meldung")
    assert found == OfficeText((HEADLINE, *BODY), frozenset({0}))
    source = read_bytes(data, f"meldung.{kind}")
    assert source.text == "\n\n".join((HEADLINE, *BODY))
    assert source.office_kind == kind
    assert source.notice is not None and kind in source.notice


@pytest.mark.parametrize("kind", [DOCX, ODT])
def test_the_corrected_text_is_written_back_as_the_same_kind(kind: str) -> None:
    text = "\n\n".join((HEADLINE, *BODY)) + "\n\nZeile eins\nZeile zwei\x07"
    written = write_office(text, kind, frozenset({0}))
    assert office_kind(written) == kind
    again = read_office(written, kind, "neu")
    assert again == OfficeText((HEADLINE, *BODY, "Zeile eins\nZeile zwei"), frozenset({0}))


def test_entities_in_an_odt_are_refused() -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]><office:document-content/>'
    with pytest.raises(InputError) as caught:
        read_bytes(odt_file(bomb), "bombe.odt")
    assert caught.value.reason == "office_unreadable"


def test_a_damaged_word_file_is_refused() -> None:
    data = word_file()
    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(damaged, "w") as package:
        for name in original.namelist():
            content = original.read(name)
            package.writestr(name, content[: len(content) // 2] if name == "word/document.xml" else content)
    with pytest.raises(InputError) as caught:
        read_bytes(damaged.getvalue(), "kaputt.docx")
    assert (caught.value.reason, caught.value.path) == ("office_unreadable", "kaputt.docx")


def test_a_zip_that_is_no_office_file_is_no_office_kind() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("readme.txt", "hallo")
    assert office_kind(out.getvalue()) is None
    assert office_kind(b"PK\x03\x04 not a zip") is None
