"""The dictionary as profile TOML: `export` writes the accepted entries as a profile's [names]
table (one group per kind) with their variants under [spelling]; `import` reads those tables of a
profile file, so that a newsroom can keep the list in git and CI can check without the database.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from checker.house.profile import PROFILE_FILE
from checker.names.entries import NAME_KINDS, NameEntry, NameKind, new_entry
from checker.schema import check, read_document

# Group names of the shipped profiles and their kinds; any other group is of kind "other".
_GROUP_KINDS: dict[str, NameKind] = {
    "person": "person",
    "people": "person",
    "place": "place",
    "places": "place",
    "organisation": "organisation",
    "organisations": "organisation",
    "organization": "organisation",
    "organizations": "organisation",
}


def _quoted(text: str) -> str:
    # A JSON string of these characters (letters, marks, spaces, - ' ’ .) is a TOML basic string.
    return json.dumps(text, ensure_ascii=False)


def to_profile_toml(entries: Sequence[NameEntry]) -> str:
    """The accepted entries as profile TOML: [names] with a list per kind, [spelling] variants."""
    accepted = sorted((entry for entry in entries if entry.status == "accepted"), key=lambda entry: entry.name)
    lines = [
        "# The newsroom's names dictionary (wirecheck names export): accepted names by kind, and the",
        "# spellings they replace. A profile with these tables knows the names without the database.",
        "[names]",
    ]
    for kind in NAME_KINDS:
        names = [entry.name for entry in accepted if entry.kind == kind]
        if names:
            lines.append(f"{kind} = [")
            lines.extend(f"  {_quoted(name)}," for name in names)
            lines.append("]")
    variants = sorted((variant, entry.name) for entry in accepted for variant in entry.variants)
    if variants:
        lines += ["", "[spelling]"]
        lines.extend(f"{_quoted(variant)} = {_quoted(name)}" for variant, name in variants)
    return "\n".join(lines) + "\n"


def from_profile_toml(path: Path, *, added_by: str = "import") -> list[NameEntry]:
    """The names of the profile file at `path` (its own tables, not those it extends) as accepted
    entries, with the [spelling] variants whose preferred spelling is one of them. Raises
    InputError (path, line) for a file that is no valid profile, InvalidRequest for a bad name."""
    data = check(read_document(path, what="profile"), PROFILE_FILE)
    values = PROFILE_FILE.decode(data)
    variants: dict[str, list[str]] = {}
    for variant, preferred in values["spelling"].items():
        variants.setdefault(preferred, []).append(variant)
    entries: dict[str, NameEntry] = {}
    for group, names in values["names"].items():
        kind = _GROUP_KINDS.get(group, "other")
        for name in names:
            entry = new_entry(name, kind=kind, variants=variants.get(name, []), added_by=added_by)
            entries.setdefault(entry.name, entry)
    return list(entries.values())
