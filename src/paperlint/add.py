"""Add papers to an existing list in the list's own format (``paperlint add``).

A new entry imitates an entry of the list: the one nearest to where the paper goes, among
those with the least text that no part of the entry explains (a nickname before the title,
a comment). Its parts are replaced by the paper's: the date in the entry's own date style
(``[25/06]``, ``[2025/06]``, ``2025.06``, ``Jun 2025``, ``[NeurIPS 2022]``), the title,
the authors, the venue, the links by their role (the Paper link written in the entry's
arXiv URL form, the Code/Page link found in the abstract as ``paperlint import`` finds
it), the notes; links, badges and parts the paper has nothing for are left out. The entry
goes in its section at its place in the section's date order, separated from its
neighbours as they are from each other. A generator entry that links a note gets one in
the notes part; a list without a notes part is given none.

Papers the list already has (the same arXiv id in any version, or the same title up to
case and punctuation, as ``duplicate-paper`` compares them) are skipped.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from paperlint.anchors import normalize_key
from paperlint.arxiv import parse_arxiv_url
from paperlint.context import Context
from paperlint.dates import order_key, runs_newest_first
from paperlint.document import Document
from paperlint.escape import escape_inline, escape_url, unescape
from paperlint.formats import NONE
from paperlint.formats.base import row_cells
from paperlint.importers.links import code_link
from paperlint.importers.model import Paper, collapse
from paperlint.importers.writer import note_insertion
from paperlint.model import DateSource, Entry, Link, LinkKind, PaperList, Span
from paperlint.parse import parse
from paperlint.settings import Settings
from paperlint.slugs import plain_text
from paperlint.titles import same_paper

__all__ = ["AddError", "Added", "add_papers", "arxiv_ids"]


class AddError(Exception):
    """The papers cannot be added (no list, no such section); the message is one line."""


@dataclass(frozen=True, slots=True)
class Added:
    """The list's new text and what went into it."""

    text: str
    added: list[Paper]
    duplicates: list[Paper]
    """Papers left out because the list (or an earlier paper given) has them."""


def add_papers(
    paper_list: PaperList,
    papers: Iterable[Paper],
    *,
    section: str | None = None,
    settings: Settings | None = None,
) -> Added:
    """The list's text with the papers it lacks added, each in its own format and place.

    ``section`` names the heading to add under (its text, compared by letters and
    digits); by default the paper goes to the section its year names, where the list
    has a section per year, else to the first section with entries."""
    chosen = settings or Settings()
    if paper_list.format.name == NONE or not paper_list.entries:
        raise AddError("no paper list found in the file (paperlint detect): nothing to imitate")
    current = paper_list
    added: list[Paper] = []
    duplicates: list[Paper] = []
    for paper in papers:
        if _known(current, paper):
            duplicates.append(paper)
            continue
        after = _reparse(current, _add_one(current, paper, section, None, chosen), chosen)
        landed = _landed(current, after, paper)
        if landed < 2 and not paper.authors:
            # Some formats need the authors to tell an entry's lines and fields apart.
            other = _reparse(
                current, _add_one(current, paper, section, _NO_AUTHORS, chosen), chosen
            )
            if _landed(current, other, paper) > landed:
                after, landed = other, _landed(current, other, paper)
        if not landed:
            raise AddError(
                f'cannot write "{paper.title}" so that the list reads it back as one entry '
                "with its links; add it by hand"
            )
        current = after
        added.append(paper)
    return Added(current.text, added, duplicates)


_NO_AUTHORS = "Authors unknown"
"""Written where the model entry has an authors line that the format needs, and the
source names no author."""


def _reparse(paper_list: PaperList, text: str, settings: Settings) -> PaperList:
    document = Document(text, bom=paper_list.document.bom)
    return parse(document, format=settings.format, labels=settings.labels, columns=settings.columns)


def _landed(before: PaperList, after: PaperList, paper: Paper) -> int:
    """How well the list reads the new text: 0 when not as before plus one entry, in the
    same format, with the paper's title and, where the entry writes the paper's URL, a
    paper link; 1 when so; 2 when the entry also has a date where most entries have one."""
    if after.format.name != before.format.name or len(after.entries) != len(before.entries) + 1:
        return 0
    keys = _title_keys(paper.title)
    entry = next(
        (
            entry
            for entry in after.entries
            if entry.title is not None and not keys.isdisjoint(_title_keys(entry.title.text))
        ),
        None,
    )
    if entry is None:
        return 0
    urls = [url for url in (paper.arxiv.id if paper.arxiv else None, paper.paper_url) if url]
    written = after.text[entry.start : entry.end]
    if any(url in written for url in urls) and not any(
        link.kind is LinkKind.PAPER and any(url in link.url for url in urls) for link in entry.links
    ):
        return 0
    dated = sum(1 for other in before.entries if other.date is not None)
    return 1 if entry.date is None and 2 * dated > len(before.entries) else 2


# -- duplicates -----------------------------------------------------------------------------


def _title_markdown(title: str) -> str:
    escaped = escape_inline(collapse(title))
    # "\\*" before a closing "**" would read as "***", which ends the title a character early.
    if escaped.endswith("\\*"):
        escaped = escaped[:-2] + "&#42;"
    return escaped


def _title_keys(title: str) -> set[str]:
    """What the same title shares however it is written: its letters and digits, of the
    text and of the Markdown (``A &amp; B`` is ``A & B``)."""
    keys = {normalize_key(title), normalize_key(unescape(title))}
    return (keys | {normalize_key(_title_markdown(unescape(title)))}) - {""}


def arxiv_ids(paper_list: PaperList) -> set[str]:
    """The arXiv ids (without version) of the list's papers."""
    context = Context(paper_list, Settings())
    return {url.id.id for url in context.arxiv if url is not None and url.id is not None}


def _known(paper_list: PaperList, paper: Paper) -> bool:
    """Whether the list has the paper: its arXiv id in any version, or its title."""
    if paper.arxiv is not None and paper.arxiv.id in arxiv_ids(paper_list):
        return True
    keys = _title_keys(paper.title)
    return any(
        entry.title is not None and not keys.isdisjoint(_title_keys(entry.title.text))
        for entry in paper_list.entries
    )


# -- where the paper goes -------------------------------------------------------------------


def _key(entry: Entry) -> tuple[int, int, int] | None:
    """An entry's date as ``unsorted-entries`` orders it."""
    return order_key(entry.date)


def _paper_date(paper: Paper) -> tuple[int, int | None, int | None]:
    year, month = paper.year_month
    if paper.arxiv is None and paper.precision == "year":
        return year, None, None
    published = paper.published
    if published is None or paper.precision != "day":
        return year, month, None
    if (published.year, published.month) != (year, month):  # an arXiv id's month rules
        return year, month, None
    return year, month, published.day


def _sections(paper_list: PaperList) -> dict[int, list[Entry]]:
    """Entries by the index of the heading of their section (-1 before any), in order."""
    context = Context(paper_list, Settings())
    groups: dict[int, list[Entry]] = {}
    for entry, heading in zip(paper_list.entries, context.entry_sections, strict=True):
        groups.setdefault(heading, []).append(entry)
    return groups


def _heading_name(paper_list: PaperList, index: int) -> str:
    return plain_text(paper_list.headings[index].text) if index >= 0 else "(before any heading)"


def _section_keys(heading: str) -> set[str]:
    """What ``--section`` may call a heading: its text, or its text without a leading
    number (``2.1 Sentence-level Attack``), compared by letters and digits."""
    text = plain_text(heading)
    unnumbered = re.sub(r"^\W*\d+(?:\.\d+)*\.?\s+", "", text)
    return {normalize_key(text), normalize_key(unnumbered)} - {""}


def _choose_section(
    paper_list: PaperList, groups: dict[int, list[Entry]], paper: Paper, name: str | None
) -> list[Entry]:
    headings = paper_list.headings
    if name is not None:
        wanted = normalize_key(plain_text(name))
        for index, heading in enumerate(headings):
            if not wanted or wanted not in _section_keys(heading.text):
                continue
            if index in groups:
                return groups[index]
            # A heading whose entries sit in its subsections: the first of them.
            for other in range(index + 1, len(headings)):
                if headings[other].level <= heading.level:
                    break
                if other in groups:
                    return groups[other]
        names = [f'"{_heading_name(paper_list, index)}"' for index in groups if index >= 0]
        known = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "")
        raise AddError(f'no section "{name}" with entries; sections: {known or "none"}')
    year = str(paper.year_month[0])
    by_heading = any(
        entry.date is not None and entry.date.source is DateSource.HEADING
        for entry in paper_list.entries
    )
    yearly = [
        index for index in groups if index >= 0 and re.search(r"\b\d{4}\b", headings[index].text)
    ]
    if by_heading or (len(yearly) == len(groups) and len(groups) > 1):
        for index in yearly:
            if re.search(rf"\b{year}\b", headings[index].text):
                return groups[index]
        raise AddError(f"no section for {year} in the list; name one with --section")
    return next(iter(groups.values()))


def _newest_first(groups: dict[int, list[Entry]], order: str) -> bool:
    """Whether the list runs newest first: as ``unsorted-entries`` is configured, else as
    most neighbouring pairs of dated entries run (newest first on a tie), as that rule
    decides it."""
    if order != "auto":
        return order == "newest-first"
    return runs_newest_first([_key(entry) for entry in entries] for entries in groups.values())


def _place(entries: list[Entry], key: tuple[int, int, int], newest_first: bool) -> int:
    """The index among ``entries`` the new entry takes: after the entries of its date."""
    for index, entry in enumerate(entries):
        other = _key(entry)
        if other is None:
            continue
        if (other < key) if newest_first else (other > key):
            return index
    return len(entries)


def _precision(entries: list[Entry]) -> int:
    """How finely the section's entries are dated: 3 (day), 2 (month), 1 (year)."""
    counts: Counter[int] = Counter()
    for entry in entries:
        key = _key(entry)
        if key is not None:
            counts[3 if key[2] else 2 if key[1] else 1] += 1
    return counts.most_common(1)[0][0] if counts else 2


# -- the new entry --------------------------------------------------------------------------


def _residue(text: str, entry: Entry) -> int:
    """Letters and digits of an entry that no part of it explains."""
    covered = bytearray(entry.end - entry.start)
    for _, span in entry.parts():
        for offset in range(max(span.start, entry.start), min(span.end, entry.end)):
            covered[offset - entry.start] = 1
    start = entry.start + entry.marker_length
    return sum(
        1
        for offset in range(start, entry.end)
        if not covered[offset - entry.start] and text[offset].isalnum()
    )


def _template(text: str, entries: list[Entry], place: int) -> Entry:
    """The entry to imitate: one with a title (and a date, where the section dates its
    entries), the least text no part explains, and nearest to where the paper goes."""
    titled = any(entry.title is not None for entry in entries)
    dated = any(entry.date is not None for entry in entries)

    def rank(index: int) -> tuple[bool, bool, int, int]:
        entry = entries[index]
        distance = min(abs(index - place), abs(index - (place - 1)))
        return (
            titled and entry.title is None,
            dated and entry.date is None,
            _residue(text, entry),
            distance,
        )

    return entries[min(range(len(entries)), key=rank)]


_MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTH_RE = re.compile(
    r"\b(" + "|".join(name[:3] + "(?:" + name[3:] + r"|\.)?" for name in _MONTH_NAMES) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Values:
    """What the new entry says, already written as Markdown."""

    year: int
    month: int | None
    day: int | None
    title: str
    venue: str
    authors: tuple[str, ...]
    summary: str | None
    arxiv: str | None
    paper_url: str | None
    code_url: str | None


def _values(paper: Paper, no_authors: str | None) -> _Values:
    year, month, day = _paper_date(paper)
    abstract = collapse(paper.abstract)
    summary = re.split(r"(?<=[.!?])\s+", abstract, maxsplit=1)[0] if abstract else None
    return _Values(
        year,
        month,
        day,
        _title_markdown(paper.title),
        escape_inline(collapse(paper.venue or "arXiv")),
        tuple(escape_inline(collapse(name)) for name in paper.authors if collapse(name))
        or ((no_authors,) if no_authors else ()),
        escape_inline(summary) if summary else None,
        str(paper.arxiv) if paper.arxiv is not None else None,
        paper.paper_url or None,
        code_link([paper.abstract, *paper.urls]),
    )


def _month_name(month: int, like: str) -> str:
    name = _MONTH_NAMES[month - 1]
    if len(like.rstrip(".")) == 3:
        name = name[:3] + ("." if like.endswith(".") else "")
    return name.upper() if like.isupper() else name.lower() if like.islower() else name


def _date_text(written: str, values: _Values) -> str:
    """The paper's date, written as the template's date is; a month or a day the source
    does not give is left out where the form allows it."""
    year, month, day = values.year, values.month, values.day
    stripped = written.strip()
    numeric = re.fullmatch(r"(\d{4})([./-])(\d{1,2})(?:([./-])(\d{1,2}))?", stripped)
    if numeric:
        if month is None:
            return str(year)
        text = f"{year}{numeric.group(2)}{month:0{len(numeric.group(3))}d}"
        if numeric.group(5) and day is not None:
            text += f"{numeric.group(4)}{day:0{len(numeric.group(5))}d}"
        return text
    if re.fullmatch(r"\d{2}/\d{2}", stripped):
        return f"{year % 100:02d}/{month or 1:02d}"
    if re.fullmatch(r"\d{4}", stripped):
        return str(year)
    named = _MONTH_RE.search(written)
    if named and re.search(r"\d{4}", written):
        if month is None:
            return str(year)
        text = _MONTH_RE.sub(lambda match: _month_name(month, match.group(0)), written, count=1)
        text = re.sub(r"\b\d{4}\b", str(year), text, count=1)
        if day is None:
            return re.sub(r"\b\d{1,2}\b,?\s*", "", text, count=1)
        return re.sub(r"\b\d{1,2}\b", lambda match: f"{day:0{len(match.group(0))}d}", text, count=1)
    return _venue_text(written, values)


def _venue_text(written: str, values: _Values) -> str:
    """The paper's venue, with its year where the template's venue has one."""
    if re.search(r"\b(19|20)\d{2}\b", written):
        return f"{values.venue} {values.year}"
    if re.search(r"'\d{2}\b", written):
        return f"{values.venue}'{values.year % 100:02d}"
    return values.venue


def _authors_text(written: str, values: _Values) -> str:
    """The paper's authors, joined as the template's are."""
    names = values.authors
    if re.search(r"\bet al\b", written) and len(names) > 2:
        return f"{names[0]} et al."
    chunks = written.split(" and ")
    if len(chunks) > 1 and all(chunk.count(",") == 1 for chunk in chunks):
        # "Last, First and Last, First"
        inverted = [
            f"{name.rsplit(' ', 1)[1]}, {name.rsplit(' ', 1)[0]}" if " " in name else name
            for name in names
        ]
        text = " and ".join(inverted)
    elif len(chunks) > 1 and "," not in written:
        text = " and ".join(names)
    elif len(chunks) > 1 and len(names) > 1:
        text = ", ".join(names[:-1]) + " and " + names[-1]
    else:
        text = ", ".join(names)
    ends_with_period = written.rstrip("*_ ").endswith(".")
    return text + "." if ends_with_period and not text.endswith(".") else text


def _paper_url(values: _Values, like: str) -> str | None:
    """The Paper link in the form of the template's (``abs`` or ``pdf``, with or without
    the version), always https."""
    if values.arxiv is None:
        return values.paper_url
    form, version = "abs", False
    parsed = parse_arxiv_url(like.strip())
    if parsed is not None and parsed.id is not None:
        match = re.search(r"/(abs|pdf|html)/", like)
        form = match.group(1) if match else "abs"
        version = parsed.id.version is not None
    arxiv = values.arxiv if version else re.sub(r"v\d+$", "", values.arxiv)
    return f"https://arxiv.org/{form}/{arxiv}"


@dataclass(slots=True)
class _Edit:
    start: int
    end: int
    text: str
    drop: bool = False


def _is_image(link: Link) -> bool:
    return link.label.lstrip().startswith("![")


def _render(
    paper_list: PaperList,
    entry: Entry,
    values: _Values,
    anchor: str | None,
    tag_style: str | None,
) -> str:
    """The template entry's lines with its parts replaced by the paper's."""
    text = paper_list.text
    document = paper_list.document
    base = document.line_starts[document.line_of(entry.start) - 1]
    edits: list[_Edit] = []
    title_span = entry.title.span if entry.title is not None else None
    generator = entry.format == "generator"
    has_code = entry.link(LinkKind.CODE) is not None

    parts: list[tuple[int, int, object]] = []
    if entry.date is not None and entry.start <= entry.date.start < entry.end:
        parts.append((*_bounds(entry.date.text_span), "date"))
    if entry.title is not None:
        parts.append((*_bounds(entry.title.span), "title"))
    for name, span in (("authors", entry.authors), ("venue", entry.venue), ("notes", entry.notes)):
        if span is not None:
            parts.append((span.start, span.end, name))
    parts.extend((link.start, link.end, link) for link in entry.links)
    parts.extend((link.start, link.end, ("badge", link)) for link in entry.badges)
    parts.sort(key=lambda part: (part[0], -part[1]))
    outer: list[tuple[int, int, object]] = []
    for part in parts:
        if outer and part[0] < outer[-1][1]:
            continue  # inside the previous part, which is rewritten as a whole
        outer.append(part)

    for start, end, what in outer:
        written = text[start:end]
        if what == "date" and tag_style is not None:
            # The list's own tag style, where the template's tag strays from it.
            year = values.year if tag_style == "YYYY/MM" else values.year % 100
            edits.append(_Edit(start, end, f"{year:02d}/{values.month or 1:02d}"))
        elif what == "date":
            edits.append(_Edit(start, end, _date_text(written, values)))
        elif what == "venue":
            edits.append(_Edit(start, end, _venue_text(written, values)))
        elif what == "title":
            edits.append(_Edit(start, end, values.title))
        elif what == "authors":
            if values.authors:
                edits.append(_Edit(start, end, _authors_text(written, values)))
            else:
                edits.append(_Edit(start, end, "", drop=True))
        elif what == "notes":
            if values.summary:
                edits.append(_Edit(start, end, values.summary))
            else:
                edits.append(_Edit(start, end, "", drop=True))
        elif isinstance(what, Link):
            edits.extend(_link_edits(what, title_span, values, anchor, generator, has_code))
        else:  # a badge
            edits.append(_Edit(start, end, "", drop=True))
    edits.extend(_residue_edits(text, entry, [(start, end) for start, end, _ in outer], values))

    pieces: list[str] = []
    done = base
    for edit in sorted(edits, key=lambda item: item.start):
        start, end = edit.start, edit.end
        if edit.drop:
            # With the emphasis around it: "*Authors*" leaves no "**" behind.
            while (
                start > base
                and end < len(text)
                and text[start - 1] in "*_"
                and (text[end] == text[start - 1])
            ):
                start, end = start - 1, end + 1
            start, end = _widen(text, start, end, document.line_starts[document.line_of(start) - 1])
            start = max(start, done)
        pieces += [text[done:start], edit.text]
        done = end
    pieces.append(text[done : entry.end])
    rendered = "".join(pieces)
    # A line whose every part was left out (an authors line, a nested "- " item) goes.
    lines = rendered.splitlines(keepends=True)
    kept = [
        line
        for number, line in enumerate(lines)
        if number == 0 or not line.strip() or not _HOLLOW_RE.fullmatch(line.strip())
    ]
    # ... and so does a blank line it leaves beyond the model's own spacing.
    model = text[base : entry.end]
    longest = max(run.count("\n") for run in re.findall(r"(?:^[ \t]*\r?\n)*", model, re.M))
    spaced: list[str] = []
    blanks = 0
    for line in kept:
        blanks = blanks + 1 if not line.strip() else 0
        if blanks <= longest:
            spaced.append(line)
    return "".join(spaced).rstrip("\r\n")


_HOLLOW_RE = re.compile(r"(?:[-*+_>|\\,;.:•·\s]|<br\s*/?>)*", re.IGNORECASE)


_NICKNAME_RE = re.compile(r"[ \t]*(?:\*\*|__)?[^\s\[(*\"_][^\[(\n]*?(?:\*\*|__)?[ \t]*:[ \t]*")
_CODE_SPAN_RE = re.compile(r"`[^`\n]+`")
_CORE_RE = re.compile(r"[^\W_](?:.*[^\W_])?")


def _residue_edits(
    text: str, entry: Entry, covered: list[tuple[int, int]], values: _Values
) -> list[_Edit]:
    """What to do with the template's text that no part explains: a name before the
    entry's first part (``**SDXL**: [ICLR 2024] **SDXL: Improving ...**``) is left out,
    a repeat of the template's title (a heading's short name and the full title under
    it) becomes the paper's title; the rest (punctuation, markup) is kept."""
    edits: list[_Edit] = []
    marker_end = entry.start + entry.marker_length
    first = min((start for start, _ in covered), default=entry.end)
    if covered and "\n" not in text[marker_end:first]:
        nickname = _NICKNAME_RE.match(text, marker_end, first)
        if nickname and any(char.isalnum() for char in nickname.group(0)):
            covered = [*covered, (nickname.start(), nickname.end())]
            edits.append(
                _Edit(nickname.start(), nickname.end(), " " if marker_end > entry.start else "")
            )
    if entry.title is None:
        return edits
    template_title = unescape(entry.title.text)
    gaps: list[tuple[int, int]] = []
    done = marker_end
    for start, end in [*sorted(covered), (entry.end, entry.end)]:
        if start > done:
            gaps.append((done, start))
        done = max(done, end)
    for start, end in gaps:
        # Tags in code spans (`RL` `Reasoning`) describe the model entry's paper, not this one.
        for tag in _CODE_SPAN_RE.finditer(text, start, end):
            edits.append(_Edit(tag.start(), tag.end(), "", drop=True))
        for line in re.finditer(r"[^\n]+", text[start:end]):
            core = _CORE_RE.search(line.group(0))
            if core is None or len(core.group(0)) < 3 or "`" in core.group(0):
                continue
            if same_paper(unescape(core.group(0)), template_title):
                offset = start + line.start() + core.start()
                edits.append(_Edit(offset, offset + len(core.group(0)), values.title))
    return edits


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _link_edits(
    link: Link,
    title_span: Span | None,
    values: _Values,
    anchor: str | None,
    generator: bool,
    has_code: bool,
) -> list[_Edit]:
    url_span = link.url_span
    start, end = _bounds(title_span) if title_span is not None else (-1, -1)
    if link.start <= start < link.end:  # the title is the link's text
        paper = escape_url(_paper_url(values, link.url) or "")
        return [_Edit(start, end, values.title), _Edit(url_span.start, url_span.end, paper)]
    url: str | None = None
    kind = link.kind
    if _is_image(link):
        url = None
    elif kind is LinkKind.PAPER:
        url = _paper_url(values, link.url)
    elif kind is LinkKind.CODE or (kind is LinkKind.PROJECT and not has_code):
        url = values.code_url
        if url is None and generator and kind is LinkKind.CODE:
            url = ""  # the generator writes a paper without code as [[Code/Page]()]
    elif kind is LinkKind.NOTES and link.fragment is not None:
        url = f"#{anchor}" if anchor is not None else None
    if url is None:
        return [_Edit(link.start, link.end, "", drop=True)]
    return [_Edit(url_span.start, url_span.end, escape_url(url) if url else "")]


def _widen(text: str, start: int, end: int, line_start: int) -> tuple[int, int]:
    """A part to leave out, with the blanks and separator (``|``, ``,``) before it; at
    the start of a line, with those after it."""
    left = start
    while left > line_start and text[left - 1] in " \t":
        left -= 1
    before = text[left - 1] if left > line_start else ""
    if (
        (before and before in ",;·•")
        or (before == "|" and not _in_table_row(text, line_start))
        # "**Title**. *Authors*. Venue": the field and its own period go.
        or (before == "." and text[end : end + 1] == ".")
    ):
        left -= 1
        while left > line_start and text[left - 1] in " \t":
            left -= 1
    if text[line_start:left].strip(" \t-*+>") == "" or text[line_start:left].strip() == "":
        left = start
        right = end
        while right < len(text) and text[right] in " \t":
            right += 1
        if right < len(text) and text[right] in ",;|•·" and not _in_table_row(text, line_start):
            right += 1
            while right < len(text) and text[right] in " \t":
                right += 1
        return left, right
    return left, end


def _in_table_row(text: str, line_start: int) -> bool:
    return text[line_start:].lstrip(" \t").startswith("|")


def _fill_cells(row: str, placeholders: dict[int, str]) -> str:
    """A table row whose emptied cells hold the column's placeholder (``-``)."""
    pieces: list[str] = []
    done = 0
    for column, (start, end) in enumerate(row_cells(row, 0, len(row))):
        content = re.sub(r"<br\s*/?>", "", row[start:end], flags=re.IGNORECASE).strip()
        if content:
            continue
        left, right = start, end
        while left > 0 and row[left - 1] in " \t":
            left -= 1
        while right < len(row) and row[right] in " \t":
            right += 1
        pieces += [row[done:left], f" {placeholders.get(column, '-')} "]
        done = right
    pieces.append(row[done:])
    return "".join(pieces)


def _placeholders(text: str, entries: list[Entry]) -> dict[int, str]:
    """Per column, the most common short text a row's cell holds when it has no link."""
    counts: dict[int, Counter[str]] = {}
    for entry in entries:
        for column, (start, end) in enumerate(row_cells(text, entry.start, entry.end)):
            cell = text[start:end].strip()
            if cell and "[" not in cell and "](" not in cell and len(cell) <= 24:
                counts.setdefault(column, Counter())[cell] += 1
    return {column: counter.most_common(1)[0][0] for column, counter in counts.items()}


# -- one paper ------------------------------------------------------------------------------


def _add_one(
    paper_list: PaperList,
    paper: Paper,
    section: str | None,
    no_authors: str | None,
    settings: Settings,
) -> str:
    text = paper_list.text
    document = paper_list.document
    groups = _sections(paper_list)
    entries = _choose_section(paper_list, groups, paper, section)
    values = _values(paper, no_authors)
    precision = _precision(entries)
    full = (values.year, values.month or 0, values.day or 0)
    key = (full[0], full[1] if precision >= 2 else 0, full[2] if precision >= 3 else 0)
    order = str(settings.options.get("unsorted-entries", {}).get("order", "auto"))
    place = _place(entries, key, _newest_first(groups, order))
    template = _template(text, entries, place)
    generator = template.format == "generator"

    edits: list[tuple[int, str]] = []
    anchor: str | None = None
    notes_link = next((link for link in template.links if link.kind is LinkKind.NOTES), None)
    if generator and notes_link is not None and paper_list.has_notes_part:
        anchor, position, note = note_insertion(paper_list, paper)
        edits.append((position, note))
    context = Context(paper_list, Settings())
    tag_style = None
    date = template.date
    if date is not None and date.source is DateSource.TAG and context.dates_are_tags:
        tag_style = context.date_style if date.style != context.date_style else None
    rendered = _render(paper_list, template, values, anchor, tag_style)
    if template.format == "table":
        rendered = _fill_cells(rendered, _placeholders(text, entries))

    gap = _gap(text, entries, document.newline())
    if place < len(entries):
        following = entries[place]
        position = document.line_starts[document.line_of(following.start) - 1]
        edits.append((position, rendered + gap))
    else:
        edits.append((entries[-1].end, gap + rendered))
    for position, insert in sorted(edits, key=lambda item: item[0], reverse=True):
        text = text[:position] + insert + text[position:]
    return text


def _gap(text: str, entries: list[Entry], newline: str) -> str:
    """What separates the section's entries: the most common blank text between two."""
    gaps: Counter[str] = Counter()
    for before, after in itertools.pairwise(entries):
        between = text[before.end : after.start]
        line_start = between.rfind("\n") + 1
        between = between[:line_start]
        if between and not between.strip():
            gaps[between] += 1
    return gaps.most_common(1)[0][0] if gaps else newline
