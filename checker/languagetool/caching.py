"""An `Engine` that remembers LanguageTool's answers paragraph by paragraph and checks the
paragraphs of a long text in parallel, with findings exactly those of one plain request.

Why that is exact: LanguageTool analyses paragraphs independently, except for the text-level
rules that look beyond one (`CONTEXT_RULES`), and then drops one of any two findings that
overlap. So a paragraph's other findings can be kept and reused wherever the same paragraph is
sent with the same parameters to the same engine, while the context rules are asked about the
whole text with a request of their own, which is cheap (`enabledOnly`). A merged answer is used
only where no finding of a context rule overlaps another finding; otherwise, and where a
paragraph's own request shows a context finding the whole text does not, the text is checked with
one plain request. Texts with category switches or `enabledOnly`, and engines of another
LanguageTool version, are cached only as whole texts.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from checker.languagetool.chunks import paragraphs
from checker.languagetool.client import Engine, request_params
from checker.languagetool.stores import Matches, ResultStore, cache_key, get_matches
from checker.options import CheckOptions
from checker.text.offsets import utf16_length

# The LanguageTool version whose context rules CONTEXT_RULES lists; tests/languagetool/test_caching.py
# compares it with the pinned one.
CONTEXT_RULES_VERSION = "6.8"
# LanguageTool 6.8's German text-level rules that look beyond the paragraph
# (`minToCheckParagraph` other than 0 in /v2/configinfo), each with whether it is off by default.
# tests/languagetool/test_caching.py compares this with what the engine says.
CONTEXT_RULES: dict[str, bool] = {
    "DE_COMPOUND_COHERENCY": False,
    "DE_DU_UPPER_LOWER": False,
    "DE_REPEATEDWORDS": False,
    "DE_UNPAIRED_QUOTES": False,
    "DE_WORD_COHERENCY": False,
    "GERMAN_WORD_REPEAT_BEGINNING_RULE": False,
    "UNPAIRED_BRACKETS": False,
    "DE_SIMILAR_NAMES": True,
    "EMPTY_LINE": True,
    "FILLER_WORDS_DE": True,
    "GERMAN_PARAGRAPH_REPEAT_BEGINNING_RULE": True,
    "NON_SIGNIFICANT_VERB_DE": True,
    "PASSIVE_SENTENCE_DE": True,
    "READABILITY_RULE_DIFFICULT_DE": True,
    "READABILITY_RULE_SIMPLE_DE": True,
    "SENTENCE_BEGINNING_WITH_CONJUNCTION_DE": True,
    "SENTENCE_WITH_MAN_DE": True,
    "SENTENCE_WITH_MODAL_VERB_DE": True,
    "STYLE_REPEATED_SENTENCE_BEGINNING": True,
    "STYLE_REPEATED_SHORT_SENTENCES": True,
    "STYLE_REPEATED_WORD_RULE_DE": True,
    "TOO_OFTEN_USED_ADJECTIVE_DE": True,
    "TOO_OFTEN_USED_NOUN_DE": True,
    "TOO_OFTEN_USED_VERB_DE": True,
    "UNNECESSARY_PHRASES_DE": True,
}
# With more than this share of a text new, one plain request costs less than paragraphs plus the
# context rules' request (which analyses the whole text again, about a third of a check).
PLAIN_REQUEST_SHARE = 0.5
# A text at least this long is checked as `parallel` requests at once when nothing else of this
# process is checking and the machine has cores idle: one request keeps one core of LanguageTool
# busy, and the parallel requests cost about a third more in all (the context rules' request
# analyses the whole text again), so on a machine whose other cores are taken they only add work
# (docs/benchmarks.md).
PARALLEL_MIN_LENGTH = 6_000
# Idle cores (this check's own request included) from which that pays: a core for each of two
# requests, with a little to spare for the third and the machine's own work.
IDLE_CORES_FOR_PARALLEL = 1.5
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def idle_cores(sample: float = 0.1) -> float:
    """How many of this machine's cores were idle over the next `sample` seconds (Linux:
    /proc/stat; elsewhere: cores less the last minute's load average)."""

    def times() -> tuple[int, int] | None:
        try:
            fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        except (OSError, ValueError):
            return None
        return sum(fields[3:5]), sum(fields)  # idle and iowait, everything (steal included)

    before = times()
    if before is None:
        try:
            return (os.cpu_count() or 1) - os.getloadavg()[0]
        except OSError:
            return 0.0
    time.sleep(sample)
    after = times()
    if after is None or after[1] == before[1]:
        return 0.0
    return (os.cpu_count() or 1) * (after[0] - before[0]) / (after[1] - before[1])


def active_context_rules(options: CheckOptions) -> tuple[str, ...]:
    """The context rules a request with `options` runs (rule switches only, no categories)."""
    return tuple(
        rule
        for rule, off_by_default in CONTEXT_RULES.items()
        if rule not in options.disabled_rules and (not off_by_default or rule in options.enabled_rules)
    )


def _rule(match: dict[str, Any]) -> str:
    return str(match.get("rule", {}).get("id", ""))


def portable(match: dict[str, Any]) -> dict[str, Any]:
    """A match without its `context` (the text around it), which depends on where its paragraph
    stands; everything else LanguageTool says is kept, for callers that show LanguageTool's answer."""
    return {key: value for key, value in match.items() if key != "context"}


def _moved(match: dict[str, Any], by: int) -> dict[str, Any]:
    return {**match, "offset": int(match["offset"]) + by}


def _same(left: Iterable[dict[str, Any]], right: Iterable[dict[str, Any]]) -> bool:
    def normal(matches: Iterable[dict[str, Any]]) -> list[str]:
        return sorted(json.dumps(m, sort_keys=True) for m in matches)

    return normal(left) == normal(right)


def _overlap(first: dict[str, Any], second: dict[str, Any]) -> bool:
    a_start, b_start = int(first["offset"]), int(second["offset"])
    a_end, b_end = a_start + int(first["length"]), b_start + int(second["length"])
    return a_start == b_start or (a_start < b_end and b_start < a_end)


@dataclass
class _Paragraph:
    text: str
    start: int  # UTF-16 units into the checked text
    end: int
    last: bool
    key: str
    # Findings of rules other than the context rules, UTF-16 offsets into the paragraph.
    own: Matches | None = None
    # The paragraph's whole answer, where its own request already showed the right context findings.
    settled: Matches | None = None
    fresh: bool = False

    def holds(self, match: dict[str, Any], base: int = 0) -> bool:
        """Whether `match` (offsets from `base`) starts in this paragraph; the last one also
        holds a finding at the very end of the text."""
        offset = int(match["offset"]) - base
        return self.start <= offset < self.end or (self.last and offset == self.end)


class _Unsure(Exception):
    """A merged answer might differ from a plain request's: check the text with one."""


class CachingEngine:
    """Wraps an `Engine`: answers from `store` where it can (None: no store), and checks a long
    text's paragraphs in `parallel` requests when this process has no other check running and,
    unless `idle_cores_only` is off, the machine (that of a server on 127.0.0.1) has cores idle."""

    def __init__(
        self,
        engine: Engine,
        store: ResultStore | None,
        *,
        parallel: int | None = None,
        idle_cores_only: bool = True,
    ) -> None:
        self.engine = engine
        self.store = store
        self.max_text_length = engine.max_text_length
        self.parallel = max(1, parallel if parallel is not None else os.cpu_count() or 1)
        self.idle_cores_only = idle_cores_only
        self._identity: tuple[str, str] | None = None
        self._lock = threading.Lock()
        self._running = 0
        # What answered, for the benchmark and the tests: plain requests, paragraph requests,
        # context requests, texts found whole in the store, merged answers given up as unsure.
        self.counts = dict.fromkeys(("plain", "paragraphs", "context", "stored", "unsure"), 0)

    @property
    def url(self) -> str:
        return self.engine.url

    def version(self) -> str:
        return self.engine.version()

    def alive(self) -> bool:
        return self.engine.alive()

    def query(self, payload: dict[str, str], options: CheckOptions) -> dict[str, Any]:
        text = payload.get("text")
        if text is None or len(payload) != 1:
            return self.engine.query(payload, options)
        with self._lock:
            self._running += 1
            alone = self._running == 1
        try:
            parallel = alone and self.parallel > 1 and len(text) >= PARALLEL_MIN_LENGTH and self._cores_to_spare()
            if self.store is None and not parallel:
                return self.engine.query(payload, options)
            return self._answer(text, options, parallel=parallel)
        finally:
            with self._lock:
                self._running -= 1

    def _cores_to_spare(self) -> bool:
        if not self.idle_cores_only:
            return True
        return (urlsplit(self.url).hostname or "") in _LOOPBACK and idle_cores() >= IDLE_CORES_FOR_PARALLEL

    def _count(self, kind: str) -> None:
        with self._lock:
            self.counts[kind] += 1

    def identity(self) -> str:
        """The engine as the stores' keys name it (its own `identity`), asked once."""
        return self._engine_identity()[1]

    def _engine_identity(self) -> tuple[str, str]:
        if self._identity is None:
            self._identity = (self.engine.version(), self.engine.identity())
        return self._identity

    def _answer(self, text: str, options: CheckOptions, *, parallel: bool) -> dict[str, Any]:
        version, identity = self._engine_identity()
        params = request_params(options)
        whole_key = cache_key("text", identity, params, text)
        found = get_matches(self.store, {whole_key: utf16_length(text)}) if self.store is not None else {}
        if whole_key in found:
            self._count("stored")
            return self._response(found[whole_key])
        by_paragraph = version == CONTEXT_RULES_VERSION and not (
            options.enabled_only or options.enabled_categories or options.disabled_categories
        )
        units = self._paragraphs(text, identity, params) if by_paragraph else []
        if len(units) < 2:
            return self._plain(text, options, units, whole_key)
        lengths = {unit.key: unit.end - unit.start for unit in units}
        stored = get_matches(self.store, lengths) if self.store is not None else {}
        for unit in units:
            unit.own = stored.get(unit.key)
        new = [unit for unit in units if unit.own is None]
        if (sum(len(unit.text) for unit in new) > PLAIN_REQUEST_SHARE * len(text)) and not (parallel and len(new) > 1):
            return self._plain(text, options, units, whole_key)
        try:
            matches = self._merged(text, units, options, batches=self.parallel if parallel else 1)
        except _Unsure:
            self._count("unsure")
            for unit in units:  # back to what the store said: the plain answer decides the rest
                if unit.fresh:
                    unit.own, unit.fresh = None, False
                unit.settled = None
            return self._plain(text, options, units, whole_key)
        self._keep(whole_key, matches, units)
        return self._response(matches)

    def _paragraphs(self, text: str, identity: str, params: dict[str, str]) -> list[_Paragraph]:
        pieces = paragraphs(text)
        units = []
        position = 0
        for index, (_, piece) in enumerate(pieces):
            length = utf16_length(piece)
            key = cache_key("paragraph", identity, params, piece)
            units.append(_Paragraph(piece, position, position + length, index == len(pieces) - 1, key))
            position += length
        return units

    def _response(self, matches: Matches) -> dict[str, Any]:
        return {"software": {"version": self._engine_identity()[0]}, "matches": matches}

    def _plain(self, text: str, options: CheckOptions, units: Sequence[_Paragraph], whole_key: str) -> dict[str, Any]:
        """One request for the whole text, as LanguageTool's own clients send it; its findings
        are kept whole and, for paragraphs without a context rule's finding, per paragraph."""
        self._count("plain")
        result = self.engine.query({"text": text}, options)
        matches = [portable(match) for match in result["matches"]]
        if self.store is not None:
            for unit in units:
                inside = [m for m in matches if unit.holds(m)]
                clean = all(
                    _rule(m) not in CONTEXT_RULES and int(m["offset"]) + int(m["length"]) <= unit.end for m in inside
                )
                if clean and unit.own is None:
                    unit.own, unit.fresh = [_moved(m, -unit.start) for m in inside], True
            self._keep(whole_key, matches, units)
        return {**result, "matches": matches}

    def _keep(self, whole_key: str, matches: Matches, units: Sequence[_Paragraph]) -> None:
        if self.store is None:
            return
        entries = {unit.key: unit.own for unit in units if unit.fresh and unit.own is not None}
        entries[whole_key] = matches
        self.store.put_many(entries)

    def _merged(self, text: str, units: list[_Paragraph], options: CheckOptions, *, batches: int) -> Matches:
        """The text's findings from stored paragraphs, requests for the new ones (`batches` of
        them at once) and one request for the context rules; raises _Unsure where LanguageTool's
        own answer could differ."""
        context_rules = active_context_rules(options)
        groups = _groups([unit for unit in units if unit.own is None], batches)
        jobs = [("paragraphs", "".join(unit.text for unit in group), options) for group in groups]
        if context_rules:
            # The context rules alone (enabledOnly allows no other switches; language and level stay).
            only = CheckOptions(
                language=options.language, picky=options.picky, enabled_rules=context_rules, enabled_only=True
            )
            jobs.append(("context", text, only))
        answers = self._ask_all(jobs)
        context = [portable(m) for m in answers.pop()["matches"]] if context_rules else []
        for group, answer in zip(groups, answers, strict=True):
            self._take(group, [portable(m) for m in answer["matches"]], context)
        merged: Matches = []
        for unit in units:
            merged.extend(_moved(m, unit.start) for m in (unit.settled if unit.settled is not None else unit.own or []))
        others = [m for m in context if not any(unit.settled is not None and unit.holds(m) for unit in units)]
        for match in others:
            if any(_overlap(match, own) for own in merged if _rule(own) not in CONTEXT_RULES):
                raise _Unsure
        merged.extend(others)
        merged.sort(key=lambda m: int(m["offset"]))
        return merged

    def _take(self, group: Sequence[_Paragraph], matches: Matches, context: Matches) -> None:
        """Spreads one paragraph request's findings over its paragraphs."""
        position = 0
        placed = 0
        for index, unit in enumerate(group):
            length = unit.end - unit.start
            last = index == len(group) - 1
            inside = [
                _moved(m, -position)
                for m in matches
                if position <= int(m["offset"]) < position + length or (last and int(m["offset"]) == position + length)
            ]
            placed += len(inside)
            if any(int(m["offset"]) + int(m["length"]) > length for m in inside):
                raise _Unsure  # a finding across a paragraph break is no paragraph's own
            shown = [m for m in inside if _rule(m) in CONTEXT_RULES]
            if shown:
                # Context findings of the paragraph's own request may have pushed out other
                # findings they overlap; where the whole text has exactly these, LanguageTool
                # decides the same way there.
                expected = [_moved(m, -unit.start) for m in context if unit.holds(m)]
                if not _same(shown, expected):
                    raise _Unsure
                unit.settled = inside
            else:
                unit.own, unit.fresh = inside, True
            position += length
        if placed != len(matches):
            raise _Unsure

    def _ask_all(self, jobs: Sequence[tuple[str, str, CheckOptions]]) -> list[dict[str, Any]]:
        for kind, _, _ in jobs:
            self._count(kind)
        if len(jobs) <= 1:
            return [self.engine.query({"text": text}, options) for _, text, options in jobs]
        with ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="languagetool") as pool:
            futures = [pool.submit(self.engine.query, {"text": text}, options) for _, text, options in jobs]
            return [future.result() for future in futures]


def _groups(units: Sequence[_Paragraph], count: int) -> list[list[_Paragraph]]:
    """`units` in at most `count` consecutive groups of about equal length (none empty)."""
    if not units:
        return []
    total = sum(len(unit.text) for unit in units)
    groups: list[list[_Paragraph]] = [[]]
    filled = 0
    for unit in units:
        if groups[-1] and len(groups) < count and filled >= total * len(groups) / count:
            groups.append([])
        groups[-1].append(unit)
        filled += len(unit.text)
    return groups
