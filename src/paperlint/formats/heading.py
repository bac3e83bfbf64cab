"""The format with one heading per paper: ``### [Title](url)`` or ``##### [Title]``, then a
few lines about it (``**Authors (Affiliations)** • `Tag` • ![badge](..)``, ``> summary``, or
``- Title [[arXiv]](url)`` / ``- *Authors*`` / ``- `2013-12-20` ``).

What it reads: the heading's text as the title (the link text of ``[Title](url)``, with the
link among the entry's links; the text inside plain ``[Title]`` brackets), the first bold or
italic line of the section as the authors, a date written alone on a line (in a code span
too) as the date, else the year of the level-2 section heading (``## 🏗️ 2017``) the entry
sits under, the first block quote as the notes, and every link and badge of the section.
A heading whose section holds no such line, or a list of entries (``### Models`` then
``- [Title](u)`` items), is no entry. Left as plain text: the title repeated in a bullet,
tags in code spans, separators, thematic breaks.
"""

from __future__ import annotations

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.formats.base import LIST_ITEM_RE, SECTION, Block, Profile
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
from paperlint.roles import host_role, label_role

__all__ = ["PROFILE"]

# A line's link: "[[arXiv]](u)", "[arXiv](u)", "[[Paper](u)]"; its label and URL.
_LINE_LINK_RE = lazy_re.compile(r"\[\[?([^\[\]\n]*)\]?\]\(\s*<?([^\s)>]*)")
# A date alone on a line, as written in the text (a code span's backquotes allowed).
_DATE_LINE_RE = lazy_re.compile(
    r"[`(\[]*(?:19|20)\d\d[-/.]\d{1,2}(?:[-/.]\d{1,2})?[`)\]]*"
    r"|[`(\[]*(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d\d[`)\]]*"
)
_YEAR_HEADING_RE = lazy_re.compile(r"\W*((?:19|20)\d\d)\W*")
_ATX_OPEN_RE = lazy_re.compile(r" {0,3}(#{1,6})[ \t]")
_MAX_BODY_LINES = 12
"""Lines of text one paper's section holds at most; more is a section of the list."""
_MAX_ITEMS = 6
_PAPER_ROLES = ("PAPER",)


def _score(document: Document, block: Block) -> float:
    """A heading section is an entry when its heading reads as a title (``[Title](url)``,
    ``[Title]`` or plain text, not a bare year) and its body looks like one paper: an
    authors line, a date line, a paper link, a summary; a long body or a list of link
    items is a section of the list, not a paper."""
    heading = block.heading
    if block.kind != SECTION or heading is None or heading.level < 2:
        return 0.0
    masked = document.masked
    start = heading.start
    end = start + len(heading.text)
    if end <= start:
        return 0.0
    paper_link = plain = False
    linked = TITLE_LINK_RE.match(masked, start, end)
    if linked is not None:
        url = linked.group(2)
        if not url.lower().startswith(ABSOLUTE_URL_STARTS):
            return 0.0  # "[Contents](#contents)", "[Guide](docs/guide.md)"
        score = 0.4
        paper_link = host_role(url) in _PAPER_ROLES or url.lower().endswith(".pdf")
    elif masked[start] == "[" and masked[end - 1] == "]":
        score = 0.3  # "##### [Title]": brackets as plain text
    else:
        if _YEAR_HEADING_RE.fullmatch(heading.text):
            return 0.0  # "## 2017": a year's section
        score = 0.2
        plain = True
    authors = date = quote = False
    items = lines = 0
    starts, ends = document.line_starts, document.line_ends
    for index in range(block.first + 1, block.last + 1):
        low, high = starts[index], ends[index]
        while low < high and masked[low] in " \t":
            low += 1
        if low >= high:
            continue
        lines += 1
        if lines > _MAX_BODY_LINES:
            return 0.0
        item = LIST_ITEM_RE.match(masked, starts[index], high)
        if item is not None:
            items += 1
            low = item.end()
            if masked.startswith("**", low) or (
                masked.startswith("[", low) and _is_entry_link(masked, low, high)
            ):
                # "- [Title](u)", "1. **Title**": a list of entries under a section heading
                return 0.0
        if low >= high:
            continue
        first = masked[low]
        if first == ">":
            quote = True
        elif first == "*" or first == "_":
            if plain and masked.startswith("**", low):
                return 0.0  # "### Topic" then "**Title.**<br>": the title is in the body
            authors = authors or _emphasis_line(masked, low, high) is not None
        elif (first == "\x1a" or first.isdigit() or first.isupper()) and _DATE_LINE_RE.fullmatch(
            document.text, low, _rstrip(masked, low, high)
        ):
            date = True
        if not paper_link and masked.find("](", low, high) >= 0:
            paper_link = _has_paper_link(masked, low, high)
    if items > _MAX_ITEMS:
        return 0.0
    marks = authors + date + paper_link
    if marks == 0 or (plain and marks < 2):
        return 0.0
    score += 0.2 * marks + 0.1 * quote
    return min(score, 1.0)


def _rstrip(text: str, low: int, high: int) -> int:
    while high > low and text[high - 1] in " \t":
        high -= 1
    return high


def _is_entry_link(masked: str, low: int, high: int) -> bool:
    """Whether a list item opens with a titled link (``[Title](u)``, an entry of a list),
    rather than a link group (``[[arXiv]](u)``) or an image."""
    close = masked.find("]", low, high)
    return close > low + 1 and masked.startswith("](", close) and masked[low + 1] not in "[!"


def _emphasis_line(masked: str, low: int, high: int) -> Span | None:
    """The inner span of a line that opens with ``**text**`` or ``*text*`` (``_text_``),
    when the text is no link (``**[Back to top](#top)**``)."""
    for mark in ("**", "__", "*", "_"):
        if masked.startswith(mark, low):
            inner = low + len(mark)
            close = masked.find(mark, inner, high)
            if close <= inner or masked[inner] in "[!" or masked[inner].isspace():
                return None
            return Span(inner, close)
    return None


def _has_paper_link(masked: str, low: int, high: int) -> bool:
    for found in _LINE_LINK_RE.finditer(masked, low, high):
        role = label_role(found.group(1)) or host_role(found.group(2))
        if role in _PAPER_ROLES:
            return True
    return False


def _read(document: Document, block: Block, index: int) -> Entry:
    heading = block.heading
    masked = document.masked
    starts, ends = document.line_starts, document.line_ends
    last = block.last
    # The entry ends with its last line of text: not the blank lines, the thematic break or
    # the HTML tag that close a year's section before the next heading.
    while last > block.first and _is_filler(masked, starts[last], ends[last]):
        last -= 1
    end = ends[last]
    start = heading.start if heading is not None else block.start
    heading_end = start + len(heading.text) if heading is not None else ends[block.first]

    title: Title | None = None
    title_link: Link | None = None
    for found in source_links(document, start, start + 1):
        if found.syntax is LinkSyntax.INLINE and found.end <= heading_end:
            title_link = link_from(document, found, title_link_kind(found.url))
            label = title_link.label_span
            title = title_from(document, label.start, label.end, "heading")
    if title is None and heading_end > start:
        if masked[start] == "[" and masked[heading_end - 1] == "]":
            title = title_from(document, start + 1, heading_end - 1, "heading")
        else:
            title = title_from(document, start, heading_end, "heading")
    skip = title_link.start if title_link is not None else -1
    links, badges = entry_links(document, start, end, skip=skip)
    if title_link is not None:
        links.insert(0, title_link)

    authors: Span | None = None
    date: DateTag | None = None
    notes: Span | None = None
    for line in range(block.first + 1, last + 1):
        low, high = starts[line], _rstrip(masked, starts[line], ends[line])
        item = LIST_ITEM_RE.match(masked, low, high)
        if item is not None:
            low = item.end()
        while low < high and masked[low] in " \t":
            low += 1
        if low >= high:
            continue
        first = masked[low]
        if first == ">" and notes is None:
            notes = _quote(document, line, last)
        elif first in "*_" and authors is None:
            authors = _emphasis_line(masked, low, high)
        elif date is None and _DATE_LINE_RE.fullmatch(document.text, low, high):
            date = date_in(document, low, high, DateSource.TEXT)
    if date is None:
        date = _section_year(document, block)

    return Entry(
        index=index,
        start=block.marker,
        end=end,
        marker_length=0,
        date=date,
        title=title,
        venue=None,
        links=tuple(links),
        authors=authors,
        badges=tuple(badges),
        notes=notes,
    )


def _is_filler(masked: str, low: int, high: int) -> bool:
    """A line that closes a section rather than tells about its paper: blank, a thematic
    break, a lone HTML tag."""
    text = masked[low:high].strip()
    if not text:
        return True
    if text[0] in "-*_" and not text.strip("-*_ \t"):
        return True
    return text[0] == "<" and text[-1] == ">" and text.count("<") == 1


def _quote(document: Document, line: int, last: int) -> Span | None:
    """A block quote's text, from its first line's ``> `` to the end of its last line."""
    masked = document.masked
    starts, ends = document.line_starts, document.line_ends
    low = masked.find(">", starts[line], ends[line]) + 1
    while low < ends[line] and masked[low] in " \t":
        low += 1
    high = ends[line]
    while line < last and masked[starts[line + 1] : ends[line + 1]].lstrip().startswith(">"):
        line += 1
        high = ends[line]
    return span(low, _rstrip(masked, low, high))


def _section_year(document: Document, block: Block) -> DateTag | None:
    """The year of the level-1 or level-2 section the entry sits under (``## 🏗️ 2017``)."""
    heading = block.region_heading
    if heading is None:
        return None
    year = _YEAR_HEADING_RE.fullmatch(heading.text)
    if year is None:
        return None
    return DateTag(
        heading.start + year.start(1), year.group(1), int(year.group(1)), None, None,
        DateSource.HEADING, None, 0,
    )  # fmt: skip


PROFILE = Profile(
    name="heading",
    summary="### [Title](url) / **Authors** • `Tag` / > summary",
    kinds=frozenset({SECTION}),
    score=_score,
    read=_read,
    reads=(
        "the heading as the title (its link too), the bold or italic authors line, a date "
        "line or the year of the section, the block quote as notes, every link and badge; "
        "tags and repeated titles as is"
    ),
)
