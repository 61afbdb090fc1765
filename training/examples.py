"""Correct German beyond learner essays: the correct example sentences of LanguageTool's German
grammar rules (grammar.xml in its language-de jar, LGPL-2.1-or-later like this project), many of
them written to show where a rule must not fire. They are training sentences, as they are and
with errors put in (training.synthetic)."""

from __future__ import annotations

import re
import zipfile

from checker.engine.install import lib_dir, pinned_version
from checker.learned.tokens import tokenize
from training.corpus import CORRECT, Sentence

_EXAMPLE = re.compile(r"<example(?P<attributes>[^>]*)>(?P<body>.*?)</example>", re.S)
_MARKER = re.compile(r"</?marker>")
_MIN_WORDS = 5


def correct_examples() -> list[Sentence]:
    """The distinct correct example sentences of five words or more, in the file's order."""
    jar = lib_dir() / f"language-de-{pinned_version()}.jar"
    with zipfile.ZipFile(jar) as archive:
        rules = archive.read("org/languagetool/rules/de/grammar.xml").decode("utf-8")
    seen: set[str] = set()
    sentences = []
    for match in _EXAMPLE.finditer(rules):
        attributes = match.group("attributes")
        if "correction" in attributes or "incorrect" in attributes:
            continue
        text = _MARKER.sub("", match.group("body")).strip()
        if "<" in text or "&" in text or len(text.split()) < _MIN_WORDS or text[-1] not in ".!?" or text in seen:
            continue
        seen.add(text)
        tokens = tokenize(text)
        words = tuple(token.text for token in tokens)
        labels = (CORRECT,) * len(tokens)
        sentences.append(Sentence(words, labels, labels, text, tuple((t.start, t.end) for t in tokens)))
    return sentences
