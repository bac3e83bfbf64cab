"""The numbered format: ``1. **Title**. *Authors*. Venue 2023. [[pdf](..)] [[code](..)]``.

Also its two-line variant, the title alone on the item's first line and the authors on the
next (``1. **Title**.`` / ``*Authors*. Venue 2023. [[pdf](..)]``), and the ``<br />``
variant: ``2. **Title**. (ICLR 2023) <br />`` then a line of plain authors (indented or
not) and the ``[[paper](..)] [[code](..)]`` groups, the venue missing in many entries.

What it reads: the bold title (its text as written, a final ``.`` inside the ``**``
included), the authors (inside an italic ``*..*``, or the plain line after ``<br />``
without its final ``.``), the venue (the text after the italic authors up to the first tag
or link, or the ``(..)`` after the title) and the year in it (``DateSource.VENUE``), every
``[[label](url)]`` group (broken ones too) and any other link. The entry's other text is
left as it is: the ``.`` between parts, the curator's tags in code spans (``\\`score\\```),
``<br />``. A numbered item that does not open with ``**`` is no entry of this format, nor
is a bullet (``- **2023-10-22 Our paper ..**`` news) or a paragraph.
"""

from __future__ import annotations

import re

from paperlint import lazy_re
from paperlint.document import CODE_FILLER, Document
from paperlint.formats.base import ITEM, Block, Profile
from paperlint.formats.fields import (
    YEAR_RE,
    date_in,
    grouped_links,
    skip,
    strip_span,
    stripped,
    title_from,
)
from paperlint.formats.generator import group_links
from paperlint.model import DateSource, DateTag, Entry, Span, Title

__all__ = ["PROFILE"]

_BREAK_RE = lazy_re.compile(r"[ \t]*<br[ \t]*/?>", re.IGNORECASE)
_PARENTHESES_RE = lazy_re.compile(r"[(\uff08]([^()\uff08\uff09\n]*)[)\uff09]")  # fullwidth too
# What ends a venue written after the authors: a tag in a code span, a link, a line break.
_VENUE_END_RE = lazy_re.compile("[\\[\n" + CODE_FILLER + "]|<br|!\\[", re.IGNORECASE)
_SEPARATORS = " \t.,;:"


def _score(document: Document, block: Block) -> float:
    """An item is an entry when its marker is a number and its text opens with ``**``. It
    scores by the format's marks: the closed bold title, authors after it (an italic span,
    or a ``<br />`` and the next line), a ``[[label](url)]`` group, a year."""
    if block.kind != ITEM:
        return 0.0
    masked = document.masked
    start = block.start
    if not masked[block.marker].isdigit() or not masked.startswith("**", start):
        return 0.0
    ends = document.line_ends
    end = ends[block.last]
    score = 0.3
    closing = masked.find("**", start + 2, end)
    if closing < 0:
        return score
    score += 0.1
    cursor = closing + 2
    line_end = masked.find("\n", cursor, end)
    if line_end < 0:
        line_end = end
    rest = masked[cursor : min(line_end, cursor + 160)]
    if rest.lstrip(_SEPARATORS).startswith("*"):
        score += 0.25  # "**Title**. *Authors*"
    elif line_end < end:
        follow = masked[line_end + 1 : line_end + 80].lstrip()
        if (follow.startswith("*") and not follow.startswith("**")) or _BREAK_RE.search(rest):
            score += 0.25  # "**Title**." / "*Authors*", or "**Title** <br />" / "Authors"
    if masked.find("[[", cursor, end) >= 0:
        score += 0.25
    if YEAR_RE.search(masked, cursor, end):
        score += 0.1
    return min(score, 1.0)


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    ends = document.line_ends
    own_end = ends[block.own_last()]
    end = ends[block.last]
    marker_end = block.marker
    while marker_end < block.start and masked[marker_end] not in " \t":
        marker_end += 1

    groups = group_links(document, block.lines)
    first_link = groups[0].start if groups else own_end
    title: Title | None = None
    authors: Span | None = None
    venue: Span | None = None
    cursor = block.start
    inner = block.start + 2
    closing = masked.find("**", inner, own_end)
    if closing < 0:
        title_end = strip_span(masked, inner, min(first_link, _line_end(masked, inner, own_end)))[1]
        title = title_from(document, inner, title_end, "bold", closed=False)
        cursor = title_end
    else:
        title = title_from(document, inner, closing, "bold")
        cursor = closing + 2
        authors, venue, cursor = _after_title(document, cursor, own_end)

    links, badges = grouped_links(
        document, block.lines, block.marker, end, groups=groups, plain=authors
    )
    date = _venue_date(document, venue) if venue is not None else None
    return Entry(
        index=index,
        start=block.marker,
        end=end,
        marker_length=marker_end - block.marker,
        date=date,
        title=title,
        venue=venue,
        links=tuple(links),
        authors=authors,
        badges=tuple(badges),
    )


def _after_title(document: Document, cursor: int, end: int) -> tuple[Span | None, Span | None, int]:
    """The authors and the venue after the title's closing ``**`` at ``cursor``, and where
    reading stopped."""
    masked = document.masked
    line_end = _line_end(masked, cursor, end)
    position = skip(masked, cursor, line_end, _SEPARATORS)
    venue: Span | None = None
    if position < line_end and masked[position] in "(\uff08":
        # "**Title**. (ICLR 2023) <br />"
        found = _PARENTHESES_RE.match(masked, position, line_end)
        if found is not None and YEAR_RE.search(found.group(1)):
            venue = stripped(masked, found.start(1), found.end(1))
            position = skip(masked, found.end(), line_end, _SEPARATORS)
    brk = _BREAK_RE.match(masked, position, line_end)
    if brk is not None:
        position = skip(masked, brk.end(), line_end, " \t")
    if position >= line_end or masked.startswith("\n", position):
        # The authors on the next line.
        if line_end >= end:
            return None, venue, position
        position = skip(masked, _next_line(masked, line_end), end, " \t")
        line_end = _line_end(masked, position, end)
    if masked.startswith("*", position) and not masked.startswith("**", position):
        italic_end = masked.find("*", position + 1, line_end)
        if italic_end < 0:
            return None, venue, position
        authors = stripped(masked, position + 1, italic_end)
        position = italic_end + 1
        if venue is None:
            venue = _venue_after(masked, position, line_end)
        return authors, venue, position
    if brk is None:
        return None, venue, position
    # Plain authors after "<br />": up to a line break, a link or the line's end.
    stop = _VENUE_END_RE.search(masked, position, line_end)
    authors_end = stop.start() if stop else line_end
    authors = stripped(masked, position, authors_end, _SEPARATORS)
    if venue is None and authors_end == line_end < end:
        # "Authors." / " (EMNLP 2022) [[paper](..)]": a venue opening the links' line.
        start = skip(masked, _next_line(masked, line_end), end, " \t")
        found = _PARENTHESES_RE.match(masked, start, _line_end(masked, start, end))
        if found is not None and YEAR_RE.search(found.group(1)):
            venue = stripped(masked, found.start(1), found.end(1))
    return authors, venue, authors_end


def _venue_date(document: Document, venue: Span) -> DateTag | None:
    """The year of a venue: ``ICLR 2023``, also glued to its name (``ACL2023 Findings``)."""
    date = date_in(document, venue.start, venue.end, DateSource.VENUE, numeric=False)
    if date is None:
        found = YEAR_RE.search(document.masked, venue.start, venue.end)
        if found is not None:
            year = found.group()
            return DateTag(found.start(), year, int(year), None, None, DateSource.VENUE, None, 0)
    return date


def _venue_after(masked: str, position: int, line_end: int) -> Span | None:
    """``. Venue 2023. `tag` [[pdf](..)]``: the venue, up to the first tag or link."""
    start = skip(masked, position, line_end, _SEPARATORS)
    stop = _VENUE_END_RE.search(masked, start, line_end)
    return stripped(masked, start, stop.start() if stop else line_end, _SEPARATORS)


def _line_end(masked: str, position: int, end: int) -> int:
    """Where the line holding ``position`` ends, before its ``\n`` or ``\r\n``."""
    found = masked.find("\n", position, end)
    if found < 0:
        return end
    return found - 1 if found > position and masked[found - 1] == "\r" else found


def _next_line(masked: str, line_end: int) -> int:
    """The start of the line after the one ending at ``line_end``."""
    return line_end + 2 if masked.startswith("\r\n", line_end) else line_end + 1


PROFILE = Profile(
    name="numbered",
    summary="1. **Title**. *Authors*. Venue 2023. [[pdf](..)] [[code](..)]",
    kinds=frozenset({ITEM}),
    score=_score,
    read=_read,
    reads=(
        "the bold title, the authors (italic, or the line after <br />), the venue and its "
        "year, every [[label](url)] group and other link; tags in code spans and the rest "
        "as is"
    ),
)
