"""Bullets with a date or venue tag and a bold title: ``- [2023/08] **Title** *Authors et
al. Venue* [[Paper](u)|[Code](u)] *``, ``* **Acronym**: [CVPR 2024] **Title** [[Paper](u)]
[[GitHub](u)]``, and the quoted variant ``* **Acronym**: "Title", *Venue, Mon YYYY*.
[[Paper](u)] [[Website](u)]``.

What it reads: the tag as the date (``[2023/08]``, ``[2023]``, ``[CVPR 2024]``: a venue
tag gives its year, and its venue name as the venue), the bold title (or the quoted one),
the italic span after a bold title (``Authors et al. Venue``: the authors up to ``et al.``,
the rest as the venue), the venue and date after a quoted title (``*arXiv, Oct 2023*``,
``CVPR, June 2025``), every link (groups as the generator reads them, the other links of
``[[Paper](u)|[Code](u)]`` and any other link) and badge. Left as plain text: the acronym
before the tag or the quoted title, prose after the title (``, OpenAI Blog, vol. 1,
2024.``), the markers after the links (``*``, ``#``, ``(swarm)``).

A bold title with no tag or quote (``* **Title** *arXiv, Mar 2025* [[arXiv](u)]``) is no
entry of this format: a bold title alone is the mark of the numbered and multi-line
formats.
"""

from __future__ import annotations

import re

from paperlint import lazy_re
from paperlint.dates import read_date
from paperlint.document import Document
from paperlint.formats.base import ITEM, Block, Profile
from paperlint.formats.fields import (
    LETTER_RE,
    YEAR_RE,
    date_in,
    grouped_links,
    marker_end,
    span,
    strip_span,
    title_from,
)
from paperlint.formats.generator import SIGNATURE_RE
from paperlint.model import DateSource, DateTag, Entry, Span, Title

__all__ = ["PROFILE"]

# A bold name before the tag or the quoted title: "**Imagen**: ", "**[RT-2]** ".
_ACRONYM_RE = lazy_re.compile(r"\*\*(?!\*)[^*\n]{1,80}\*\*:?[ \t]*")
# A bracketed tag that is no link text and no group: "[2023/08]", "[CVPR 2024]".
_TAG_RE = lazy_re.compile(r"\[(?!\[)([^\[\]\n]{1,160})\](?![(\[])")
# What makes a tag a date: a year, or the generator's YY/MM.
_DATED_RE = lazy_re.compile(r"(?<!\d)(?:(?:19|20)\d\d|\d\d[/.-]\d\d?)(?!\d)")
_SHORT_TAG_RE = lazy_re.compile(r"\d\d/\d\d")
_LONG_TAG_RE = lazy_re.compile(r"\d{4}/\d\d")
_ITALIC_RE = lazy_re.compile(r"[ \t]*(\*(?!\*)[^*\n]+\*|_[^_\n]+_)(?![*_])")
_QUOTED_RE = lazy_re.compile(r'"([^"\n]+)"')
_QUOTE_ITALIC_RE = lazy_re.compile(r"[ \t]*[,.:;]?[ \t]*\*(?!\*)([^*\n]+)\*")
_ET_AL = "et al."
_VENUE_STRIP = " \t.,;:-"


def _score(document: Document, block: Block) -> float:
    """An item is an entry when it opens (after an optional bold acronym) with a dated tag
    and a bold title, or with a quoted title. It scores by the format's marks: a venue tag
    or a four-digit date (the generator writes ``[YY/MM]``), the italic authors or venue
    after the title, links on the title's line (the generator writes them on the next
    one), ``|``-joined links; the generator's ``Code/Page`` and ``TLDR/Notes`` labels
    count against it."""
    if block.kind != ITEM:
        return 0.0
    masked = document.masked
    start = block.start
    line_end = document.line_ends[block.first]
    cursor = start
    acronym = _ACRONYM_RE.match(masked, start, line_end)
    if acronym is not None:
        cursor = acronym.end()
    tag = _TAG_RE.match(masked, cursor, line_end)
    if tag is not None:
        score = _tag_score(masked, tag, line_end)
        if score and SIGNATURE_RE.search(masked, start, document.line_ends[block.last]):
            score = max(score - 0.4, 0.1)
        return score
    if masked.startswith('"', cursor, line_end):
        return _quoted_score(masked, cursor, line_end, acronym is not None)
    return 0.0


def _tag_score(masked: str, tag: re.Match[str], line_end: int) -> float:
    inner = tag.group(1)
    if _DATED_RE.search(inner) is None:
        return 0.0  # "[OpenAI] [Title](u)": a tag, but no date
    cursor = tag.end()
    while cursor < line_end and masked[cursor] in " \t":
        cursor += 1
    if not masked.startswith("**", cursor, line_end):
        return 0.0  # a news line: "- [2023/12/28] Publicly released repo."
    score = 0.6
    if LETTER_RE.search(inner):
        score += 0.25  # a venue tag, "[CVPR 2024]"
    elif not _SHORT_TAG_RE.fullmatch(inner):
        score += 0.1  # "[2023/08]", "[2023]"
    closing = masked.find("**", cursor + 2, line_end)
    if closing >= 0 and _ITALIC_RE.match(masked, closing + 2, line_end):
        score += 0.15
    group = masked.find("[[", cursor + 2, line_end)
    if group >= 0:
        score += 0.15
        if masked.find(")|[", group, line_end) >= 0:
            score += 0.1
    return min(score, 1.0)


def _quoted_score(masked: str, cursor: int, line_end: int, acronym: bool) -> float:
    quote = _QUOTED_RE.match(masked, cursor, line_end)
    if quote is None:
        return 0.0
    score = 0.5
    after = quote.end()
    italic = _QUOTE_ITALIC_RE.match(masked, after, line_end)
    if italic is not None:
        score += 0.2
        if YEAR_RE.search(masked, italic.start(1), italic.end(1)):
            score += 0.05
    group = masked.find("[[", after, line_end)
    if group >= 0:
        score += 0.15
        if italic is None and YEAR_RE.search(masked, after, group):
            score += 0.1  # '"Title", CVPR, June 2025. [[Paper](u)]'
    if acronym:
        score += 0.05
    return min(score, 1.0)


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    line_end = document.line_ends[block.first]
    end = document.line_ends[block.last]
    own_end = document.line_ends[block.own_last()]
    links, badges = grouped_links(document, block.lines, block.start, end)
    cursor = block.start
    acronym = _ACRONYM_RE.match(masked, cursor, line_end)
    if acronym is not None:
        cursor = acronym.end()
    limit = own_end
    for part in (*links, *badges):
        if cursor <= part.start < limit:
            limit = part.start

    date: DateTag | None = None
    title: Title | None = None
    venue: Span | None = None
    authors: Span | None = None
    tag = _TAG_RE.match(masked, cursor, line_end)
    if tag is not None:
        date, venue = _tag_date(document, tag)
        title, after = _bold_title(document, tag.end(), limit)
        italic = _ITALIC_RE.match(masked, after, limit) if after >= 0 else None
        if italic is not None:
            authors, named = _authors_venue(document.text, italic.start(1) + 1, italic.end(1) - 1)
            venue = venue or named
    else:
        quote = _QUOTED_RE.match(masked, cursor, line_end)
        if quote is not None:
            title = title_from(document, quote.start(1), quote.end(1), "quoted")
            venue, date = _quoted_venue_date(document, quote.end(), min(limit, line_end))

    return Entry(
        index=index,
        start=block.marker,
        end=end,
        marker_length=marker_end(masked, block.marker) - block.marker,
        date=date,
        title=title,
        venue=venue,
        links=tuple(links),
        authors=authors,
        badges=tuple(badges),
    )


def _tag_date(document: Document, tag: re.Match[str]) -> tuple[DateTag, Span | None]:
    """The tag's date and, for a venue tag, the venue's name (the text before its date)."""
    inner_start, inner_end = tag.span(1)
    text = document.text[inner_start:inner_end]
    value = read_date(text)
    if value is None:
        return DateTag(tag.start(), text, None, None, None, DateSource.TAG), None
    style = None
    if _LONG_TAG_RE.fullmatch(text):
        style = "YYYY/MM"
    elif _SHORT_TAG_RE.fullmatch(text):
        style = "YY/MM"
    date = DateTag(tag.start(), text, value.year, value.month, style, DateSource.TAG, value.day)
    named = strip_span(document.text, inner_start, inner_start + value.start, _VENUE_STRIP)
    venue = span(*named) if LETTER_RE.search(text, 0, value.start) else None
    return date, venue


def _bold_title(document: Document, cursor: int, limit: int) -> tuple[Title | None, int]:
    """The bold title at ``cursor`` (after blanks) and the offset after its closing
    ``**`` (-1 when it has none before ``limit``)."""
    masked = document.masked
    while cursor < limit and masked[cursor] in " \t":
        cursor += 1
    if not masked.startswith("**", cursor, limit):
        return None, -1
    inner_start = cursor + 2
    closing = masked.find("**", inner_start, limit)
    if closing < 0:
        start, stop = strip_span(masked, inner_start, limit)
        return title_from(document, start, stop, "bold", closed=False), -1
    return title_from(document, inner_start, closing, "bold"), closing + 2


def _authors_venue(text: str, start: int, end: int) -> tuple[Span | None, Span | None]:
    """``Yubin Kim et al. arXiv``: the authors up to ``et al.`` and the venue after it;
    with no ``et al.`` the whole span is the venue (``Cambridge University Press``)."""
    etal = text.find(_ET_AL, start, end)
    if etal < 0:
        return None, span(*strip_span(text, start, end, _VENUE_STRIP))
    authors_end = etal + len(_ET_AL)
    venue = span(*strip_span(text, authors_end, end, _VENUE_STRIP))
    return Span(start, authors_end), venue


def _quoted_venue_date(
    document: Document, start: int, limit: int
) -> tuple[Span | None, DateTag | None]:
    """After a quoted title: ``, *Venue, Mon YYYY*`` or ``, Venue, Mon YYYY.``: the venue
    up to the comma before the date (``ICRA`` of ``ICRA, May 17th 2024``)."""
    text = document.text
    italic = _QUOTE_ITALIC_RE.match(document.masked, start, limit)
    if italic is not None:
        start, limit = italic.span(1)
    start, limit = strip_span(text, start, limit, _VENUE_STRIP)
    date = date_in(document, start, limit, DateSource.TEXT, numeric=False)
    if date is None and italic is None:
        return None, None  # prose, not a venue
    stop = date.start if date is not None else limit
    comma = text.rfind(",", start, stop)
    if comma >= 0:
        stop = comma
    return span(*strip_span(text, start, stop, _VENUE_STRIP)), date


PROFILE = Profile(
    name="tagged",
    summary="- [2023/08] **Title** *Authors et al. Venue* [[Paper](..)|[Code](..)]",
    kinds=frozenset({ITEM}),
    score=_score,
    read=_read,
    reads=(
        "the date or venue tag, the bold or quoted title, the italic authors and venue after "
        "it, every link and badge; the acronym, trailing prose and markers as is"
    ),
)
