"""One `Report` prepared for the result page: findings with their kind, counts, the marked-up text
and the text's figures.

The page's script reads the same issue dictionaries the JSON API sends (`Issue.to_dict()`),
plus each finding's number and kind, and its suggestions as they are written into the source.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Any

from checker.filters.fixes import (
    AMBIGUOUS,
    MARKUP,
    NEW_FINDING,
    NOT_CLEARED,
    NOTE,
    OVERLAP,
    SENTENCE_START_CASE,
    UNVERIFIED,
    FixPlan,
)
from checker.formats import FORMATS_BY_NAME
from checker.house import scope_of
from checker.house.unknown_words import UNKNOWN_NAME
from checker.records import Issue, Report, TextStats
from checker.web.annotate import Node, annotate
from checker.web.article import ArticleView, article_of
from checker.web.check_request import german_number
from checker.web.kinds import KINDS, KINDS_BY_ID, Kind, is_ours, kind_of

# Findings longer than this (in code points) get no background tint on the page.
WIDE_FINDING = 60
# Always listed in the counts, even at zero; house rules only once they find something.
_ALWAYS_COUNTED = ("spelling", "grammar", "punctuation", "style")


# Why "apply all" holds a suggestion back, as the page says it.
HELD_BACK_LABELS = {
    NOTE: "nur ein Hinweis, kein sicherer Fehler",
    AMBIGUOUS: "mehrere Vorschläge",
    OVERLAP: "überschneidet sich mit einem anderen",
    MARKUP: "enthält Auszeichnung der Datei",
    SENTENCE_START_CASE: "Groß-/Kleinschreibung am Satzanfang unsicher",
    NOT_CLEARED: "Hinweis bliebe bestehen",
    NEW_FINDING: "ergäbe einen neuen Fehler",
    UNVERIFIED: "nicht bestätigt",
}


@dataclass(frozen=True)
class MarkedFinding:
    """One finding as the page shows it: its number, its kind, whether our rules found it,
    and what "apply all" does with it (`verified`: takes it; `held_back`: why not)."""

    index: int
    issue: Issue
    kind: Kind
    verified: bool = False
    held_back: str | None = None
    # Where it is for an editor: "Titel", "Absatz 3" in a wire file's article, else "Zeile 14".
    place: str = ""

    @property
    def ours(self) -> bool:
        return is_ours(self.issue)

    @property
    def scope(self) -> str:
        """ "span" for a finding on words; "sentence" or "text" for one about a whole sentence or
        the whole text, shown as a marker rather than by underlining."""
        return scope_of(self.issue)

    @property
    def message(self) -> str:
        """What is wrong, in the editor's words: the engine's message, except that a name the
        dictionary lacks is offered for accepting, not sent to the house profile, a file an
        editor cannot change."""
        if self.issue.rule == UNKNOWN_NAME:
            return (
                f"Name nicht im Namensverzeichnis: »{self.issue.text}«. Ist er richtig geschrieben, "
                "„Als Namen annehmen“: dann gilt er in diesem Browser als bekannt."
            )
        return self.issue.message

    @property
    def explanation(self) -> str:
        """The line under the suggestions: our own rule's description, else the engine's category
        ("Grammatik"), never its internal rule description."""
        if self.ours:
            return f"Hausregel: {self.issue.rule_description}" if self.issue.rule_description else "Hausregel"
        return f"Bereich: {self.issue.category.name or self.kind.label}"

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def wide(self) -> bool:
        """Whether it covers a whole sentence or more: underlined only, so that the findings
        inside it stand out."""
        return self.issue.length > WIDE_FINDING

    def to_dict(self, format: str = "text") -> dict[str, Any]:
        # A suggestion for words around markup would remove the markup: not offered as a click.
        replacements = () if self.held_back == MARKUP else self.issue.replacements
        fixes = [in_source(replacement, format) for replacement in replacements]
        return {
            **self.issue.to_dict(),
            "message": self.message,
            "explanation": self.explanation,
            "index": self.index,
            "kind": self.kind.id,
            "ours": self.ours,
            "scope": self.scope,
            "fixes": fixes,
            "verified": self.verified,
            "held_back": HELD_BACK_LABELS.get(self.held_back or ""),
            "place": self.place,
        }


def in_source(replacement: str, format: str) -> str:
    """A suggestion as the source file must spell it to read as the suggested text.

    Suggestions are plain text; a finding's marks cover the file as written, so "&" becomes
    "&amp;" in markup and '"' becomes '\\"' in a ninjs string.
    """
    return FORMATS_BY_NAME[format].escape(replacement)


@dataclass(frozen=True)
class KindCount:
    kind: Kind
    count: int


@dataclass(frozen=True)
class Figure:
    """One figure of the statistics panel: "Wörter 287", "Lesbarkeit 25,4 schwer"."""

    label: str
    value: str
    reading: str = ""
    help: str = ""


# Amstad's bands for the German Flesch reading ease (0 hard … 100 easy), lowest score first.
_FLESCH_READINGS = (
    (30, "sehr schwer"),
    (50, "schwer"),
    (60, "mittelschwer"),
    (70, "mittel"),
    (80, "mittelleicht"),
    (90, "leicht"),
)


def flesch_reading(score: float) -> str:
    for below, reading in _FLESCH_READINGS:
        if score < below:
            return reading
    return "sehr leicht"


def wiener_reading(score: float) -> str:
    """The first Wiener Sachtextformel reads as a school year, from 4 (easy) to 15 (very hard)."""
    if score < 4:
        return "sehr leicht"
    if score > 15:
        return "sehr schwer"
    return f"etwa {round(score)}. Schulstufe"


def _decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def figures_of(stats: TextStats) -> tuple[Figure, ...]:
    """The statistics panel's figures; none for a text without words."""
    if not stats.words:
        return ()
    words = "Wort" if stats.longest_sentence_length == 1 else "Wörter"
    figures = [
        Figure("Wörter", german_number(stats.words)),
        Figure("Sätze", german_number(stats.sentences)),
        Figure("Ø Satzlänge", f"{_decimal(stats.average_sentence_length or 0.0)} Wörter"),
        Figure("längster Satz", f"{german_number(stats.longest_sentence_length)} {words}"),
    ]
    if stats.long_sentence_limit:
        limit = german_number(stats.long_sentence_limit)
        figures.append(
            Figure(
                "lange Sätze",
                german_number(stats.long_sentences),
                f"über {limit} Wörter",
                f"Sätze mit mehr als {limit} Wörtern: ein Stilhinweis des Hausprofils."
                " Das Profil »Agenturstil (streng)« markiert jeden im Text.",
            )
        )
    if stats.double_spaces:
        figures.append(
            Figure(
                "doppelte Leerzeichen",
                german_number(stats.double_spaces),
                "",
                "Stellen mit zwei oder mehr Leerzeichen zwischen Wörtern. Webseiten und Redaktionssysteme zeigen "
                "sie als eines; das Profil »Agenturstil (streng)« markiert jede Stelle.",
            )
        )
    if stats.flesch_reading_ease is not None:
        figures.append(
            Figure(
                "Lesbarkeit",
                _decimal(stats.flesch_reading_ease),
                flesch_reading(stats.flesch_reading_ease),
                "Flesch-Lesbarkeitsindex nach Amstad: 0 (sehr schwer) bis 100 (sehr leicht); "
                "Nachrichtentexte liegen meist zwischen 30 und 60.",
            )
        )
    if stats.wiener_sachtextformel is not None:
        figures.append(
            Figure(
                "Wiener Sachtextformel",
                _decimal(stats.wiener_sachtextformel),
                wiener_reading(stats.wiener_sachtextformel),
                "Erste Wiener Sachtextformel: 4 (sehr leicht) bis 15 (sehr schwer), etwa die Schulstufe.",
            )
        )
    return tuple(figures)


@dataclass(frozen=True)
class ReportView:
    report: Report
    findings: tuple[MarkedFinding, ...]
    nodes: list[Node]
    counts: tuple[KindCount, ...]
    figures: tuple[Figure, ...] = ()
    # A wire file's article, shown before its source (checker.web.article).
    article: ArticleView | None = None

    @classmethod
    def of(cls, report: Report, plan: FixPlan | None = None) -> ReportView:
        verified = {fix.index for fix in plan.fixes} if plan else set()
        held = {item.index: item.reason for item in plan.held_back} if plan else {}
        article = article_of(report)
        places = article.places if article else tuple(f"Zeile {issue.line}" for issue in report.issues)
        findings = tuple(
            MarkedFinding(index, issue, kind_of(issue), index in verified, held.get(index), places[index])
            for index, issue in enumerate(report.issues)
        )
        tally = Counter(finding.kind.id for finding in findings)
        counts = tuple(
            KindCount(kind, tally[kind.id]) for kind in KINDS if kind.id in _ALWAYS_COUNTED or tally[kind.id]
        )
        # Findings about a whole sentence or text are marked where they start, not underlined.
        marked = [
            issue if finding.scope == "span" else dataclasses.replace(issue, length=0)
            for finding, issue in zip(findings, report.issues, strict=True)
        ]
        return cls(report, findings, annotate(report.text, marked), counts, figures_of(report.stats), article)

    def script_data(self) -> dict[str, Any]:
        """What the page's script needs, embedded as JSON in the page."""
        return {
            **self.report.to_dict(),
            "issues": [finding.to_dict(self.report.format) for finding in self.findings],
            "kinds": {kind.id: kind.label for kind in KINDS_BY_ID.values()},
        }
