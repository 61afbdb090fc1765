"""What the editor reads when something goes wrong: plain German, and the draft is always safe."""

from __future__ import annotations

from checker.errors import CheckerError, InputError
from checker.web.check_request import german_number

_SAFE = "Ihr Text ist erhalten."

# For failures of the engine, whose own messages are technical English.
_BY_CODE = {
    "engine_unavailable": (
        "Die Prüfung ist gerade nicht erreichbar – LanguageTool startet vielleicht neu. "
        f"{_SAFE} Bitte in einer Minute noch einmal „Prüfen“ drücken."
    ),
    "engine_timeout": (
        f"Die Prüfung hat zu lange gedauert. {_SAFE} Bitte noch einmal versuchen oder einen kürzeren Abschnitt prüfen."
    ),
    "engine_error": (
        f"Die Prüfung ist mit einem Fehler abgebrochen. {_SAFE} "
        "Bitte noch einmal versuchen; wenn es wieder passiert, der Technik Bescheid geben."
    ),
    "setup_error": f"Die Prüfung ist auf diesem Server nicht eingerichtet. {_SAFE} Bitte der Technik Bescheid geben.",
    "overloaded": (
        f"Gerade werden sehr viele Texte auf einmal geprüft. {_SAFE} "
        "Bitte in ein paar Sekunden noch einmal „Prüfen“ drücken."
    ),
    # The API's access rules (checker.web.access); the form is not subject to them.
    "unauthorized": (
        "Diese Schnittstelle braucht einen Zugangsschlüssel (Kopfzeile „Authorization: Bearer …“); "
        "er fehlt oder ist nicht gültig."
    ),
    "rate_limited": (
        "Zu viele Anfragen in kurzer Zeit von diesem Zugang. Bitte so viele Sekunden warten, wie die "
        "Kopfzeile „Retry-After“ angibt, und dann noch einmal senden."
    ),
    # The names dictionary (checker.names).
    "names_unavailable": (
        "Das Namensverzeichnis ist gerade nicht erreichbar. Bitte in einer Minute noch einmal versuchen; "
        "wenn es so bleibt, der Technik Bescheid geben."
    ),
    "not_found": "Diesen Namen gibt es im Namensverzeichnis nicht.",
    "conflict": "Einen Eintrag mit diesem Namen gibt es schon.",
    "rate_limit_unavailable": (
        f"Die Zugangskontrolle dieses Servers ist gerade nicht erreichbar. {_SAFE} "
        "Bitte in einer Minute noch einmal versuchen; wenn es so bleibt, der Technik Bescheid geben."
    ),
}

# The form's refusals by the access rules (checker.web.access): the editor reads them, not a program.
_BY_REASON = {
    "form_key_missing": (
        f"Diese Seite braucht einen Zugangsschlüssel. {_SAFE} "
        "Bitte den Schlüssel eingeben und noch einmal „Prüfen“ drücken."
    ),
    "form_key_wrong": (
        f"Der Zugangsschlüssel stimmt nicht. {_SAFE} Bitte den Schlüssel prüfen und noch einmal „Prüfen“ drücken."
    ),
    "form_rate_limited": (
        f"Zu viele Prüfungen in kurzer Zeit. {_SAFE} Bitte in {{retry_after}} Sekunden noch einmal „Prüfen“ drücken."
    ),
}

INTERNAL_ERROR = (
    f"Bei der Prüfung ist etwas Unerwartetes schiefgegangen. {_SAFE} "
    "Bitte noch einmal versuchen; wenn es wieder passiert, der Technik Bescheid geben."
)
NOT_FOUND = "Diese Seite gibt es nicht. Hier können Sie einen Text prüfen."
METHOD_NOT_ALLOWED = "Diese Adresse nimmt so keine Anfrage an."
BAD_REQUEST = "Die Anfrage war unvollständig oder fehlerhaft. Bitte noch einmal versuchen."


def too_large(limit_bytes: int, size: int | None, max_text_length: int) -> str:
    sizes = f"{_size(size)}, " if size else ""
    return (
        f"Der Text ist zu groß, um ihn anzunehmen ({sizes}höchstens {_size(limit_bytes)}). "
        f"Geprüft werden bis zu {german_number(max_text_length)} Zeichen auf einmal."
    )


def file_too_large(filename: str, limit_bytes: int, size: int | None, max_text_length: int) -> str:
    sizes = f"{_size(size)}, " if size else ""
    return (
        f"Die Datei „{filename}“ ist zu groß, um sie anzunehmen ({sizes}höchstens {_size(limit_bytes)}). "
        f"Geprüft werden bis zu {german_number(max_text_length)} Zeichen auf einmal."
    )


def _size(size: int) -> str:
    if size < 1_048_576:
        return f"{german_number(max(1, round(size / 1024)))} kB"
    return f"{size / 1_048_576:.1f}".replace(".", ",") + " MB"


# expat's reasons, as people who write XML by hand know them.
_XML_REASONS = {
    "mismatched tag": "ein schließendes Tag passt nicht zum offenen Element",
    "not well-formed (invalid token)": "ungültiges Zeichen, etwa ein „<“ oder „&“, das als &lt; oder &amp; stehen muss",
    "no element found": "das Dokument endet, bevor alle Elemente geschlossen sind",
    "unclosed token": "ein Tag oder Kommentar ist nicht geschlossen",
    "junk after document element": "nach dem schließenden Wurzelelement steht noch etwas",
    "undefined entity": "unbekannte Entität (XML kennt nur &amp; &lt; &gt; &quot; &apos; und &#…;)",
    "duplicate attribute": "ein Attribut steht doppelt im selben Tag",
    "unbound prefix": "ein Namensraum-Präfix ist nicht deklariert",
    "syntax error": "Syntaxfehler",
}


# Text that LanguageTool must not be sent (checker.text.limits).
_LIMIT_REASONS = {
    "lone_surrogate": "ein ungültiges Zeichen (ein einzelnes UTF-16-Ersatzzeichen)",
    "paragraph_too_long": "einen Absatz mit mehr als {limit} Zeichen",
    "symbol_run": "mehr als {limit} Zeichen hintereinander ohne Buchstaben oder Ziffern",
    "token_too_long": "ein Wort mit mehr als {limit} Zeichen ohne Leerzeichen",
}


def for_editor(error: CheckerError) -> str:
    """The message to show, keyed on the error's reason: our own (already German) unless the
    engine failed or the input or document could not be read, whose messages from the core are
    technical English."""
    if isinstance(error, InputError):
        return unreadable_input(error)
    if error.reason == "document_language":
        return (
            f"Das Dokument ist als Sprache „{error.details['language']}“ ausgezeichnet; geprüft wird nur Deutsch. "
            "Wenn es doch deutsch ist, bitte die Sprachvariante wählen statt „Automatisch“."
        )
    if error.reason == "not_german":
        return (
            f"Der Text scheint {error.details['name']} zu sein, nicht Deutsch; geprüft wird nur Deutsch. "
            "Ist er doch deutsch, prüfen Sie ihn mit einer Sprachvariante statt „Automatisch“."
        )
    if error.reason in _BY_REASON:
        return _BY_REASON[error.reason].format(retry_after=error.details.get("retry_after", 60))
    return _BY_CODE.get(error.code, error.message)


def unreadable_input(error: InputError) -> str:  # noqa: PLR0911  one answer per reason, read as a table
    """Why a file or a pasted text in a markup format cannot be read, in German, with the place."""
    what = f"Die Datei „{error.path}“" if error.path else "Der Text"
    where = ""
    if error.line is not None:
        where = f" (Zeile {error.line}" + (f", Spalte {error.column}" if error.column is not None else "") + ")"
    reason, details = error.reason, error.details
    if reason == "not_utf8":
        return (
            f"{what} ist nicht in UTF-8 gespeichert: an Byte-Position {german_number(int(details['byte']))} "
            f"(ab 0 gezählt) steht das Byte 0x{details['hex']}, das dort in UTF-8 nicht stehen kann. "
            "Bitte die Datei als UTF-8 speichern und noch einmal hochladen."
        )
    if reason == "xml_entities":
        explanation = (
            "Das XML deklariert Entitäten (<!ENTITY …> im DOCTYPE). Solche Dateien lesen wir aus "
            "Sicherheitsgründen nicht: Entitäten können ohne Grenze wachsen oder fremde Dateien einlesen."
        )
        return f"{what} wird nicht gelesen{where}. {explanation} {_SAFE}"
    if reason == "xml_refused":
        explanation = "Das XML enthält Deklarationen, die wir aus Sicherheitsgründen nicht lesen."
        return f"{what} wird nicht gelesen{where}. {explanation} {_SAFE}"
    if reason == "xml_malformed":
        expat = str(details.get("expat", "")).strip()
        return f"{what} ist kein wohlgeformtes XML{where}: {_XML_REASONS.get(expat, expat)}. {_SAFE}"
    if reason == "json_malformed" and details.get("digits"):
        digits = german_number(int(details["digits"]))
        return f"{what} enthält eine Zahl mit {digits} Ziffern{where}; gelesen werden höchstens 4.300. {_SAFE}"
    if reason == "json_malformed":
        return f"{what} ist kein gültiges JSON{where}. {_SAFE}"
    if reason == "xml_unknown_root":
        return f"{what} ist XML, aber weder NITF noch NewsML-G2. Bitte ein Format wählen. {_SAFE}"
    if reason == "not_ninjs":
        return f"{what} ist JSON, aber kein ninjs: Es fehlen die Felder für Überschrift und Text. {_SAFE}"
    if reason == "no_text" and "format" not in details:
        return f"{what} ist leer: Es gibt nichts zu prüfen. Bitte einen Text einfügen oder eine Datei wählen."
    if reason in _LIMIT_REASONS:
        limit = german_number(int(details["limit"])) if details.get("limit") else ""
        return f"{what} enthält {_LIMIT_REASONS[reason].format(limit=limit)}{where}; so wird er nicht geprüft. {_SAFE}"
    if reason in _FORMAT_REASONS:
        return f"{what} {_FORMAT_REASONS[reason](details)} {_SAFE}"
    return f"{what} lässt sich nicht lesen{where}. {_SAFE}"


# Where each format holds the text we check, for a file that has none there.
_EXPECTED_TEXT = {
    "NITF": "eine Überschrift (hedline), eine Ortsmarke (dateline) oder Text in body.content",
    "NewsML-G2": "eine Überschrift oder Ortsmarke in contentMeta oder Text in inlineXML (XHTML, NITF) oder inlineData",
    "ninjs": "eine Überschrift oder ein Text (headline, headlines, body_…, bodies)",
    "HTML": "Text außerhalb von Kopf, Skripten und Stilangaben",
}

# The format readers' reasons: what the file is and what is missing, in German.
_FORMAT_REASONS = {
    "no_text": lambda details: (
        f"ist als {details.get('format', 'Agenturformat')} erkannt, enthält aber nichts zu prüfen; erwartet wird "
        f"{_EXPECTED_TEXT.get(str(details.get('format')), 'eine Überschrift oder ein Text')}."
    ),
    "unsupported_format": lambda details: (
        f"ist im Format {details.get('format', 'unbekannt')} geschrieben, das wir nicht lesen. Gelesen werden "
        "NITF, NewsML-G2 und ninjs, dazu Text, HTML und Markdown."
    ),
    "not_declared_encoding": lambda details: (
        f"ist laut XML-Deklaration in {details['encoding']} gespeichert, aber an Byte-Position "
        f"{german_number(int(details['byte']))} (ab 0 gezählt) steht das Byte 0x{details['hex']}, das es dort "
        "nicht gibt. Bitte die Datei als UTF-8 speichern und noch einmal hochladen."
    ),
    "not_text_encoding": lambda details: (
        f"nennt in der XML-Deklaration „{details['encoding']}“ als Zeichenkodierung; das ist keine. "
        "Bitte die Datei als UTF-8 speichern und noch einmal hochladen."
    ),
    "encoding_mismatch": lambda details: (
        f"nennt in der XML-Deklaration die Zeichenkodierung „{details['encoding']}“, aber die Bytes der Datei "
        "passen nicht dazu. Bitte die Datei als UTF-8 speichern und noch einmal hochladen."
    ),
    "office_unreadable": lambda details: (
        f"lässt sich nicht als {'Word' if details.get('kind') == 'docx' else 'OpenDocument'}-Datei lesen; sie ist "
        "beschädigt oder unvollständig. Bitte in der Textverarbeitung noch einmal speichern."
    ),
    "unknown_encoding": lambda details: (
        f"nennt in der XML-Deklaration die Zeichenkodierung „{details['encoding']}“, die wir nicht kennen. "
        "Bitte die Datei als UTF-8 speichern und noch einmal hochladen."
    ),
}
