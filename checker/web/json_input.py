"""JSON that clients send (the API's body, LanguageTool's parameters): whatever Python cannot
read or pass on is the client's mistake, refused with a message that says what and where."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from checker.errors import InvalidRequest

# Python refuses to convert longer integers (sys.get_int_max_str_digits()); no field of ours needs one.
_LONGEST_NUMBER = re.compile(rb"[0-9]{4301,}")
_SURROGATE = re.compile("[\ud800-\udfff]")


def load(raw: bytes | str, *, what: str = "Der Inhalt") -> Any:
    """The parsed value of `raw`; raises InvalidRequest naming `what` for anything not readable."""
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InvalidRequest(f"{what} ist kein gültiges JSON: {exc}") from exc
    except RecursionError as exc:
        raise InvalidRequest(f"{what} ist zu tief verschachteltes JSON.") from exc
    except ValueError as exc:  # an integer beyond Python's conversion limit
        encoded = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
        found = _LONGEST_NUMBER.search(encoded)
        digits = f"{len(found.group()):,}".replace(",", ".") if found else "mehr als 4.300"
        raise InvalidRequest(
            f"{what} enthält eine Zahl mit {digits} Ziffern; angenommen werden höchstens 4.300."
        ) from exc


def known_object(data: Any, properties: Iterable[str], example: str) -> dict[str, Any]:
    """`data` as a JSON object with only the members in `properties`; raises InvalidRequest
    otherwise, showing `example` for a value that is no object and naming the unknown members (a
    misspelt field, "failOn", would else leave its default in force unnoticed)."""
    if not isinstance(data, dict):
        raise InvalidRequest(f"Erwartet wird ein JSON-Objekt, etwa {example}.")
    known = list(properties)
    unknown = [key for key in data if key not in known]
    if unknown:
        raise InvalidRequest(
            f"Unbekannte Felder: {', '.join(f'„{shown(key)}“' for key in unknown)}. Möglich sind: {', '.join(known)}."
        )
    return data


def refuse_lone_surrogates(what: str, value: Any, *, skip: Iterable[str] = ()) -> None:
    """Raises InvalidRequest naming `what` (the field, in German) when a string in `value` (object keys
    included, members named in `skip` left out at any depth) holds a lone UTF-16 surrogate,
    which is no character: it cannot be compared, logged or sent on."""
    if _holds_surrogate(value, frozenset(skip)):
        raise InvalidRequest(f"{shown(what)} enthält ein ungültiges Zeichen (ein einzelnes UTF-16-Ersatzzeichen).")


def shown(text: str) -> str:
    """`text` as it can be shown and logged: a lone surrogate as its escape."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _holds_surrogate(value: Any, skip: frozenset[str]) -> bool:
    if isinstance(value, str):
        return _SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(
            _holds_surrogate(key, skip) or (key not in skip and _holds_surrogate(item, skip))
            for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_holds_surrogate(item, skip) for item in value)
    return False
