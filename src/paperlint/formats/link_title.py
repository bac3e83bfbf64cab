"""The format whose title is the link: ``- [Title](url), Authors, Venue 2021 | [code](u)``,
or ``- [Title](url)`` with nested ``  - Authors`` / ``  - publisher`` / ``  - Code: [..](u)``.

What it reads: the link's text as the title (the link itself among the links, its role
from its host, a paper by default), after it on the item's line the authors and the venue
with its year (the entry's date), then every other link and badge of the item (its nested
items' too); of the nested items, the first of plain text is the authors, the second the
venue (publisher), a long sentence the notes. A bullet whose link points into the page
(``[Intro](#intro)``) or to a relative file (``[Usage](docs/usage.md)``), whose text is a
URL, or that opens with anything but the link (``[Org] [Title](u)``, ``2016-ICLR-[T](u)``)
is no entry. Left as plain text: separators (``|``, ``,``), comments, bare URLs in nested
items, text after the venue.
"""

from __future__ import annotations

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.formats.base import ITEM, Block, Profile
from paperlint.formats.fields import (
    ABSOLUTE_URL_STARTS,
    TITLE_LINK_RE,
    date_in,
    entry_links,
    link_from,
    source_links,
    span,
    title_from,
    title_link_kind,
)
from paperlint.inline import LinkSyntax
from paperlint.model import DateSource, DateTag, Entry, Link, Span, Title
from paperlint.roles import host_role

__all__ = ["PROFILE"]

_YEAR_RE = lazy_re.compile(r"(?<![\w.])(?:19|20)\d\d(?![\d])")
_SHORT_YEAR_RE = lazy_re.compile(r"['’]\d\d(?!\d)")
_ET_AL_RE = lazy_re.compile(r"\bet al\.?")
# Where the text after the title link stops being authors and venue: a "|" separator,
# a code span or an HTML tag (comments are blanks in the masked text).
_TAIL_STOP_RE = lazy_re.compile(r"[|\x1a<]")


def _score(document: Document, block: Block) -> float:
    """An item is an entry when it opens with a link to an absolute URL whose text is no
    URL; the more of the format's marks it carries, the higher it scores: a title of
    several words, a paper host, ``, Authors, Venue 2021`` after the link, nested detail
    items (authors, publisher)."""
    if block.kind != ITEM:
        return 0.0
    masked = document.masked
    line_end = document.line_ends[block.first]
    found = TITLE_LINK_RE.match(masked, block.start, line_end)
    if found is None:
        return 0.0
    url = found.group(2)
    if not url.lower().startswith(ABSOLUTE_URL_STARTS):
        return 0.0  # "#intro", "docs/usage.md", "./citations/x.txt": no paper
    text = found.group(1)
    if text.lstrip().lower().startswith(ABSOLUTE_URL_STARTS):
        return 0.0  # a bare URL written as a link
    score = 0.3
    if text.count(" ") >= 2 or ":" in text:
        score += 0.1
    paper = host_role(url) == "PAPER" or url.lower().endswith(".pdf")
    if paper:
        score += 0.2
    close = masked.find(")", found.end(), line_end)
    cursor = line_end
    if close >= 0:
        cursor = close + 1
        while cursor < line_end and masked[cursor] in " \t":
            cursor += 1
    if cursor >= line_end and not block.children and not paper:
        # A bare link to a page, a tweet or a repository: what a list of links holds,
        # not a paper's entry.
        return 0.0
    if cursor < line_end:
        # ", Authors, Venue 2021" is the format's; ": a description" less so.
        score += 0.2 if masked[cursor] == "," else 0.1
        if _YEAR_RE.search(masked, cursor, line_end):
            score += 0.1
        if masked.find("](", cursor, line_end) >= 0:
            score += 0.1
    if block.children:
        child = block.children[0]
        if masked[child.start : child.start + 1] not in ("[", "!", ""):
            score += 0.3  # "  - Authors", "  - publisher"
    return min(score, 1.0)


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    ends = document.line_ends
    first_end = ends[block.first]
    end = ends[block.last]
    marker_length = len(masked[block.marker : block.start].rstrip())

    title: Title | None = None
    title_link: Link | None = None
    tail_start = block.start
    for found in source_links(document, block.start, block.start + 1):
        if found.syntax is LinkSyntax.INLINE:
            title_link = link_from(document, found, title_link_kind(found.url))
            label = title_link.label_span
            title = title_from(document, label.start, label.end, "link")
            tail_start = title_link.end
    if title is None:
        # A link no renderer reads (a blank in its URL, no ")"): its text is the title all
        # the same.
        found_text = TITLE_LINK_RE.match(masked, block.start, first_end)
        if found_text is not None:
            title = title_from(document, found_text.start(1), found_text.end(1), "link")
            tail_start = found_text.end()
    skip = title_link.start if title_link is not None else -1
    links, badges = entry_links(document, block.start, end, skip=skip)
    if title_link is not None:
        links.insert(0, title_link)

    authors, venue, date = _tail(document, tail_start, first_end)
    notes: Span | None = None
    for child in block.children:
        content = _plain_child(document, child)
        if content is None:
            continue
        if _is_sentence(document.text[content.start : content.end]):
            if notes is None:
                notes = content
        elif authors is None:
            authors = content
        elif venue is None:
            venue = content
            date = date or date_in(
                document, content.start, content.end, DateSource.VENUE, numeric=False
            )

    return Entry(
        index=index,
        start=block.marker,
        end=end,
        marker_length=marker_length,
        date=date,
        title=title,
        venue=venue,
        links=tuple(links),
        authors=authors,
        badges=tuple(badges),
        notes=notes,
    )


def _tail(
    document: Document, start: int, line_end: int
) -> tuple[Span | None, Span | None, DateTag | None]:
    """Authors, venue and date in ``, Authors et al., Venue 2021`` after the title link:
    comma-separated parts up to a ``|``, a comment or the line's end. The last part with a
    year is the venue (a bare year only dates the entry); the parts before it that are no
    link are the authors."""
    masked = document.masked
    stop = _TAIL_STOP_RE.search(masked, start, line_end)
    limit = stop.start() if stop else line_end
    parts = _parts(masked, start, limit)
    dated = -1
    for number, (part_start, part_end) in enumerate(parts):
        if masked[part_start] in "[!":
            continue  # a link ("[bibtex](./x-2020.txt)", "[@kwea123](u)")
        if _YEAR_RE.search(masked, part_start, part_end) or _SHORT_YEAR_RE.search(
            masked, part_start, part_end
        ):
            dated = number
    authors: Span | None = None
    venue: Span | None = None
    date: DateTag | None = None
    names = parts if dated < 0 else parts[:dated]
    if dated >= 0:
        venue_start, venue_end = parts[dated]
        # "Rebain et al. Arxiv 2020": the authors and the venue with no comma between.
        et_al = _ET_AL_RE.search(masked, venue_start, venue_end)
        if et_al is not None:
            names = [*names, (venue_start, et_al.end())]
            venue_start = et_al.end()
            while venue_start < venue_end and masked[venue_start] in " \t":
                venue_start += 1
        if _YEAR_RE.fullmatch(masked, venue_start, venue_end):
            date = date_in(document, venue_start, venue_end, DateSource.TEXT, numeric=False)
        else:
            venue = Span(venue_start, venue_end)
            date = date_in(document, venue_start, venue_end, DateSource.VENUE, numeric=False)
    run: list[tuple[int, int]] = []
    for part in names:
        if masked[part[0]] in "[!":
            if run:
                break  # the authors are the first run of parts that are no link
            continue
        run.append(part)
    if run:
        authors = span(run[0][0], run[-1][1])
    return authors, venue, date


def _parts(masked: str, start: int, limit: int) -> list[tuple[int, int]]:
    """The comma-separated parts of ``[start, limit)``, blanks stripped, empty ones left out;
    a comma inside brackets or parentheses separates nothing."""
    parts: list[tuple[int, int]] = []
    depth = 0
    part_start = start
    for position in range(start, limit + 1):
        char = masked[position] if position < limit else ","
        if char in "[(":
            depth += 1
        elif char in "])":
            depth = max(0, depth - 1)
        elif char == "," and (depth == 0 or position == limit):
            low, high = part_start, position
            while low < high and masked[low] in " \t;:-–—":
                low += 1
            while high > low and masked[high - 1] in " \t;":
                high -= 1
            if high > low:
                parts.append((low, high))
            part_start = position + 1
    return parts


def _plain_child(document: Document, child: Block) -> Span | None:
    """The text of a nested item that holds no link nor URL (``  - Qwen Team``), stripped."""
    masked = document.masked
    end = document.line_ends[child.first]
    low, high = child.start, end
    while high > low and masked[high - 1] in " \t":
        high -= 1
    if high <= low:
        return None
    if masked.find("](", low, high) >= 0 or masked.find("://", low, high) >= 0:
        return None
    if masked[low] in "[!<\x1a":
        return None
    return Span(low, high)


def _is_sentence(text: str) -> bool:
    """A curator's remark rather than a list of names: many words, few commas."""
    words = text.count(" ") + 1
    return words >= 8 and text.count(",") * 4 < words


PROFILE = Profile(
    name="link-title",
    summary="- [Title](url), Authors et al., Venue 2021 | [code](..)",
    kinds=frozenset({ITEM}),
    score=_score,
    read=_read,
    reads=(
        "the title link, then authors and venue (its year as the date) after it or in nested "
        "items, every other link and badge of the item; separators and comments as is"
    ),
)
