"""The typed model of a paper list: entries, their parts, headings and notes sections.

Every part records where it was found as a ``Span`` of character offsets into the
document's text; ``Document.position`` turns an offset into a 1-based line:column.

The parts are read-only by convention: nothing changes them after parsing (fixes produce a
new text, which is parsed again). They are plain slotted dataclasses rather than frozen ones
because a frozen dataclass pays a function call per field to construct, which was a tenth of
the time of linting a large list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple

from paperlint.document import Document
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


@dataclass(slots=True)
class Span:
    """Half-open range ``[start, end)`` of character offsets into the document's text."""

    start: int
    end: int

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


@dataclass(slots=True)
class DateTag:
    """An entry's date: the generator's ``[YY/MM]`` tag, or any date form a profile reads
    (``DateSource``)."""

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
    source: DateSource = DateSource.TAG
    day: int | None = None
    brackets: int = 1
    """Characters around the text on each side: 1 for ``[..]`` and ``(..)``, else 0."""

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


@dataclass(slots=True)
class Title:
    """The bold title of an entry, possibly wrapped over several lines."""

    start: int
    """Offset of the title's first character, after the opening ``**``."""
    length: int
    """Characters of source text up to the closing ``**`` (line breaks included)."""
    text: str
    """The title with its whitespace collapsed to single spaces."""
    closed: bool = True
    """False when the opening ``**`` has no closing ``**`` in the entry."""
    kind: str = "bold"
    """How the list marks it: ``bold`` (``**Title**``), ``link`` (``[Title](url)``),
    ``quoted`` (``"Title"``), ``heading`` (``### Title``), ``cell`` (a table's title column)
    or ``plain`` (the text before the entry's first link)."""

    @property
    def span(self) -> Span:
        """The title text between the ``**`` markers."""
        return Span(self.start, self.start + self.length)


_EMPTY_URLS = frozenset({"", "none"})


@dataclass(slots=True)
class Link:
    """A link of an entry: the generator's ``[[Label](url)]`` group, or any link a profile
    reads (``[Label](url)``, ``[[Label]](url)``, a title link, a badge)."""

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
    closing: str = ")]"
    """How the link ends: a group's ``")]"``, ``")"`` (a working link whose outer ``]`` is
    missing), ``")"`` or ``">"`` for a link that is no group (an autolink, an HTML link),
    or ``""`` (not closed on its line)."""
    kind: LinkKind = None  # type: ignore[assignment]  # from the label and host when None
    """The role of the link (``paperlint.roles``)."""
    label_offset: int = 2
    """Characters from ``start`` to the label: 2 for ``[[``, 1 for ``[``."""
    url_offset: int = -1
    """Characters from ``start`` to the URL; -1 for a group's ``[[Label](``."""
    # Derived from the label and the URL once, here: rules ask for them many times per link.
    is_empty: bool = field(init=False, compare=False)
    """``()`` or ``(None)``: the list says there is no such link."""
    fragment: str | None = field(init=False, compare=False)
    """The anchor without its ``#`` for an in-page link, else None."""

    def __post_init__(self) -> None:
        url = self.url.strip()
        if self.kind is None:
            self.kind = link_role(self.label, url)
        if self.url_offset < 0:
            self.url_offset = self.label_offset + len(self.label) + 2
        self.is_empty = url.lower() in _EMPTY_URLS
        self.fragment = url[1:] if url.startswith("#") else None

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


@dataclass(slots=True)
class Entry:
    """One paper of the list, in whatever format the list writes it (a list item, a table
    row, a paragraph, a heading and its section). Parts the format does not have are None
    or empty; text no part claims stays in the source, within ``span``."""

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
    authors: Span | None = None
    badges: tuple[Link, ...] = ()
    """Badge images (``![stars](https://img.shields.io/...)``), linked or not."""
    notes: Span | None = None
    """The curator's comment or summary written with the entry (not a notes section)."""
    format: str = "generator"
    """The name of the profile that read the entry."""

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


@dataclass(slots=True)
class Heading:
    """An ATX or setext heading outside code blocks and comments."""

    level: int
    text: str
    """The heading's inline source, without the ``#`` markers and surrounding blanks."""
    start: int
    """Offset of the heading text's first character."""
    line: int
    """The 1-based line of the heading's text."""
    index: int
    """0-based position among the file's headings."""
    quoted: bool = False
    """Inside a block quote (``> ## Title``): it has an id, but opens no section."""

    @property
    def text_span(self) -> Span:
        return Span(self.start, self.start + len(self.text))


@dataclass(slots=True)
class NoteSection:
    """A level-2 heading under the notes part, and its body."""

    heading: Heading
    start: int
    """Offset of the heading's line."""
    end: int
    """Offset of the next heading of level 1 or 2 (or the end of the text)."""

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


@dataclass(slots=True)
class PaperList:
    """A parsed paper list."""

    document: Document
    entries: list[Entry] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    """Every heading of the file in document order (their ids depend on all of them)."""
    notes_heading: Heading | None = None
    """The ``# TLDR/Notes`` heading that opens the notes part, if the list has one."""
    notes: list[NoteSection] = field(default_factory=list)
    format: Detection = field(default_factory=lambda: Detection("none", 0.0, 0))
    """The list format the entries were read as."""

    @property
    def has_notes_part(self) -> bool:
        return self.notes_heading is not None

    @property
    def text(self) -> str:
        return self.document.text
