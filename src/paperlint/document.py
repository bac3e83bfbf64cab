"""Source text of a paper list: decoding, lines, hidden regions and 1-based positions.

This is the only module that turns character offsets into line:column positions. Offsets
count Unicode code points from the start of the decoded text (after any byte order mark);
lines and columns are 1-based, columns count code points too.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right

from paperlint import lazy_re
from paperlint.record import NamedTuple

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from paperlint.inline import LinkInventory

__all__ = ["CODE_FILLER", "Comment", "DecodeError", "Document"]

_BOM = b"\xef\xbb\xbf"
_NEWLINE_RE = lazy_re.compile(r"\r\n|\r|\n")
_LF_RE = lazy_re.compile("\n")
_FENCE_OPEN_RE = lazy_re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
_COMMENT_OPEN = "<!--"


def _may_hide(text: str) -> bool:
    """Whether the text may hold a comment, a fence or code span, or an indented line.
    Substring tests rather than one regex with a line-start alternative: 0.01 s instead of
    0.08 s on an 8 MB list that has none of them."""
    return (
        "`" in text
        or "<!--" in text
        or "~~~" in text
        or "\n    " in text
        or "\n\t" in text
        or " \t" in text
        or "\r    " in text
        or "\r\t" in text
        or text.startswith(("    ", "\t"))
    )


_COMMENT_CLOSE = "-->"


class DecodeError(ValueError):
    """The bytes are not a UTF-8 text file."""


class Comment(NamedTuple):
    """An HTML comment: ``<!--`` at ``start`` up to and including ``-->`` before ``end``."""

    start: int
    end: int
    body: str
    """The text between ``<!--`` and ``-->``, unstripped."""
    closed: bool


class Document:
    """A decoded text with its line table and its hidden regions.

    ``masked`` is ``text`` with code and HTML comments hidden (line endings kept): fenced and
    indented code blocks and comments become spaces, inline code spans ``CODE_FILLER``
    characters. A parser that scans ``masked`` never sees an entry, a link or a heading
    inside them, while every offset stays valid for ``text``.
    """

    __slots__ = ("_links", "bom", "comments", "line_ends", "line_starts", "masked", "text")

    def __init__(self, text: str, *, bom: bool = False) -> None:
        self.text = text
        self.bom = bom
        # Compact arrays rather than lists of int objects: a 100,000-entry list has millions
        # of lines.
        if "\r" in text:
            starts = array("q", [0])
            ends = array("q")
            for match in _NEWLINE_RE.finditer(text):
                ends.append(match.start())
                starts.append(match.end())
        else:  # LF only, the usual case: every line starts one past the previous end
            ends = array("q", [match.start() for match in _LF_RE.finditer(text)])
            starts = array("q", [0, *(end + 1 for end in ends)])
        ends.append(len(text))
        self.line_starts: array[int] = starts
        """Offset of the first character of each line (index 0 is line 1)."""
        self.line_ends: array[int] = ends
        """Offset just past the last character of each line, before its line ending."""
        self.comments: list[Comment] = []
        self.masked = self._mask()
        self._links: LinkInventory | None = None

    @property
    def links_found(self) -> bool:
        """Whether ``links`` has been computed already (it is not free on a long file)."""
        return self._links is not None

    @property
    def links(self) -> LinkInventory:
        """Every link of the text in any syntax, and every HTML ``id``/``name`` anchor,
        outside code and comments (found on first use)."""
        if self._links is None:
            from paperlint.inline import scan

            self._links = scan(self.text, self.masked, self.line_starts, self.line_ends)
        return self._links

    @classmethod
    def from_bytes(cls, data: bytes) -> Document:
        """Decode a file's bytes: UTF-8, with or without a byte order mark."""
        bom = data.startswith(_BOM)
        if bom:
            data = data[len(_BOM) :]
        if b"\x00" in data:
            raise DecodeError("binary file (contains NUL bytes), not a Markdown text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise DecodeError(
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x} on line {line}); "
                "convert the file to UTF-8 first"
            ) from None
        return cls(text, bom=bom)

    # -- positions -----------------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a character offset."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the text (0..{len(self.text)})")
        index = bisect_right(self.line_starts, offset) - 1
        # An offset inside a CRLF pair still belongs to the line that the pair ends.
        index = min(index, len(self.line_ends) - 1)
        return index + 1, offset - self.line_starts[index] + 1

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based (line, column)."""
        return self.line_starts[line - 1] + column - 1

    def line(self, number: int) -> str:
        """The text of a 1-based line, without its line ending."""
        return self.text[self.line_starts[number - 1] : self.line_ends[number - 1]]

    def line_of(self, offset: int) -> int:
        """The 1-based line of a character offset (``position`` without the column)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the text (0..{len(self.text)})")
        return bisect_right(self.line_starts, offset)

    def newline(self) -> str:
        """The line ending most used in the text ("\\n" when there is none)."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        return "\r\n" if crlf > lf else "\n"

    # -- hidden regions ------------------------------------------------------------------

    def _mask(self) -> str:
        """Hide code (fenced and indented blocks, inline spans) and HTML comments, recording
        the comments. Blocks and comments become spaces (a line that held only them reads as
        blank); a code span becomes ``CODE_FILLER`` characters, so a line that starts with
        one still reads as text."""
        text = self.text
        if not _may_hide(text):
            return text  # nothing to hide: share the text instead of copying it
        regions = _Masker(self).run()
        if not regions:
            return text  # nothing hidden: share the text instead of copying it
        pieces: list[str] = []
        keep_from = 0  # text[keep_from:] has not been copied into pieces yet
        for start, end, filler in regions:
            pieces.append(text[keep_from:start])
            pieces.append(_NOT_NEWLINE_RE.sub(filler, text[start:end]))
            keep_from = end
        pieces.append(text[keep_from:])
        return "".join(pieces)

    def _add_comment(self, start: int, end: int, *, closed: bool) -> None:
        body_end = end - len(_COMMENT_CLOSE) if closed else end
        body = self.text[start + len(_COMMENT_OPEN) : body_end]
        self.comments.append(Comment(start, end, body, closed))


CODE_FILLER = "\x1a"
"""What stands for each character of an inline code span in ``Document.masked``: neither
blank nor Markdown syntax (the ASCII substitute character)."""

_BACKTICKS_RE = lazy_re.compile(r"`+")
_LIST_MARKER_RE = lazy_re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:([ \t]+)|$)")
_ATX_START_RE = lazy_re.compile(r"[ \t]*#{1,6}(?:[ \t]|$)")
_QUOTE_RE = lazy_re.compile(r" {0,3}(?:>[ \t]?)+")
_BREAK_RE = lazy_re.compile(r"[ \t]*(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")


def _interrupts(line: str) -> bool:
    """Whether a line starts a block that ends a paragraph: a heading, a fence or a break."""
    first = line.lstrip(" \t")[:1]
    if first == "#":
        return _ATX_START_RE.match(line) is not None
    if first in ("`", "~"):
        return _FENCE_OPEN_RE.match(line) is not None
    if first in ("*", "-", "_"):  # a thematic break: three or more, blanks between
        body = line.strip(" \t")
        return not body.strip(first + " \t") and body.count(first) >= 3
    return False  # text, or a list item (which the caller tells apart)


def _indent(line: str) -> int:
    """The width of a line's leading blanks, tabs stopping at multiples of four."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


class _Masker:
    """One pass over the lines that finds what ``Document.masked`` hides, in order.

    Block structure is followed as far as code needs it: fences, indented code blocks
    (after a blank line or a non-paragraph, four columns deeper than the open list item's
    content), and paragraphs, whose lines together are where a code span may be found. Code
    spans and comments are found left to right (the first to open wins, as in CommonMark),
    pairing each backtick run with the next run of the same length, so every line is read
    a bounded number of times whatever it holds.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        self.regions: list[tuple[int, int, str]] = []
        self.group_start = -1  # offset where the open paragraph's text starts, if any
        self.group_end = -1

    def run(self) -> list[tuple[int, int, str]]:
        text = self.text
        starts, ends = self.document.line_starts, self.document.line_ends
        fence: tuple[str, int, int, bool] | None = None  # the open fence (_fence_opening)
        resume = 0  # offsets before this belong to a comment block that spans lines
        after_blank = True  # the previous line was blank (or this is the first line)
        paragraph = False  # the previous line was paragraph text
        list_indent = 0  # content column of the innermost open list item (0: none)
        for start, end in zip(starts, ends, strict=True):
            if end <= resume:
                continue  # inside a comment block
            if resume > start:
                self._extend(resume, end)  # the rest of a comment block's last line
                after_blank = paragraph = False
                continue
            if fence is not None:
                char, size, container, quoted = fence
                line = text[start:end]
                body = line
                ended = False
                if quoted:
                    prefix = _QUOTE_RE.match(line)
                    if prefix is None:
                        ended = True  # a fence in a block quote ends with the quote
                    else:
                        body = line[prefix.end() :]
                if not ended and container and body.strip() and _indent(body) < container:
                    ended = True  # an unclosed fence in a list item ends with the item
                if not ended:
                    stripped = body.strip()
                    if (
                        stripped
                        and set(stripped) == {char}
                        and len(stripped) >= size
                        and _indent(body) <= container + 3
                    ):
                        fence = None
                    self.regions.append((start, end, " "))
                    continue
                fence = None
            line = text[start:end]
            first = line[:1]
            if not line or (first in " \t" and line.isspace()):
                self._flush()
                after_blank, paragraph = True, False
                continue
            indent = _indent(line) if first in " \t" else 0
            if (
                indent < list_indent
                and (after_blank or not paragraph or _interrupts(line))
                and not _LIST_MARKER_RE.match(line)
            ):
                # A block less indented than the item's content ends the list, unless it is
                # a paragraph's lazy continuation line ("## x" or "```" never is one).
                list_indent = 0
            if indent >= list_indent + 4 and not paragraph:
                self._flush()
                self.regions.append((start, end, " "))  # a line of an indented code block
                after_blank = paragraph = False
                continue
            lead = len(line) - len(line.lstrip(" \t"))
            if line.startswith(_COMMENT_OPEN, lead) and indent <= list_indent + 3:
                # An HTML block: the comment runs to its "-->", over blank lines too.
                self._flush()
                opening = start + lead
                found = text.find(_COMMENT_CLOSE, opening + len(_COMMENT_OPEN))
                close = len(text) if found < 0 else found + len(_COMMENT_CLOSE)
                self.document._add_comment(opening, close, closed=found >= 0)
                self.regions.append((opening, close, " "))
                resume = close
                if close < end:
                    self._extend(close, end)
                after_blank = paragraph = False
                continue
            fenced = self._fence_opening(line, indent, list_indent)
            if fenced is not None:
                self._flush()
                fence = fenced
                self.regions.append((start, end, " "))
                after_blank = paragraph = False
                if fenced[2] > list_indent:  # opened on a list item's first line
                    list_indent = fenced[2]
                continue
            after_blank = False
            if first in " \t-*+_=" and _BREAK_RE.match(line):
                self._flush()  # a thematic break or a setext underline ends the paragraph
                paragraph = False
                continue
            item = _LIST_MARKER_RE.match(line) if first in " \t-*+0123456789" else None
            if item:
                self._flush()
                gap = item.group(1) or ""
                gap_width = len(gap.expandtabs(4))
                marker_end = item.start(1) if item.group(1) is not None else item.end()
                list_indent = (
                    indent + (marker_end - lead) + (gap_width if 0 < gap_width <= 4 else 1)
                )
            elif first in " \t#" and _ATX_START_RE.match(line):
                self._flush()
                self._extend(start, end)
                self._flush()  # a heading is a paragraph of its own
                paragraph = False
                continue
            self._extend(start, end)
            paragraph = True
        self._flush()
        return self.regions

    @staticmethod
    def _fence_opening(
        line: str, indent: int, list_indent: int
    ) -> tuple[str, int, int, bool] | None:
        """The fence a line opens, as (character, length, container indent, in a quote):
        at most three columns deeper than the open list item's content, or right after a
        list marker or a block quote's ">"."""
        quoted = False
        body = line
        container = list_indent
        quote = _QUOTE_RE.match(line) if ">" in line[:8] else None
        if quote is not None and quote.group().strip():
            body, quoted, container = line[quote.end() :], True, 0
        else:
            item = _LIST_MARKER_RE.match(line)
            if item is not None and item.group(1) and len(item.group(1).expandtabs(4)) <= 4:
                container = len(line[: item.end()].expandtabs(4))
                body = line[item.end() :]
            elif indent > list_indent + 3:
                return None
        opened = _FENCE_OPEN_RE.fullmatch(body)
        if opened is None or _indent(body) > 3 + (0 if body is not line else list_indent):
            return None
        if opened.group(1)[0] == "`" and "`" in opened.group(2):
            return None  # an info string with a backtick: inline code, not a fence
        return opened.group(1)[0], len(opened.group(1)), container, quoted

    def _extend(self, start: int, end: int) -> None:
        if self.group_start < 0:
            self.group_start = start
        self.group_end = end

    def _flush(self) -> None:
        """Find the code spans and comments of the open paragraph and close it."""
        if self.group_start >= 0:
            self._inline(self.group_start, self.group_end)
            self.group_start = -1

    def _inline(self, start: int, end: int) -> None:
        text = self.text
        comment = text.find(_COMMENT_OPEN, start, end)
        if comment < 0 and text.find("`", start, end) < 0:
            return
        runs = [(match.start(), match.end()) for match in _BACKTICKS_RE.finditer(text, start, end)]
        by_length: dict[int, list[int]] = {}
        for index, (run_start, run_end) in enumerate(runs):
            by_length.setdefault(run_end - run_start, []).append(index)
        position = start
        floor = start  # the end of the last code span or comment: no link starts before it
        next_run = 0
        comments_done = False
        while True:
            while next_run < len(runs) and runs[next_run][0] < position:
                next_run += 1
            if 0 <= comment < position and not comments_done:
                comment = text.find(_COMMENT_OPEN, position, end)
            if next_run == len(runs) and comment < 0:
                return
            if comment >= 0 and (next_run == len(runs) or comment < runs[next_run][0]):
                # Inline, a comment must close in its paragraph; otherwise "<!--" is text.
                found = text.find(_COMMENT_CLOSE, comment + len(_COMMENT_OPEN), end)
                if found < 0:
                    # No "-->" after this one: no later "<!--" can close either. Looking
                    # again from each would read the rest of the paragraph once per opener.
                    position = comment + len(_COMMENT_OPEN)
                    comment = -1
                    comments_done = True
                    continue
                close = found + len(_COMMENT_CLOSE)
                self.document._add_comment(comment, close, closed=True)
                self.regions.append((comment, close, " "))
                position = floor = close
                continue
            run_start, run_end = runs[next_run]
            opening = run_start
            backslash = run_start - 1
            while backslash >= start and text[backslash] == "\\":
                backslash -= 1
            if (run_start - 1 - backslash) % 2:  # an escaped first backtick is not code
                opening += 1
            if _in_destination(text, floor, opening):
                position = run_end
                continue
            length = run_end - opening
            closing = None
            if length:
                candidates = by_length.get(length, [])
                at = bisect_right(candidates, next_run)
                if at < len(candidates):
                    closing = runs[candidates[at]][1]
            if closing is None:
                position = run_end
                continue
            self.regions.append((opening, closing, CODE_FILLER))
            position = floor = closing


def _in_destination(text: str, floor: int, run: int) -> bool:
    """Whether the backtick run at ``run`` is in the destination or title of an inline link
    whose ``](`` comes after ``floor``: CommonMark reads left to right, so the link takes
    the backticks (``[pdf](https://x.org/a`b)``) and no code span opens there."""
    opener = text.rfind("](", floor, run)
    if opener < 0 or text.rfind("[", floor, opener) < 0:
        return False  # the usual case: no link opens before the run
    from paperlint.inline import destination

    line_end = _LINE_END_RE.search(text, opener)
    limit = line_end.start() if line_end is not None else len(text)
    if run >= limit:
        return False  # a destination stays on the line of its "]("
    read = destination(text, opener + 2, limit)
    return read is not None and read[0] <= run < read[2]


_LINE_END_RE = lazy_re.compile(r"[\r\n]")
_NOT_NEWLINE_RE = lazy_re.compile(r"[^\r\n]")
