"""Source text of a paper list: decoding, lines, hidden regions and 1-based positions.

This is the only module that turns character offsets into line:column positions. Offsets
count Unicode code points from the start of the decoded text (after any byte order mark);
lines and columns are 1-based, columns count code points too.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Comment", "DecodeError", "Document"]

_BOM = b"\xef\xbb\xbf"
_NEWLINE_RE = re.compile(r"\r\n|\r|\n")
_LF_RE = re.compile("\n")
_FENCE_OPEN_RE = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")
_COMMENT_OPEN = "<!--"
_HIDDEN_START_RE = re.compile(r"<!--|```|~~~")  # one pass over a big text, not three
_COMMENT_CLOSE = "-->"


class DecodeError(ValueError):
    """The bytes are not a UTF-8 text file."""


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment: ``<!--`` at ``start`` up to and including ``-->`` before ``end``."""

    start: int
    end: int
    body: str
    """The text between ``<!--`` and ``-->``, unstripped."""
    closed: bool


class Document:
    """A decoded text with its line table and its hidden regions.

    ``masked`` is ``text`` with the content of fenced code blocks and HTML comments replaced
    by spaces (line endings kept), so a parser that scans ``masked`` never sees an entry or a
    heading inside them while every offset stays valid for ``text``.
    """

    __slots__ = ("bom", "comments", "line_ends", "line_starts", "masked", "text")

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
        return self.position(offset)[0]

    def newline(self) -> str:
        """The line ending most used in the text ("\\n" when there is none)."""
        crlf = self.text.count("\r\n")
        lf = self.text.count("\n") - crlf
        return "\r\n" if crlf > lf else "\n"

    # -- hidden regions ------------------------------------------------------------------

    def _mask(self) -> str:
        """Blank out fenced code blocks and HTML comments, recording the comments."""
        text = self.text
        if not _HIDDEN_START_RE.search(text):
            return text  # nothing to hide: share the text instead of copying it
        pieces: list[str] = []
        keep_from = 0  # text[keep_from:] has not been copied into pieces yet

        def blank(start: int, end: int) -> None:
            nonlocal keep_from
            pieces.append(text[keep_from:start])
            pieces.append(_spaces(text[start:end]))
            keep_from = end

        fence: tuple[str, int] | None = None  # (character, length) of the open fence
        comment_start = -1
        for start, end in zip(self.line_starts, self.line_ends, strict=True):
            if fence is not None:
                stripped = text[start:end].strip()
                char, size = fence
                if stripped and set(stripped) == {char} and len(stripped) >= size:
                    fence = None
                blank(start, end)
                continue
            position = start
            if comment_start < 0:
                opened = _FENCE_OPEN_RE.fullmatch(text, start, end)
                if opened and not (opened.group(1)[0] == "`" and "`" in opened.group(2)):
                    fence = (opened.group(1)[0], len(opened.group(1)))
                    blank(start, end)
                    continue
            while position <= end:
                if comment_start < 0:
                    found = text.find(_COMMENT_OPEN, position, end)
                    if found < 0:
                        break
                    comment_start = found
                    position = found + len(_COMMENT_OPEN)
                found = text.find(_COMMENT_CLOSE, position, end)
                if found < 0:
                    break
                close = found + len(_COMMENT_CLOSE)
                self._add_comment(comment_start, close, closed=True)
                blank(comment_start, close)
                comment_start = -1
                position = close
        if comment_start >= 0:
            self._add_comment(comment_start, len(text), closed=False)
            blank(comment_start, len(text))
        if not pieces:
            return text  # nothing hidden: share the text instead of copying it
        pieces.append(text[keep_from:])
        return "".join(pieces)

    def _add_comment(self, start: int, end: int, *, closed: bool) -> None:
        body_end = end - len(_COMMENT_CLOSE) if closed else end
        body = self.text[start + len(_COMMENT_OPEN) : body_end]
        self.comments.append(Comment(start, end, body, closed))


_NOT_NEWLINE_RE = re.compile(r"[^\r\n]")


def _spaces(segment: str) -> str:
    """Spaces in place of every character but line endings."""
    return _NOT_NEWLINE_RE.sub(" ", segment)
