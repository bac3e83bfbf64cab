"""Parse a document into a paper list in one linear pass over its lines.

The parser is tolerant: a malformed entry is still an entry (with its missing parts set to
None) so that rules can report what is wrong; nothing here raises on bad input.
"""

from __future__ import annotations

import gc
import re
from sys import intern as _intern

from paperlint.document import Document
from paperlint.inline import Parentheses, destination
from paperlint.model import (
    DateTag,
    Entry,
    Heading,
    Link,
    NoteSection,
    PaperList,
    Span,
    Title,
)

__all__ = ["parse", "parse_text"]

# A line whose first character is none of these is plain text (a paragraph or an entry's
# continuation): headings, list markers, thematic breaks and setext underlines all start
# with one of them, or with up to three spaces.
_MARKER_STARTS = frozenset(" \t#-*+_=0123456789")
_LIST_ITEM_RE = re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX_RE = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSING_RE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK_RE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_NOTES_TITLE_RE = re.compile(r"tl;?dr\s*(?:/\s*notes?)?|notes?", re.IGNORECASE)
_DATE_TAG_RE = re.compile(r"\[(?!\[)([^\[\]\n]*)\](?![(\[])")
_DATE_VALUE_RE = re.compile(r"\s*(\d{4}|\d{2})\s*[/.-]\s*(\d{1,2})\s*")
_LINK_OPEN_RE = re.compile(r"\[\[([^\[\]\n]*)\]\(")
_VENUE_RE = re.compile(r"[ \t]*(\*(?!\*)[^*\n]+\*|_[^_\n]+_)(?![*_])")


def parse_text(text: str) -> PaperList:
    """Parse a paper list given as text."""
    return parse(Document(text))


def parse(document: Document) -> PaperList:
    """Parse a document into entries, headings and notes sections."""
    # The parse allocates a few objects per line and no reference cycles; pausing the
    # cyclic garbage collector keeps it from rescanning the growing model (2x faster on
    # large lists).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _Parser(document).run()
    finally:
        if paused:
            gc.enable()


class _Parser:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.masked = document.masked
        self.result = PaperList(document)
        self.entry_lines: list[int] = []  # 0-based indexes of the open entry's lines
        self.paragraph: list[int] = []  # lines of the open plain paragraph (setext candidates)
        self.in_notes = False
        self.section_heading: Heading | None = None
        self.section_start = 0

    def run(self) -> PaperList:
        masked = self.masked
        starts = self.document.line_starts
        ends = self.document.line_ends
        for index in range(len(starts)):
            start, end = starts[index], ends[index]
            first = masked[start] if start < end else "\n"
            if first not in _MARKER_STARTS:
                if first == "\n":  # an empty line
                    self._close_entry()
                    self.paragraph = []
                    continue
                # Prose (most of a notes part): no heading, marker, break or underline here.
                if self.entry_lines:
                    self.entry_lines.append(index)
                else:
                    self.paragraph.append(index)
                continue
            if first in " \t" and masked[start:end].isspace():
                self._close_entry()
                self.paragraph = []
                continue
            heading_match = _ATX_RE.match(masked, start, end) if first in "# " else None
            if heading_match:
                self._close_entry()
                self.paragraph = []
                self._atx_heading(index, heading_match)
                continue
            if self.paragraph and not self.entry_lines:
                underline = _SETEXT_RE.match(masked, start, end)
                if underline:
                    self._setext_heading(1 if underline.group(1)[0] == "=" else 2)
                    self.paragraph = []
                    continue
            if _THEMATIC_BREAK_RE.match(masked, start, end):
                self._close_entry()
                self.paragraph = []
                continue
            item = _LIST_ITEM_RE.match(masked, start, end)
            if item:
                self._close_entry()
                self.paragraph = []
                if not self.in_notes and _looks_like_entry(masked, item.end(), end):
                    self.entry_lines = [index]
                continue
            if self.entry_lines:
                self.entry_lines.append(index)
            else:
                self.paragraph.append(index)
        self._close_entry()
        self._close_section(len(self.document.text))
        return self.result

    # -- headings --------------------------------------------------------------------------

    def _atx_heading(self, index: int, match: re.Match[str]) -> None:
        end = self.document.line_ends[index]
        text_start = match.end()
        while text_start < end and self.masked[text_start] in " \t":
            text_start += 1
        raw = self.masked[text_start:end].rstrip()
        closing = _ATX_CLOSING_RE.search(raw) if raw.endswith("#") else None
        text_end = text_start + (closing.start() if closing else len(raw))
        text_end = max(text_start, text_end)
        self._heading(len(match.group(1)), index, Span(text_start, text_end))

    def _setext_heading(self, level: int) -> None:
        first, last = self.paragraph[0], self.paragraph[-1]
        starts, ends = self.document.line_starts, self.document.line_ends
        start, end = starts[first], ends[last]
        while start < end and self.masked[start] in " \t":
            start += 1
        while end > start and self.masked[end - 1] in " \t":
            end -= 1
        self._heading(level, first, Span(start, end))

    def _heading(self, level: int, index: int, span: Span) -> None:
        text = self.document.text[span.start : span.end]
        if len(text) < 40:  # "Abstract", "TL;DR": the same short headings again and again
            text = _intern(text)
        heading = Heading(level, text, span.start, index + 1, len(self.result.headings))
        self.result.headings.append(heading)
        line_start = self.document.line_starts[index]
        if level == 1:
            self._close_section(line_start)
            if _NOTES_TITLE_RE.fullmatch(text.strip()):
                self.in_notes = True
                self.result.notes_heading = heading
            else:
                self.in_notes = False
        elif level == 2 and self.in_notes:
            self._close_section(line_start)
            self.section_heading = heading
            self.section_start = line_start

    def _close_section(self, end: int) -> None:
        if self.section_heading is not None:
            self.result.notes.append(NoteSection(self.section_heading, self.section_start, end))
            self.section_heading = None

    # -- entries ---------------------------------------------------------------------------

    def _close_entry(self) -> None:
        if not self.entry_lines:
            return
        lines = self.entry_lines
        self.entry_lines = []
        self.result.entries.append(_parse_entry(self, lines))


def _looks_like_entry(text: str, content_start: int, end: int) -> bool:
    """A list item is an entry when it opens with a date tag or a bold title, or carries a
    ``[[Label](url)]`` group; an ordinary ``[link](url)`` item is not one."""
    if text.startswith("**", content_start, end) or _DATE_TAG_RE.match(text, content_start, end):
        return True
    return text.find("[[", content_start, end) >= 0


def _parse_entry(parser: _Parser, lines: list[int]) -> Entry:
    masked = parser.masked
    source = parser.document.text
    starts, ends = parser.document.line_starts, parser.document.line_ends
    first_start, first_end = starts[lines[0]], ends[lines[0]]
    last_end = ends[lines[-1]]
    item = _LIST_ITEM_RE.match(masked, first_start, first_end)
    assert item is not None  # the caller matched this line as a list item
    marker_start, marker_end = item.span(2)
    cursor = item.end()

    date: DateTag | None = None
    tag = _DATE_TAG_RE.match(masked, cursor, first_end)
    if tag:
        date = _date_tag(tag, source)
        cursor = tag.end()

    links = tuple(_links(parser, lines))
    first_link = links[0].start if links else last_end

    title: Title | None = None
    venue: Span | None = None
    opening = masked.find("**", cursor, first_link)
    if opening >= 0:
        inner_start = opening + 2
        closing = masked.find("**", inner_start, first_link)
        if closing < 0:
            inner_end = first_link
            while inner_end > inner_start and masked[inner_end - 1].isspace():
                inner_end -= 1
            raw = source[inner_start:inner_end]
            title = Title(inner_start, len(raw), " ".join(raw.split()), closed=False)
        else:
            raw = source[inner_start:closing]
            title = Title(inner_start, len(raw), " ".join(raw.split()))
            italic = _VENUE_RE.match(masked, closing + 2, first_link)
            if italic:
                venue = Span(italic.start(1) + 1, italic.end(1) - 1)

    return Entry(
        index=len(parser.result.entries),
        start=marker_start,
        end=last_end,
        marker_length=marker_end - marker_start,
        date=date,
        title=title,
        venue=venue,
        links=links,
    )


def _date_tag(match: re.Match[str], source: str) -> DateTag:
    inner = match.group(1)
    year: int | None = None
    month: int | None = None
    style: str | None = None
    value = _DATE_VALUE_RE.fullmatch(inner)
    if value:
        year_text, month_text = value.groups()
        year = int(year_text) if len(year_text) == 4 else _century(int(year_text))
        month = int(month_text)
        if len(month_text) == 2 and inner == f"{year_text}/{month_text}":
            style = "YYYY/MM" if len(year_text) == 4 else "YY/MM"
    elif inner.strip().upper() in {"YY/MM", "YYYY/MM"}:
        style = inner.strip().upper()
    return DateTag(
        match.start(), _intern(source[match.start(1) : match.end(1)]), year, month, style
    )


def _century(two_digits: int) -> int:
    # arXiv began in 1991; a two-digit year from 91 on is the 1990s.
    return 1900 + two_digits if two_digits >= 91 else 2000 + two_digits


def _links(parser: _Parser, lines: list[int]) -> list[Link]:
    masked = parser.masked
    source = parser.document.text
    starts, ends = parser.document.line_starts, parser.document.line_ends
    links: list[Link] = []
    for index in lines:
        start, end = starts[index], ends[index]
        if masked.find("[[", start, end) < 0:
            continue
        opens = list(_LINK_OPEN_RE.finditer(masked, start, end))
        parentheses = Parentheses(masked, start, end) if len(opens) > 1 else None
        for number, opened in enumerate(opens):
            url_start = opened.end()
            limit = opens[number + 1].start() if number + 1 < len(opens) else end
            closing = ")]"
            read = destination(masked, url_start, limit, parentheses)
            if read is not None:
                _, dest_end, close = read  # a link as CommonMark reads it, ")" at close
                if masked.startswith("]", close + 1, end):
                    url_end, group_end = dest_end, close + 2
                else:
                    # Text up to a later ")]" with no blank and no bracket in it
                    # ("https://x.org).)]") is what the author took for the URL's end: keep it
                    # in the URL, where the URL rules report it. A "]" further on that closes
                    # the group's "[" ("[[Paper](u)|[Code](u)]") closes the group; otherwise
                    # only the group's "]" is missing.
                    later = masked.rfind(")]", close + 1, limit)
                    if later >= 0 and not _BLANK_OR_BRACKET_RE.search(masked, close, later):
                        url_end, group_end = later, later + 2
                    else:
                        url_end, group_end = dest_end, close + 1
                        if not _closes_group(masked, close + 1, limit):
                            closing = ")"
            else:
                # Not a link for a renderer (a blank inside the URL, no ")"): where the
                # author meant the URL to end is the group's ")]", else the line's end.
                close = masked.rfind(")]", url_start, limit)
                if close >= 0:
                    url_end, group_end = close, close + 2
                else:
                    url_end = limit
                    while url_end > url_start and masked[url_end - 1].isspace():
                        url_end -= 1
                    group_end, closing = url_end, ""
            links.append(
                Link(
                    opened.start(),
                    _intern(source[opened.start(1) : opened.end(1)]),
                    source[url_start:url_end],
                    group_end,
                    closing,
                )
            )
    return links


_BLANK_OR_BRACKET_RE = re.compile(r"[\s\[\]]")


def _closes_group(text: str, start: int, limit: int) -> bool:
    """Whether a "]" between ``start`` and ``limit`` closes a group's outer "[" (other
    bracket pairs on the way, such as further links in the group, balanced)."""
    depth = 1
    for char in text[start:limit]:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return True
    return False
