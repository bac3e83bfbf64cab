"""What a list format is to paperlint: a profile that scores and reads candidate blocks.

The block scanner (``paperlint.parse``) cuts a file into candidate blocks of four kinds:
list items (with their nested items), table rows (with their table's header), paragraphs,
and heading sections (a heading and the text up to the next heading). A profile says how
much a block looks like one entry of its format (``score``) and reads it (``read``).
Detection compares the profiles' scores over the file (and over each section where a file
mixes formats) and reads the entries with the profile that explains the file best.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.model import Entry, Heading
from paperlint.record import NamedTuple, Record

__all__ = [
    "BLOCK_KINDS",
    "ITEM",
    "LIST_ITEM_RE",
    "PARAGRAPH",
    "ROW",
    "SECTION",
    "Block",
    "Profile",
    "Table",
    "row_cells",
]

LIST_ITEM_RE = lazy_re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
"""A list item's marker as the block scanner reads it: indent, marker, the blanks after."""

_PIPE_RE = lazy_re.compile(r"(?<!\\)\|")

ITEM = "item"
"""A list item, its continuation lines and its nested items."""
ROW = "row"
"""A row of a table's body."""
PARAGRAPH = "paragraph"
"""Lines of plain text between blank lines, outside lists and tables."""
SECTION = "section"
"""A heading (of level 2 or deeper) and the lines up to the next heading."""
BLOCK_KINDS = (ITEM, ROW, PARAGRAPH, SECTION)


def row_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the row ``text[start:end]`` as ``(start, end)`` offsets, blanks
    stripped. GitHub splits a row at every ``|`` not preceded by a backslash, before it
    reads any inline syntax; a leading and a trailing pipe open and close the row."""
    row = text[start:end]
    inner = row.strip(" \t\r")
    position = start + row.find(inner) if inner else end
    if inner.startswith("|"):
        inner = inner[1:]
        position += 1
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    # One split and str.strip per cell, in C: finditer and a loop over characters cost a
    # third of a table's parse.
    cells: list[tuple[int, int]] = []
    for part in inner.split("|") if "\\|" not in inner else _PIPE_RE.split(inner):
        length = len(part)
        left = position + length - len(part.lstrip(" \t"))
        right = position + len(part.rstrip(" \t"))
        cells.append((left, right if right > left else left))
        position += length + 1
    return cells


class Table(Record):
    """A table's header: the names of its columns, lower-cased, in order."""

    __slots__ = ("columns", "layout", "line", "named")

    # Compared and hashed by identity. Methods rather than ``__eq__ = object.__eq__``:
    # mypyc (the compiled build of docs/benchmarks.md) takes those for instance attributes.
    def __eq__(self, other: object) -> bool:
        return self is other

    def __hash__(self) -> int:
        return object.__hash__(self)

    line: int
    """0-based line of the header row."""
    columns: list[str]
    """Each column's header text, stripped of Markdown emphasis and lower-cased."""
    named: Mapping[str, str]
    """What the configuration says columns hold, by lower-cased header text (``time`` ->
    ``date``), where a list's headers bend the pattern."""
    layout: object
    """What a profile read from the header, kept with the table so that it is read once."""

    def __init__(
        self,
        line: int,
        columns: list[str],
        named: Mapping[str, str] | None = None,
        layout: object = None,
    ) -> None:
        self.line = line
        self.columns = columns
        self.named = {} if named is None else named
        self.layout = layout

    def column(self, *names: str) -> int | None:
        """The index of the first column whose name contains one of ``names`` (tried in
        order), or None."""
        for name in names:
            for index, column in enumerate(self.columns):
                if name in column:
                    return index
        return None


class Block(Record):
    """A candidate entry: a span of whole lines of the document."""

    __slots__ = (
        "children",
        "first",
        "heading",
        "kind",
        "last",
        "marker",
        "memo",
        "region",
        "region_heading",
        "start",
        "table",
    )

    # Compared and hashed by identity. Methods rather than ``__eq__ = object.__eq__``:
    # mypyc (the compiled build of docs/benchmarks.md) takes those for instance attributes.
    def __eq__(self, other: object) -> bool:
        return self is other

    def __hash__(self) -> int:
        return object.__hash__(self)

    kind: str
    """One of ``BLOCK_KINDS``."""
    first: int
    """0-based index of its first line."""
    last: int
    """0-based index of its last line (for an item, the last line of its nested items)."""
    start: int
    """Offset of its content in the text: after a list item's marker and blanks, after a
    heading's ``#`` markers and blanks, the first character of a row or paragraph."""
    region: int
    """Index of the section (level-1 or level-2 heading) the block sits in; 0 before the
    first."""
    marker: int
    """Offset of a list item's marker (``-``, ``12.``), of a heading's first ``#``, else of
    the first character."""
    children: list[Block]
    """An item's nested items, in order."""
    table: Table | None
    """A row's table."""
    heading: Heading | None
    """A section's heading."""
    region_heading: Heading | None
    """The level-1 or level-2 heading of the section the block sits in, if any."""
    memo: object
    """What a profile's ``score`` worked out about the block, for its ``read`` (a table
    row's cells): kept with the block, so nothing outlives the parse."""

    def __init__(
        self,
        kind: str,
        first: int,
        last: int,
        start: int,
        region: int = 0,
        marker: int = 0,
        children: list[Block] | None = None,
        table: Table | None = None,
        heading: Heading | None = None,
        region_heading: Heading | None = None,
        memo: object = None,
    ) -> None:
        self.kind = kind
        self.first = first
        self.last = last
        self.start = start
        self.region = region
        self.marker = marker
        self.children = [] if children is None else children
        self.table = table
        self.heading = heading
        self.region_heading = region_heading
        self.memo = memo

    @property
    def lines(self) -> range:
        return range(self.first, self.last + 1)

    def own_last(self) -> int:
        """The last line of an item before its first nested item."""
        return self.children[0].first - 1 if self.children else self.last


class Profile(NamedTuple):
    """One list format, behind the interface every format shares."""

    name: str
    """How configuration and ``paperlint detect`` name it: ``generator``, ``table``."""
    summary: str
    """One entry of the format, as a short example."""
    kinds: frozenset[str]
    """The kinds of blocks its entries are (``BLOCK_KINDS``)."""
    score: Callable[[Document, Block], float]
    """``score(document, block)``: from 0 (not an entry of this format) to 1 (an entry
    with every mark of the format). A rejected item's nested items are tried in turn."""
    read: Callable[[Document, Block, int], Entry]
    """``read(document, block, index)``: the entry in a block that ``score`` accepted, the
    ``index``-th of the list. Never raises: a broken entry is still an entry, its missing
    parts None."""
    reads: str = ""
    """What the profile reads and what it leaves as plain text, for the documentation."""
