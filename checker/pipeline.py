"""The checking pipeline: `check(text, options, *, engine, profile) -> Report`. Pure: no web
framework, no command line, no engine of its own (the caller opens one, see checker.engine).

A check reads the input (plain text, HTML, Markdown, NITF, NewsML-G2, ninjs) as a `Document`,
sends its plain text to LanguageTool, runs the house rules of a profile over the same plain text,
and maps every finding back to the exact position in the input as given.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from checker.errors import InputError, InvalidRequest
from checker.formats import Document, parse_document
from checker.house import ModelSettings, Profile, run_house_rules, scope_of
from checker.house.article import Article
from checker.house.rules.sentence_length import long_sentences
from checker.house.speller import apply_names, confirm_name_variants, is_spelling_rule, is_unknown_word
from checker.languagetool import Engine, custom_rule_ids, split_text
from checker.languagetool.caching import CONTEXT_RULES
from checker.languagetool.matches import issues_from_matches
from checker.learned import review
from checker.options import CheckOptions
from checker.records import Issue, Report, TextStats
from checker.text.datelines import separate_datelines
from checker.text.language_guess import not_german
from checker.text.language_tags import variant_for
from checker.text.limits import find_unsafe
from checker.text.offsets import LineIndex, widen_to_characters
from checker.text.statistics import text_statistics

_TWO_SPACES = re.compile(r"\s\s")


def check(
    text: str,
    options: CheckOptions | None = None,
    *,
    engine: Engine,
    profile: Profile | None = None,
    path: str | None = None,
) -> Report:
    """Check `text` and report every finding in place.

    `profile` adds the house rules (ours in Python and ours inside LanguageTool, see
    checker.languagetool.custom_rules) and the names dictionary; None checks with LanguageTool
    alone. `path` names the file in error messages and hints at its format.
    """
    options = options or CheckOptions()
    document = parse_document(text, format=options.format, path=path)
    if options.language is None and document.language is None:
        _refuse_other_language(document.plain_text())
    language = options.language or variant_for(document.language) or "de-DE"
    language_set = dataclasses.replace(options, language=language)
    return check_document(document, language_set, engine=engine, profile=profile, path=path)


def check_document(
    document: Document,
    options: CheckOptions,
    *,
    engine: Engine,
    profile: Profile | None = None,
    path: str | None = None,
) -> Report:
    """Check a parsed document; `options.language` must be decided; `path` names the file in
    error messages."""
    options = _with_house_switches(options, profile)
    plain = document.plain_text()
    _refuse_unsafe(document, plain, path)
    found, version = _languagetool_issues(plain, options, engine)
    return _report(document, options, found, version, engine=engine, profile=profile)


def check_texts(
    texts: Sequence[str],
    options: CheckOptions | None = None,
    *,
    engine: Engine,
    profile: Profile | None = None,
) -> list[Report]:
    """Check independent texts (the sentences of a learner corpus, the items of a list), each
    as `check` checks it alone, with one LanguageTool request for many of them.

    LanguageTool analyses paragraphs independently, so the texts go to it as the paragraphs of
    one text; only its text-level rules (`CONTEXT_RULES`) read across paragraphs, and a text
    with a finding of one of them is asked about again alone. Everything after LanguageTool (the
    house rules, the names evidence of the article, the model) reads each text alone: a word
    recurring in another text is no name. The texts must be of one language (`options.language`,
    else German; texts that are surely not German together are refused as `check` refuses one).
    """
    options = options or CheckOptions()
    documents = [parse_document(text, format=options.format) for text in texts]
    plains = [document.plain_text() for document in documents]
    for document, plain in zip(documents, plains, strict=True):
        _refuse_unsafe(document, plain, None)
    if options.language is None:
        _refuse_other_language(_JOINT.join(plains))
    options = _with_house_switches(dataclasses.replace(options, language=options.language or "de-DE"), profile)
    found, version = _languagetool_issues(_JOINT.join(plains), options, engine)
    reports = []
    base = 0
    for document, plain in zip(documents, plains, strict=True):
        own = _moved_into(found, base, plain)
        if any(issue.rule.partition("[")[0] in CONTEXT_RULES for issue in own):
            own = _languagetool_issues(plain, options, engine)[0]
        reports.append(_report(document, options, own, version, engine=engine, profile=profile))
        base += len(plain) + len(_JOINT)
    return reports


# Between the texts of `check_texts`: where LanguageTool ends a paragraph.
_JOINT = "\n\n"


def _moved_into(found: Sequence[Issue], base: int, plain: str) -> list[Issue]:
    """The findings inside the text that starts at `base` of a joint text, placed in the text."""
    lines = LineIndex(plain)
    moved = []
    for issue in found:
        if base <= issue.offset and issue.end <= base + len(plain):
            offset = issue.offset - base
            line, column = lines.position(offset)
            moved.append(dataclasses.replace(issue, offset=offset, line=line, column=column))
    return moved


def _report(
    document: Document,
    options: CheckOptions,
    found: list[Issue],
    version: str | None,
    *,
    engine: Engine,
    profile: Profile | None,
) -> Report:
    """The report on `document` from LanguageTool's findings in its plain text: with the model's
    verdict and the house rules as the profile says, placed in the document as given."""
    plain = document.plain_text()
    model = profile.model if profile is not None else ModelSettings()
    verdict = None
    if _model_runs(options, profile):

        def recheck(sentence: str) -> list[Issue]:
            return _languagetool_issues(sentence, options, engine)[0]

        verdict = review(plain, found, model.sensitivity, recheck=recheck)
    if profile is not None:
        found = _with_house_issues(found, document, profile)
    if verdict is not None:
        found = verdict.apply(found, model.low_confidence, about_words=lambda issue: scope_of(issue) == "span")
    source = document.source
    issues = _to_source(found, document, source) if source != plain else found
    issues.sort(key=lambda issue: (issue.offset, issue.length, issue.rule))
    return Report(
        text=source,
        language=options.language or "de-DE",
        issues=tuple(issues),
        engine_version=version,
        format=document.format,
        stats=_with_long_sentences(text_statistics(plain), document, profile),
    )


def _with_long_sentences(stats: TextStats, document: Document, profile: Profile | None) -> TextStats:
    """`stats` with the sentences the house profile finds too long: sentence length is style
    advice, counted with the statistics whether or not the profile also marks each long sentence
    (HOUSE_SENTENCE_LENGTH)."""
    if profile is None:
        return stats
    limit = profile.wire.max_sentence_words
    article = Article.parse(document.plain_text(), document.regions)
    count = sum(1 for _sentence in long_sentences(article, limit))
    return dataclasses.replace(stats, long_sentences=count, long_sentence_limit=limit)


def _refuse_other_language(plain: str) -> None:
    """Raises where a text that names no language is surely not German (checker.text.language_guess):
    the editor decides, by choosing a German variant, whether it is checked as German after all."""
    guess = not_german(plain)
    if guess is not None:
        raise InvalidRequest(
            f"the text reads as {guess.language!r} (probability {guess.probability:.2f}), not German; "
            "only German is checked: choose a German variant (--language de-DE) to check it as German anyway",
            reason="not_german",
            language=guess.language,
            name=guess.name,
        )


def _refuse_unsafe(document: Document, plain: str, path: str | None) -> None:
    """Raise for a document with nothing to check, or with text LanguageTool must not be sent
    (see checker.text.limits), naming the place in the file as given."""
    if not plain.strip():
        raise InputError("the text is empty: nothing to check", reason="no_text", path=path)
    unsafe = find_unsafe(plain)
    if unsafe is None:
        return
    line, column = LineIndex(document.source).position(document.to_source_offset(unsafe.offset))
    raise InputError(unsafe.message, reason=unsafe.reason, path=path, line=line, column=column, limit=unsafe.limit)


def _with_house_switches(options: CheckOptions, profile: Profile | None) -> CheckOptions:
    """The options with the rules the profile switches off (without a profile: our own
    LanguageTool rules) added to the disabled ones."""
    switched_off = set(profile.disabled_rules) if profile is not None else set(custom_rule_ids())
    if not switched_off or options.enabled_only:  # with enabled_only nothing else runs anyway
        return options
    return dataclasses.replace(options, disabled_rules=tuple(sorted({*options.disabled_rules, *switched_off})))


def _languagetool_issues(plain: str, options: CheckOptions, engine: Engine) -> tuple[list[Issue], str | None]:
    """LanguageTool's findings in `plain`, checked in pieces it accepts, and its version."""
    lines = LineIndex(plain)
    found: list[Issue] = []
    version = None
    for base, piece in split_text(plain, engine.max_text_length):
        if not piece.strip():
            continue
        result = engine.query({"text": separate_datelines(piece)}, options)
        version = version or str(result.get("software", {}).get("version") or "") or None
        found.extend(issues_from_matches(result["matches"], checked=piece, text=plain, base=base, lines=lines))
    return found, version


def _with_house_issues(found: list[Issue], document: Document, profile: Profile) -> list[Issue]:
    """LanguageTool's findings as the profile wants them, plus the house rules' own."""
    plain = document.plain_text()
    unknown_spans = {
        (issue.offset, issue.length)
        for issue in found
        if is_spelling_rule(issue.rule) and not profile.is_known_name(issue.text)
    }
    found = apply_names(found, profile, plain)
    found = [
        dataclasses.replace(issue, severity=profile.rule_severity(issue.rule, issue.severity))
        for issue in found
        if not profile.is_disabled(issue.rule)
    ]
    unknown_words = frozenset(plain[start : start + length] for start, length in unknown_spans)
    house = confirm_name_variants(
        run_house_rules(plain, profile, document.regions), unknown_spans, profile, unknown_words
    )
    # A word the profile speaks about (to avoid, a preferred spelling, a name) is not also
    # reported as unknown to LanguageTool's speller.
    house_spans = {(issue.offset, issue.length) for issue in house}
    found = [
        issue for issue in found if not (is_unknown_word(issue.rule) and (issue.offset, issue.length) in house_spans)
    ]
    return [*found, *house]


def _to_source(issues: list[Issue], document: Document, source: str) -> list[Issue]:
    """Issues re-positioned from the plain text into the original file.

    A finding about white space only is left out where the file has no two white-space
    characters side by side there: markup that reads as nothing (a comment, inline code, a tag)
    stands between single spaces ("gestern. <!-- Notiz --> Sie"), and only the plain text has
    two. A double space in the file, or one written as an entity ("kam&nbsp; gestern"), stays."""
    plain = document.plain_text()
    lines = LineIndex(source)
    moved = []
    for issue in issues:
        start, end = document.to_source_span(issue.offset, issue.end)
        start, end = widen_to_characters(source, start, end)
        white_space_only = issue.length and not plain[issue.offset : issue.end].strip()
        if white_space_only and _spaced_by_markup(document, source, start, end):
            continue
        line, column = lines.position(start)
        moved.append(
            dataclasses.replace(
                issue, offset=start, length=end - start, line=line, column=column, text=source[start:end]
            )
        )
    return moved


def _spaced_by_markup(document: Document, source: str, start: int, end: int) -> bool:
    """Whether source[start:end] reads as single white-space characters between markup that
    reads as nothing: "|" stands for that markup, entities read as what they stand for."""
    pieces, position = [], start
    for markup_start, markup_end, reads_as in document.markup_spans():
        if start < markup_end and markup_start < end:
            pieces += [source[position:markup_start], reads_as or "|"]
            position = markup_end
    text = "".join([*pieces, source[position:end]])
    return "|" in text and not _TWO_SPACES.search(text)


def _model_runs(options: CheckOptions, profile: Profile | None) -> bool:
    """Whether the learned layer runs: as asked, else as the profile says."""
    if options.model is not None:
        return options.model
    return profile is not None and profile.model.enabled and not options.enabled_only
