"""Parse a document into a paper list in one linear pass over its lines.

The parser is tolerant: a malformed entry is still an entry (with its missing parts set to
None) so that rules can report what is wrong; nothing here raises on bad input.
"""

from __future__ import annotations

import gc
import re
from sys import intern as _intern

from paperlint.document import Document
from paperlint.formats import MIN_CONFIDENCE, NONE, PROFILES
from paperlint.formats.base import LIST_ITEM_RE
from paperlint.model import Detection, Heading, NoteSection, PaperList, Span

__all__ = ["parse", "parse_text"]

# A line whose first character is none of these is plain text (a paragraph or an entry's
# continuation): headings, list markers, thematic breaks and setext underlines all start
# with one of them, or with up to three spaces.
_MARKER_STARTS = frozenset(" \t#-*+_=0123456789>")
_QUOTE_RE = re.compile(r" {0,3}(?:> ?)+")
_ATX_RE = re.compile(r" {0,3}(#{1,6})(?=[ \t]|$)")
_ATX_CLOSING_RE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_THEMATIC_BREAK_RE = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_NOTES_TITLE_RE = re.compile(r"tl;?dr\s*(?:/\s*notes?)?|notes?", re.IGNORECASE)


def parse_text(text: str) -> PaperList:
    """Parse a paper list given as text."""
    return parse(Document(text))


def parse(document: Document) -> PaperList:
    """Parse a document into entries, headings and notes sections."""
    # The parse allocates a few objects per line and no reference cycles; pausing the
    # cyclic garbage collector keeps it from rescanning the growing model (2x faster on
    # large lists).
    paused = gc.isenabled()
    gc.disable()
    try:
        return _Parser(document).run()
    finally:
        if paused:
            gc.enable()


class _Parser:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.masked = document.masked
        self.result = PaperList(document)
        self.entry_lines: list[int] = []  # 0-based indexes of the open entry's lines
        self.paragraph: list[int] = []  # lines of the open plain paragraph (setext candidates)
        self.in_notes = False
        self.section_heading: Heading | None = None
        self.section_start = 0
        self.profile = PROFILES[0]

    def run(self) -> PaperList:
        masked = self.masked
        starts = self.document.line_starts
        ends = self.document.line_ends
        for index in range(len(starts)):
            start, end = starts[index], ends[index]
            first = masked[start] if start < end else "\n"
            if first not in _MARKER_STARTS:
                if first == "\n":  # an empty line
                    self._close_entry()
                    self.paragraph = []
                    continue
                # Prose (most of a notes part): no heading, marker, break or underline here.
                if self.entry_lines:
                    self.entry_lines.append(index)
                else:
                    self.paragraph.append(index)
                continue
            if first in " \t" and masked[start:end].isspace():
                self._close_entry()
                self.paragraph = []
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
                self._close_entry()
                self.paragraph = []
                self._atx_heading(index, heading_match, quoted=quoted)
                continue
            if self.paragraph and not self.entry_lines:
                underline = _SETEXT_RE.match(masked, start, end)
                if underline:
                    self._setext_heading(1 if underline.group(1)[0] == "=" else 2)
                    self.paragraph = []
                    continue
            if _THEMATIC_BREAK_RE.match(masked, start, end):
                self._close_entry()
                self.paragraph = []
                continue
            item = LIST_ITEM_RE.match(masked, start, end)
            if item:
                self._close_entry()
                self.paragraph = []
                if not self.in_notes and self.profile.accepts(masked, item.end(), end):
                    self.entry_lines = [index]
                continue
            if self.entry_lines:
                self.entry_lines.append(index)
            else:
                self.paragraph.append(index)
        self._close_entry()
        self._close_section(len(self.document.text))
        result = self.result
        confidence = self.profile.confidence(result)
        if confidence < MIN_CONFIDENCE:
            # No paper list here (a README, a CHANGELOG): no entries, no entry-level rule.
            result.entries = []
            result.format = Detection(NONE, 1.0 - confidence, 0)
        else:
            result.format = Detection(self.profile.name, confidence, len(result.entries))
        return result

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
        self._heading(len(match.group(1)), index, Span(text_start, text_end), quoted=quoted)

    def _setext_heading(self, level: int) -> None:
        first, last = self.paragraph[0], self.paragraph[-1]
        starts, ends = self.document.line_starts, self.document.line_ends
        start, end = starts[first], ends[last]
        while start < end and self.masked[start] in " \t":
            start += 1
        while end > start and self.masked[end - 1] in " \t":
            end -= 1
        self._heading(level, first, Span(start, end))

    def _heading(self, level: int, index: int, span: Span, *, quoted: bool = False) -> None:
        text = self.document.text[span.start : span.end]
        if len(text) < 40:  # "Abstract", "TL;DR": the same short headings again and again
            text = _intern(text)
        heading = Heading(level, text, span.start, index + 1, len(self.result.headings), quoted)
        self.result.headings.append(heading)
        if quoted:
            return  # a quote's heading opens no part or notes section of the list
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

    def _close_section(self, end: int) -> None:
        if self.section_heading is not None:
            self.result.notes.append(NoteSection(self.section_heading, self.section_start, end))
            self.section_heading = None

    # -- entries ---------------------------------------------------------------------------

    def _close_entry(self) -> None:
        if not self.entry_lines:
            return
        lines = self.entry_lines
        self.entry_lines = []
        entries = self.result.entries
        entries.append(self.profile.read(self.document, lines, len(entries)))
