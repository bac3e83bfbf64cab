"""Papers -> a paper list's Markdown: a new list, or entries and notes added to one.

An entry is written exactly as the corpus's lists have it: ``- [25/06] **Title**`` and two
spaces, then on the next line ``[[Paper](url)] [[Code/Page](url)] [[TLDR/Notes](#anchor)]``;
a blank line between entries. Its note, in the ``# TLDR/Notes`` part, is ``## anchor``,
``### Abstract`` and the abstract as one paragraph. Titles and abstracts come from strangers:
they are escaped (``paperlint.escape``) so that every renderer shows their characters and no
markup, and URLs are written so that they cannot end a link early. Anchors are made of ASCII
letters, digits and single hyphens, which every target's slugify keeps unchanged, and are
chosen so that each target gives the note's heading exactly that id once every heading of
the file is counted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from paperlint.anchors import normalize_key
from paperlint.context import Context
from paperlint.document import Document
from paperlint.escape import escape_heading, escape_inline, escape_paragraph, escape_url, unescape
from paperlint.importers.links import code_link
from paperlint.importers.model import Paper, collapse
from paperlint.model import PaperList
from paperlint.parse import parse
from paperlint.settings import Settings
from paperlint.slugs import TARGETS, IdAllocator, plain_text

__all__ = ["DEFAULT_TITLE", "Written", "append", "new_list", "note_insertion"]

DEFAULT_TITLE = "Paper List"
NOTES_HEADING = "TLDR/Notes"
_ABSTRACT_HEADING = "Abstract"
_NOTES_GAP = "\n\n\n\n"  # the corpus's lists leave three blank lines before the notes part

_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")
_LETTER_RE = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class Written:
    """The list's new text and what went into it."""

    text: str
    added: list[Paper]
    duplicates: list[Paper]
    """Papers left out because the list (or an earlier paper of the input) has them."""


# -- one entry, one note --------------------------------------------------------------------


def _date_tag(paper: Paper, style: str) -> str:
    year, month = paper.year_month
    return f"{year}/{month:02d}" if style == "YYYY/MM" else f"{year % 100:02d}/{month:02d}"


def _title(text: str) -> str:
    escaped = escape_inline(collapse(text))
    # "\\*" just before the closing "**" would make "***", which the parser (and a reader)
    # takes for the title's end one character early: end with the reference instead.
    if escaped.endswith("\\*"):
        escaped = escaped[:-2] + "&#42;"
    return escaped


def _entry(paper: Paper, anchor: str, style: str) -> str:
    code = escape_url(code_link([paper.abstract, *paper.urls]) or "")
    return (
        f"- [{_date_tag(paper, style)}] **{_title(paper.title)}**  \n"
        f"[[Paper]({escape_url(paper.paper_link)})] [[Code/Page]({code})] "
        f"[[TLDR/Notes](#{anchor})]"
    )


def _note(paper: Paper, anchor: str) -> str:
    return f"## {anchor}\n### {_ABSTRACT_HEADING}\n{escape_paragraph(collapse(paper.abstract))}"


# -- anchors --------------------------------------------------------------------------------


def _base_slug(paper: Paper, number: int) -> str:
    """ASCII letters and digits of the title, runs of anything else made one hyphen; a title
    without ASCII letters falls back on its arXiv id, else its number in the import."""
    folded = unicodedata.normalize("NFKD", paper.title).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG_RE.sub("-", folded.lower()).strip("-")
    if _LETTER_RE.search(slug):
        return slug
    if paper.arxiv is not None:
        return "arxiv-" + _NOT_SLUG_RE.sub("-", paper.arxiv.id.lower()).strip("-")
    return f"paper-{number}"


def _ids(texts: Sequence[str]) -> dict[str, list[str]]:
    """The id every target gives each heading of a file, in order."""
    result: dict[str, list[str]] = {}
    for target in TARGETS:
        allocator = IdAllocator(target)
        result[target] = [allocator.allocate(text) for text in texts]
    return result


def _anchors(
    papers: Sequence[Paper],
    before: Sequence[str],
    opening: Sequence[str],
    after: Sequence[str],
) -> list[str]:
    """Anchors for the papers' notes, whose headings come after the headings ``before`` and
    ``opening`` and before ``after`` (plain texts): each one the id of its own heading on
    every target."""

    def sequence(anchors: Sequence[str]) -> list[str]:
        middle = [text for anchor in anchors for text in (anchor, _ABSTRACT_HEADING)]
        return [*before, *opening, *middle, *after]

    bases = [_base_slug(paper, number) for number, paper in enumerate(papers, start=1)]
    # Every id the other headings get, on any target, is taken.
    without = _ids([*before, *opening, *([_ABSTRACT_HEADING] * len(papers)), *after])
    names = _FreeNames({id_ for ids in without.values() for id_ in ids})
    anchors = [names.claim(base) for base in bases]
    first = len(before) + len(opening)
    # Suffixes for repeated headings ("abstract-1") can still meet an anchor: move those.
    for _ in range(len(papers) + 2):
        ids = _ids(sequence(anchors))
        wrong = {
            index
            for index in range(len(anchors))
            for target in TARGETS
            if ids[target][first + 2 * index] != anchors[index]
        }
        if not wrong:
            return anchors
        names.taken.update(id_ for target_ids in ids.values() for id_ in target_ids)
        for index in sorted(wrong):
            anchors[index] = names.claim(bases[index])
    raise RuntimeError("could not choose anchors that every target keeps")  # a bug


class _FreeNames:
    """Hands out ``base``, else ``base-2``, ``base-3``, ...: the first name not taken.

    The next number to try is kept per base. Names are only ever added to ``taken``, so a
    number once found taken stays taken and is never tried again: thousands of titles that
    fold to one slug cost linear time, not a scan from ``-2`` for each."""

    __slots__ = ("_next", "taken")

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self._next: dict[str, int] = {}

    def claim(self, base: str) -> str:
        name = base
        if name in self.taken:
            number = self._next.get(base, 2)
            while f"{base}-{number}" in self.taken:
                number += 1
            self._next[base] = number + 1
            name = f"{base}-{number}"
        self.taken.add(name)
        return name


# -- duplicates -----------------------------------------------------------------------------


def _title_keys(title: str) -> set[str]:
    """What duplicate titles share: the letters and digits of the title, and of the title as
    written (where a reference such as "&lt;" adds "lt"), which is what paperlint's
    duplicate-paper rule reads."""
    return {normalize_key(title), normalize_key(_title(title))} - {""}


def _dedupe(
    papers: Iterable[Paper], ids: set[str], titles: set[str]
) -> tuple[list[Paper], list[Paper]]:
    added: list[Paper] = []
    duplicates: list[Paper] = []
    for paper in papers:
        keys = _title_keys(paper.title)
        if (paper.arxiv is not None and paper.arxiv.id in ids) or not keys.isdisjoint(titles):
            duplicates.append(paper)
            continue
        added.append(paper)
        if paper.arxiv is not None:
            ids.add(paper.arxiv.id)
        titles.update(keys)
    return added, duplicates


# -- whole files ----------------------------------------------------------------------------


def new_list(papers: Iterable[Paper], title: str = DEFAULT_TITLE) -> Written:
    """A new list titled ``title`` with the papers (repeats left out), "\\n" line endings."""
    added, duplicates = _dedupe(papers, set(), set())
    heading = escape_heading(collapse(title) or DEFAULT_TITLE)
    anchors = _anchors(added, [plain_text(heading), NOTES_HEADING], [], [])
    entries = "\n\n".join(_entry(p, a, "YY/MM") for p, a in zip(added, anchors, strict=True))
    notes = "\n\n".join(_note(p, a) for p, a in zip(added, anchors, strict=True))
    text = f"# {heading}\n{entries}{_NOTES_GAP}# {NOTES_HEADING}\n{notes}\n"
    return Written(text, added, duplicates)


def append(document: Document, papers: Iterable[Paper]) -> Written:
    """The document with the papers it lacks (by arXiv id or title) added: entries after its
    last entry, in its date-tag style; notes at the end of its notes part, which is created
    at the end of the file when missing. Line endings and the final newline are kept."""
    paper_list = parse(document)
    context = Context(paper_list, Settings())
    known_ids = {a.id.id for a in context.arxiv if a is not None and a.id is not None}
    # Titles compare by their characters ("A &amp; B" in the list is the paper "A & B") and
    # as written.
    known_titles = {
        key
        for entry in paper_list.entries
        if entry.title is not None
        for key in (normalize_key(unescape(entry.title.text)), normalize_key(entry.title.text))
    }
    added, duplicates = _dedupe(papers, known_ids, known_titles - {""})
    if not added:
        return Written(document.text, added, duplicates)

    text = document.text
    notes_at, creating = _notes_position(paper_list)
    entries_at = _entries_position(paper_list)
    headings = paper_list.headings
    starts = document.line_starts
    before = [plain_text(h.text) for h in headings if starts[h.line - 1] < notes_at]
    after = [plain_text(h.text) for h in headings if starts[h.line - 1] >= notes_at]
    anchors = _anchors(added, before, [NOTES_HEADING] if creating else [], after)

    style = context.date_style
    entries = "\n\n".join(_entry(p, a, style) for p, a in zip(added, anchors, strict=True))
    notes = "\n\n".join(_note(p, a) for p, a in zip(added, anchors, strict=True))
    if creating:
        notes = f"# {NOTES_HEADING}\n{notes}"
    newline = document.newline()
    # Insert the later block first so that the earlier position stays valid; at one
    # position, the entries go before the notes.
    for position, block, gap in sorted(
        [(notes_at, notes, _NOTES_GAP if creating else "\n\n"), (entries_at, entries, "\n\n")],
        key=lambda item: item[0],
        reverse=True,
    ):
        text = _insert(
            text, position, block.replace("\n", newline), gap.replace("\n", newline), newline
        )
    return Written(text, added, duplicates)


def _content_end(paper_list: PaperList, limit: int) -> int:
    """The end of the last line before ``limit`` that is not blank (0 when there is none)."""
    document = paper_list.document
    line = document.line_of(limit) if limit < len(document.text) else document.line_count
    if limit < len(document.text) and document.line_starts[line - 1] == limit:
        line -= 1
    while line >= 1:
        if document.line(line).strip():
            return min(document.line_ends[line - 1], limit)
        line -= 1
    return 0


def _notes_position(paper_list: PaperList) -> tuple[int, bool]:
    """Where new notes go (the end of the notes part's last line of text, or of the file's
    when the part must be created), and whether it must be."""
    document = paper_list.document
    heading = paper_list.notes_heading
    if heading is None:
        return _content_end(paper_list, len(document.text)), True
    end = len(document.text)
    for other in paper_list.headings:
        if other.level == 1 and other.line > heading.line:
            end = document.line_starts[other.line - 1]
            break
    return _content_end(paper_list, end), False


def _entries_position(paper_list: PaperList) -> int:
    """Where new entries go: after the last entry, else before the notes part."""
    if paper_list.entries:
        return paper_list.entries[-1].span.end
    document = paper_list.document
    heading = paper_list.notes_heading
    limit = document.line_starts[heading.line - 1] if heading else len(document.text)
    return _content_end(paper_list, limit)


def _insert(text: str, position: int, block: str, gap: str, newline: str) -> str:
    """``block`` after the line that ends at ``position``, ``gap`` between them."""
    if not text[:position].strip():  # nothing before: the block opens the file
        rest = text[position:]
        return block + (gap + rest if rest.strip() else newline)
    return text[:position] + gap + block + text[position:]


def note_insertion(paper_list: PaperList, paper: Paper) -> tuple[str, int, str]:
    """For a paper to add to a list that has a notes part: the anchor of its note, the
    offset where the note goes (the end of the notes part) and the text to insert there.
    The anchor is the note heading's id on every target once the note is in the file."""
    document = paper_list.document
    notes_at, creating = _notes_position(paper_list)
    if creating:
        raise ValueError("the list has no notes part")
    starts = document.line_starts
    headings = paper_list.headings
    before = [plain_text(h.text) for h in headings if starts[h.line - 1] < notes_at]
    after = [plain_text(h.text) for h in headings if starts[h.line - 1] >= notes_at]
    (anchor,) = _anchors([paper], before, [], after)
    newline = document.newline()
    return anchor, notes_at, (newline * 2) + _note(paper, anchor).replace("\n", newline)
