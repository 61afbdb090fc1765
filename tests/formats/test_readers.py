"""Input formats: the same short article as plain text, HTML, Markdown, NITF, NewsML-G2 and ninjs.

Every reader must cut the file into parts that join back to the file, give LanguageTool the
same headline/dateline/body text, and map plain-text offsets back to the exact place in the file.
"""

from __future__ import annotations

import json
import re
import socket
from itertools import pairwise
from pathlib import Path

import pytest

from checker.errors import InputError, InvalidRequest
from checker.formats import FORMATS, Document, Part, detect_format, markdown, parse_document
from checker.formats.xmlsource import xml_events

DATA = Path(__file__).parent / "files"

HEADLINE = "Stadtrat beschließt autofreie Innenstadt"
DATELINE = "Kleinhausen, 14. März 2026"
BODY = (
    "Der Stadtrat von Kleinhausen hat am Freitag mit knapper Mehrheit eine autofreie Innenstadt "
    "beschlossen. Das teilte Bürgermeisterin Anna Beispiel nach der Sitzung auf einer "
    "Presskonferenz mit.",
    "Ab dem 1. Juli dürfen zwischen Markt und Bahnhof nur noch Busse & Lieferwagen fahren. "
    "„Wir wollen den Platz den Menschen zurückgeben“, sagte Beispiel.",
    "Die Opposition nannte den Beschluss übereilt. Der Einzelhandel befürchtet Umsatzeinbußen von bis zu 20 Prozent.",
)
ARTICLE = "\n\n".join((HEADLINE, DATELINE, *BODY))

# file name -> (format, language)
ARTICLES = {
    "article.txt": ("text", None),
    "article.html": ("html", "de"),
    "article.md": ("markdown", "de-DE"),
    "article.nitf.xml": ("nitf", "de-DE"),
    "article.nitf-ns.xml": ("nitf", "de-AT"),
    "article.newsitem-xhtml.xml": ("newsml", "de"),
    "article.newsmessage-nitf.xml": ("newsml", "de-CH"),
    "article.ninjs1.json": ("ninjs", "de"),
    "article.ninjs1-text.json": ("ninjs", "de-DE"),
    "article.ninjs2.json": ("ninjs", "de-AT"),
    "article.ninjs3.json": ("ninjs", "de-CH"),
}
# Readers that turn layout into exactly one space and blocks into exactly "\n\n".
EXACT = [name for name in ARTICLES if name not in ("article.txt", "article.html")]


def read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def load(name: str) -> tuple[str, Document]:
    source = read(name)
    return source, parse_document(source, path=str(DATA / name))


def paragraphs(text: str) -> list[str]:
    """The whitespace normalisation for comparing formats: paragraphs split at blank lines,
    every run of whitespace (no-break space included) inside one read as a single space."""
    return [" ".join(block.split()) for block in re.split(r"\n[ \t]*\n", text) if block.strip()]


def plain_origins(document: Document) -> list[tuple[int, Part]]:
    """For each plain-text character, the source offset of the part it comes from and the part."""
    origins: list[tuple[int, Part]] = []
    at = 0
    for part in document.parts:
        origins.extend((at, part) for _ in part.plain)
        at += len(part.source)
    return origins


# --- The invariants, for every format ---------------------------------------------------


@pytest.mark.parametrize("name", ARTICLES)
def test_parts_join_to_the_original_file(name: str) -> None:
    source, document = load(name)
    assert "".join(part.source for part in document.parts) == source
    assert document.source == source
    assert all(part.interpret_as == "" for part in document.parts if not part.markup)


@pytest.mark.parametrize("name", ARTICLES)
def test_format_and_language(name: str) -> None:
    _, document = load(name)
    assert (document.format, document.language) == ARTICLES[name]


@pytest.mark.parametrize("name", ARTICLES)
def test_plain_text_is_headline_dateline_body(name: str) -> None:
    _, document = load(name)
    assert paragraphs(document.plain_text()) == [HEADLINE, DATELINE, *BODY]


@pytest.mark.parametrize("name", EXACT)
def test_plain_text_is_exact_for_markup_formats(name: str) -> None:
    _, document = load(name)
    assert document.plain_text() == ARTICLE


def test_plain_text_file_is_one_text_part() -> None:
    source, document = load("article.txt")
    assert document.parts == (Part(source, markup=False),)
    assert document.plain_text() == source


@pytest.mark.parametrize("name", ARTICLES)
def test_misspelt_word_maps_to_its_place_in_the_file(name: str) -> None:
    source, document = load(name)
    plain = document.plain_text()
    # Script, code block, metadata and the unchecked renditions hold the word too; only the
    # body's occurrence may reach LanguageTool.
    assert plain.count("Presskonferenz") == 1
    start = plain.index("Presskonferenz")
    offset = document.to_source_offset(start)
    assert source[offset : offset + len("Presskonferenz")] == "Presskonferenz"
    assert source.rfind("einer ", 0, offset) > source.rfind("Sitzung", 0, offset) > 0
    assert document.to_source_span(start, start + len("Presskonferenz")) == (
        offset,
        offset + len("Presskonferenz"),
    )


@pytest.mark.parametrize("name", ARTICLES)
def test_every_plain_character_maps_back(name: str) -> None:
    source, document = load(name)
    plain = document.plain_text()
    for index, (part_start, part) in enumerate(plain_origins(document)):
        offset = document.to_source_offset(index)
        if part.markup:
            assert offset == part_start, (index, part)
        else:
            assert source[offset] == plain[index], index
    assert document.to_source_offset(len(plain)) == document.to_source_span(0, len(plain))[1]


@pytest.mark.parametrize("name", ARTICLES)
def test_every_source_character_of_text_maps_to_the_plain_text_and_back(name: str) -> None:
    source, document = load(name)
    plain = document.plain_text()
    for index, (_, part) in enumerate(plain_origins(document)):
        if not part.markup:
            offset = document.to_source_offset(index)
            assert document.to_plain_offset(offset) == index
    assert document.to_plain_offset(len(source)) == len(plain)


def test_markup_maps_to_what_it_reads_as_or_the_text_after_it() -> None:
    source = "<p>Erster <b>Absatz</b>.</p>\n<p>Zweiter &amp; letzter.</p>"
    document = parse_document(source, format="html")
    plain = document.plain_text()
    assert plain == "Erster Absatz.\n\nZweiter & letzter."
    assert document.to_plain_offset(source.index("<b>")) == plain.index("Absatz")
    assert document.to_plain_offset(source.index("</p>")) == plain.index("\n\n")
    assert document.to_plain_offset(source.index("&amp;") + 2) == plain.index("&")


@pytest.mark.parametrize("name", ARTICLES)
def test_annotation_is_the_file_for_languagetool(name: str) -> None:
    source, document = load(name)
    annotation = document.annotation()
    assert "".join(item.get("text", item.get("markup", "")) for item in annotation) == source
    assert "".join(item.get("text", item.get("interpretAs", "")) for item in annotation) == (document.plain_text())
    kinds = ["text" in item for item in annotation]
    assert all(first != second for first, second in pairwise(kinds))
    assert all(set(item) in ({"text"}, {"markup", "interpretAs"}) for item in annotation)


# --- Markup, entities and escapes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "written", "value"),
    [
        ("article.html", "&amp;", "&"),
        ("article.html", "&auml;", "ä"),
        ("article.html", "&#252;", "ü"),
        ("article.html", "&bdquo;", "„"),
        ("article.nitf.xml", "&#228;", "ä"),
        ("article.nitf.xml", "&#xFC;", "ü"),
        ("article.newsitem-xhtml.xml", "&#x201E;", "„"),
        ("article.md", "&amp;", "&"),
        ("article.ninjs1.json", "\\u00fc", "ü"),
        ("article.ninjs1.json", "\\u201e", "„"),
        ("article.ninjs1.json", "&auml;", "ä"),
    ],
)
def test_entities_and_escapes_are_markup_read_as_their_character(name: str, written: str, value: str) -> None:
    _, document = load(name)
    assert Part(written, markup=True, interpret_as=value) in document.parts


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("article.html", "<em>"),
        ("article.html", '<a href="https://example.org/beispiel">'),
        ("article.nitf.xml", "<person>"),
        ("article.md", "**"),
        ("article.ninjs1.json", '<a href=\\"https://example.org/beispiel\\">'),
        ("article.ninjs2.json", "<\\/em>"),
    ],
)
def test_inline_markup_reads_as_nothing(name: str, tag: str) -> None:
    _, document = load(name)
    assert Part(tag, markup=True, interpret_as="") in document.parts


@pytest.mark.parametrize(
    ("name", "hidden"),
    [
        ("article.html", "dataLayer"),  # script
        ("article.html", "margin"),  # style
        ("article.html", "Lokales"),  # title in head
        ("article.html", "Redaktion"),  # comment
        ("article.md", "Interne Notiz"),  # fenced code
        ("article.md", "Redaktion"),  # HTML comment
        ("article.md", "example.org"),  # link target
        ("article.nitf.xml", "Erika Muster"),  # byline, tagline
        ("article.nitf.xml", "urn:example"),  # docdata
        ("article.newsitem-xhtml.xml", "Textfassung"),  # second rendition
        ("article.newsitem-xhtml.xml", "Kommunales"),  # slugline
        ("article.ninjs1.json", "Textfassung"),  # body_text beside body_html
        ("article.ninjs1.json", "Erika Muster"),  # byline
        ("article.ninjs2.json", "Zusammenfassung"),  # descriptions
        ("article.ninjs3.json", "Textfassung"),  # text/plain body beside text/html
    ],
)
def test_unchecked_content_stays_out_of_the_plain_text(name: str, hidden: str) -> None:
    source, document = load(name)
    assert hidden in source
    assert hidden not in document.plain_text()


def test_newsml_checks_the_headline_once_when_nitf_repeats_it() -> None:
    _, document = load("article.newsmessage-nitf.xml")
    assert document.plain_text().count(HEADLINE) == 1


def test_newsml_checks_only_the_first_rendition_of_a_content_set() -> None:
    source = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Erste Fassung.</p></body></html>
    </inlineXML>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body><p>Zweite Fassung.</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>"""
    assert parse_document(source).plain_text() == "Erste Fassung."


def test_tags_inside_a_word_keep_it_one_word() -> None:
    source = "<p>Die Pres<b>se</b>konferenz beginnt.</p>"
    document = parse_document(source, format="html")
    plain = document.plain_text()
    assert plain == "Die Pressekonferenz beginnt."
    start = plain.index("Pressekonferenz")
    span = document.to_source_span(start, start + len("Pressekonferenz"))
    assert source[span[0] : span[1]] == "Pres<b>se</b>konferenz"


def test_entity_inside_a_word_maps_to_the_whole_escape() -> None:
    source, document = load("article.ninjs1.json")
    plain = document.plain_text()
    start = plain.index("Bürgermeisterin")
    span = document.to_source_span(start, start + len("Bürgermeisterin"))
    assert source[span[0] : span[1]] == "B\\u00fcrgermeisterin"
    assert document.to_source_offset(start + 1) == source.index("\\u00fcrgermeisterin")


def test_paragraph_break_maps_to_the_markup_between_paragraphs() -> None:
    source = "<p>Erster Absatz.</p>\n<p>Zweiter Absatz.</p>"
    document = parse_document(source, format="html")
    assert document.plain_text() == "Erster Absatz.\n\nZweiter Absatz."
    assert Part("</p>\n<p>", markup=True, interpret_as="\n\n") in document.parts
    assert document.to_source_offset(len("Erster Absatz.")) == source.index("</p>")


def test_html_without_body_tag_ends_the_head_where_the_body_starts() -> None:
    source = "<html><head><title>Titelzeile</title><p>Erster Absatz.</p><p>Zweiter Absatz."
    document = parse_document(source)
    assert (document.format, document.plain_text()) == ("html", "Erster Absatz.\n\nZweiter Absatz.")


def test_line_break_with_indentation_reads_as_one_space_but_double_spaces_stay() -> None:
    document = parse_document("<p>Zwei\n      Zeilen und  zwei Leerzeichen</p>", format="html")
    assert document.plain_text() == "Zwei Zeilen und  zwei Leerzeichen"
    assert Part("\n      ", markup=True, interpret_as=" ") in document.parts


def test_json_escapes_in_a_headline() -> None:
    source = '{"headline": "Sie sagte \\"Nein\\" \\ud83d\\ude00 \\u00e4", "language": "de"}'
    document = parse_document(source)
    assert document.plain_text() == 'Sie sagte "Nein" \U0001f600 ä'
    assert Part('\\"', markup=True, interpret_as='"') in document.parts
    assert Part("\\ud83d\\ude00", markup=True, interpret_as="\U0001f600") in document.parts
    emoji = document.plain_text().index("\U0001f600")
    assert source[document.to_source_offset(emoji) :].startswith("\\ud83d\\ude00")


def test_escape_right_after_a_tag_in_json_html_stays_its_own_part() -> None:
    source = '{"headline": "Titel", "body_html": "<p><b>\\u00c4rger<\\/b> im Rat</p>"}'
    document = parse_document(source)
    assert document.plain_text() == "Titel\n\nÄrger im Rat"
    assert Part('", "body_html": "<p><b>', markup=True, interpret_as="\n\n") in document.parts
    assert Part("\\u00c4", markup=True, interpret_as="Ä") in document.parts
    start = document.plain_text().index("Ärger")
    span = document.to_source_span(start, start + len("Ärger"))
    assert source[span[0] : span[1]] == "\\u00c4rger"


def test_json_newline_escapes_in_body_text_break_paragraphs() -> None:
    source = '{"headline": "Titel", "body_text": "Erster Absatz.\\n\\nZweiter Absatz."}'
    document = parse_document(source, format="ninjs")
    assert document.plain_text() == "Titel\n\nErster Absatz.\n\nZweiter Absatz."
    assert Part("\\n", markup=True, interpret_as="\n") in document.parts


def test_markdown_code_spans_escapes_and_gender_star() -> None:
    source = "Die Bürger*innen nutzen `git push` und \\*Sternchen\\* _gern_.\n"
    document = parse_document(source, format="markdown")
    assert document.plain_text() == "Die Bürger*innen nutzen  und *Sternchen* gern."
    assert Part("`git push`", markup=True) in document.parts
    assert Part("\\*", markup=True, interpret_as="*") in document.parts


@pytest.mark.parametrize(
    ("source", "plain", "comments"),
    [
        ("Eins.\n\n<!-- x -->Das Wetter.\n\nZwei.", "Eins.\n\nDas Wetter.\n\nZwei.", ["<!-- x -->"]),
        ("<!--\nmehr\n--> Danach *Text*.\nNeu.\n", "Danach Text.\n\nNeu.", ["<!--\nmehr\n-->"]),
        ("Eins.\n\n<!-- nur ein Kommentar -->\n\nZwei.", "Eins.\n\nZwei.", ["<!-- nur ein Kommentar -->"]),
        ("Eins <!-- a --> zwei.\n\n    <!-- Code -->\n", "Eins  zwei.", ["<!-- a -->"]),
        ("<!-->Eins.\n\nZwei <!---> drei.\n", "Eins.\n\nZwei  drei.", ["<!-->", "<!--->"]),
    ],
)
def test_markdown_comments_and_the_text_after_a_comment_block(source: str, plain: str, comments: list[str]) -> None:
    """A browser shows text after a comment block's end on the same line: it is checked. The
    comments are recorded (for suppression directives); a comment in indented code is code."""
    document = parse_document(source, format="markdown")
    assert document.plain_text() == plain
    assert [source[start:end] for start, end in document.comments] == comments


def test_markdown_lists_and_quotes_are_paragraphs() -> None:
    source = "## Die Beschlüsse\n\n- Busse fahren weiter\n- Lieferwagen bis 10 Uhr\n\n> Wir sind\n> zufrieden.\n"
    document = parse_document(source, format="markdown")
    assert document.plain_text() == (
        "Die Beschlüsse\n\nBusse fahren weiter\n\nLieferwagen bis 10 Uhr\n\nWir sind zufrieden."
    )


def test_markdown_reads_every_inline_construct_it_finds() -> None:
    assert set(markdown._INLINE.groupindex) == set(markdown._INLINE_HANDLERS)


def test_crlf_line_endings_keep_offsets_exact() -> None:
    for name in ("article.html", "article.nitf.xml", "article.md"):
        source = read(name).replace("\n", "\r\n")
        document = parse_document(source, path=name)
        assert document.source == source
        assert paragraphs(document.plain_text()) == [HEADLINE, DATELINE, *BODY]
        start = document.plain_text().index("Presskonferenz")
        offset = document.to_source_offset(start)
        assert source[offset : offset + len("Presskonferenz")] == "Presskonferenz"


def test_byte_order_mark_is_markup() -> None:
    source = "\ufeff" + read("article.nitf-ns.xml")
    document = parse_document(source)
    assert document.format == "nitf"
    assert document.parts[0].source.startswith("\ufeff")
    assert document.plain_text() == ARTICLE


def test_offsets_outside_the_plain_text_are_refused() -> None:
    _, document = load("article.html")
    with pytest.raises(ValueError):
        document.to_source_offset(len(document.plain_text()) + 1)
    with pytest.raises(ValueError):
        document.to_source_offset(-1)


# --- Safety and errors --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "column", "kind"),
    [
        ("billion_laughs.xml", 3, 3, "an entity"),
        ("external_entity.xml", 3, 5, "an external entity"),
        ("parameter_entity.xml", 2, 18, "an external entity"),
    ],
)
def test_documents_declaring_entities_are_refused(name: str, line: int, column: int, kind: str) -> None:
    path = DATA / "unsafe" / name
    with pytest.raises(InputError) as caught:
        parse_document(path.read_text(encoding="utf-8"), path=str(path))
    error = caught.value
    assert (error.path, error.line, error.column) == (str(path), line, column)
    assert f"declares {kind}" in error.message
    assert "root:" not in str(error)  # nothing of /etc/passwd


@pytest.mark.parametrize("format", ["nitf", "newsml"])
def test_entity_refusal_does_not_depend_on_the_format(format: str) -> None:
    source = (DATA / "unsafe" / "billion_laughs.xml").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="declares an entity"):
        parse_document(source, format=format)


def test_our_tokenizer_refuses_entity_declarations_on_its_own() -> None:
    with pytest.raises(InputError) as caught:
        xml_events('<!DOCTYPE a [\n <!ENTITY x "y">\n]>\n<a>&x;</a>')
    assert (caught.value.line, caught.value.column) == (2, 2)


def test_external_dtd_is_neither_fetched_nor_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the XML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    source, document = load("article.nitf.xml")
    assert '<!DOCTYPE nitf SYSTEM "http://' in source
    assert document.plain_text() == ARTICLE


@pytest.mark.parametrize(
    ("name", "line", "column", "message"),
    [
        ("mismatched.nitf.xml", 5, 51, "malformed XML: mismatched tag"),
        ("unclosed.newsml.xml", 6, 1, "malformed XML: no element found"),
        ("missing_comma.json", 4, 3, "malformed JSON: Expecting ',' delimiter"),
    ],
)
def test_malformed_files_name_the_position(name: str, line: int, column: int, message: str) -> None:
    path = DATA / "malformed" / name
    with pytest.raises(InputError) as caught:
        parse_document(path.read_text(encoding="utf-8"), path=str(path))
    error = caught.value
    assert (error.line, error.column) == (line, column)
    assert str(error) == f"{path}:{line}:{column}: {message}"


def test_undefined_xml_entity_is_malformed() -> None:
    with pytest.raises(InputError) as caught:
        parse_document("<nitf>\n  <body>&nbsp;&keinname;</body>\n</nitf>", format="nitf")
    assert "undefined entity" in caught.value.message
    assert (caught.value.line, caught.value.column) == (2, 15)


def test_json_that_is_not_ninjs_is_refused() -> None:
    with pytest.raises(InputError, match="not ninjs"):
        parse_document(json.dumps({"name": "Kleinhausen", "einwohner": 12000}))


def test_nan_is_not_json() -> None:
    with pytest.raises(InputError, match="NaN"):
        parse_document('{"headline": "Titel",\n "score": NaN}')


def test_unknown_format_is_an_invalid_request() -> None:
    assert "pdf" not in FORMATS
    with pytest.raises(InvalidRequest):
        parse_document("Text", format="pdf")


# --- Format detection ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ARTICLES)
def test_detects_each_article_without_a_file_name(name: str) -> None:
    assert detect_format(read(name)) == ARTICLES[name][0]


@pytest.mark.parametrize(
    ("source", "filename", "expected"),
    [
        ("# Überschrift\n\nText", None, "markdown"),
        ("# Überschrift\n\nText", "meldung.txt", "text"),
        ("Ein Satz ohne Auszeichnung.", "meldung.md", "markdown"),
        ("Ein Satz ohne Auszeichnung.", None, "text"),
        ("Ein Satz mit <b>fett</b>.", None, "html"),
        ("<p>Absatz</p>", "meldung.txt", "html"),
        ('{"headline": "Titel"}', "meldung.txt", "ninjs"),
        ('<?xml version="1.0"?>\n<nitf><body/></nitf>', "meldung.json", "nitf"),
        ("<nitf:nitf xmlns:nitf='http://iptc.org/std/NITF/2006-10-18/'/>", None, "nitf"),
        ("<g2:newsItem xmlns:g2='http://iptc.org/std/nar/2006-10-01/'/>", None, "newsml"),
        ("<!-- Kommentar -->\n<newsMessage/>", None, "newsml"),
        ("<!doctype html><title>x</title>", None, "html"),
    ],
)
def test_detection_prefers_content_to_the_file_name(source: str, filename: str | None, expected: str) -> None:
    assert detect_format(source, filename=filename) == expected


def test_xml_with_an_unknown_root_is_refused() -> None:
    with pytest.raises(InputError, match="neither NITF nor NewsML-G2"):
        detect_format('<?xml version="1.0"?>\n<rss version="2.0"/>')
