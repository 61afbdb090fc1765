"""A LanguageTool `/v2/check` request read as LanguageTool reads it: its parameters from a
form-encoded body or the query string (or, beyond LanguageTool, a JSON object body), `text` or
annotated `data` as a `Document`, the language, and the rule switches as `CheckOptions`.

Annotated text maps onto our documents part for part: a `text` item is a text part, a `markup`
item a markup part read as its `interpretAs` (nothing without one), so every finding comes back
as an offset into the text with its markup, as LanguageTool counts it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import g, request

from checker.errors import InvalidRequest
from checker.formats import Document, Part
from checker.options import AUTO, LANGUAGES, CheckOptions
from checker.records import Issue
from checker.web import json_input
from checker.web.json_input import refuse_lone_surrogates

# The names LanguageTool gives the German variants; "de" is checked as de-DE, the variant the
# rest of the checker defaults to (LanguageTool has no spell checker for plain "de").
LANGUAGETOOL_NAMES = {
    "de": "German",
    "de-DE": "German (Germany)",
    "de-AT": "German (Austria)",
    "de-CH": "German (Swiss)",
}
DEFAULT_VARIANT = "de-DE"
_TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
_PARAMETERS = "languagetool_parameters"


@dataclass(frozen=True)
class LanguageToolRequest:
    """What a client asked for: the document to check, the German variant it is checked as, and
    the options (rule switches and picky level) for LanguageTool and for our own findings."""

    document: Document
    language: str
    options: CheckOptions
    # LanguageTool's `mode=textLevelOnly`: a client that splits a check in two (the text-level
    # rules over the whole text, all others per paragraph) gets every finding from the other
    # half, so each is shown once.
    text_level_only: bool = False

    def keeps(self, issue: Issue) -> bool:
        """Whether the client's rule and category switches let one of our own findings (house,
        model) through; LanguageTool applies them to its findings itself."""
        if issue.source == "languagetool":
            return True
        rules, category = {issue.rule, issue.rule.split("[", 1)[0]}, issue.category.id
        if self.options.enabled_only:
            return bool(rules & set(self.options.enabled_rules)) or category in self.options.enabled_categories
        return not rules & set(self.options.disabled_rules) and category not in self.options.disabled_categories


def current_parameters() -> dict[str, Any]:
    """The parameters of the request being answered, read once (access control reads its `apiKey`
    before the check reads the rest)."""
    if _PARAMETERS not in g:
        json_body = request.get_data(cache=False) if request.mimetype == "application/json" else None
        setattr(g, _PARAMETERS, parameters(request.values, json_body))
    found: dict[str, Any] = getattr(g, _PARAMETERS)
    return found


def parameters(fields: Mapping[str, Any], json_body: bytes | None = None) -> dict[str, Any]:
    """The request's parameters: its query string and form `fields`, and the members of a JSON
    object body when it has one (LanguageTool itself reads form-encoded bodies only)."""
    params = dict(fields)
    if json_body is None:
        return params
    data = json_input.load(json_body) if json_body.strip() else {}
    if not isinstance(data, dict):
        raise InvalidRequest("Erwartet wird ein JSON-Objekt mit den Parametern von LanguageTool.")
    return {**params, **data}


def read_request(params: Mapping[str, Any]) -> LanguageToolRequest:
    """The request for LanguageTool's parameters; raises InvalidRequest where LanguageTool
    answers 400 (no language, no text, both text and data, malformed data, unknown language),
    and for a lone surrogate anywhere but in the text (whose limits name the place)."""
    for name, value in params.items():
        if name not in ("text", "data"):
            refuse_lone_surrogates(f"Der Parameter „{name}“", value)
    if "language" not in params:
        raise InvalidRequest("Der Parameter „language“ fehlt, etwa language=de-DE.")
    language = decide_language(_text(params, "language"), _text(params, "preferredVariants"))
    has_text, has_data = params.get("text") is not None, params.get("data") is not None
    if has_text and has_data:
        raise InvalidRequest("Bitte nur einen der Parameter „text“ und „data“ senden, nicht beide.")
    if has_text:
        document = Document(format="text", language=None, parts=(Part(_text(params, "text"), markup=False),))
    elif has_data:
        document = document_from_annotation(params["data"])
    else:
        raise InvalidRequest("Der Parameter „text“ oder „data“ fehlt.")
    enabled_only = _text(params, "enabledOnly").strip().lower() in _TRUE_WORDS
    options = CheckOptions(
        language=language,
        format="text",
        picky=_text(params, "level").strip().lower() == "picky",
        enabled_rules=_ids(params, "enabledRules"),
        disabled_rules=_ids(params, "disabledRules"),
        enabled_categories=_ids(params, "enabledCategories"),
        disabled_categories=_ids(params, "disabledCategories"),
        enabled_only=enabled_only,
    )
    text_level_only = _text(params, "mode").strip() == "textLevelOnly"
    return LanguageToolRequest(document, language, options, text_level_only=text_level_only)


def decide_language(asked: str, preferred_variants: str = "") -> str:
    """The German variant to check: the one asked for, or with `auto` the first German one of
    the preferred variants, else de-DE. Codes are read as LanguageTool reads them (any case,
    "_" for "-"); anything but German is refused."""
    code = _canonical(asked)
    if code == AUTO:
        preferred = (_canonical(variant) for variant in preferred_variants.split(","))
        return next((variant for variant in preferred if variant in LANGUAGES), DEFAULT_VARIANT)
    if code == "de":
        return DEFAULT_VARIANT
    if code in LANGUAGES:
        return code
    raise InvalidRequest(
        f"„{asked}“ ist keine Sprache, die dieser Server prüft. Möglich sind: {AUTO}, {', '.join(LANGUAGETOOL_NAMES)}.",
        reason="unknown_language",
        value=asked,
    )


def document_from_annotation(data: Any) -> Document:
    """A document from LanguageTool's annotated text (`{"annotation": [{"text": …}, {"markup":
    …, "interpretAs": …}, …]}`, or `{"text": …}`), given as JSON text or already parsed."""
    if isinstance(data, str):
        data = json_input.load(data, what="Der Parameter „data“")
    # Text items are left to the text's limits, which name the place.
    refuse_lone_surrogates("Der Parameter „data“", data, skip=("text",))
    if not isinstance(data, dict):
        raise InvalidRequest('Der Parameter „data“ muss ein JSON-Objekt sein: {"annotation": […]}.')
    if isinstance(data.get("annotation"), list):
        parts = tuple(_part(item) for item in data["annotation"])
    elif isinstance(data.get("text"), str):
        parts = (Part(data["text"], markup=False),)
    else:
        raise InvalidRequest("Der Parameter „data“ braucht eine Liste „annotation“ oder einen Text „text“.")
    return Document(format="text", language=None, parts=parts)


def _part(item: Any) -> Part:
    if not isinstance(item, dict):
        raise InvalidRequest(f"In „annotation“ steht ein Eintrag, der kein Objekt ist: {_shown(item)}")
    text, markup, interpret_as = item.get("text"), item.get("markup"), item.get("interpretAs")
    if text is not None and markup is not None:
        raise InvalidRequest(f"Ein Eintrag in „annotation“ hat „text“ und „markup“ zugleich: {_shown(item)}")
    if text is not None and interpret_as is not None:
        raise InvalidRequest(f"„interpretAs“ gehört zu „markup“, nicht zu „text“: {_shown(item)}")
    if isinstance(text, str):
        return Part(text, markup=False)
    if isinstance(markup, str) and (interpret_as is None or isinstance(interpret_as, str)):
        return Part(markup, markup=True, interpret_as=interpret_as or "")
    raise InvalidRequest(f"Ein Eintrag in „annotation“ braucht „text“ oder „markup“ als Text: {_shown(item)}")


def _shown(item: Any) -> str:
    shown = json_input.shown(json.dumps(item, ensure_ascii=False))
    return shown if len(shown) <= 200 else shown[:200] + "…"


def _canonical(code: str) -> str:
    """A language code as we spell it ("DE_de" -> "de-DE", "AUTO" -> "auto")."""
    language, _, country = code.strip().replace("_", "-").partition("-")
    return f"{language.lower()}-{country.upper()}" if country else language.lower()


def _text(params: Mapping[str, Any], name: str) -> str:
    """A parameter as text: from a form it is one; a JSON body may send a list, a number or a
    boolean, read as LanguageTool would read their form-encoded spelling."""
    value = params.get(name)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return str(value)
    raise InvalidRequest(f"Der Parameter „{name}“ muss ein Text sein.")


def _ids(params: Mapping[str, Any], name: str) -> tuple[str, ...]:
    """A comma-separated list of rule or category ids, without blanks and repeats."""
    return tuple(dict.fromkeys(item.strip() for item in _text(params, name).split(",") if item.strip()))
