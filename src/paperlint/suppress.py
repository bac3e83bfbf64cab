"""Inline suppressions: ``<!-- paperlint-disable-next-line NAME -->`` and friends.

Directives, in HTML comments outside code blocks, name rules by code or name (several may
be given, separated by spaces or commas; none means every rule):

- ``paperlint-disable-next-line``: findings that start on the next line, or anywhere in the
  entry that starts on the next line (an entry spans several lines, and a comment inside it
  would split the list item);
- ``paperlint-disable-line``: findings that start on the comment's own line;
- ``paperlint-disable`` ... ``paperlint-enable``: findings that start between the two;
- ``paperlint-disable-file``: the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from paperlint import lazy_re
from paperlint.document import Document
from paperlint.model import Span
from paperlint.record import Record
from paperlint.rules import UnknownRuleError, find_rule

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from paperlint._types import Placed as _Placed


__all__ = ["Directive", "Suppressions"]

_DIRECTIVE_RE = lazy_re.compile(
    r"\s*paperlint-(disable-next-line|disable-line|disable-file|disable|enable)(?![\w-])(.*)",
    re.DOTALL,
)
_ALL = "*"


class Directive(Record):
    __slots__ = ("first", "keys", "kind", "last", "line", "span", "unknown", "used")

    kind: str
    span: Span
    """The whole HTML comment."""
    line: int
    keys: list[str]
    """Rule codes named, or ``["*"]`` for every rule."""
    unknown: list[str]
    """Names that are no rule."""
    used: set[str]
    """The keys that suppressed at least one finding."""
    first: int
    last: int
    """The lines it covers (inclusive)."""

    def __init__(
        self,
        kind: str,
        span: Span,
        line: int,
        keys: list[str],
        unknown: list[str] | None = None,
        used: set[str] | None = None,
        first: int = 0,
        last: int = 0,
    ) -> None:
        self.kind = kind
        self.span = span
        self.line = line
        self.keys = keys
        self.unknown = [] if unknown is None else unknown
        self.used = set() if used is None else used
        self.first = first
        self.last = last


class Suppressions:
    """The directives of one document and which findings they drop."""

    def __init__(self, document: Document, entry_lines: dict[int, int] | None = None) -> None:
        """``entry_lines`` maps the first line of each entry to its last line."""
        entry_lines = entry_lines or {}
        self.directives: list[Directive] = []
        open_ranges: dict[str, Directive] = {}
        for comment in document.comments:
            match = _DIRECTIVE_RE.match(comment.body)
            if not match:
                continue
            kind, rest = match.groups()
            line = document.line_of(comment.start)
            end_line = document.line_of(comment.end)
            keys, unknown = _keys(rest)
            directive = Directive(kind, Span(comment.start, comment.end), line, keys, unknown)
            if kind == "disable-next-line":
                directive.first = end_line + 1
                directive.last = entry_lines.get(end_line + 1, end_line + 1)
            elif kind == "disable-line":
                directive.first, directive.last = line, end_line
            elif kind == "disable-file":
                directive.first, directive.last = 1, document.line_count
            elif kind == "disable":
                directive.first, directive.last = line, document.line_count
                for key in keys:
                    open_ranges[key] = directive
            else:  # enable closes the ranges it names (all open ones for a bare enable)
                names = list(open_ranges) if keys == [_ALL] else keys
                for key in names:
                    opened = open_ranges.pop(key, None)
                    if opened is not None:
                        opened.last = min(opened.last, line)
                continue
            self.directives.append(directive)

    def kept(self, findings: Sequence[_Placed]) -> list[bool]:
        """For each finding, whether no directive drops it. A finding is dropped by the
        first directive in the file that covers its line and names its rule or every rule,
        and that directive is marked used for that key. Done in one sweep over the lines:
        asking every directive for each finding was quadratic (9 s for 20,000 entries with
        a directive each)."""
        directives = self.directives
        if not directives:  # most lists: nothing to sweep, and heapq not imported
            return [True] * len(findings)
        from heapq import heappop, heappush

        order = sorted(range(len(findings)), key=lambda index: findings[index].line)
        starts = sorted(range(len(directives)), key=lambda index: directives[index].first)
        active: dict[str, list[tuple[int, int]]] = {}  # key -> heap of (directive, last line)
        keep = [True] * len(findings)
        started = 0
        for index in order:
            line = findings[index].line
            while started < len(starts) and directives[starts[started]].first <= line:
                number = starts[started]
                for key in directives[number].keys:
                    heappush(active.setdefault(key, []), (number, directives[number].last))
                started += 1
            chosen: tuple[int, str] | None = None
            for key in (findings[index].code, _ALL):
                heap = active.get(key)
                while heap and heap[0][1] < line:
                    heappop(heap)  # a directive whose lines end before this one
                if heap and (chosen is None or heap[0][0] < chosen[0]):
                    chosen = (heap[0][0], key)
            if chosen is not None:
                directives[chosen[0]].used.add(chosen[1])
                keep[index] = False
        return keep


def _keys(rest: str) -> tuple[list[str], list[str]]:
    words = [word for word in re.split(r"[\s,]+", rest.strip()) if word]
    if not words:
        return [_ALL], []
    keys: list[str] = []
    unknown: list[str] = []
    for word in words:
        try:
            keys.append(find_rule(word).code)
        except UnknownRuleError:
            unknown.append(word)
    return keys, unknown
