"""The typed model of a paper list: entries, their parts, headings and notes sections.

Every part records where it was found as a ``Span`` of character offsets into the
document's text; ``Document.position`` turns an offset into a 1-based line:column.

The parts are read-only by convention: nothing changes them after parsing (fixes produce a
new text, which is parsed again). They are slotted records (``paperlint.record``) rather than
frozen dataclasses: a frozen dataclass pays a function call per field to construct, which was
a tenth of the time of linting a large list, and any dataclass costs start-up time to define.
The two small immutable values, ``Detection`` and ``SectionFormat``, are named tuples.
"""

from __future__ import annotations

from enum import Enum

from paperlint.document import Document
from paperlint.record import NamedTuple, Record
from paperlint.roles import LinkKind, link_role

__all__ = [
    "DateSource",
    "DateTag",
    "Detection",
    "Entry",
    "Heading",
    "Link",
    "LinkKind",
    "NoteSection",
    "PaperList",
    "SectionFormat",
    "Span",
    "Title",
]


class Span(Record):
    """Half-open range ``[start, end)`` of character offsets into the document's text."""

    __slots__ = ("end", "start")

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __len__(self) -> int:
        return self.end - self.start


# The model of a 100,000-entry list holds millions of positions. Parts therefore store the
# offset where they start and derive their other spans from it and from their text, rather
# than holding a Span object (and two int objects) per span.


class DateSource(Enum):
    """Where an entry's date was read from."""

    TAG = "tag"
    """A bracketed tag opening the entry: ``[25/06]``, ``[2024/04/17]``, ``[CVPR 2024]``."""
    COLUMN = "column"
    """A table's date column."""
    VENUE = "venue"
    """The year of a venue: ``ICLR 2024``, ``(*ICLR'25*)``, ``2016-ICLR-``."""
    TEXT = "text"
    """A date in the entry's text: ``Sep 2024``, ``(08 March 2025)``, ``2013-12-20``."""
    BADGE = "badge"
    """A badge image's text."""
    HEADING = "heading"
    """The heading of the section the entry sits in (``## 2017``)."""


class DateTag(Record):
    """An entry's date: the generator's ``[YY/MM]`` tag, or any date form a profile reads
    (``DateSource``)."""

    __slots__ = ("brackets", "day", "month", "source", "start", "style", "text", "year")

    start: int
    """Offset of the opening bracket, or of the text when the date has none."""
    text: str
    """The date as written, without its brackets: ``25/06``, ``2025/02``, ``YY/MM``,
    ``CVPR 2024``, ``Sep 2024``."""
    year: int | None
    """The full year (2025) when the date has digits in the year position."""
    month: int | None
    """The month as written (0 and 13 included), when the date has one."""
    style: str | None
    """``"YY/MM"`` or ``"YYYY/MM"`` when the date is a tag of one of the generator's two
    shapes, else None."""
    source: DateSource
    day: int | None
    brackets: int
    """Characters around the text on each side: 1 for ``[..]`` and ``(..)``, else 0."""

    def __init__(
        self,
        start: int,
        text: str,
        year: int | None,
        month: int | None,
        style: str | None,
        source: DateSource = DateSource.TAG,
        day: int | None = None,
        brackets: int = 1,
    ) -> None:
        self.start = start
        self.text = text
        self.year = year
        self.month = month
        self.style = style
        self.source = source
        self.day = day
        self.brackets = brackets

    @property
    def span(self) -> Span:
        """The date with its brackets."""
        return Span(self.start, self.start + len(self.text) + 2 * self.brackets)

    @property
    def text_span(self) -> Span:
        start = self.start + self.brackets
        return Span(start, start + len(self.text))

    @property
    def is_placeholder(self) -> bool:
        """The template's ``[YY/MM]`` left unfilled."""
        return self.text.strip().upper() in {"YY/MM", "YYYY/MM"}


class Title(Record):
    """The bold title of an entry, possibly wrapped over several lines."""

    __slots__ = ("closed", "kind", "length", "start", "text")

    start: int
    """Offset of the title's first character, after the opening ``**``."""
    length: int
    """Characters of source text up to the closing ``**`` (line breaks included)."""
    text: str
    """The title with its whitespace collapsed to single spaces."""
    closed: bool
    """False when the opening ``**`` has no closing ``**`` in the entry."""
    kind: str
    """How the list marks it: ``bold`` (``**Title**``), ``link`` (``[Title](url)``),
    ``quoted`` (``"Title"``), ``heading`` (``### Title``), ``cell`` (a table's title column)
    or ``plain`` (the text before the entry's first link)."""

    def __init__(
        self, start: int, length: int, text: str, closed: bool = True, kind: str = "bold"
    ) -> None:
        self.start = start
        self.length = length
        self.text = text
        self.closed = closed
        self.kind = kind

    @property
    def span(self) -> Span:
        """The title text between the ``**`` markers."""
        return Span(self.start, self.start + self.length)


_EMPTY_URLS = frozenset({"", "none"})


class Link(Record):
    """A link of an entry: the generator's ``[[Label](url)]`` group, or any link a profile
    reads (``[Label](url)``, ``[[Label]](url)``, a title link, a badge)."""

    __slots__ = (
        "closing",
        "end",
        "fragment",
        "is_empty",
        "kind",
        "label",
        "label_offset",
        "start",
        "url",
        "url_offset",
    )
    _uncompared = ("is_empty", "fragment")

    start: int
    """Offset of the link's first character: the ``[[`` of a group, the ``[`` or ``!``
    of a link or an image."""
    label: str
    """The link text as written (without a group's inner brackets)."""
    url: str
    """The destination exactly as written after ``(``: up to where CommonMark ends it (an
    unbalanced ``)`` or a blank before a title), else to the group's ``)]`` or the line's
    end."""
    end: int
    """Offset just past the link: a group's ``)]``, its ``)`` when the ``]`` is missing, or
    the end of the URL when the link is not closed."""
    closing: str
    """How the link ends: a group's ``")]"``, ``")"`` (a working link whose outer ``]`` is
    missing), ``")"`` or ``">"`` for a link that is no group (an autolink, an HTML link),
    or ``""`` (not closed on its line)."""
    kind: LinkKind
    """The role of the link (``paperlint.roles``), from the label and host when not given."""
    label_offset: int
    """Characters from ``start`` to the label: 2 for ``[[``, 1 for ``[``."""
    url_offset: int
    """Characters from ``start`` to the URL; -1 for a group's ``[[Label](``."""
    # Derived from the label and the URL once, here: rules ask for them many times per link.
    is_empty: bool
    """``()`` or ``(None)``: the list says there is no such link."""
    fragment: str | None
    """The anchor without its ``#`` for an in-page link, else None."""

    def __init__(
        self,
        start: int,
        label: str,
        url: str,
        end: int,
        closing: str = ")]",
        kind: LinkKind | None = None,
        label_offset: int = 2,
        url_offset: int = -1,
    ) -> None:
        self.start = start
        self.label = label
        self.url = url
        self.end = end
        self.closing = closing
        self.label_offset = label_offset
        self.url_offset = url_offset if url_offset >= 0 else label_offset + len(label) + 2
        stripped = url.strip()
        self.kind = link_role(label, stripped) if kind is None else kind
        self.is_empty = stripped.lower() in _EMPTY_URLS
        self.fragment = stripped[1:] if stripped.startswith("#") else None

    @property
    def name(self) -> str:
        """How messages name the link: its label when short (``Paper``, ``code``), else
        its role (``Paper`` for a title link), else ``Link``."""
        label = self.label.strip()
        if 0 < len(label) <= 24 and "[" not in label and "\n" not in label:
            return label
        if self.kind is LinkKind.OTHER:
            return "Link"
        return str(self.kind.value).split("/")[0]

    @property
    def group(self) -> bool:
        """Whether the link is the generator's ``[[Label](url)]`` group."""
        return self.label_offset == 2 and self.url_offset == len(self.label) + 4

    @property
    def closed(self) -> bool:
        """Whether the link ends as its syntax requires: a group with ``)]``."""
        return self.closing == ")]" if self.group else self.closing != ""

    @property
    def missing_bracket(self) -> bool:
        """A group that works as a link but lacks its outer ``]``."""
        return self.closing == ")" and self.group

    @property
    def span(self) -> Span:
        """The whole link, from its first bracket to its end."""
        return Span(self.start, self.end)

    @property
    def label_span(self) -> Span:
        start = self.start + self.label_offset
        return Span(start, start + len(self.label))

    @property
    def url_span(self) -> Span:
        start = self.start + self.url_offset
        return Span(start, start + len(self.url))

    @property
    def anchor_start(self) -> int:
        """Offset of the first character of the URL after any blanks (the ``#`` of an
        in-page link): where a finding about the URL starts."""
        url = self.url
        return self.start + self.url_offset + len(url) - len(url.lstrip())


class Entry(Record):
    """One paper of the list, in whatever format the list writes it (a list item, a table
    row, a paragraph, a heading and its section). Parts the format does not have are None
    or empty; text no part claims stays in the source, within ``span``."""

    __slots__ = (
        "authors",
        "badges",
        "date",
        "end",
        "format",
        "index",
        "links",
        "marker_length",
        "notes",
        "start",
        "title",
        "venue",
    )

    index: int
    """0-based position among the list's entries."""
    start: int
    """Offset of the list marker."""
    end: int
    """Offset of the end of the item's last line."""
    marker_length: int
    """Length of the list marker (``-``, ``12.``); 0 for an entry that is no list item."""
    date: DateTag | None
    title: Title | None
    venue: Span | None
    """The venue as written (``*Venue*`` right after a generator title, ``CVPR 2024``)."""
    links: tuple[Link, ...]
    authors: Span | None
    badges: tuple[Link, ...]
    """Badge images (``![stars](https://img.shields.io/...)``), linked or not."""
    notes: Span | None
    """The curator's comment or summary written with the entry (not a notes section)."""
    format: str
    """The name of the profile that read the entry."""

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        marker_length: int,
        date: DateTag | None,
        title: Title | None,
        venue: Span | None,
        links: tuple[Link, ...],
        authors: Span | None = None,
        badges: tuple[Link, ...] = (),
        notes: Span | None = None,
        format: str = "generator",
    ) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.marker_length = marker_length
        self.date = date
        self.title = title
        self.venue = venue
        self.links = links
        self.authors = authors
        self.badges = badges
        self.notes = notes
        self.format = format

    @property
    def span(self) -> Span:
        """From the list marker to the end of the item's last line."""
        return Span(self.start, self.end)

    @property
    def marker(self) -> Span:
        """The list marker; for an entry that is no list item, its first character."""
        return Span(self.start, self.start + (self.marker_length or 1))

    def parts(self) -> list[tuple[str, Span]]:
        """Every part the profile read, as ``(name, span)`` in source order: what is not
        covered is the entry's other text, which the source keeps."""
        found: list[tuple[str, Span]] = []
        if self.date is not None and self.start <= self.date.start < self.end:
            # (A section's year dates the entries under it from outside them.)
            found.append(("date", self.date.span))
        if self.title is not None:
            found.append(("title", self.title.span))
        for name, span in (("authors", self.authors), ("venue", self.venue), ("notes", self.notes)):
            if span is not None:
                found.append((name, span))
        found.extend(("link", link.span) for link in self.links)
        found.extend(("badge", link.span) for link in self.badges)
        found.sort(key=lambda part: (part[1].start, -part[1].end))
        return found

    def link(self, kind: LinkKind) -> Link | None:
        """The first link of a kind, if the entry has one."""
        for link in self.links:
            if link.kind is kind:
                return link
        return None


class Heading(Record):
    """An ATX or setext heading outside code blocks and comments."""

    __slots__ = ("index", "level", "line", "quoted", "start", "text")

    level: int
    text: str
    """The heading's inline source, without the ``#`` markers and surrounding blanks."""
    start: int
    """Offset of the heading text's first character."""
    line: int
    """The 1-based line of the heading's text."""
    index: int
    """0-based position among the file's headings."""
    quoted: bool
    """Inside a block quote (``> ## Title``): it has an id, but opens no section."""

    def __init__(
        self, level: int, text: str, start: int, line: int, index: int, quoted: bool = False
    ) -> None:
        self.level = level
        self.text = text
        self.start = start
        self.line = line
        self.index = index
        self.quoted = quoted

    @property
    def text_span(self) -> Span:
        return Span(self.start, self.start + len(self.text))


class NoteSection(Record):
    """A level-2 heading under the notes part, and its body."""

    __slots__ = ("end", "heading", "start")

    heading: Heading
    start: int
    """Offset of the heading's line."""
    end: int
    """Offset of the next heading of level 1 or 2 (or the end of the text)."""

    def __init__(self, heading: Heading, start: int, end: int) -> None:
        self.heading = heading
        self.start = start
        self.end = end

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Detection(NamedTuple):
    """Which list format a file was read as, and how surely."""

    name: str
    """A format profile's name (``paperlint.formats``), or ``none`` when the file holds no
    paper list: then it has no entries, and no entry-level rule reports on it."""
    confidence: float
    """From 0 to 1: how well the entries read carry the format's marks."""
    entries: int
    sections: tuple[SectionFormat, ...] = ()
    """Where a file mixes formats, the format of each of its sections (in order), else
    empty: then every entry has the format ``name``."""


class SectionFormat(NamedTuple):
    """The format of one section (from a level-1 or level-2 heading to the next) of a file
    that mixes formats."""

    line: int
    """The 1-based line of the section's heading (1 for text before the first heading)."""
    heading: str
    """The heading's text ("" for text before the first heading)."""
    name: str
    entries: int


class PaperList(Record):
    """A parsed paper list."""

    __slots__ = ("document", "entries", "format", "headings", "notes", "notes_heading")

    document: Document
    entries: list[Entry]
    headings: list[Heading]
    """Every heading of the file in document order (their ids depend on all of them)."""
    notes_heading: Heading | None
    """The ``# TLDR/Notes`` heading that opens the notes part, if the list has one."""
    notes: list[NoteSection]
    format: Detection
    """The list format the entries were read as."""

    def __init__(
        self,
        document: Document,
        entries: list[Entry] | None = None,
        headings: list[Heading] | None = None,
        notes_heading: Heading | None = None,
        notes: list[NoteSection] | None = None,
        format: Detection | None = None,
    ) -> None:
        self.document = document
        self.entries = [] if entries is None else entries
        self.headings = [] if headings is None else headings
        self.notes_heading = notes_heading
        self.notes = [] if notes is None else notes
        self.format = Detection("none", 0.0, 0) if format is None else format

    @property
    def has_notes_part(self) -> bool:
        return self.notes_heading is not None

    @property
    def text(self) -> str:
        return self.document.text
