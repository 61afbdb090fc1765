"""Severity of a finding, from LanguageTool's issue type (the ITS 2.0 localization-quality types).

error:   the text is wrong: misspelling, grammar, mistranslation, untranslated, omission, addition,
         legal
info:    a matter of style or register: style, register, locale-violation
warning: everything else: typographical, whitespace, punctuation-like and uncategorized findings,
         duplication, inconsistency, terminology, characters, non-conformance, and unknown types
"""

from __future__ import annotations

from checker.records import Severity

_ERROR_TYPES = frozenset({"misspelling", "grammar", "mistranslation", "untranslated", "omission", "addition", "legal"})
_INFO_TYPES = frozenset({"style", "register", "locale-violation"})


def severity_for(issue_type: str) -> Severity:
    if issue_type in _ERROR_TYPES:
        return "error"
    if issue_type in _INFO_TYPES:
        return "info"
    return "warning"
