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

from paperlint.document import Document

__all__ = [
    "DateTag",
    "Detection",
    "Entry",
    "Heading",
    "Link",
    "LinkKind",
    "NoteSection",
    "PaperList",
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


@dataclass(slots=True)
class DateTag:
    """The ``[YY/MM]`` tag that opens an entry."""

    start: int
    """Offset of the opening ``[``."""
    text: str
    """What stands between the brackets, e.g. ``25/06``, ``2025/02`` or ``YY/MM``."""
    year: int | None
    """The full year (2025) when the tag has digits in the year position."""
    month: int | None
    """The month as written (0 and 13 included), when the tag has digits there."""
    style: str | None
    """``"YY/MM"`` or ``"YYYY/MM"`` when the tag has one of those shapes, else None."""

    @property
    def span(self) -> Span:
        """The tag with its brackets."""
        return Span(self.start, self.start + len(self.text) + 2)

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

    @property
    def span(self) -> Span:
        """The title text between the ``**`` markers."""
        return Span(self.start, self.start + self.length)


class LinkKind(Enum):
    """The role of a link, from its label."""

    PAPER = "Paper"
    CODE = "Code/Page"
    NOTES = "TLDR/Notes"
    OTHER = "other"


_KINDS = {
    "paper": LinkKind.PAPER,
    "code/page": LinkKind.CODE,
    "code": LinkKind.CODE,
    "tldr/notes": LinkKind.NOTES,
    "tldr": LinkKind.NOTES,
    "notes": LinkKind.NOTES,
}
_EMPTY_URLS = frozenset({"", "none"})


@dataclass(slots=True)
class Link:
    """A ``[[Label](url)]`` group of an entry."""

    start: int
    """Offset of the opening ``[[``."""
    label: str
    url: str
    """The destination exactly as written after ``(``: up to where CommonMark ends it (an
    unbalanced ``)`` or a blank before a title), else to the group's ``)]`` or the line's
    end."""
    end: int
    """Offset just past the group: its ``)]``, its ``)`` when the ``]`` is missing, or the
    end of the URL when the group is not closed."""
    closing: str = ")]"
    """How the group ends: ``")]"``, ``")"`` (a working link whose outer ``]`` is missing)
    or ``""`` (not closed on its line)."""
    # Derived from the label and the URL once, here: rules ask for them many times per link.
    kind: LinkKind = field(init=False, compare=False)
    """The role of the link, from its label."""
    is_empty: bool = field(init=False, compare=False)
    """``()`` or ``(None)``: the list says there is no such link."""
    fragment: str | None = field(init=False, compare=False)
    """The anchor without its ``#`` for an in-page link, else None."""

    def __post_init__(self) -> None:
        url = self.url.strip()
        self.kind = _KINDS.get(self.label.strip().lower(), LinkKind.OTHER)
        self.is_empty = url.lower() in _EMPTY_URLS
        self.fragment = url[1:] if url.startswith("#") else None

    @property
    def closed(self) -> bool:
        """Whether the group ends with ``)]``."""
        return self.closing == ")]"

    @property
    def span(self) -> Span:
        """The whole group, from ``[[`` to its end."""
        return Span(self.start, self.end)

    @property
    def label_span(self) -> Span:
        start = self.start + 2
        return Span(start, start + len(self.label))

    @property
    def url_span(self) -> Span:
        start = self.start + 4 + len(self.label)
        return Span(start, start + len(self.url))

    @property
    def anchor_start(self) -> int:
        """Offset of the first character of the URL after any blanks: the ``#`` of an
        in-page link."""
        url = self.url
        return self.start + 4 + len(self.label) + len(url) - len(url.lstrip())


@dataclass(slots=True)
class Entry:
    """One paper of the list: a list item with a date tag, a bold title and links."""

    index: int
    """0-based position among the list's entries."""
    start: int
    """Offset of the list marker."""
    end: int
    """Offset of the end of the item's last line."""
    marker_length: int
    date: DateTag | None
    title: Title | None
    venue: Span | None
    """An italic ``*Venue*`` right after the title, if any."""
    links: tuple[Link, ...]

    @property
    def span(self) -> Span:
        """From the list marker to the end of the item's last line."""
        return Span(self.start, self.end)

    @property
    def marker(self) -> Span:
        return Span(self.start, self.start + self.marker_length)

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


@dataclass(frozen=True, slots=True)
class Detection:
    """Which list format a file was read as, and how surely."""

    name: str
    """A format profile's name (``paperlint.formats``), or ``none`` when the file holds no
    paper list: then it has no entries, and no entry-level rule reports on it."""
    confidence: float
    """From 0 to 1: the share of the entries read that carry the format's marks."""
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
