"""Bullets whose title follows a venue or year prefix: ``- (*ICLR'25*) Title [[📝 Paper](u)]
[[💻 Code](u)]`` and ``- 2016-ICLR-[Title](u) [[Code](u)] (OpenAI)``, ``- 2017.11-[Title](u)``.

What it reads: the prefix's venue (``ICLR'25``, ``ICLR``) and its year as the date (the
month too in ``2017.11``), the title (the plain text up to the first link after a
parenthesised prefix, over several lines too; the link text after a dashed one, that link
being the paper's unless its host says otherwise), every link and badge. Left as plain
text: the prefix's parentheses and dashes, a ``<br>`` before the links, whatever follows
the title (``[Best paper!]``, ``(OpenAI)``).
"""

from __future__ import annotations

import re

from paperlint import lazy_re
from paperlint.dates import century, read_date
from paperlint.document import Document
from paperlint.formats.base import ITEM, Block, Profile
from paperlint.formats.fields import (
    LETTER_RE,
    grouped_links,
    link_from,
    marker_end,
    source_links,
    span,
    strip_span,
    title_from,
)
from paperlint.inline import LinkSyntax, destination
from paperlint.model import DateSource, DateTag, Entry, Link, LinkKind, Span, Title
from paperlint.roles import host_role

__all__ = ["PROFILE"]

# "(*ICLR'25*)", "(Arxiv’25)", "（*ICML'25*)": the venue between its parentheses.
_PAREN_RE = lazy_re.compile(
    r"[(（][ \t]*(\*{1,2}|_)?([^()（）*_\n]{1,80}?)(?:\*{1,2}|_)?[ \t]*[)）]"
)
# A venue's year: "'25", "’ 25", "2025".
_VENUE_YEAR_RE = lazy_re.compile(r"['’‘][ \t]?(\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)(?!\d)")
# "2016-ICLR-[", "2017.11-[", "2018-IEEE Signal Processing Magazine-[".
_DASH_RE = lazy_re.compile(r"((?:19|20)\d\d)(?:\.(\d{1,2}))?-(?:([^\[\]\n]*?)-)?(?=\[)")
_BREAK_RE = lazy_re.compile(r"(?i)<br\s*/?>\s*$")
_TITLE_STRIP = " \t\r\n"
_PDF_RE = lazy_re.compile(r"(?i)\.pdf(?:[?#]|$)")


def _score(document: Document, block: Block) -> float:
    """An item is an entry when it opens with a venue in parentheses that has a year
    (``(*ICLR'25*)``) or with a ``year-venue-`` prefix right before a ``[`` (``2016-ICLR-[``).
    A parenthesised prefix scores by the marks of the format: a venue name, its italics,
    a plain title, links after it, ``[[Label](u)]`` groups; a dashed one by its venue or
    month and the title link."""
    if block.kind != ITEM:
        return 0.0
    masked = document.masked
    start = block.start
    line_end = document.line_ends[block.first]
    if start >= line_end:
        return 0.0
    first = masked[start]
    if first in "(（":
        return _paren_score(document, block, start, line_end)
    if first in "12":
        prefix = _DASH_RE.match(masked, start, line_end)
        if prefix is None:
            return 0.0
        score = 0.55
        if prefix.group(2) or prefix.group(3):
            score += 0.15
        if masked.find("](", prefix.end(), document.line_ends[block.own_last()]) >= 0:
            score += 0.2
        return score
    return 0.0


def _paren_score(document: Document, block: Block, start: int, line_end: int) -> float:
    masked = document.masked
    prefix = _PAREN_RE.match(masked, start, line_end)
    if prefix is None:
        return 0.0
    inner_start, inner_end = prefix.span(2)
    if _VENUE_YEAR_RE.search(masked, inner_start, inner_end) is None:
        return 0.0  # "(see below)", "(optional)"
    # A bare date in parentheses may open a news line: only a venue name is the format's.
    score = 0.5 if LETTER_RE.search(masked, inner_start, inner_end) else 0.3
    if prefix.group(1):
        score += 0.1
    own_end = document.line_ends[block.own_last()]
    cursor = prefix.end()
    while cursor < line_end and masked[cursor] in " \t":
        cursor += 1
    link = masked.find("](", cursor, own_end)
    if (cursor < line_end and masked[cursor] != "[") or link >= 0:
        score += 0.1  # a title, plain or a link
    if link >= 0:
        score += 0.2
        if masked.find("[[", cursor, own_end) >= 0:
            score += 0.1
    return min(score, 1.0)


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    start = block.start
    line_end = document.line_ends[block.first]
    end = document.line_ends[block.last]
    date: DateTag | None = None
    venue: Span | None = None
    title: Title | None = None
    title_link: Link | None = None
    cursor = start
    paren = _PAREN_RE.match(masked, start, line_end)
    if paren is not None:
        date, venue = _paren_venue(document, paren)
        cursor = paren.end()
    else:
        dash = _DASH_RE.match(masked, start, line_end)
        if dash is not None:
            date, venue = _dash_venue(document, dash)
            cursor = dash.end()
    while cursor < line_end and masked[cursor] in " \t":
        cursor += 1
    if masked.startswith("[", cursor) and not masked.startswith("[[", cursor):
        title, title_link = _link_title(document, block, cursor)
    links, badges = grouped_links(
        document,
        block.lines,
        start,
        end,
        skip=title_link.start if title_link is not None else -1,
    )
    if title_link is not None:
        links.insert(0, title_link)
    elif paren is not None:
        title = _plain_title(document, block, cursor, links, badges)
    return Entry(
        index=index,
        start=block.marker,
        end=end,
        marker_length=marker_end(masked, block.marker) - block.marker,
        date=date,
        title=title,
        venue=venue,
        links=tuple(links),
        badges=tuple(badges),
    )


def _paren_venue(document: Document, paren: re.Match[str]) -> tuple[DateTag | None, Span | None]:
    """``(*ICLR'25*)``: the venue ``ICLR'25`` and its year, read from ``'25``."""
    inner_start, inner_end = strip_span(document.text, *paren.span(2))
    venue = span(inner_start, inner_end)
    year = _VENUE_YEAR_RE.search(document.masked, inner_start, inner_end)
    if year is None:
        return None, venue
    digits = year.group(1) or year.group(2)
    value = int(digits) if len(digits) == 4 else century(int(digits))
    text = document.text[year.start() : year.end()]
    return DateTag(year.start(), text, value, None, None, DateSource.VENUE, None, 0), venue


def _dash_venue(document: Document, dash: re.Match[str]) -> tuple[DateTag | None, Span | None]:
    """``2016-ICLR-``: the venue ``ICLR`` and the year; ``2017.11-``: year and month."""
    date_start = dash.start(1)
    date_end = dash.end(2) if dash.group(2) else dash.end(1)
    text = document.text[date_start:date_end]
    value = read_date(text)
    date = None
    if value is not None:
        date = DateTag(date_start, text, value.year, value.month, None, DateSource.VENUE, None, 0)
    venue = span(*strip_span(document.text, *dash.span(3))) if dash.group(3) else None
    return date, venue


def _link_title(document: Document, block: Block, bracket: int) -> tuple[Title | None, Link | None]:
    """The title that is a link, ``[Title](url)``, and that link: the paper's unless its
    host serves something else. A link whose text runs over a line break (which the
    document's link inventory, read line by line, does not hold) is read here."""
    for found in source_links(document, bracket, bracket + 1):
        if found.syntax is LinkSyntax.INLINE:
            title = title_from(document, bracket + 1, bracket + 1 + len(found.text), "link")
            return title, link_from(document, found, _host_kind(found.url))
    masked = document.masked
    own_end = document.line_ends[block.own_last()]
    close = masked.find("](", bracket + 1, own_end)
    if close < 0:
        return None, None
    text_start, text_end = strip_span(masked, bracket + 1, close, _TITLE_STRIP)
    title = title_from(document, text_start, text_end, "link")
    line_end = document.line_ends[document.line_of(close) - 1]
    read = destination(masked, close + 2, line_end)
    if read is None:
        return title, None
    url_start, url_end, paren = read
    source = document.text
    url = source[url_start:url_end]
    link = Link(
        bracket,
        source[bracket + 1 : close],
        url,
        paren + 1,
        ")",
        _host_kind(url),
        1,
        url_start - bracket,
    )
    return title, link


def _host_kind(url: str) -> LinkKind:
    """The role of a title link: its host's, but a PDF (``hushell.github.io/x.pdf``) and a
    link whose host says nothing are the paper."""
    if _PDF_RE.search(url):
        return LinkKind.PAPER
    role = host_role(url)
    return LinkKind[role] if role else LinkKind.PAPER


def _plain_title(
    document: Document, block: Block, cursor: int, links: list[Link], badges: list[Link]
) -> Title | None:
    """The text from ``cursor`` to the first link or badge (or the end of the item's own
    lines), without a ``<br>`` before the links."""
    limit = document.line_ends[block.own_last()]
    for part in (*links, *badges):
        if cursor <= part.start < limit:
            limit = part.start
    source = document.text
    stop = strip_span(source, cursor, limit, _TITLE_STRIP)[1]
    while True:
        found = _BREAK_RE.search(source, cursor, stop)
        if found is None:
            break
        stop = strip_span(source, cursor, found.start(), _TITLE_STRIP)[1]
    if stop <= cursor:
        return None
    return title_from(document, cursor, stop, "plain")


PROFILE = Profile(
    name="prefixed",
    summary="- (*ICLR'25*) Title [[Paper](..)] [[Code](..)]; - 2016-ICLR-[Title](..) [[Code](..)]",
    kinds=frozenset({ITEM}),
    score=_score,
    read=_read,
    reads=(
        "the venue prefix and its year, the plain or link title, every link and badge; "
        "the prefix's punctuation and what follows the title as is"
    ),
)
