"""Read text copied from a Hugging Face "Daily Papers" search page.

The page copies as paragraphs separated by blank lines. A paper is a title (one line), its
abstract (one long paragraph) and usually a metadata block: the submitters (``• 7 authors``
or an organisation's name), a ``·`` line and the date (``May 26, 2024``; ``Feb 6`` in the
current year), sometimes followed by an upvote count (``Jun 8, 2025 3``). Page chrome
(``Subscribe``, ``Daily Papers``, the page's own date) comes before the first paper.

Records are found by shape, not by position: a one-line paragraph followed by a paragraph
of at least ``ABSTRACT_MIN_WORDS`` words opens a paper (unless that paragraph is itself a
one-liner followed by a longer one: then it is the title, and the first line chrome); a
metadata block or a lone date right after the abstract closes it. A paper whose metadata
block is missing (the next title follows its abstract directly, as for MediX-R1 in the
corpus) takes the page's date, the lone date before the first paper.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import Enum

from paperlint.dates import MONTHS as _MONTHS
from paperlint.importers.model import ImportFailure, Paper, ReadResult, Skipped, collapse

__all__ = ["ABSTRACT_MIN_WORDS", "read"]

ABSTRACT_MIN_WORDS = 20
"""Fewer words than any abstract, more than any line of page chrome."""
_TITLE_MAX_WORDS = 60

# "May 26, 2024", "Feb 6", "Jun 8, 2025 3" (3 upvotes), "Feb 3 3".
_DATE_RE = re.compile(r"([A-Za-z]{3,9})\.? +(\d{1,2})(?:, *(\d{4}))?(?: +\d+)?")
_SEPARATOR = "·"
_AUTHORS_RE = re.compile(r"•\s*\d+\s+authors?", re.IGNORECASE)


class _Kind(Enum):
    TEXT = "text"
    META = "meta"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class _Paragraph:
    line: int
    """1-based line of the paragraph's first line."""
    lines: tuple[str, ...]
    """Stripped, non-blank."""

    @property
    def text(self) -> str:
        return collapse(" ".join(self.lines))

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def kind(self) -> _Kind:
        if any(line == _SEPARATOR or _AUTHORS_RE.match(line) for line in self.lines):
            return _Kind.META
        if len(self.lines) == 1 and _DATE_RE.fullmatch(self.lines[0]) and _month(self.lines[0]):
            return _Kind.DATE
        return _Kind.TEXT

    @property
    def is_title(self) -> bool:
        return len(self.lines) == 1 and self.words <= _TITLE_MAX_WORDS

    @property
    def is_abstract(self) -> bool:
        return self.words >= ABSTRACT_MIN_WORDS


def _month(date_text: str) -> int | None:
    match = _DATE_RE.fullmatch(date_text)
    return _MONTHS.get(match.group(1).lower()) if match else None


@dataclass(slots=True)
class _Record:
    title: _Paragraph
    abstract: _Paragraph
    date: tuple[int, str] | None = None
    """The line and text of the record's date, once its metadata block is read."""


def _paragraphs(text: str) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    lines: list[str] = []
    first = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line:
            if not lines:
                first = number
            lines.append(line)
        elif lines:
            paragraphs.append(_Paragraph(first, tuple(lines)))
            lines = []
    if lines:
        paragraphs.append(_Paragraph(first, tuple(lines)))
    return paragraphs


def _meta_date(paragraph: _Paragraph) -> tuple[int, str] | None:
    """The line and text of the date in a metadata block: the line after ``·``."""
    lines = paragraph.lines
    for index, line in enumerate(lines):
        if line == _SEPARATOR and index + 1 < len(lines):
            return paragraph.line + index + 1, lines[index + 1]
        if line.startswith(_SEPARATOR) and line != _SEPARATOR:  # "· May 26, 2024"
            return paragraph.line + index, line.removeprefix(_SEPARATOR).strip()
    return None


def _parse_date(line: int, text: str, year: int | None) -> datetime.date | str:
    """The date, or why it cannot be read. A date without a year needs ``year``."""
    match = _DATE_RE.fullmatch(text)
    month = _month(text)
    if match is None or month is None:
        return f'date "{text}" not understood'
    written_year = match.group(3)
    if written_year is not None:
        year = int(written_year)
    elif year is None:
        raise ImportFailure(f'line {line}: date "{text}" has no year; give it with --year')
    try:
        return datetime.date(year, month, int(match.group(2)))
    except ValueError:
        return f'date "{text}" does not exist'


def _opens_record(paragraphs: list[_Paragraph], index: int) -> bool:
    """Whether the paragraph at ``index`` is a title whose abstract follows."""
    title = paragraphs[index]
    if not title.is_title or index + 1 >= len(paragraphs):
        return False
    abstract = paragraphs[index + 1]
    if abstract.kind is not _Kind.TEXT or not abstract.is_abstract:
        return False
    # Chrome before a long title: the title is the one-liner whose next paragraph is longer.
    after = paragraphs[index + 2] if index + 2 < len(paragraphs) else None
    return not (
        abstract.is_title
        and after is not None
        and after.kind is _Kind.TEXT
        and after.words > abstract.words
    )


def read(text: str, *, year: int | None = None) -> ReadResult:
    """The papers of a copied search page; ``year`` is the year of dates written without
    one (``Feb 6``)."""
    skipped: list[tuple[int, Skipped]] = []
    records: list[_Record] = []
    page_date: tuple[int, str] | None = None
    open_record: _Record | None = None  # the last paper, while its metadata may follow
    paragraphs = _paragraphs(text)
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        kind = paragraph.kind
        if kind is _Kind.META:
            if open_record is not None:
                open_record.date = _meta_date(paragraph) or (paragraph.line, "")
            elif records:
                skipped.append(
                    (
                        paragraph.line,
                        _skip(paragraph, "an author and date block that follows no paper"),
                    )
                )
            open_record = None
        elif kind is _Kind.DATE:
            if open_record is not None:
                open_record.date = (paragraph.line, paragraph.lines[0])
            elif not records:
                page_date = (paragraph.line, paragraph.lines[0])
            open_record = None
        elif _opens_record(paragraphs, index):
            open_record = _Record(paragraph, paragraphs[index + 1])
            records.append(open_record)
            index += 1
        else:
            open_record = None
            if paragraph.is_title and following is not None and following.kind is _Kind.META:
                skipped.append((paragraph.line, _skip(paragraph, "no abstract", paper=True)))
                index += 1
            elif records and paragraph.is_abstract:
                skipped.append(
                    (paragraph.line, _skip(paragraph, "a paragraph that belongs to no paper"))
                )
            # Anything else is page chrome: "Subscribe", "Daily Papers", "Load more".
        index += 1

    papers: list[Paper] = []
    warnings: list[Skipped] = []
    for record in records:
        title = record.title
        date_line, date_text = record.date or page_date or (0, "")
        published = _parse_date(date_line, date_text, year) if date_text else "no date"
        if isinstance(published, str):
            skipped.append((title.line, _skip(title, published, paper=True)))
            continue
        if record.date is None:
            warnings.append(
                Skipped(
                    f"line {title.line}",
                    f'"{title.text}" has no date of its own; dated from the page\'s date '
                    f'"{date_text}" on line {date_line}',
                )
            )
        papers.append(
            Paper(title.text, record.abstract.text, None, published, f"line {title.line}")
        )
    return ReadResult(
        papers, [item for _, item in sorted(skipped, key=lambda item: item[0])], warnings
    )


def _skip(paragraph: _Paragraph, reason: str, *, paper: bool = False) -> Skipped:
    if paper:
        return Skipped(f"line {paragraph.line}", f'skipped "{paragraph.text}": {reason}')
    return Skipped(f"line {paragraph.line}", f"skipped {reason}")
