"""Reads the result page as a browser would: the text content of the annotated draft."""

from __future__ import annotations

from html.parser import HTMLParser

_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "base", "col", "embed", "track"}


class _AnnotatedText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # open elements inside #annotated, itself included
        self.found = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth:
            self.depth += 1
        elif ("id", "annotated") in attrs:
            self.depth, self.found = 1, self.found + 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag not in _VOID:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def annotated_text(page: str) -> str:
    """The text content of the page's one `#annotated` element."""
    parser = _AnnotatedText()
    parser.feed(page)
    parser.close()
    assert parser.found == 1, "the page has no (or more than one) annotated text"
    return "".join(parser.parts)
