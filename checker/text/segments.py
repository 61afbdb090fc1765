"""German wire copy cut into lines, paragraphs, its headline, sentences and words.

The sentence splitter is our own because the generic ones break German news text at
"28. März", "z. B." or "Mrd.".
"""

from __future__ import annotations

import re

from checker.text.datelines import DATELINE_SHAPE

Span = tuple[int, int]


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one white-space separated string (for long word lists)."""
    return frozenset(words.split())


# The months as German and Austrian copy writes them, in full and abbreviated.
MONTHS = word_set(
    """
    Januar Jänner Februar Feber März April Mai Juni Juli August September Oktober November
    Dezember Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez
    """
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# A word: letters and digits, held together by inner hyphens and apostrophes
# ("al-Nosra-Front", "geht's") and by a decimal or thousands mark between digits ("2,5", "10.000").
WORD_RE = re.compile(r"[^\W_]+(?:(?:[-'’]|(?<=\d)[.,](?=\d))[^\W_]+)*")

# Headline recognition (see `find_heading`).
HEADING_MAX_LINES = 3
HEADING_MAX_WORDS = 25

# Abbreviations whose final full stop does not end a sentence (compared case-sensitively,
# without the full stop). Single letters ("z", "B", "u", "a", initials) are handled separately.
ABBREVIATIONS = word_set(
    """
    Abb Abg Abs Abt Adm allg Anm Apr Art Aufl Aug Bd Bde Bhf bspw bzgl bzw ca Chr Co Dez dgl
    Dipl Dir Dr dt ebd eigtl etc evtl exkl Fa Feb Febr ff Fr frz geb Gebr gegr gem Ges ggf ggü
    Hbf Hr Hrsg inkl insb Ing Jan Jh Jhd jun Kap kath Kfm Kl lt Mag max Med Mill min Mio Mrd mtl
    Nov Nr Nrn od Okt Pkt Präs Prof Prov rd Reg resp röm sen Sep Sept sog St Std Str Tel Tsd usf
    usw verh vgl Vors wg zit zzgl zz zzt
    """
)

_TERMINATORS = ".!?…"
_CLOSERS = "»«“”\"'’‘)]›‹"
_ROMAN_NUMERAL = re.compile(r"[IVXLC]{1,5}")
_ORDINAL_NUMBER = re.compile(r"\d{1,3}")
_DOTTED_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")
_DOTTED_SHORT_DATE = re.compile(r"\d{1,2}\.\d{1,2}")


def split_lines(text: str) -> list[Span]:
    """Spans of all lines (without their line break); LF, CRLF and a lone CR end a line."""
    spans = []
    start = 0
    for match in _LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[Span]:
    """Spans of the paragraphs, trimmed of surrounding white space.

    Paragraphs are separated by one or more blank (empty or white-space-only) lines.
    """
    paragraphs: list[Span] = []
    first: int | None = None
    last = 0
    for start, end in split_lines(text):
        if text[start:end].strip():
            if first is None:
                first = start
            last = end
        elif first is not None:
            paragraphs.append(_trim(text, first, last))
            first = None
    if first is not None:
        paragraphs.append(_trim(text, first, last))
    return paragraphs


def find_heading(text: str, paragraphs: list[Span] | None = None) -> Span | None:
    """The headline block at the top of an article, or None.

    The first paragraph is a headline when another paragraph follows it, it has at most three
    lines of at most 25 words each (topic line, headline, subheadline), it does not end with a
    full stop (body paragraphs do, headlines in German do not) and it does not begin with a
    dateline ("Berlin (dpa) - …"). Each headline line counts as a sentence of its own.
    """
    if paragraphs is None:
        paragraphs = split_paragraphs(text)
    if len(paragraphs) < 2:
        return None
    start, end = paragraphs[0]
    block = text[start:end]
    lines = [line for line in _LINE_BREAK.split(block) if line.strip()]
    if len(lines) > HEADING_MAX_LINES:
        return None
    if any(len(WORD_RE.findall(line)) > HEADING_MAX_WORDS for line in lines):
        return None
    if block.rstrip(_CLOSERS).endswith("."):
        return None
    if DATELINE_SHAPE.match(block):
        return None
    return start, end


def _word_before(text: str, index: int, floor: int) -> str:
    """The run of non-space characters that ends at `index`, without leading brackets/quotes."""
    start = index
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return text[start:index].lstrip("([{«»„“\"'‚‘‹›")


def _ends_sentence(text: str, stop: int, floor: int) -> bool:
    """Whether the full stop at `stop` ends a sentence (and is not an abbreviation/ordinal)."""
    word = _word_before(text, stop, floor)
    if not word:
        return True
    if word in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():  # initials, "z. B.", "u. a."
        return False
    if _ORDINAL_NUMBER.fullmatch(word):  # "28. März", "der 3. Oktober"
        return False
    if _ROMAN_NUMERAL.fullmatch(word):  # "Benedikt XVI."
        return False
    # "z.B.", "u.a.", "28.3."
    return not (_DOTTED_ABBREVIATION.fullmatch(word) or _DOTTED_SHORT_DATE.fullmatch(word))


def _split_block(text: str, start: int, end: int) -> list[Span]:
    """Sentences of one paragraph; line breaks inside it are soft wraps."""
    sentences: list[Span] = []
    sentence_start = start
    index = start
    while index < end:
        char = text[index]
        if char not in _TERMINATORS:
            index += 1
            continue
        after = index + 1
        while after < end and text[after] in _TERMINATORS:
            after += 1
        single_stop = char == "." and after == index + 1
        while after < end and text[after] in _CLOSERS:
            after += 1
        if after >= end:
            break
        if not text[after].isspace():
            index = after
            continue
        following = after
        while following < end and text[following].isspace():
            following += 1
        next_char = text[following]
        starts_sentence = next_char.isupper() or next_char.isdigit() or next_char in "«»„“\"'‚‹›(["
        if starts_sentence and (not single_stop or _ends_sentence(text, index, start)):
            sentences.append(_trim(text, sentence_start, after))
            sentence_start = following
        index = following
    if sentence_start < end:
        sentences.append(_trim(text, sentence_start, end))
    return [span for span in sentences if span[0] < span[1]]


def split_sentences(text: str) -> list[Span]:
    """(start, end) spans of the sentences of `text`, in order.

    A sentence ends at ".", "!", "?" or "…" (with any closing quotes or brackets after it)
    followed by white space and a capital letter, a digit, an opening quote or a bracket, but a
    full stop after an abbreviation ("Mrd.", "bzw.", "Nr."), a single letter ("z. B.", "u. a.",
    initials), a number of up to three digits ("28. März") or a Roman numeral does not end one.
    Paragraph ends and each line of the headline always end a sentence.
    """
    paragraphs = split_paragraphs(text)
    heading = find_heading(text, paragraphs)
    sentences: list[Span] = []
    for start, end in paragraphs:
        if heading is not None and (start, end) == heading:
            for line_start, line_end in split_lines(text[start:end]):
                span = _trim(text, start + line_start, start + line_end)
                if span[0] < span[1]:
                    sentences.append(span)
        else:
            sentences.extend(_split_block(text, start, end))
    return sentences
