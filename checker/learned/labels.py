"""The kinds of problem the model tells apart: the label it predicts for a token, and for the
kinds it reports on its own, the rule id, German message and issue type of the finding."""

from __future__ import annotations

from dataclasses import dataclass

from checker.records import Category, Severity

CORRECT = "O"
CATEGORY = Category("MODEL", "Statistisches Modell")


@dataclass(frozen=True)
class ModelKind:
    """One label of the model and the finding it makes of it. Which kinds report findings of
    their own, and from what probability, training decides per sensitivity (model.json,
    `report_from`). `wrong` and `right` are an example of the problem and its fix that the
    model tells apart with the sensitivity "high" (checked by the tests); kinds the model
    reports too rarely for a short example to show have none. Model findings are notes
    (severity info): a statistical suspicion without a fix."""

    label: str
    rule: str
    description: str
    message: str
    issue_type: str
    wrong: str = ""
    right: str = ""
    severity: Severity = "info"


MODEL_KINDS: tuple[ModelKind, ...] = (
    ModelKind(
        "AGREEMENT",
        "MODEL_AGREEMENT",
        "Vermutlich falsche Beugung (Kongruenz oder Fall)",
        "Die Form dieses Wortes passt vermutlich nicht zu den Wörtern, mit denen es zusammengehört "
        "(Geschlecht, Zahl oder Fall von Artikel, Adjektiv oder Nomen).",
        "grammar",
        "Die Bundesregierung will den Ausbau von erneuerbare Energien beschleunigen.",
        "Die Bundesregierung will den Ausbau von erneuerbaren Energien beschleunigen.",
    ),
    ModelKind(
        "VERB_FORM",
        "MODEL_VERB_FORM",
        "Vermutlich falsche Verbform",
        "Diese Verbform passt vermutlich nicht zum Satz "
        "(Person, Zahl, Zeit, oder Infinitiv und finite Form verwechselt).",
        "grammar",
        "Er kann nicht kommen, weil er krank sein.",
        "Er kann nicht kommen, weil er krank ist.",
    ),
    ModelKind(
        "WORD_ORDER",
        "MODEL_WORD_ORDER",
        "Vermutlich falsche Wortstellung",
        "Dieses Wort steht vermutlich an der falschen Stelle im Satz.",
        "grammar",
        "Er hat die Prüfung nicht bestanden, deswegen er muss sie wiederholen.",
        "Er hat die Prüfung nicht bestanden, deswegen muss er sie wiederholen.",
    ),
    ModelKind(
        "ORTHOGRAPHY",
        "MODEL_ORTHOGRAPHY",
        "Vermutlich falsche Groß-, Klein-, Getrennt- oder Zusammenschreibung",
        "Dieses Wort ist vermutlich falsch groß- oder kleingeschrieben, getrennt oder zusammengeschrieben.",
        "misspelling",
    ),
    ModelKind(
        "SPELLING",
        "MODEL_SPELLING",
        "Vermutlich falsch geschrieben oder verwechselt",
        "Dieses Wort ist vermutlich falsch geschrieben oder mit einem ähnlichen verwechselt "
        "(etwa „seid“ und „seit“, „das“ und „dass“).",
        "misspelling",
    ),
    ModelKind(
        "PUNCTUATION",
        "MODEL_PUNCTUATION",
        "Vermutlich ein Satzzeichenfehler",
        "Hier stimmt vermutlich ein Satzzeichen nicht: vor diesem Wort fehlt eines (etwa ein Komma), "
        "oder dieses ist zu viel oder falsch.",
        "punctuation",
        "Die Gespräche waren schwierig aber die Delegationen einigten sich.",
        "Die Gespräche waren schwierig, aber die Delegationen einigten sich.",
    ),
    ModelKind(
        "OTHER",
        "MODEL_WORDING",
        "Vermutlich ein Fehler in Wortwahl oder Satzbau",
        "Hier stimmt vermutlich etwas mit Wortwahl oder Satzbau nicht: ein Wort fehlt, ist zu viel, "
        "ist falsch gewählt (etwa die Präposition) oder steht an der falschen Stelle.",
        "grammar",
        "Er sagte, dass er hat keine Zeit.",
        "Er sagte, dass er keine Zeit hat.",
    ),
)
KINDS_BY_LABEL = {kind.label: kind for kind in MODEL_KINDS}
KINDS_BY_RULE = {kind.rule: kind for kind in MODEL_KINDS}
LABELS = (CORRECT, *KINDS_BY_LABEL)

# Falko-MERLIN's error types (ERRANT's) by the label the model learns for them.
_LABEL_OF_TYPE = {
    "R:DET:FORM": "AGREEMENT",
    "R:ADJ:FORM": "AGREEMENT",
    "R:NOUN:FORM": "AGREEMENT",
    "R:PRON:FORM": "AGREEMENT",
    "R:VERB:FORM": "VERB_FORM",
    "R:AUX:FORM": "VERB_FORM",
    "R:WO": "WORD_ORDER",
    "R:ORTH": "ORTHOGRAPHY",
    "R:SPELL": "SPELLING",
}


def label_of(error_type: str) -> str:
    """The model's label for an error type of the training data ("-" is correct)."""
    if error_type in ("-", ""):
        return CORRECT
    if error_type.endswith(":PUNCT"):
        return "PUNCTUATION"
    return _LABEL_OF_TYPE.get(error_type, "OTHER")
