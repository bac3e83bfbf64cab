"""Parse a document into a paper list: cut it into candidate blocks in one linear pass over
its lines, choose the list format that explains them best, and read the entries with it.

The block scanner finds headings (and the notes part of the generator's format), list items
with their nested items, table rows, paragraphs and heading sections (``paperlint.formats
.base``). Detection scores every profile on a sample of the blocks of each section and
keeps the best (``paperlint.formats.detect``). The parser is tolerant: a malformed entry is
still an entry (with its missing parts set to None) so that rules can report what is wrong;
nothing here raises on bad input.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Mapping
from sys import intern as _intern

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.formats import detect
from paperlint.formats.base import ITEM, PARAGRAPH, ROW, SECTION, Block, Table, row_cells
from paperlint.model import Heading, LinkKind, NoteSection, PaperList, Span

__all__ = ["parse", "parse_text"]

# A line whose first character is none of these is plain text (a paragraph or an entry's
# continuation): headings, list markers, thematic breaks, setext underlines and table rows
# all start with one of them, or with up to three spaces.
_MARKER_STARTS = frozenset(" \t#-*+_=0123456789>|")
_QUOTE_RE = lazy_re.compile(r" {0,3}(?:> ?)+")
_ATX_RE = lazy_re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSING_RE = lazy_re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT_RE = lazy_re.compile(r" {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK_RE = lazy_re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_NOTES_TITLE_RE = lazy_re.compile(r"tl;?dr\s*(?:/\s*notes?)?|notes?", re.IGNORECASE)
# Any list item, nested ones included; the first group is its indentation.
_ITEM_RE = lazy_re.compile(r"([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_DELIMITER_ROW_RE = lazy_re.compile(
    r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$"
)
_EMPHASIS_CHARS = "*_`"


def parse_text(
    text: str,
    *,
    format: str = "auto",
    labels: Mapping[str, str] | None = None,
    columns: Mapping[str, str] | None = None,
) -> PaperList:
    """Parse a paper list given as text."""
    return parse(Document(text), format=format, labels=labels, columns=columns)


def parse(
    document: Document,
    *,
    format: str = "auto",
    labels: Mapping[str, str] | None = None,
    columns: Mapping[str, str] | None = None,
) -> PaperList:
    """Parse a document into entries, headings and notes sections. ``format`` names the
    profile to read it with (``paperlint.formats``), or ``auto`` to detect it; ``labels``
    maps a list's own link labels (lower-cased) to the roles they name (``paper``,
    ``code``...), ``columns`` its tables' header names (lower-cased) to what the columns
    hold (``date``, ``title``...)."""
    # The parse allocates a few objects per line and no reference cycles; pausing the
    # cyclic garbage collector keeps it from rescanning the growing model (2x faster on
    # large lists).
    paused = gc.isenabled()
    gc.disable()
    try:
        parser = _Parser(document, columns or {})
        parser.scan()
        forced = None if format == "auto" else detect.find_profile(format)
        detect.read_entries(parser.result, parser.regions, parser.region_headings, forced)
        if labels:
            _relabel(parser.result, labels)
        return parser.result
    finally:
        if paused:
            gc.enable()


def _relabel(result: PaperList, labels: Mapping[str, str]) -> None:
    """Give the links whose label the configuration names the role it says."""
    roles = {label: LinkKind[role.upper()] for label, role in labels.items()}
    for entry in result.entries:
        for link in entry.links:
            role = roles.get(link.label.strip().lower())
            if role is not None:
                link.kind = role


class _Parser:
    def __init__(self, document: Document, columns: Mapping[str, str] | None = None) -> None:
        self.document = document
        self.columns = columns or {}
        self.masked = document.masked
        self.result = PaperList(document)
        self.paragraph: list[int] = []  # lines of the open plain paragraph (setext candidates)
        self.paragraph_block: Block | None = None
        self.items: list[tuple[Block, int]] = []  # open list items and their content column
        self.table: Table | None = None
        self.in_notes = False
        self.section_heading: Heading | None = None
        self.section_start = 0
        self.section_block: Block | None = None
        self.regions: list[list[Block]] = [[]]
        """Per section (level-1 or level-2 heading), its candidate blocks in order."""
        self.region_headings: list[Heading | None] = [None]

    def scan(self) -> None:
        masked = self.masked
        starts = self.document.line_starts
        ends = self.document.line_ends
        line_count = len(starts)
        skip = -1
        for index in range(line_count):
            if index == skip:
                continue  # a table's delimiter row
            start, end = starts[index], ends[index]
            first = masked[start] if start < end else "\n"
            if first not in _MARKER_STARTS:
                if first == "\n":  # an empty line
                    self._close_blocks()
                    continue
                # Prose (most of a notes part): no heading, marker, break, underline or row.
                self._text_line(index, start, end)
                continue
            if first in " \t" and masked[start:end].isspace():
                self._close_blocks()
                continue
            heading_match = _ATX_RE.match(masked, start, end) if first in "# " else None
            quoted = False
            if first == ">" or (first == " " and heading_match is None):
                # A heading in a block quote ("> ### Abstract") gets an id all the same.
                quote = _QUOTE_RE.match(masked, start, end)
                if quote is not None:
                    heading_match = _ATX_RE.match(masked, quote.end(), end)
                    quoted = heading_match is not None
            if heading_match:
                self._close_blocks()
                self._atx_heading(index, heading_match, quoted=quoted)
                continue
            if self.paragraph and not self.items and self.table is None:
                underline = _SETEXT_RE.match(masked, start, end)
                if underline:
                    self._setext_heading(1 if underline.group(1)[0] == "=" else 2)
                    continue
            if _THEMATIC_BREAK_RE.match(masked, start, end):
                self._close_blocks()
                continue
            item = (
                _ITEM_RE.match(masked, start, end)
                if first in " \t-*+" or "0" <= first <= "9"
                else None
            )
            if item is not None and self._item(index, item, start):
                continue
            if self.table is not None:
                if masked.find("|", start, end) >= 0:
                    self._row(index, start)
                    continue
                self.table = None
            elif (
                not self.items
                and not self.in_notes
                and index + 1 < line_count
                and masked.find("|", start, end) >= 0
                and _DELIMITER_ROW_RE.match(masked, starts[index + 1], ends[index + 1])
                and masked.find("-", starts[index + 1], ends[index + 1]) >= 0
            ):
                self._close_blocks()
                columns = [
                    cell.strip(_EMPHASIS_CHARS + " ").lower()
                    for cell in (
                        self.document.text[low:high]
                        for low, high in row_cells(self.document.text, start, end)
                    )
                ]
                self.table = Table(index, columns, self.columns)
                skip = index + 1
                continue
            self._text_line(index, start, end)
        self._close_blocks()
        self._close_section(len(self.document.text))
        self._end_section_block(line_count - 1)

    # -- blocks ----------------------------------------------------------------------------

    def _text_line(self, index: int, start: int, end: int) -> None:
        """A line of text: an open item's continuation, else a paragraph's line."""
        if self.items:
            self.items[-1][0].last = index
            return
        if self.table is not None:
            self.table = None
        self.paragraph.append(index)
        if self.in_notes:
            return
        block = self.paragraph_block
        if block is None:
            content = start
            while content < end and self.masked[content] in " \t":
                content += 1
            block = Block(PARAGRAPH, index, index, content, len(self.regions) - 1, content)
            block.region_heading = self.region_headings[-1]
            self.paragraph_block = block
            self.regions[-1].append(block)
        else:
            block.last = index

    def _item(self, index: int, item: re.Match[str], start: int) -> bool:
        """A list item line; False when it is none (indented too deep to open a list)."""
        indent = len(item.group(1).expandtabs(4))
        items = self.items
        while items and indent < items[-1][1]:
            self._pop_item()
        if not items and indent > 3:
            return False  # not a list item: text (or, masked, an indented code block)
        if not items:
            self._close_paragraph()
            self.table = None
        column = indent + len(item.group()) - len(item.group(1))
        if self.in_notes:
            # Items of the notes part are no entries; track nesting only.
            items.append((Block(ITEM, index, index, item.end(), 0, 0), column))
            return True
        block = Block(ITEM, index, index, item.end(), len(self.regions) - 1, item.start(2))
        block.region_heading = self.region_headings[-1]
        if items:
            items[-1][0].children.append(block)
        else:
            self.regions[-1].append(block)
        items.append((block, column))
        return True

    def _pop_item(self) -> None:
        block, _ = self.items.pop()
        if self.items:
            parent = self.items[-1][0]
            if block.last > parent.last:
                parent.last = block.last

    def _row(self, index: int, start: int) -> None:
        if self.in_notes:
            return
        self.regions[-1].append(
            Block(
                ROW,
                index,
                index,
                start,
                len(self.regions) - 1,
                start,
                table=self.table,
                region_heading=self.region_headings[-1],
            )
        )

    def _close_paragraph(self) -> None:
        self.paragraph = []
        self.paragraph_block = None

    def _close_blocks(self) -> None:
        while self.items:
            self._pop_item()
        self._close_paragraph()
        self.table = None

    # -- headings --------------------------------------------------------------------------

    def _atx_heading(self, index: int, match: re.Match[str], *, quoted: bool = False) -> None:
        end = self.document.line_ends[index]
        text_start = match.end()
        while text_start < end and self.masked[text_start] in " \t":
            text_start += 1
        raw = self.masked[text_start:end].rstrip()
        closing = _ATX_CLOSING_RE.search(raw) if raw.endswith("#") else None
        text_end = text_start + (closing.start() if closing else len(raw))
        text_end = max(text_start, text_end)
        self._heading(
            len(match.group(1)),
            index,
            Span(text_start, text_end),
            quoted=quoted,
            marker=match.start(1),
        )

    def _setext_heading(self, level: int) -> None:
        first, last = self.paragraph[0], self.paragraph[-1]
        if self.paragraph_block is not None:
            self.regions[-1].remove(self.paragraph_block)
        self._close_paragraph()
        starts, ends = self.document.line_starts, self.document.line_ends
        start, end = starts[first], ends[last]
        while start < end and self.masked[start] in " \t":
            start += 1
        while end > start and self.masked[end - 1] in " \t":
            end -= 1
        self._heading(level, first, Span(start, end), underline=last + 1)

    def _heading(
        self,
        level: int,
        index: int,
        span: Span,
        *,
        quoted: bool = False,
        underline: int = -1,
        marker: int = -1,
    ) -> None:
        text = self.document.text[span.start : span.end]
        if len(text) < 40:  # "Abstract", "TL;DR": the same short headings again and again
            text = _intern(text)
        heading = Heading(level, text, span.start, index + 1, len(self.result.headings), quoted)
        self.result.headings.append(heading)
        if quoted:
            return  # a quote's heading opens no part, section or notes section of the list
        self._end_section_block(index - 1)
        line_start = self.document.line_starts[index]
        if level == 1:
            self._close_section(line_start)
            if _NOTES_TITLE_RE.fullmatch(text.strip()):
                self.in_notes = True
                self.result.notes_heading = heading
            else:
                self.in_notes = False
        elif level == 2 and self.in_notes:
            self._close_section(line_start)
            self.section_heading = heading
            self.section_start = line_start
        if self.in_notes:
            return
        if level <= 2:
            self.regions.append([])
            self.region_headings.append(heading)
        block = Block(
            SECTION,
            index,
            max(index, underline),
            span.start,
            len(self.regions) - 1,
            marker if marker >= 0 else span.start,
            heading=heading,
            region_heading=self.region_headings[-1],
        )
        self.section_block = block
        self.regions[-1].append(block)

    def _end_section_block(self, last: int) -> None:
        block = self.section_block
        if block is not None:
            block.last = max(block.last, last)
            self.section_block = None

    def _close_section(self, end: int) -> None:
        if self.section_heading is not None:
            self.result.notes.append(NoteSection(self.section_heading, self.section_start, end))
            self.section_heading = None
