"""A Report as LanguageTool's `/v2/check` answer: every finding as a LanguageTool match, with
offsets and lengths in UTF-16 code units of the text the client sent (markup included).

LanguageTool's own findings keep what LanguageTool said of them (short message, type, rule with
sub-id and URLs, `contextForSureMatch`, …): `RecordingEngine` keeps its answers, and
`LanguageToolFields` finds each finding's match again. House and model findings become matches
of their own rules and categories (`HOUSE_…`, `MODEL_…`). `context` is made as LanguageTool
makes it (40 UTF-16 units either side, line ends as spaces, "..." where cut), from the text as
sent.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from checker.formats import Document
from checker.languagetool import Engine, split_text
from checker.languagetool.matches import issues_from_matches
from checker.options import CheckOptions
from checker.records import Issue, Report
from checker.text.offsets import LineIndex, Utf16Map, widen_to_characters
from checker.text.segments import split_sentences
from checker.web.languagetool_request import LANGUAGETOOL_NAMES

# LanguageTool's server shows this many UTF-16 units of text either side of a match.
CONTEXT_SIZE = 40
_ELLIPSIS = "..."
_RULE_WITH_SUB_ID = "["


class RecordingEngine:
    """An Engine that keeps every answer of the engine it wraps, in order, with the text sent."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self.url = engine.url
        self.max_text_length = engine.max_text_length
        self.answers: list[tuple[str, dict[str, Any]]] = []

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        result = self._engine.query(payload, options)
        self.answers.append((payload.get("text", ""), result))
        return result

    def version(self) -> str:
        return self._engine.version()

    def identity(self) -> str:
        return self._engine.identity()

    def alive(self) -> bool:
        return self._engine.alive()


class LanguageToolFields:
    """LanguageTool's own match for each of its findings in a checked document, found again from
    the recorded answers by position and rule as the pipeline placed them."""

    def __init__(self, document: Document, recorder: RecordingEngine) -> None:
        self._by_place: dict[tuple[int, int, str], dict[str, Any]] = {}
        plain, source = document.plain_text(), document.source
        pieces = [(base, piece) for base, piece in split_text(plain, recorder.max_text_length) if piece.strip()]
        if len(pieces) != len(recorder.answers):
            return  # checked some other way: our own fields only
        lines = LineIndex(plain)
        for (base, piece), (sent, answer) in zip(pieces, recorder.answers, strict=True):
            if len(sent) != len(piece):
                self._by_place.clear()
                return
            raw_matches = answer.get("matches", [])
            issues = issues_from_matches(raw_matches, checked=piece, text=plain, base=base, lines=lines)
            for issue, raw in zip(issues, raw_matches, strict=True):
                start, end = widen_to_characters(source, *document.to_source_span(issue.offset, issue.end))
                self._by_place.setdefault((start, end, issue.rule), raw)

    def match_for(self, issue: Issue) -> dict[str, Any] | None:
        return self._by_place.get((issue.offset, issue.end, issue.rule))


class Sentences:
    """The sentences of a document's plain text, placed in its source, for `sentence` and
    `sentenceRanges` (LanguageTool's own sentence is used for its matches where it has one)."""

    def __init__(self, document: Document) -> None:
        self.plain = plain = document.plain_text()
        in_plain = split_sentences(plain)
        self.spans = [document.to_source_span(start, end) for start, end in in_plain]
        self._starts = [start for start, _ in self.spans]
        self._texts = [plain[start:end].strip() for start, end in in_plain]

    def containing(self, offset: int) -> str:
        index = bisect_right(self._starts, offset) - 1
        return self._texts[index] if index >= 0 else ""


def answer(report: Report, document: Document, recorder: RecordingEngine, *, kept: list[Issue]) -> dict[str, Any]:
    """LanguageTool's answer for the checked `document`: `kept` are the report's findings the
    client's switches let through."""
    source = report.text
    utf16 = Utf16Map(source)
    fields = LanguageToolFields(document, recorder)
    sentences = Sentences(document)
    return {
        "software": software(report.engine_version or _recorded_version(recorder)),
        "warnings": {"incompleteResults": False},
        "language": language_section(report.language),
        "matches": [_match(issue, source, utf16, fields.match_for(issue), sentences) for issue in kept],
        "sentenceRanges": [[utf16.to_utf16(start), utf16.to_utf16(end)] for start, end in sentences.spans],
    }


def empty_answer(language: str, version: str) -> dict[str, Any]:
    """The answer for a text with nothing to check (empty or only white space)."""
    return {
        "software": software(version),
        "warnings": {"incompleteResults": False},
        "language": language_section(language),
        "matches": [],
        "sentenceRanges": [],
    }


def software(version: str) -> dict[str, Any]:
    return {
        "name": "LanguageTool",
        "version": version,
        "buildDate": None,
        "apiVersion": 1,
        "premium": False,
        "status": "",
    }


def language_section(language: str) -> dict[str, Any]:
    name = LANGUAGETOOL_NAMES[language]
    # Only German is checked here: the language checked is the language "detected".
    detected = {"name": name, "code": language, "confidence": 1.0, "source": "wirecheck"}
    return {"name": name, "code": language, "detectedLanguage": detected}


def languages() -> list[dict[str, str]]:
    """`/v2/languages`: the German variants, as LanguageTool lists them."""
    return [{"name": name, "code": "de", "longCode": code} for code, name in LANGUAGETOOL_NAMES.items()]


def _recorded_version(recorder: RecordingEngine) -> str:
    for _, result in recorder.answers:
        version = result.get("software", {}).get("version")
        if version:
            return str(version)
    return ""


def _match(
    issue: Issue, source: str, utf16: Utf16Map, raw: dict[str, Any] | None, sentences: Sentences
) -> dict[str, Any]:
    offset, end = utf16.to_utf16(issue.offset), utf16.to_utf16(issue.end)
    match = dict(raw) if raw is not None else _our_fields(issue)
    # LanguageTool's sentence, unless it saw the text another way (a dateline set apart).
    sentence = str(match.get("sentence", ""))
    if not sentence or sentence not in sentences.plain:
        sentence = sentences.containing(issue.offset)
    match.update(
        message=issue.message,
        replacements=_replacements(issue, raw),
        offset=offset,
        length=end - offset,
        context=context(source, utf16, offset, end),
        sentence=sentence,
    )
    return match


def _our_fields(issue: Issue) -> dict[str, Any]:
    """The fields LanguageTool gives a match, for a finding LanguageTool did not make (or whose
    match could not be found again)."""
    rule_id, _, sub_id = issue.rule.partition(_RULE_WITH_SUB_ID)
    rule: dict[str, Any] = {"id": rule_id}
    if sub_id:
        rule["subId"] = sub_id.rstrip("]")
    rule.update(
        description=issue.rule_description,
        issueType=issue.type,
        category={"id": issue.category.id, "name": issue.category.name},
    )
    if issue.url:
        rule["urls"] = [{"value": issue.url}]
    return {
        "shortMessage": issue.rule_description if issue.source != "languagetool" else "",
        "type": {"typeName": _type_name(issue)},
        "rule": rule,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _type_name(issue: Issue) -> str:
    """LanguageTool's three match types: unknown words, hints, and everything else."""
    if issue.type == "misspelling":
        return "UnknownWord"
    return "Hint" if issue.severity == "info" else "Other"


def _replacements(issue: Issue, raw: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The finding's fixes, with what LanguageTool said of each one it suggested itself."""
    said = {str(item.get("value")): item for item in (raw or {}).get("replacements", []) if isinstance(item, dict)}
    return [dict(said.get(value) or {"value": value}) for value in issue.replacements]


def context(source: str, utf16: Utf16Map, offset: int, end: int) -> dict[str, Any]:
    """LanguageTool's `context` for the UTF-16 span offset:end of `source` (its ContextTools):
    up to CONTEXT_SIZE units either side, "..." where the text goes on, line feeds as spaces.
    A window edge inside a surrogate pair moves outwards, so no character is cut in half."""
    start_units, prefix = offset - CONTEXT_SIZE, _ELLIPSIS
    if start_units < 0:
        start_units, prefix = 0, ""
    end_units, postfix = end + CONTEXT_SIZE, _ELLIPSIS
    if end_units > utf16.utf16_length:
        end_units, postfix = utf16.utf16_length, ""
    start = utf16.to_code_points(start_units)
    stop = utf16.to_code_points(end_units)
    if utf16.to_utf16(stop) < end_units:
        stop += 1
    shown = source[start:stop].replace("\n", " ")
    return {
        "text": prefix + shown + postfix,
        "offset": len(prefix) + offset - utf16.to_utf16(start),
        "length": end - offset,
    }
