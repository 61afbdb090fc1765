"""The pieces of the web app that need no engine: marking up findings, kinds, draft recovery,
settings, the house profile at start-up, figures and messages."""

from __future__ import annotations

import dataclasses
import io
import random
import urllib.parse
from pathlib import Path

import pytest

from checker.errors import CheckerError, InputError, InvalidRequest
from checker.formats.files import decode
from checker.house import load_profile
from checker.records import Category, Issue
from checker.text.statistics import text_statistics
from checker.web import create_app, messages
from checker.web.annotate import Mark, Node, annotate, text_of
from checker.web.kinds import kind_of
from checker.web.oversize import recover_form_text
from checker.web.presentation import MarkedFinding, figures_of, flesch_reading, in_source, wiener_reading
from checker.web.resources import get_profile


def make_issue(
    offset: int,
    length: int,
    *,
    rule: str = "RULE",
    type_: str = "uncategorized",
    category: str = "MISC",
    source: str = "languagetool",
) -> Issue:
    return Issue(
        offset=offset,
        length=length,
        line=1,
        column=offset + 1,
        text="",
        rule=rule,
        rule_description="",
        category=Category(category, category),
        type=type_,
        severity="warning",
        message="m",
        source=source,
    )


def marks(nodes: list[Node]) -> list[Mark]:
    found: list[Mark] = []
    for node in nodes:
        if isinstance(node, Mark):
            found.append(node)
            found.extend(marks(node.children))
    return found


def pieces_of(nodes: list[Node], index: int) -> str:
    """The text covered by all marks of one finding, in order (nested marks count once)."""
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, Mark):
            if node.index == index:
                parts.append(text_of(node.children))
            else:
                parts.append(pieces_of(node.children, index))
    return "".join(parts)


TEXT = "abcdefghijklmnopqrstuvwxyz"


def test_nested_findings_nest_without_cutting() -> None:
    nodes = annotate(TEXT, [make_issue(0, 10), make_issue(2, 3)])
    assert nodes == [Mark(0, True, ["ab", Mark(1, True, ["cde"]), "fghij"]), "klmnopqrstuvwxyz"]


def test_crossing_findings_cut_the_later_one() -> None:
    nodes = annotate(TEXT, [make_issue(0, 10), make_issue(5, 10)])
    assert nodes == [
        Mark(0, True, ["abcde", Mark(1, True, ["fghij"])]),
        Mark(1, False, ["klmno"]),
        "pqrstuvwxyz",
    ]


def test_identical_spans_both_get_a_primary_mark() -> None:
    nodes = annotate(TEXT, [make_issue(3, 2), make_issue(3, 2)])
    primaries = [mark.index for mark in marks(nodes) if mark.primary]
    assert sorted(primaries) == [0, 1]


def test_zero_length_findings_are_empty_marks() -> None:
    nodes = annotate(TEXT, [make_issue(3, 0), make_issue(26, 0)])
    assert text_of(nodes) == TEXT
    assert [mark.children for mark in marks(nodes)] == [[], []]


def test_empty_text() -> None:
    assert annotate("", []) == []
    assert text_of(annotate("", [make_issue(0, 0)])) == ""


@pytest.mark.parametrize("seed", range(40))
def test_random_overlaps_keep_the_text_and_reach_every_finding(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab 😀é\r\n") for _ in range(rng.randint(0, 60)))
    issues = []
    for _ in range(rng.randint(0, 12)):
        start = rng.randint(0, len(text))
        issues.append(make_issue(start, rng.randint(0, len(text) - start)))
    nodes = annotate(text, issues)
    assert text_of(nodes) == text
    all_marks = marks(nodes)
    for index, issue in enumerate(issues):
        assert [mark.primary for mark in all_marks if mark.index == index].count(True) == 1
        assert pieces_of(nodes, index) == text[issue.offset : issue.end]


@pytest.mark.parametrize(
    ("issue", "kind"),
    [
        (make_issue(0, 1, type_="misspelling", category="TYPOS"), "spelling"),
        (make_issue(0, 1, category="CASING"), "spelling"),
        (make_issue(0, 1, category="GRAMMAR"), "grammar"),
        (make_issue(0, 1, type_="typographical", category="TYPOGRAPHY"), "punctuation"),
        (make_issue(0, 1, category="HILFESTELLUNG_KOMMASETZUNG"), "punctuation"),
        (make_issue(0, 1, type_="style", category="STYLE"), "style"),
        (make_issue(0, 1, category="MISC"), "style"),
        (make_issue(0, 1, type_="misspelling", category="HOUSE", source="house"), "house"),
    ],
)
def test_kinds(issue: Issue, kind: str) -> None:
    assert kind_of(issue).id == kind


DRAFT = "Präsident 😀 sagte „Ärger“ & mehr\nZweite Zeile – Ende. " * 20


def form_body(text: str) -> bytes:
    return urllib.parse.urlencode({"text": text, "language": "de-CH", "picky": "1"}).encode("ascii")


@pytest.mark.parametrize("limit", [1, 7, 50, 333, 1000, 1001, 1002, 1003, 1500, 100_000])
def test_recovered_draft_is_a_prefix_of_the_draft(limit: int) -> None:
    body = form_body(DRAFT)
    environ = {
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "wsgi.input": io.BytesIO(body),
    }
    recovered = recover_form_text(environ, limit)
    assert DRAFT.startswith(recovered.text)
    assert "\ufffd" not in recovered.text
    assert recovered.complete == (limit >= len(body))
    if recovered.complete:
        assert recovered.text == DRAFT
    elif limit >= 1000:
        # At most 12 bytes per character (an emoji, percent-encoded), so most of it comes back.
        assert len(recovered.text) > limit // 12


def test_nothing_recovered_from_multipart() -> None:
    environ = {
        "CONTENT_LENGTH": "100",
        "CONTENT_TYPE": "multipart/form-data; boundary=x",
        "wsgi.input": io.BytesIO(b"x" * 100),
    }
    assert recover_form_text(environ, 50).text == ""


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRECHECK_MAX_TEXT_LENGTH", "20000")
    monkeypatch.setenv("WIRECHECK_LANGUAGETOOL_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("WIRECHECK_RUNTIME_DIR", "/not/a/web/setting")
    app = create_app({"MAX_CONTENT_LENGTH": 1000})
    assert app.config["MAX_TEXT_LENGTH"] == 20000
    assert app.config["LANGUAGETOOL_URL"] == "http://127.0.0.1:9"
    assert app.config["MAX_CONTENT_LENGTH"] == app.config["MAX_FORM_MEMORY_SIZE"] == 1000
    assert "RUNTIME_DIR" not in app.config


# ---- Drafts from the upload form ------------------------------------------------------------

BOUNDARY = "----wirecheckBoundary7MA4YWxkTrZu0gW"


def multipart_body(text: str, file: bytes = b"", filename: str = "") -> bytes:
    """Our form as a browser sends it: the text (CRLF line ends), the file, the options."""
    lines = [
        f"--{BOUNDARY}",
        'Content-Disposition: form-data; name="text"',
        "",
        text.replace("\n", "\r\n"),
        f"--{BOUNDARY}",
        f'Content-Disposition: form-data; name="file"; filename="{filename}"',
        "Content-Type: application/octet-stream",
        "",
    ]
    head = "\r\n".join(lines).encode("utf-8") + b"\r\n"
    tail = f'\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name="language"\r\n\r\nauto\r\n--{BOUNDARY}--\r\n'
    return head + file + tail.encode("ascii")


def multipart_environ(body: bytes) -> dict[str, object]:
    return {
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "wsgi.input": io.BytesIO(body),
    }


@pytest.mark.parametrize("limit", [1, 60, 100, 101, 102, 103, 150, 777, 1000, 2000, 100_000])
def test_recovered_multipart_draft_is_a_prefix_of_the_draft(limit: int) -> None:
    body = multipart_body(DRAFT)
    recovered = recover_form_text(multipart_environ(body), limit)
    shown = DRAFT.replace("\r\n", "\n")
    assert shown.startswith(recovered.text)
    assert "\ufffd" not in recovered.text
    assert "--" not in recovered.text[-3:]  # no piece of the closing delimiter
    assert recovered.complete == (limit >= len(body))
    if recovered.complete:
        assert recovered.text == shown
    elif limit >= 1000:
        assert len(recovered.text) > limit // 8


def test_recovered_multipart_draft_names_the_file() -> None:
    body = multipart_body("Mein Entwurf.\nZweite Zeile.", b"<nitf>" + b"x" * 5000, "C:\\Meldungen\\budget.xml")
    recovered = recover_form_text(multipart_environ(body), 1000)
    assert recovered.text == "Mein Entwurf.\nZweite Zeile."
    assert recovered.filename == "budget.xml"
    assert not recovered.complete


# ---- The house profile at start-up ------------------------------------------------------------


def test_missing_profile_stops_the_start(tmp_path: Path) -> None:
    missing = tmp_path / "gibt-es-nicht.toml"
    with pytest.raises(InputError) as raised:
        create_app({"PROFILE": str(missing)})
    assert str(missing) in raised.value.message
    assert "PROFILE" in raised.value.message


def test_broken_profile_stops_the_start_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.toml"
    broken.write_text('extends = "default"\nname = Hausstil\n', encoding="utf-8")
    with pytest.raises(InputError) as raised:
        create_app({"PROFILE": str(broken)})
    assert f"{broken}:2:" in raised.value.message
    assert "invalid TOML" in raised.value.message


def test_profile_is_read_once_per_app(tmp_path: Path) -> None:
    profile = tmp_path / "haus.toml"
    profile.write_text('extends = "default"\nname = "Haus"\n', encoding="utf-8")
    app = create_app({"PROFILE": str(profile)})
    profile.write_text("kaputt = [", encoding="utf-8")  # later edits change nothing for this app
    with app.app_context():
        assert get_profile().name == "Haus"
        assert get_profile() is get_profile()
    with create_app().app_context():
        assert get_profile() is load_profile()  # the default


# ---- What the result page makes of a report ----------------------------------------------------


@pytest.mark.parametrize(
    ("replacement", "format_", "expected"),
    [
        ("AT&T <Nord>", "text", "AT&T <Nord>"),
        ("AT&T <Nord>", "markdown", "AT&T <Nord>"),
        ("AT&T <Nord>", "nitf", "AT&amp;T &lt;Nord&gt;"),
        ("AT&T", "newsml", "AT&amp;T"),
        ("AT&T", "html", "AT&amp;T"),
        ('Er sagte: "Nein" \\ Ende', "ninjs", 'Er sagte: \\"Nein\\" \\\\ Ende'),
        ("Straße «Ost»", "ninjs", "Straße «Ost»"),
        ("", "nitf", ""),
    ],
)
def test_suggestions_are_written_as_the_source_needs(replacement: str, format_: str, expected: str) -> None:
    assert in_source(replacement, format_) == expected


@pytest.mark.parametrize(
    ("score", "reading"),
    [
        (-12.0, "sehr schwer"),
        (25.4, "sehr schwer"),
        (30.0, "schwer"),
        (55.0, "mittelschwer"),
        (65.0, "mittel"),
        (75.0, "mittelleicht"),
        (85.0, "leicht"),
        (90.0, "sehr leicht"),
        (120.0, "sehr leicht"),
    ],
)
def test_flesch_readings(score: float, reading: str) -> None:
    assert flesch_reading(score) == reading


def test_figures() -> None:
    figures = figures_of(text_statistics("Der Rat tagt. Er beschließt die Reform am Montag in Berlin."))
    shown = {figure.label: (figure.value, figure.reading) for figure in figures}
    assert shown["Wörter"] == ("11", "")
    assert shown["Sätze"] == ("2", "")
    assert shown["Ø Satzlänge"] == ("5,5 Wörter", "")
    assert shown["längster Satz"] == ("8 Wörter", "")
    assert set(shown) == {"Wörter", "Sätze", "Ø Satzlänge", "längster Satz", "Lesbarkeit", "Wiener Sachtextformel"}
    assert figures_of(text_statistics("")) == ()
    counted = dataclasses.replace(text_statistics("Der Rat tagt."), long_sentences=2, long_sentence_limit=30)
    (long_sentences,) = [figure for figure in figures_of(counted) if figure.label == "lange Sätze"]
    assert (long_sentences.value, long_sentences.reading) == ("2", "über 30 Wörter")
    (spaces,) = [f for f in figures_of(text_statistics("Der Rat  tagt.")) if f.label == "doppelte Leerzeichen"]
    assert spaces.value == "1"
    assert wiener_reading(13.3) == "etwa 13. Schulstufe"
    assert wiener_reading(2.0) == "sehr leicht"
    assert wiener_reading(17.0) == "sehr schwer"


# ---- Messages for files that cannot be read ---------------------------------------------------


def test_not_utf8_message_names_file_and_byte() -> None:
    with pytest.raises(InputError) as raised:
        decode("Grüße".encode("latin-1"), "gruss.txt")
    message = messages.for_editor(raised.value)
    assert message.startswith("Die Datei „gruss.txt“ ist nicht in UTF-8 gespeichert")
    assert "Byte-Position 2" in message and "0xfc" in message


def test_unknown_input_problem_still_names_the_place() -> None:
    error = InputError("something new", path="a.xml", line=3, column=7)
    assert (
        messages.for_editor(error)
        == "Die Datei „a.xml“ lässt sich nicht lesen (Zeile 3, Spalte 7). Ihr Text ist erhalten."
    )


@pytest.mark.parametrize(
    ("error", "expected_start"),
    [
        (
            InputError("reworded", reason="xml_entities", path="a.xml", line=2, column=3),
            "Die Datei „a.xml“ wird nicht gelesen (Zeile 2, Spalte 3). Das XML deklariert Entitäten",
        ),
        (
            InputError("reworded", reason="xml_malformed", line=4, expat="mismatched tag"),
            "Der Text ist kein wohlgeformtes XML (Zeile 4): ein schließendes Tag passt nicht",
        ),
        (InputError("reworded", reason="json_malformed"), "Der Text ist kein gültiges JSON. Ihr Text ist erhalten."),
        (InputError("reworded", reason="not_ninjs", path="x.json"), "Die Datei „x.json“ ist JSON, aber kein ninjs"),
        (InputError("reworded", reason="xml_unknown_root", root="rss"), "Der Text ist XML, aber weder NITF noch"),
        (
            InputError("reworded", reason="not_utf8", hex="fc", byte=2),
            "Der Text ist nicht in UTF-8 gespeichert: an Byte-Position 2 (ab 0 gezählt) steht das Byte 0xfc",
        ),
        (
            InvalidRequest("reworded", reason="document_language", language="en"),
            "Das Dokument ist als Sprache „en“ ausgezeichnet; geprüft wird nur Deutsch.",
        ),
        (
            InvalidRequest("reworded", reason="not_german", language="en", name="Englisch"),
            "Der Text scheint Englisch zu sein, nicht Deutsch; geprüft wird nur Deutsch.",
        ),
    ],
    ids=lambda value: getattr(value, "reason", ""),
)
def test_messages_are_keyed_on_the_reason_not_on_the_english_text(error: CheckerError, expected_start: str) -> None:
    # Every error here has the English message "reworded": the German text depends on its reason alone.
    assert messages.for_editor(error).startswith(expected_start)


def test_the_card_speaks_the_editors_words() -> None:
    engine_issue = dataclasses.replace(
        make_issue(0, 4, rule="DE_AGREEMENT", type_="grammar", category="GRAMMAR"),
        rule_description="Kongruenz von Nominalphrasen (unvollständig!), z.B. 'mein kleiner (kleines) Haus'",
        category=Category("GRAMMAR", "Grammatik"),
    )
    finding = MarkedFinding(0, engine_issue, kind_of(engine_issue))
    assert finding.explanation == "Bereich: Grammatik"
    assert finding.message == "m"
    house_issue = dataclasses.replace(
        make_issue(0, 6, rule="HOUSE_UNKNOWN_NAME", source="house"), text="Wahidi", rule_description="Name fehlt"
    )
    name = MarkedFinding(1, house_issue, kind_of(house_issue))
    assert name.explanation == "Hausregel: Name fehlt"
    assert "»Wahidi«" in name.message and "Als Namen annehmen" in name.message
    assert "Hausprofil" not in name.message
    assert name.to_dict()["message"] == name.message
