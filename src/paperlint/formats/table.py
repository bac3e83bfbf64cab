"""Markdown tables of papers: one row per paper, its columns found by their header names,
in any order: ``| Time | Title | Venue | Paper | Code |``, ``| **Title** | **Repo** |
**Paper** | **Video** |``.

What it reads, per row: the title column (``title``, ``name``; a ``paper`` column holding
the title's link when there is none) as the title, bold or a link or plain text; the date
column (``date``, ``time``, ``year``, ``month``) as the date; the venue (``venue``,
``conference``, ``journal``, ``publication``), authors (``author``) and notes (``notes``,
``description``, ``summary``, ``tl;dr``, ``comment``) columns as spans; every link of the
link columns (``paper``, ``pdf``, ``code``, ``repo``, ``project``, ``video``, ``data``,
``link``...), its role named by the column, else by its label or host; badge images
apart. Cells are split as GitHub splits them: at every ``|`` that no backslash escapes,
inside code spans and links too. Placeholders (``-``, ``:heavy_minus_sign:``, ``N/A``) are
no part. Other columns, and text in a cell beside its part, are left as plain text.

Tables that are no paper list score 0: a table without a title column (options, numbers),
one whose only other column is no paper column (``| code | name | severity |``), a row
whose link columns hold plain text or whose other columns hold numbers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.formats.base import ROW, Block, Profile, Table, row_cells
from paperlint.formats.fields import LETTER_RE, date_in, entry_links, span
from paperlint.model import DateSource, DateTag, Entry, Link, LinkKind, Span, Title
from paperlint.record import Record
from paperlint.roles import host_role, label_role

__all__ = ["PROFILE"]

# Header words, lower-cased, and what a column they name holds. A column's first word that
# names something decides ("Paper Title" is the title, "Project Page" a project link).
_TITLE = "title"
_DATE = "date"
_VENUE = "venue"
_AUTHORS = "authors"
_NOTES = "notes"
_PAPER = "paper"  # a paper link column, or the title column when there is no other
_LINKS = "links"  # links whose role their label or host says
_HEADER_WORDS = {
    "title": _TITLE,
    "titles": _TITLE,
    "name": _TITLE,
    "date": _DATE,
    "dates": _DATE,
    "time": _DATE,
    "year": _DATE,
    "years": _DATE,
    "month": _DATE,
    "published": _DATE,
    "venue": _VENUE,
    "venues": _VENUE,
    "conference": _VENUE,
    "conf": _VENUE,
    "journal": _VENUE,
    "publication": _VENUE,
    "author": _AUTHORS,
    "authors": _AUTHORS,
    "notes": _NOTES,
    "note": _NOTES,
    "description": _NOTES,
    "summary": _NOTES,
    "tldr": _NOTES,
    "comment": _NOTES,
    "comments": _NOTES,
    "remarks": _NOTES,
    "highlights": _NOTES,
    "paper": _PAPER,
    "papers": _PAPER,
    "link": _LINKS,
    "links": _LINKS,
    "url": _LINKS,
    "resources": _LINKS,
}
# Link columns named by a role: "pdf", "code", "repo", "project", "video", "data"...
_ROLE_WORDS = {
    "pdf": LinkKind.PAPER,
    "arxiv": LinkKind.PAPER,
    "code": LinkKind.CODE,
    "codes": LinkKind.CODE,
    "repo": LinkKind.CODE,
    "repository": LinkKind.CODE,
    "github": LinkKind.CODE,
    "implementation": LinkKind.CODE,
    "project": LinkKind.PROJECT,
    "page": LinkKind.PROJECT,
    "website": LinkKind.PROJECT,
    "homepage": LinkKind.PROJECT,
    "demo": LinkKind.PROJECT,
    "video": LinkKind.VIDEO,
    "videos": LinkKind.VIDEO,
    "youtube": LinkKind.VIDEO,
    "talk": LinkKind.VIDEO,
    "data": LinkKind.DATA,
    "dataset": LinkKind.DATA,
    "datasets": LinkKind.DATA,
    "benchmark": LinkKind.DATA,
}
_WORD_RE = lazy_re.compile(r"[a-z]+")
# What a cell writes for "none": "-", "–", ":heavy_minus_sign:", "N/A", "/", "✗".
_PLACEHOLDER_RE = lazy_re.compile(
    r"(?i)(?:[-–—/x✗×?]|-{2,}|n/?a|none|null|todo|tbd|:heavy_minus_sign:|:x:|:no_entry_sign:)?"
)
_DATE_CELL_RE = lazy_re.compile(
    r"(?i)(?:19|20)\d\d|\d\d[./-]\d\d?\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
# A measurement: "85.3", "12M", "3.2 ± 0.1", "<5%".
_NUMBER_CELL_RE = lazy_re.compile(
    r"(?i)[~<>≈±+\-–]?\s*\$?\d[\d.,\s]*(?:[%×x]|[kmbt]b?|ms|s)?(?:\s*±.*)?"
)
_PAPER_URL_RE = lazy_re.compile(r"(?i)arxiv\.org|\.pdf\b|doi\.org|openreview\.net")
_EMPHASIS_RE = lazy_re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_GENERIC_LABELS = frozenset({"link", "links", "url", "here", "click", "click here", "web"})


class _Layout(Record):
    """What each column of a table holds, found once per table from its header."""

    __slots__ = (
        "authors",
        "date",
        "dates",
        "links",
        "notes",
        "others",
        "roles",
        "strength",
        "title",
        "title_is_paper",
        "venue",
    )

    title: int
    """The title's column, -1 for none."""
    title_is_paper: bool
    """The title column is a ``paper`` column: its cell holds the title as a link, or only
    a paper link (then the row has no title)."""
    date: int
    venue: int
    authors: int
    notes: int
    links: tuple[tuple[int, LinkKind | None], ...]
    """The link columns and the role each names (None: the link's label or host says)."""
    roles: dict[int, LinkKind]
    """The role each link column (and a paper title column) gives the links in it."""
    others: tuple[int, ...]
    """Columns that hold none of these (numbers in them mark a table of results)."""
    strength: int
    """How many columns besides the title a paper list has (date, venue, authors, links)."""
    dates: tuple[int, ...]
    """Every date column (``| Year | Title | ArXiv Time |``): the most precise date is read."""

    def __init__(
        self,
        title: int,
        title_is_paper: bool,
        date: int,
        venue: int,
        authors: int,
        notes: int,
        links: tuple[tuple[int, LinkKind | None], ...],
        roles: dict[int, LinkKind],
        others: tuple[int, ...],
        strength: int,
        dates: tuple[int, ...] = (),
    ) -> None:
        self.title = title
        self.title_is_paper = title_is_paper
        self.date = date
        self.venue = venue
        self.authors = authors
        self.notes = notes
        self.links = links
        self.roles = roles
        self.others = others
        self.strength = strength
        self.dates = dates


_NO_LAYOUT = _Layout(-1, False, -1, -1, -1, -1, (), {}, (), 0)
# What the configuration may say a column holds, and the role it gives the column.
_NAMED: dict[str, tuple[str | None, LinkKind | None]] = {
    "title": (_TITLE, None),
    "date": (_DATE, None),
    "venue": (_VENUE, None),
    "authors": (_AUTHORS, None),
    "notes": (_NOTES, None),
    "paper": (_PAPER, None),
    "links": (_LINKS, None),
    "code": (_LINKS, LinkKind.CODE),
    "project": (_LINKS, LinkKind.PROJECT),
    "video": (_LINKS, LinkKind.VIDEO),
    "data": (_LINKS, LinkKind.DATA),
    "other": (None, None),
}


def _layout(table: Table) -> _Layout:
    layout = table.layout
    if not isinstance(layout, _Layout):
        layout = table.layout = _read_header(table.columns, table.named)
    return layout


def _read_header(columns: list[str], named: Mapping[str, str]) -> _Layout:
    found: dict[str, int] = {}
    papers: list[int] = []
    links: list[tuple[int, LinkKind | None]] = []
    others: list[int] = []
    dates: list[int] = []
    for index, column in enumerate(columns):
        role: str | None = None
        kind: LinkKind | None = None
        words = _WORD_RE.findall(column)
        roles = [_HEADER_WORDS.get(word) for word in words]
        if column in named:
            role, kind = _NAMED[named[column]]  # the configuration says
        elif _TITLE in roles or _DATE in roles:
            role = _TITLE if _TITLE in roles else _DATE  # "Paper Title", "ArXiv Time"
        else:
            for word, said in zip(words, roles, strict=True):
                if said is not None:
                    role = said
                elif word in _ROLE_WORDS:
                    role, kind = _LINKS, _ROLE_WORDS[word]
                if role is not None:
                    break
        if role == _DATE:
            dates.append(index)
        if role == _PAPER:
            papers.append(index)
        elif role == _LINKS:
            links.append((index, kind))
        elif role is not None and role not in found:
            found[role] = index
        else:
            others.append(index)
    title = found.get(_TITLE, -1)
    title_is_paper = False
    if title < 0 and papers:
        title, title_is_paper = papers.pop(0), True
    links.extend((index, LinkKind.PAPER) for index in papers)
    links.sort()
    if title < 0:
        return _NO_LAYOUT
    link_roles = {index: kind for index, kind in links if kind is not None}
    if title_is_paper:
        link_roles[title] = LinkKind.PAPER
    strength = len(links) + sum(1 for role in (_DATE, _VENUE, _AUTHORS) if role in found)
    return _Layout(
        title,
        title_is_paper,
        found.get(_DATE, -1),
        found.get(_VENUE, -1),
        found.get(_AUTHORS, -1),
        found.get(_NOTES, -1),
        tuple(links),
        link_roles,
        tuple(others),
        strength,
        tuple(dates),
    )


def _rowrow_cells(document: Document, block: Block) -> list[tuple[int, int]]:
    """A row's cells, split once: score and read both ask (the parse of a 20,000-row table
    8% faster: 0.92 s against 0.99 s)."""
    cells = block.memo
    if not isinstance(cells, list):
        cells = block.memo = row_cells(
            document.text, document.line_starts[block.first], document.line_ends[block.last]
        )
    return cells


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    raw = text[start:end]
    left = raw.lstrip(" \t")
    start += len(raw) - len(left)
    return start, start + len(left.rstrip(" \t"))


def _cell(cells: list[tuple[int, int]], column: int) -> tuple[int, int] | None:
    """A column's cell, or None when there is no such column or the row is short of it."""
    if column < 0 or column >= len(cells):
        return None
    return cells[column]


def _is_placeholder(masked: str, start: int, end: int) -> bool:
    return _PLACEHOLDER_RE.fullmatch(masked, start, end) is not None


def _score(document: Document, block: Block) -> float:
    """A row is an entry when its table has a title column and at least one other column a
    paper list has, its title cell holds a title, and its date or a link column holds what
    such a list writes there. It scores by the share of its cells that do."""
    if block.kind != ROW or block.table is None:
        return 0.0
    layout = _layout(block.table)
    if layout.strength == 0:
        return 0.0
    masked = document.masked
    # Split where GitHub does, on the text: a "|" in a code span ends a cell too.
    cells = _rowrow_cells(document, block)
    cell = _cell(cells, layout.title)
    if cell is None:
        return 0.0
    title_start, title_end = cell
    if _is_placeholder(masked, title_start, title_end):
        return 0.0
    marks = 1.0
    possible = 2.0
    opening = masked[title_start]
    if opening == "*" or opening == "_":
        marks += 1.0
    elif opening == "[":
        if layout.title_is_paper and _generic_link(masked, title_start, title_end):
            return 0.0  # "| [arXiv](u) |" in a "Paper" column: a link, not a title
        marks += 1.0
    elif layout.title_is_paper or LETTER_RE.search(masked, title_start, title_end) is None:
        return 0.0
    # Evidence of a paper: a date, a venue or authors, a paper link or a title link that
    # leads to no repository. Code links, names and descriptions alone make a list of
    # tools, not of papers.
    evidence = (
        opening == "["
        and masked.find("](http", title_start, title_end) >= 0
        and (layout.title_is_paper or masked.find("github.com", title_start, title_end) < 0)
    )
    if layout.date >= 0:
        possible += 1.0
        cell = _cell(cells, layout.date)
        if cell is not None and _DATE_CELL_RE.search(masked, cell[0], cell[1]):
            marks += 1.0
            evidence = True
    for column in (layout.venue, layout.authors):
        if column >= 0:
            possible += 1.0
            cell = _cell(cells, column)
            if cell is not None and not _is_placeholder(masked, cell[0], cell[1]):
                marks += 1.0
                evidence = True
    for column, kind in layout.links:
        possible += 1.0
        cell = _cell(cells, column)
        if cell is None:
            continue
        start, end = cell
        if masked.find("](", start, end) >= 0 or masked.find("http", start, end) >= 0:
            marks += 1.0
            if kind is LinkKind.PAPER or (
                kind is None and _PAPER_URL_RE.search(masked, start, end) is not None
            ):
                evidence = True
        elif _is_placeholder(masked, start, end):
            marks += 0.5
        else:
            marks -= 0.5  # "PL101" under "code": no link column
    numbers = 0
    for column in layout.others:
        cell = _cell(cells, column)
        if cell is not None and _NUMBER_CELL_RE.fullmatch(masked, cell[0], cell[1]):
            numbers += 1
    if numbers >= 2 or not evidence:
        return 0.0  # a table of results, or a table with nothing of a paper but a name
    return max(0.0, min(1.0, 0.2 + 0.8 * marks / possible))


def _generic_link(masked: str, start: int, end: int) -> bool:
    """Whether the cell opens with a link whose text names no title: ``[link](u)``,
    ``[arXiv](u)``, ``[![badge](i)](u)``."""
    close = masked.find("](", start, end)
    if close < 0:
        return False
    label = masked[start + 1 : close].strip().lower()
    return label.startswith("![") or label in _GENERIC_LABELS or label_role(label) is not None


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    line_start = document.line_starts[block.first]
    line_end = document.line_ends[block.last]
    layout = _layout(block.table) if block.table is not None else _NO_LAYOUT
    cells = _rowrow_cells(document, block)
    if block.table is not None:
        cells = cells[: len(block.table.columns)]  # GitHub drops the cells past the header's

    # Every link of the row at once (one look-up in the document's links), each kept in
    # the cell it lies in: a link across a "|" is none for GitHub, which splits first.
    found, images = entry_links(document, line_start, line_end)
    starts = [cell[0] for cell in cells]
    links: list[Link] = []
    columns: list[int] = []
    for link in found:
        column = bisect_right(starts, link.start) - 1
        if column >= 0 and link.end <= cells[column][1]:
            links.append(link)
            columns.append(column)
    badges = tuple(
        image
        for image in images
        if (column := bisect_right(starts, image.start) - 1) >= 0 and image.end <= cells[column][1]
    )

    title: Title | None = None
    notes: Span | None = None
    title_link: Link | None = None
    cell = _cell(cells, layout.title)
    if cell is not None and not _is_placeholder(masked, *cell):
        cell_links = [
            link for link, column in zip(links, columns, strict=True) if column == layout.title
        ]
        title, title_link, notes = _title(document, cell, layout, cell_links)

    roles = layout.roles
    for link, column in zip(links, columns, strict=True):
        if link is title_link:
            link.kind = LinkKind[host_role(link.url) or "PAPER"]
        else:
            kind = roles.get(column)
            if kind is not None:
                link.kind = kind  # built here, for this entry: the column says what it is

    date: DateTag | None = None
    for column in layout.dates:
        cell = _cell(cells, column)
        if cell is None or _is_placeholder(masked, *cell):
            continue
        found_date = date_in(document, cell[0], cell[1], DateSource.COLUMN)
        if found_date is not None and (date is None or _precision(found_date) > _precision(date)):
            date = found_date
    venue = _span_of(masked, cells, layout.venue)
    if date is None and venue is not None:
        date = date_in(document, venue.start, venue.end, DateSource.VENUE, numeric=False)
    authors = _span_of(masked, cells, layout.authors)
    if layout.notes >= 0:
        notes = _span_of(masked, cells, layout.notes) or notes
    return Entry(
        index=index,
        start=block.marker,
        end=line_end,
        marker_length=0,
        date=date,
        title=title,
        venue=venue,
        links=tuple(links),
        authors=authors,
        badges=badges,
        notes=notes,
    )


def _precision(date: DateTag) -> int:
    return (date.month is not None) + (date.day is not None)


def _span_of(masked: str, cells: list[tuple[int, int]], column: int) -> Span | None:
    cell = _cell(cells, column)
    if cell is None or _is_placeholder(masked, *cell):
        return None
    return span(*cell)


def _title(
    document: Document, cell: tuple[int, int], layout: _Layout, links: list[Link]
) -> tuple[Title | None, Link | None, Span | None]:
    """The title of a title cell, its link, and the text after it (a comment on the
    entry, as notes). ``**Title**``, ``[Title](u)``, ``**[Title](u)**``,
    ``[**Title**](u)``, or plain text up to the cell's first link; ``links`` are the
    cell's."""
    masked = document.masked
    start, end = cell
    bold = _EMPHASIS_RE.match(masked, start, end)
    inner_start, inner_end = (bold.start(2), bold.end(2)) if bold else (start, end)
    after = bold.end() if bold else start
    title: Title | None = None
    title_link: Link | None = None
    first = links[0] if links else None
    if (
        first is not None
        and first.start == inner_start
        and masked.startswith("[", inner_start)
        and not masked.startswith("[!", inner_start)
        and first.label.strip()
        and not (layout.title_is_paper and _generic_link(masked, inner_start, first.end))
    ):
        label = first.label_span
        title = _title_over(document, *_unbold(masked, label.start, label.end), "link")
        title_link = first
        after = max(after, first.end)
    if title is None and bold:
        title = _title_over(document, inner_start, inner_end, "bold")
    if title is None:
        if layout.title_is_paper:
            return None, None, None  # only a paper link: no title
        plain_end = first.start if first is not None and first.start > start else end
        plain_end = _strip(masked, start, plain_end)[1]
        if plain_end <= start:
            return None, None, None
        title = _title_over(document, start, plain_end, "cell")
        after = plain_end
    if after < end:
        rest_start, rest_end = _strip(masked, after, end)
        while rest_start < rest_end and masked[rest_start] in "-–—:,;":
            rest_start += 1
        rest_start, rest_end = _strip(masked, rest_start, rest_end)
        if masked.startswith("[", rest_start) or not LETTER_RE.search(masked, rest_start, rest_end):
            return title, title_link, None
        return title, title_link, Span(rest_start, rest_end)
    return title, title_link, None


def _unbold(masked: str, start: int, end: int) -> tuple[int, int]:
    """``[**Title**](u)``: the title inside the link's emphasis."""
    bold = _EMPHASIS_RE.fullmatch(masked, start, end)
    return (bold.start(2), bold.end(2)) if bold else (start, end)


def _title_over(document: Document, start: int, end: int, kind: str) -> Title:
    raw = document.text[start:end]
    return Title(start, len(raw), " ".join(raw.split()), kind=kind)


PROFILE = Profile(
    name="table",
    summary="| 2025.11 | **Title** | AAAI'26 | [link](u) | [link](u) |",
    kinds=frozenset({ROW}),
    score=_score,
    read=_read,
    reads=(
        "per row, the title, date, venue, authors and notes columns by their header names, "
        "and the links of the link columns (role by column); other cells as is"
    ),
)
