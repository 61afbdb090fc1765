"""Agency files as agencies write them: IPTC's samples and real feeds (files/iptc/, see its README)
and small files of our own for each way they differ from our own test articles (files/wire/).

For each file: what is read (and what not), which part is headline, dateline, body or caption
for the house rules, and which files are refused, and why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.formats import Document, Part, detect_format, parse_document
from checker.formats.files import decode
from checker.house import load_profile, run_house_rules
from checker.web import messages

FILES = Path(__file__).parent / "files"
# A ninjs 3.0 item whose body is NITF.
ADDB = (
    "examples__3.0__20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json"
)
IPTC = FILES / "iptc"
WIRE = FILES / "wire"
SAMPLES = sorted(
    path for path in [*IPTC.rglob("*"), *WIRE.rglob("*")] if path.suffix in (".xml", ".json") and path.is_file()
)
REFUSED = {
    "LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml": "no_text",
    "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml": "no_text",
    "examples__NewsML__businesswire-newsml-20130515006361.xml": "unsupported_format",
}
READ = [path for path in SAMPLES if path.name not in REFUSED]


def load(path: Path) -> tuple[str, Document]:
    source = decode(path.read_bytes(), str(path))
    return source, parse_document(source, path=str(path))


def part_starts(document: Document) -> dict[int, Part]:
    """Each part by where it starts in the file."""
    starts, at = {}, 0
    for part in document.parts:
        if part.source:
            starts[at] = part
        at += len(part.source)
    return starts


def find(name: str) -> Path:
    return next(path for path in SAMPLES if path.name == name)


def kinds(document: Document) -> list[str]:
    return [region.kind for region in document.regions]


def region_texts(document: Document, kind: str) -> list[str]:
    plain = document.plain_text()
    return [plain[region.start : region.end] for region in document.regions if region.kind == kind]


# --- Invariants, for every file that is read ----------------------------------------------------


@pytest.mark.parametrize("path", READ, ids=lambda path: path.name[:60])
def test_every_plain_character_comes_from_its_place_in_the_file(path: Path) -> None:
    source, document = load(path)
    assert document.source == source
    plain = document.plain_text()
    assert plain.strip()
    starts = part_starts(document)
    for index, character in enumerate(plain):
        offset = document.to_source_offset(index)
        if not character.isspace() and source[offset] != character:
            # Only markup that stands for a character (an entity, a JSON escape) may differ.
            part = starts[offset]
            assert part.markup and part.interpret_as == character, (index, character, part)


@pytest.mark.parametrize("path", READ, ids=lambda path: path.name[:60])
def test_regions_start_and_end_on_text(path: Path) -> None:
    _, document = load(path)
    plain = document.plain_text()
    assert document.regions, "a structured file names its parts"
    for region in document.regions:
        assert 0 <= region.start < region.end <= len(plain)
        assert not plain[region.start].isspace() and not plain[region.end - 1].isspace(), region


# --- What is read from each file ----------------------------------------------------------------

CAPTAIN = "Captain of wrecked cruise ship on trial in Italy"


@pytest.mark.parametrize(
    ("name", "regions", "read", "not_read"),
    [
        # ninjs 1.x: headline_* and body_* fields; of two renditions of the body, the richer one.
        (
            "documentation__includes__examples__1.6__004_simple_text_article.json",
            ["headline", "body"],
            [CAPTAIN, "GROSSETO, Italy (AP) -- The trial"],
            ["<p>", "Paulo Santalucia"],
        ),
        (
            "documentation__includes__examples__1.6__005_complex_text_article.json",
            ["headline", "body"],
            [CAPTAIN, "Schettino has denied wrongdoing."],
            ["<p>", "Grossetto, Italy", "wikidata"],
        ),
        (
            "examples__1.4__businesswire-newsml-20130515006361.json",
            ["headline", "body"],
            ["Dell Redefines Workstation", "Dell today announced an expanded and stronger Dell Precision workstation"],
            ["nofollow", "  "],
        ),
        # ninjs 3.x with role names for renditions: the XHTML one, not also the plain one.
        (
            "documentation__includes__examples__3.1__005_complex_text_article.json",
            ["headline", "body"],
            [CAPTAIN, "GROSSETO, Italy (AP)"],
            ["<p>"],
        ),
        # A NITF body inside ninjs is NITF; its headline repeats the document's.
        (
            ADDB,
            ["headline", "body"],
            ["The Australian Sports Anti-Doping Authority (ASADA) today announced"],
            ["<p", "tobject", "DopingWatch", "du-key", "<?xml"],
        ),
        # Four renditions of one body (text, html5, ttnitf, richhtml5): the richest only.
        (
            "examples__2.1__tt_text_image_2.json",
            ["headline", "body", "caption"],
            ["Försvar TT", "Karl Melander/TT", "rapporterar Sydöstran."],
            ["FörsvarTT", "MODVER", "Inrikes", "<figure"],
        ),
        # NITF in NewsML-G2, and the fragments of an item that IPTC's guidelines show.
        (
            "LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
            ["headline", "body"],
            ["(Sports Network) - A pair of teams"],
            ["xmlteam", "Sports Network</byttl>"],
        ),
        (
            "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
            ["headline", "body"],
            ["Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.", "(Sports Network) - With"],
            ["square off Tonight"],  # the abstract
        ),
        (
            "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
            ["dateline"],
            ["MOSCOW, Monday (Reuters)"],
            ["2016-02-09", "Thomson Reuters", "South Ossetia"],
        ),
        (
            "LISTING_2_NewsML-G2_Text_Document.xml",
            ["headline", "body"],
            ['Fed to halt QE to avert "bubble"', "(New York, NY - October 21) Et, sent luptat"],
            ["stat:usable"],
        ),
        # The h1 of the XHTML repeats contentMeta's headline; the figure is a caption.
        (
            "tools__xslt__TT_newsmlg2_sample.xml",
            ["headline", "body", "caption"],
            ["Litteratur TT", "Naina Helén Jåma/TT", "skriver Aftonbladet."],
            ["janguillou", "LitteraturTT", "ttext:charcount"],
        ),
        # NITF exports: hl2 is the subheadline; text without <p>; a heading only in the body (an
        # intertitle).
        (
            "basic-story.xml",
            ["headline", "subheadline", "body"],
            ["Master plan to focus on attracting new tenants", "Optimistic about funding"],
            ["Hillary Borrud", "AIRPORT 021010"],
        ),
        (
            "basic-story-no-p-tags.xml",
            ["headline", "body"],
            ["High winds in the east", "Officials closed an 82-mile stretch"],
            ["WWX 010408", "Western Communications"],
        ),
        ("correction.xml", ["body", "intertitle"], ["Correction", "The Bulletin regrets the error."], ["CORREX"]),
        # Our own: a dpa item with an XHTML header, an EFE-like NITF, NITF 3.x entities.
        (
            "dpa-header.newsml.xml",
            ["headline", "dateline", "body"],
            ["Britische Regierung legt Haushalt vor", "London (dpa) -", "Die britische Regierung hat"],
            ["Ausblick", "2026-03-14", "Zusammenfassung", "Großbritannien/Regierung"],
        ),
        (
            "efe-subheadline.nitf.xml",
            ["headline", "subheadline", "body"],
            ["Mieten in angespannten Märkten werden gedeckelt", "Madrid (dpa) - Das spanische Parlament"],
            ["Ana Ejemplo"],
        ),
        (
            "nitf3-entities.nitf.xml",
            ["headline", "dateline", "body"],
            ["Café-Betreiber klagen über Kosten", "Kosten — vor allem für Energie", "um 10\u00a0Prozent", "Im März"],
            ["20260314", "&"],
        ),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else "",
)
def test_what_is_read(name: str, regions: list[str], read: list[str], not_read: list[str]) -> None:
    _, document = load(find(name))
    plain = document.plain_text()
    assert list(dict.fromkeys(kinds(document))) == regions
    for text in read:
        assert plain.count(text) == 1, text
    for text in not_read:
        assert text not in plain


@pytest.mark.parametrize(
    ("name", "headline"),
    [
        ("documentation__includes__examples__1.6__004_simple_text_article.json", CAPTAIN),
        ("examples__2.1__tt_text_image_2.json", "Militärövning i jätteformat hålls 2023"),
        (
            ADDB,
            "Anti-doping measures at the 'Tour Down Under' will be the toughest ever",
        ),
        ("tools__xslt__TT_newsmlg2_sample.xml", 'Jan Guillou skriver på ny "Hamilton"-bok'),
        ("dpa-header.newsml.xml", "Britische Regierung legt Haushalt vor"),
        ("LISTING_22_Sports_story_in_NewsML-G2NITF.xml", "Preview: Arizona Diamondbacks (29-23)"),
    ],
    ids=lambda value: value[:40],
)
def test_the_headline_is_read_once_and_first(name: str, headline: str) -> None:
    _, document = load(find(name))
    plain = document.plain_text()
    assert plain.startswith(headline)
    assert plain.count(headline) == 1
    assert region_texts(document, "headline")[0].startswith(headline)


def test_every_body_paragraph_of_four_renditions_is_read_once() -> None:
    source, document = load(find("examples__2.1__tt_text_image_2.json"))
    plain = document.plain_text()
    rich = json.loads(source)["bodies"][3]
    assert rich["role"] == "richhtml5"
    for sentence in ("Pandemin satte stopp", "Aurora 20 skulle omfatta", "Precis som den gången"):
        assert plain.count(sentence) == 1
        assert source.index(sentence, source.index('"richhtml5"')) == document.to_source_offset(plain.index(sentence))


def test_a_headline_after_the_body_is_read_first_and_maps_to_its_place() -> None:
    source, document = load(find("examples__2.1__dpa_text.json"))
    headline = "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"
    plain = document.plain_text()
    assert source.index(headline) > source.index("Für Lucien Favre")
    assert plain.startswith(headline + "\n\nFür Lucien Favre")
    assert kinds(document) == ["headline", "body"]
    start = plain.index("Zwayer recht")
    assert document.to_source_span(start, start + len("Zwayer")) == (
        source.index("Zwayer recht"),
        source.index("Zwayer recht") + len("Zwayer"),
    )
    body_word = plain.index("Favre")
    assert source[document.to_source_offset(body_word) :].startswith("Favre")
    # A span across the break between headline and body stays a span in the file.
    last = len(headline) - 1
    assert document.to_source_span(last, last + 3) == (source.index('?"'), source.index('?"') + 1)


# --- The house rules get the parts the reader knows ---------------------------------------------


def test_a_dateline_element_is_the_dateline_as_written() -> None:
    _, document = load(find("dpa-header.newsml.xml"))
    assert region_texts(document, "dateline") == ["London (dpa) -"]
    rules = {issue.rule for issue in run_house_rules(document.plain_text(), load_profile(), document.regions)}
    assert not rules & {"HOUSE_DATELINE", "HOUSE_DATELINE_MISSING"}


def test_a_subheadline_is_not_taken_for_the_first_paragraph() -> None:
    _, document = load(find("efe-subheadline.nitf.xml"))
    profile = load_profile()
    by_reader = run_house_rules(document.plain_text(), profile, document.regions)
    assert "HOUSE_DATELINE_MISSING" not in {issue.rule for issue in by_reader}
    # Read by paragraph order alone, the sub-headline would be the first body paragraph.
    guessed = run_house_rules(document.plain_text(), profile)
    missing = [issue for issue in guessed if issue.rule == "HOUSE_DATELINE_MISSING"]
    assert [issue.text for issue in missing] == ["Mieten"]


# --- Markup: entities, machine dates, inline elements --------------------------------------------


def test_nitf_named_entities_read_from_the_built_in_table() -> None:
    source, document = load(find("nitf3-entities.nitf.xml"))
    plain = document.plain_text()
    start = plain.index("Cafés")
    assert source[document.to_source_offset(start) :].startswith("Caf&eacute;s")
    assert document.to_source_span(start, start + len("Cafés")) == (
        source.index("Caf&eacute;s"),
        source.index("Caf&eacute;s") + len("Caf&eacute;s"),
    )


def test_nitf_entities_keep_error_positions_and_declarations_stay_refused() -> None:
    source = "<nitf>\n<body>&mdash;&eacute;<p></body>\n</nitf>"
    with pytest.raises(InputError) as malformed:
        parse_document(source, format="nitf")
    error = malformed.value
    assert (error.reason, error.line) == ("xml_malformed", 2)
    assert source.splitlines()[1][error.column - 1 :] == "</body>"
    declared = '<!DOCTYPE nitf [<!ENTITY nbsp "x">]>\n<nitf><body>&nbsp;</body></nitf>'
    with pytest.raises(InputError) as refused:
        parse_document(declared, format="nitf")
    assert refused.value.reason == "xml_entities"


def test_html_entities_are_nitf_only() -> None:
    newsml = '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><contentMeta><headline>A&eacute;</headline></contentMeta></newsItem>'
    with pytest.raises(InputError, match="undefined entity"):
        parse_document(newsml, format="newsml")


@pytest.mark.parametrize(
    ("story_date", "read"),
    [
        ("20260314T101500+0100", "Berlin,"),
        ("2026-03-14", "Berlin,"),
        ("14. März 2026", "Berlin, 14. März 2026"),
    ],
)
def test_a_machine_date_in_story_date_is_not_checked(story_date: str, read: str) -> None:
    source = (
        "<nitf><body><body.head><hedline><hl1>Titel</hl1></hedline>"
        f"<dateline>Berlin, <story.date norm='20260314'>{story_date}</story.date></dateline>"
        "</body.head><body.content><p>Text.</p></body.content></body></nitf>"
    )
    document = parse_document(source, format="nitf")
    assert region_texts(document, "dateline") == [read]


@pytest.mark.parametrize(
    ("html", "plain"),
    [
        ('<div class="dat"><span class="vignette">Politik</span><span class="source">dpa</span></div>', "Politik dpa"),
        ("<p>Die Pres<b>se</b>konferenz</p>", "Die Pressekonferenz"),
        ("<p><b>Presse</b>konferenz und <i>Pres</i>se</p>", "Pressekonferenz und Presse"),
        ("<p>Der <em>erste</em> <em>zweite</em> Satz</p>", "Der erste zweite Satz"),
        ("<p><a href='x'>Berlin</a><br/>Hamburg</p>", "Berlin\nHamburg"),
    ],
)
def test_inline_elements_join_and_split_words_as_written(html: str, plain: str) -> None:
    assert parse_document(html, format="html").plain_text() == plain


def test_text_without_paragraph_markup_breaks_at_blank_lines() -> None:
    source = (
        "<nitf><body><body.content>\n  Erster Absatz,\n  eine Zeile weiter.\n\n"
        "  Zweiter <b>Absatz</b>.\n  \n  Dritter.\n</body.content></body></nitf>"
    )
    document = parse_document(source, format="nitf")
    assert document.plain_text() == "Erster Absatz, eine Zeile weiter.\n\nZweiter Absatz.\n\nDritter."
    assert kinds(document) == ["body"]


def test_headings_inside_the_body_are_intertitles() -> None:
    nitf = parse_document(
        "<nitf><body><body.head><hedline><hl1>Titel</hl1><hl2>Unterzeile</hl2></hedline></body.head>"
        "<body.content><p>Erster Absatz.</p><hl2>Kritik aus der Opposition</hl2><p>Zweiter.</p>"
        "</body.content></body></nitf>",
        format="nitf",
    )
    html = parse_document("<h1>Titel</h1><p>Erster Absatz.</p><h2>Kritik aus der Opposition</h2><p>Zweiter.</p>")
    assert [(r.kind, nitf.plain_text()[r.start : r.end]) for r in nitf.regions] == [
        ("headline", "Titel"),
        ("subheadline", "Unterzeile"),
        ("body", "Erster Absatz.\n\nKritik aus der Opposition\n\nZweiter."),
        ("intertitle", "Kritik aus der Opposition"),
    ]
    assert [(r.kind, html.plain_text()[r.start : r.end]) for r in html.regions] == [
        ("headline", "Titel"),
        ("intertitle", "Kritik aus der Opposition"),
    ]


def test_html_h1_is_the_headline_and_a_page_without_one_keeps_no_regions() -> None:
    page = parse_document("<h1>Titel</h1><figure><img src='x'><figcaption>Bild</figcaption></figure><p>Text.</p>")
    assert [(r.kind, page.plain_text()[r.start : r.end]) for r in page.regions] == [
        ("headline", "Titel"),
        ("caption", "Bild"),
    ]
    assert parse_document("<p>Titel</p><p>Text.</p>").regions == ()


# --- Encodings -----------------------------------------------------------------------------------


def test_the_xml_declaration_names_the_encoding() -> None:
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        "<nitf><body><body.head><hedline><hl1>Grüße aus Köln</hl1></hedline></body.head></body></nitf>"
    )
    source = decode(text.encode("iso-8859-1"), "koeln.xml")
    assert source == text
    assert parse_document(source, path="koeln.xml").plain_text() == "Grüße aus Köln"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ('<?xml version="1.0" encoding="UTF-8"?><a>Grüße</a>'.encode("iso-8859-1"), "not_utf8"),
        (b'<?xml version="1.0" encoding="x-unbekannt"?><a/>', "unknown_encoding"),
        ('<?xml version="1.0" encoding="ascii"?><a>Grüße</a>'.encode("iso-8859-1"), "not_declared_encoding"),
        ("Grüße ohne Deklaration".encode("iso-8859-1"), "not_utf8"),
    ],
)
def test_encoding_errors_name_the_file_and_why(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, "datei.xml")
    assert (caught.value.reason, caught.value.path) == (reason, "datei.xml")


def test_utf8_with_a_bom_stays_utf8_whatever_the_declaration() -> None:
    data = b"\xef\xbb\xbf" + '<?xml version="1.0" encoding="ISO-8859-1"?><a>Grüße</a>'.encode()
    assert decode(data, "bom.xml").endswith("<a>Grüße</a>")


# --- Refused: no text, unsupported formats, unknown XML ------------------------------------------


@pytest.mark.parametrize("name", REFUSED)
def test_files_without_text_or_in_unsupported_formats_are_refused_by_reason(name: str) -> None:
    path = find(name)
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.reason == REFUSED[name]
    assert caught.value.path == str(path)


def test_no_text_names_what_was_expected() -> None:
    with pytest.raises(InputError) as caught:
        load(find("LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml"))
    assert caught.value.details["format"] == "NewsML-G2"
    assert "inlineXML" in caught.value.message


@pytest.mark.parametrize(
    ("source", "format"),
    [
        ('{"uri": "urn:x", "headline": "", "bodies": [{"contentType": "image/jpeg", "value": "x"}]}', "ninjs"),
        ("<nitf><head><title>Nur ein Titel</title></head><body/></nitf>", "nitf"),
        ("<html><head><title>Titel</title><script>x()</script></head><body> </body></html>", "html"),
    ],
)
def test_recognised_files_without_text_are_refused(source: str, format: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_document(source)
    assert (caught.value.reason, detect_format(source)) == ("no_text", format)


def test_plain_text_may_be_empty() -> None:
    assert parse_document("", format="text").plain_text() == ""


@pytest.mark.parametrize("prefix", ["", '<?xml version="1.0" encoding="UTF-8"?>\n', "\ufeff"])
@pytest.mark.parametrize("format", [None, "newsml", "nitf"])
def test_newsml_1_is_refused_by_name_whatever_the_file_starts_with(prefix: str, format: str | None) -> None:
    source = prefix + find("examples__NewsML__businesswire-newsml-20130515006361.xml").read_text(encoding="utf-8")
    with pytest.raises(InputError) as caught:
        parse_document(source, format=format, path="bw.xml")
    assert (caught.value.reason, caught.value.details["format"]) == ("unsupported_format", "NewsML 1.x")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<contentSet><inlineXML><nitf/></inlineXML></contentSet>", "newsml"),
        ("<contentMeta><dateline>Berlin</dateline></contentMeta>", "newsml"),
        ("<itemSet/>", "newsml"),
        ("<section><p>Absatz</p></section>", "html"),
    ],
)
def test_fragments_are_detected_without_a_declaration(source: str, expected: str) -> None:
    assert detect_format(source) == expected


def test_well_formed_xml_with_an_unknown_root_is_refused_without_a_declaration() -> None:
    with pytest.raises(InputError) as caught:
        detect_format('<rss version="2.0"><channel><title>Meldungen</title></channel></rss>')
    assert (caught.value.reason, caught.value.details["root"]) == ("xml_unknown_root", "rss")
    # Named as plain text, it is plain text.
    assert detect_format("<Korrektur> bitte lesen</Korrektur>", filename="notiz.txt") == "text"


def test_a_malformed_nitf_body_in_ninjs_names_its_place_in_the_file() -> None:
    source = (
        '{"uri": "x",\n "bodies": [{"contentType": "application/nitf+xml",\n'
        '  "value": "<nitf><body>\\n<p>Text</b></body></nitf>"}]}'
    )
    with pytest.raises(InputError) as caught:
        parse_document(source)
    error = caught.value
    assert error.reason == "xml_malformed"
    assert error.line == 3 and source.splitlines()[2][error.column - 1 :].startswith("</b>")
    assert "bodies.0.value" in error.message


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            InputError("reworded", reason="no_text", path="a.xml", format="NewsML-G2"),
            "Die Datei „a.xml“ ist als NewsML-G2 erkannt, enthält aber nichts zu prüfen; erwartet wird eine "
            "Überschrift oder Ortsmarke in contentMeta",
        ),
        (
            InputError("reworded", reason="unsupported_format", format="NewsML 1.x"),
            "Der Text ist im Format NewsML 1.x geschrieben, das wir nicht lesen.",
        ),
        (
            InputError("reworded", reason="not_declared_encoding", encoding="ascii", byte=1234, hex="fc"),
            "Der Text ist laut XML-Deklaration in ascii gespeichert, aber an Byte-Position 1.234",
        ),
        (
            InputError("reworded", reason="unknown_encoding", path="b.xml", encoding="x-alt"),
            "Die Datei „b.xml“ nennt in der XML-Deklaration die Zeichenkodierung „x-alt“",
        ),
    ],
    ids=lambda value: getattr(value, "reason", ""),
)
def test_editors_read_why_in_german(error: InputError, expected: str) -> None:
    message = messages.for_editor(error)
    assert message.startswith(expected)
    assert message.endswith("Ihr Text ist erhalten.")
