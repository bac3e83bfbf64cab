"""The multi-line format: one entry over several lines, a part per line.

A paragraph whose first line is a bold title alone, each line ended by ``<br>`` or ``\\``:
``**Title.**<br>`` / ``*Authors (some as links)*<br>`` / ``Venue 2023. [[PDF](..)]
[[Code](..)]``, or ``**Title** \\`` / ``*Authors* \\`` / ``[08 March 2025] [Journal]<br>`` /
``[[Paper](..)] [[Github](..)]``. Also its list variant, a bullet whose text is the bold
title and whose nested items hold the rest: ``- **Title (AISTATS 2022)**`` /
``  - Authors`` / ``  - [[Paper]](url)`` / ``  - [[Code]](url)``.

What it reads: the bold title (as written: a final ``.`` or a trailing ``(Venue 2022)``
inside the ``**`` stays in its text), the authors (inside the italic ``*..*``, or the plain
line without its final ``.``; links in it are the authors' pages, with the role ``OTHER``),
the date (a bracketed ``[08 March 2025]`` or ``[2025]`` as ``DateSource.TEXT``, else the
year of the venue as ``DateSource.VENUE``), the venue (the bracketed ``[Journal]`` after
the date, the text before the links on the venue line, or the ``(AISTATS 2022)`` that ends
a bullet's title), every ``[[Label](url)]`` group (broken ones too), ``[[Label]](url)`` and
any other link. The line breaks (``<br>``, ``\\``) and the text between parts are left as
they are. A paragraph or bullet whose first line holds more than a bold title (prose, a
``**Fast**: ..`` feature, a news line) is no entry, nor is a bullet without nested items.
"""

from __future__ import annotations

import re

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.formats.base import ITEM, PARAGRAPH, Block, Profile
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

# A line's break mark: "<br>", "<br/>", "<br />" or a final backslash, and the blanks before.
_BREAK_RE = lazy_re.compile(r"[ \t]*(?:<br[ \t]*/?>|\\)[ \t]*$", re.IGNORECASE)
_BRACKET_RE = lazy_re.compile(r"\[([^\[\]\n]*)\](?![(\[])")
_TITLE_VENUE_RE = lazy_re.compile(r"\(([^()\n]*(?:19|20)\d\d)\)[ \t.]*$")
_SEPARATORS = " \t.,;"


def _score(document: Document, block: Block) -> float:
    """A paragraph is an entry when its first line is a bold title alone (with a line break
    mark) and more lines follow; a list item, when its text is a bold title alone and nested
    items follow. It scores by the format's marks: the break mark, an authors line, a
    ``[[Label](..)]`` or ``[[Label]](..)`` link, a year, a date or venue line."""
    kind = block.kind
    if kind == PARAGRAPH:
        if block.last == block.first:
            return 0.0
    elif kind != ITEM or not block.children:
        return 0.0
    masked = document.masked
    start = block.start
    if not masked.startswith("**", start):
        return 0.0
    ends = document.line_ends
    first_end = ends[block.first]
    closing = masked.find("**", start + 2, first_end)
    if closing < 0 or closing == start + 2:
        return 0.0
    rest = masked[closing + 2 : first_end]
    breaks = bool(rest.strip())
    if breaks and not _BREAK_RE.fullmatch(rest):
        return 0.0  # "**Fast**: lints ..", "**Org** • `tags`": more than a title
    end = ends[block.last]
    groups = masked.find("[[", closing, end) >= 0
    if kind == ITEM:
        if not groups:
            return 0.0  # "- **Imaging region**" / "  - Knee": a bold bullet, not a paper
        score = 0.7  # the title, its parts as nested items, a link among them
        if _TITLE_VENUE_RE.search(masked, start + 2, closing):
            score += 0.1  # "**Title (AISTATS 2022)**"
        if _is_authors(masked, block.children[0].start, ends[block.children[0].first]):
            score += 0.1
    else:
        score = 0.2
        if breaks:
            score += 0.1
        if block.last - block.first >= 2:
            score += 0.1  # title, authors, and a venue or links line
        second = skip(masked, document.line_starts[block.first + 1], end, " \t")
        if _is_authors(masked, second, ends[block.first + 1]):
            score += 0.2
        if groups:
            score += 0.3
    if YEAR_RE.search(masked, start, end):
        score += 0.1
    return min(score, 1.0)


def _is_authors(masked: str, position: int, end: int) -> bool:
    """Whether a line from ``position`` to ``end`` can be an authors line: an italic span,
    or names (plain or linked to the authors' pages) separated by commas or "and"."""
    two = masked[position : position + 2]
    if two.startswith("*"):
        return two != "**"
    if two in ("[[", "![", "") or two[0] in "\n<`":
        return False
    return masked.find(",", position, end) >= 0 or masked.find(" and ", position, end) >= 0


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    ends, starts = document.line_ends, document.line_starts
    end = ends[block.last]
    first_end = ends[block.first]
    marker_end = block.marker
    if block.kind == ITEM:
        while marker_end < block.start and masked[marker_end] not in " \t":
            marker_end += 1

    title: Title | None = None
    authors: Span | None = None
    venue: Span | None = None
    date: DateTag | None = None
    inner = block.start + 2
    closing = masked.find("**", inner, first_end)
    if closing < 0:
        title_end = _content_end(masked, inner, first_end)
        title = title_from(document, inner, title_end, "bold", closed=False)
    else:
        title = title_from(document, inner, closing, "bold")

    if block.kind == ITEM:
        if closing >= 0:
            found = _TITLE_VENUE_RE.search(masked, inner, closing)
            if found is not None:
                venue = Span(*strip_span(masked, found.start(1), found.end(1)))
        for child in block.children:
            child_end = ends[child.own_last()]
            if not masked.startswith("[", child.start) and child.start < child_end:
                authors = stripped(
                    masked, child.start, _content_end(masked, child.start, child_end)
                )
                break
    else:
        for line in range(block.first + 1, block.last + 1):
            line_start = skip(masked, starts[line], ends[line], " \t")
            line_end = _content_end(masked, line_start, ends[line])
            if masked.startswith("[[", line_start):
                continue  # a links line
            if line == block.first + 1 and _BRACKET_RE.match(masked, line_start, line_end) is None:
                authors = _authors(masked, line_start, line_end)
                continue
            date, venue = _date_and_venue(document, line_start, line_end)
            break

    if date is None and venue is not None:
        date = date_in(document, venue.start, venue.end, DateSource.VENUE, numeric=False)
    groups = group_links(document, block.lines)
    links, badges = grouped_links(
        document, block.lines, block.marker, end, groups=groups, plain=authors
    )
    return Entry(
        index=index,
        start=block.marker,
        end=end,
        marker_length=marker_end - block.marker if block.kind == ITEM else 0,
        date=date,
        title=title,
        venue=venue,
        links=tuple(links),
        authors=authors,
        badges=tuple(badges),
    )


def _authors(masked: str, start: int, end: int) -> Span | None:
    """``*Authors*`` (inside the italic), or plain authors without a final ``.``."""
    if masked.startswith("*", start) and not masked.startswith("**", start):
        closing = masked.rfind("*", start + 1, end)
        if closing > start:
            return stripped(masked, start + 1, closing)
    return stripped(masked, start, end, _SEPARATORS)


def _date_and_venue(document: Document, start: int, end: int) -> tuple[DateTag | None, Span | None]:
    """A date and venue line: ``[08 March 2025] [Journal]``, or ``Venue 2023. [[PDF](..)]``
    (the venue up to the first link)."""
    masked = document.masked
    bracket = _BRACKET_RE.match(masked, start, end)
    if bracket is not None:
        date = date_in(document, bracket.start(), bracket.end(), DateSource.TEXT, brackets=1)
        if date is not None:
            venue: Span | None = None
            after = skip(masked, bracket.end(), end, " \t")
            second = _BRACKET_RE.match(masked, after, end)
            if second is not None:
                venue = stripped(masked, second.start(1), second.end(1))
            return date, venue
    stop = masked.find("[", start, end)
    return None, stripped(masked, start, stop if stop >= 0 else end, _SEPARATORS)


def _content_end(masked: str, start: int, end: int) -> int:
    """Where a line's content ends: before its break mark (``<br>``, ``\\``) and blanks."""
    found = _BREAK_RE.search(masked, start, end)
    return found.start() if found is not None else strip_span(masked, start, end)[1]


PROFILE = Profile(
    name="multiline",
    summary="**Title** \\ / *Authors* \\ / [08 March 2025] [Venue]<br> / [[Paper](..)]",
    kinds=frozenset({PARAGRAPH, ITEM}),
    score=_score,
    read=_read,
    reads=(
        "the bold title, the authors line, the date ([08 March 2025] or the venue's year), "
        "the venue, every [[Label](url)] group and other link; line breaks and the rest as is"
    ),
)
