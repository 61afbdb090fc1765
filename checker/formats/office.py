"""Word (.docx) and OpenDocument (.odt) files: their paragraphs and headings as the text to check,
and a corrected text written back as a file of the same kind.

Read: the body's paragraphs and headings in document order, table cells included, each a
paragraph of the text (separated by a blank line); a line break inside a paragraph stays a line
break. Headers, footers, footnotes, comments, text boxes and images are not read. Written: a new
file with those paragraphs, the headings again as headings; the rest of the original's formatting
(fonts, bold, lists, tables) is not carried over.

.docx is read and written with python-docx (MIT), which parses with lxml without resolving
entities or fetching anything. .odt is read from its content.xml with defusedxml (which refuses
entity declarations and external references, as for our XML formats) and written as the smallest
package ODF 1.2 allows: odfpy, the one ODF library, had its last release in 2020 and parses with
the standard library's unguarded XML parsers.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape

import docx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from docx.table import Table
from docx.text.paragraph import Paragraph

from checker.errors import InputError

DOCX = "docx"
ODT = "odt"
ZIP_MAGIC = b"PK\x03\x04"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Unpacked, an office file may not hold more than this: a bound on what a small upload unpacks to.
_MAX_UNPACKED = 50 * 1024 * 1024

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


@dataclass(frozen=True)
class OfficeText:
    """The paragraphs of an office file, and which of them are headings (by position)."""

    paragraphs: tuple[str, ...]
    headings: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def office_kind(data: bytes) -> str | None:
    """DOCX or ODT for the bytes of such a file (a ZIP package with the parts they need), else None."""
    if not data.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "word/document.xml" in names:
                return DOCX
            if "mimetype" in names and package.read("mimetype").strip() == _ODT_MIMETYPE:
                return ODT
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        return None
    return None


def read_office(data: bytes, kind: str, path: str) -> OfficeText:
    """The paragraphs of a .docx or .odt file; a damaged one raises InputError (reason "office_unreadable")."""
    try:
        _refuse_bombs(data, path)
        found = _read_docx(data) if kind == DOCX else _read_odt(data)
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError, DefusedXmlException, OSError) as exc:
        raise InputError(
            f"cannot be read as a {kind} file ({type(exc).__name__}: {exc})",
            reason="office_unreadable",
            path=path,
            kind=kind,
        ) from exc
    if not found.paragraphs:
        raise InputError(f"this {kind} file holds no paragraph with text", reason="no_text", path=path)
    return found


def _refuse_bombs(data: bytes, path: str) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    if unpacked > _MAX_UNPACKED:
        raise InputError(
            f"unpacks to {unpacked:,} bytes, more than the {_MAX_UNPACKED:,} an article's file may",
            reason="office_unreadable",
            path=path,
        )


def _read_docx(data: bytes) -> OfficeText:
    document = docx.Document(io.BytesIO(data))
    paragraphs: list[str] = []
    headings: set[int] = set()

    def add(paragraph: Paragraph) -> None:
        text = paragraph.text.strip()
        if not text:
            return
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Title" or style.startswith("Heading"):
            headings.add(len(paragraphs))
        paragraphs.append(text)

    def walk(blocks: Iterator[Paragraph | Table]) -> None:
        for block in blocks:
            if isinstance(block, Paragraph):
                add(block)
            else:
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell.iter_inner_content())

    walk(document.iter_inner_content())
    return OfficeText(tuple(paragraphs), frozenset(headings))


def _read_odt(data: bytes) -> OfficeText:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = fromstring(package.read("content.xml"), forbid_dtd=True)
    body = root.find(f"{{{_OFFICE_NS}}}body/{{{_OFFICE_NS}}}text")
    if body is None:
        raise ValueError("content.xml has no office:text")
    paragraphs: list[str] = []
    headings: set[int] = set()
    for element, heading in _odt_blocks(body):
        text = _odt_text(element).strip()
        if text:
            if heading:
                headings.add(len(paragraphs))
            paragraphs.append(text)
    return OfficeText(tuple(paragraphs), frozenset(headings))


def _odt_blocks(parent: Element) -> Iterator[tuple[Element, bool]]:
    """Paragraphs and headings in document order, inside lists, sections and tables too."""
    for child in parent:
        if child.tag == f"{{{_TEXT_NS}}}p":
            yield child, False
        elif child.tag == f"{{{_TEXT_NS}}}h":
            yield child, True
        elif child.tag.startswith((f"{{{_TEXT_NS}}}", f"{{{_TABLE_NS}}}")):
            yield from _odt_blocks(child)


def _odt_text(element: Element) -> str:
    """A paragraph's text: spans and links read through, <text:s text:c="n"/> as n spaces,
    tabs and line breaks as such, notes and annotations left out."""
    parts = [element.text or ""]
    for child in element:
        name = child.tag.rsplit("}", 1)[-1]
        if name == "s":
            parts.append(" " * int(child.get(f"{{{_TEXT_NS}}}c", "1")))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        elif name not in ("note", "annotation", "bookmark-start", "bookmark-end"):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def write_office(text: str, kind: str, headings: frozenset[int] = frozenset()) -> bytes:
    """A new .docx or .odt file holding `text`, one paragraph per block between blank lines, the
    blocks at `headings` as headings. Characters XML cannot hold (control characters) are left out."""
    text = _NOT_IN_XML.sub("", text.replace("\r\n", "\n"))
    paragraphs = [block for block in text.split("\n\n") if block.strip()]
    return _write_docx(paragraphs, headings) if kind == DOCX else _write_odt(paragraphs, headings)


def _write_docx(paragraphs: list[str], headings: frozenset[int]) -> bytes:
    document = docx.Document()
    for index, paragraph in enumerate(paragraphs):
        if index in headings:
            document.add_heading(paragraph.strip(), level=1)
        else:
            document.add_paragraph(paragraph.strip("\n"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
_ODT_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="{office}" xmlns:text="{text}" office:version="1.2">
 <office:body>
  <office:text>
{paragraphs}
  </office:text>
 </office:body>
</office:document-content>
"""


def _odt_paragraph(paragraph: str, heading: bool) -> str:
    lines = [escape(line) for line in paragraph.strip("\n").split("\n")]
    inner = "<text:line-break/>".join(lines)
    if heading:
        return f'   <text:h text:outline-level="1">{inner}</text:h>'
    return f"   <text:p>{inner}</text:p>"


def _write_odt(paragraphs: list[str], headings: frozenset[int]) -> bytes:
    content = _ODT_CONTENT.format(
        office=_OFFICE_NS,
        text=_TEXT_NS,
        paragraphs="\n".join(_odt_paragraph(p, i in headings) for i, p in enumerate(paragraphs)),
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        # ODF: "mimetype" first and stored uncompressed, so that its bytes stand at a known place.
        package.writestr(zipfile.ZipInfo("mimetype"), _ODT_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        package.writestr("META-INF/manifest.xml", _ODT_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        package.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
