"""Every input format as one row: its name, its label for people, its reader, the file name
extensions that hint at it, whether its source is markup, how a suggestion is written into its
source, and what text a file must hold to be checked. Everything else that lists formats reads
this table."""

from __future__ import annotations

import html as html_escaping
import json
from collections.abc import Callable
from dataclasses import dataclass

from checker.formats import html, markdown, newsml, ninjs, nitf, plain
from checker.formats.document import Document


def _as_written(replacement: str) -> str:
    return replacement


def _xml_escaped(replacement: str) -> str:
    return html_escaping.escape(replacement, quote=False)


def _json_string_content(replacement: str) -> str:
    return json.dumps(replacement, ensure_ascii=False)[1:-1]


@dataclass(frozen=True)
class Format:
    """One input format. `escape` turns a plain-text suggestion into what the source must hold
    to read as it ("&" is "&amp;" in markup, '"' is '\\"' in a JSON string). `expects` names
    where a file of this format holds its text; a file without any there is refused (None:
    an empty file is fine, as plain text may be). `article`: a wire format whose source is no
    reading matter (XML, JSON), shown to editors as the article it holds."""

    name: str
    label: str
    parse: Callable[..., Document]
    extensions: tuple[str, ...]
    markup: bool
    escape: Callable[[str], str]
    expects: str | None = None
    article: bool = False


FORMAT_TABLE: tuple[Format, ...] = (
    Format("text", "Text", plain.parse, (".txt", ".text"), False, _as_written),
    Format(
        "html", "HTML", html.parse, (".html", ".htm", ".xhtml"), True, _xml_escaped,
        "text outside the head, scripts and styles",
    ),
    Format("markdown", "Markdown", markdown.parse, (".md", ".markdown", ".mdown"), False, _as_written),
    Format(
        "nitf", "NITF", nitf.parse, (".nitf",), True, _xml_escaped,
        "a headline (hedline/hl1, hl2), a dateline or text in body.content", article=True,
    ),
    Format(
        "newsml", "NewsML-G2", newsml.parse, (), True, _xml_escaped,
        "a headline or dateline in contentMeta, or text in inlineXML (XHTML, NITF) or inlineData", article=True,
    ),
    Format(
        "ninjs", "ninjs", ninjs.parse, (".json", ".ninjs"), True, _json_string_content,
        "a headline or a body (headline, headline_*, headlines, body_*, bodies) with text", article=True,
    ),
)  # fmt: skip
FORMATS: tuple[str, ...] = tuple(row.name for row in FORMAT_TABLE)
FORMATS_BY_NAME: dict[str, Format] = {row.name: row for row in FORMAT_TABLE}
FORMAT_BY_EXTENSION: dict[str, str] = {extension: row.name for row in FORMAT_TABLE for extension in row.extensions}
