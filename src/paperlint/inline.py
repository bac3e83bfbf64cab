"""Every link of a document, in any syntax, with its offsets: what the link rules check.

Read from ``Document.masked``, so nothing inside code or HTML comments counts; offsets are
into ``Document.text``. Inline links and images (``[t](u)``, ``![a](u)``), reference links
(``[t][l]``, ``[l][]``, ``[l]`` when ``l`` is defined) and their definitions (``[l]: u``),
autolinks (``<https://...>``), and HTML ``<a href>`` links and ``id=``/``name=`` anchors.

Links are found line by line, as CommonMark reads them where it matters for a list: a
destination ends at an unbalanced ``)`` or a blank, balanced brackets may sit in a link's
text, a link contains no other link, and a backslash escapes a bracket. A link whose text
runs over a line break is not seen (paper lists keep a link on one line). Every line is read
a bounded number of times, whatever it holds.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left
from collections.abc import Container, Sequence
from operator import attrgetter

from paperlint import lazy_re
from paperlint.record import Record

__all__ = [
    "HtmlAnchor",
    "LinkInventory",
    "LinkSyntax",
    "Parentheses",
    "SourceLink",
    "destination",
    "html_anchor_ids",
    "in_page_links",
    "normalize_label",
    "scan",
]


class LinkSyntax(enum.Enum):
    INLINE = "inline"
    """``[text](url)``"""
    IMAGE = "image"
    """``![alt](url)``"""
    REFERENCE = "reference"
    """``[text][label]``, ``[label][]`` or ``[label]``: the URL is its definition's."""
    DEFINITION = "definition"
    """``[label]: url``"""
    AUTOLINK = "autolink"
    """``<https://example.org>``"""
    HTML = "html"
    """``<a href="url">``"""


class SourceLink(Record):
    """One link of the document. Read-only by convention."""

    __slots__ = ("end", "label", "start", "syntax", "text", "url", "url_start")

    syntax: LinkSyntax
    start: int
    """Offset of the construct's first character (``[``, ``!``, ``<``)."""
    end: int
    """Offset just past its last character."""
    text: str
    """The link text, image alt text or reference label as written ("" for autolinks and
    HTML links)."""
    url: str
    """The destination as written; for a reference link, its definition's ("" when the
    label has no definition)."""
    url_start: int
    """Offset of the destination in the text, or -1 when it is written elsewhere (a
    reference link's URL is on its definition's line)."""
    label: str
    """The reference label of a reference link or a definition, as written."""

    def __init__(
        self,
        syntax: LinkSyntax,
        start: int,
        end: int,
        text: str,
        url: str,
        url_start: int,
        label: str = "",
    ) -> None:
        self.syntax = syntax
        self.start = start
        self.end = end
        self.text = text
        self.url = url
        self.url_start = url_start
        self.label = label

    @property
    def url_end(self) -> int:
        return -1 if self.url_start < 0 else self.url_start + len(self.url)

    @property
    def fragment(self) -> str | None:
        """What follows the ``#`` of a link into the same page (``#x``), else None."""
        url = self.url.strip()
        return url[1:] if url.startswith("#") else None


class HtmlAnchor(Record):
    """An ``id=`` or ``name=`` attribute of an HTML tag: a target for ``#value`` links."""

    __slots__ = ("attribute", "start", "value")

    start: int
    """Offset of the value's first character."""
    value: str
    attribute: str
    """``id`` or ``name``."""

    def __init__(self, start: int, value: str, attribute: str) -> None:
        self.start = start
        self.value = value
        self.attribute = attribute


class LinkInventory(Record):
    __slots__ = ("anchors", "definitions", "links")

    links: list[SourceLink]
    """Every link in document order (definitions included)."""
    anchors: list[HtmlAnchor]
    definitions: dict[str, SourceLink]
    """Definitions by normalized label (the first of a label wins, as in CommonMark)."""

    def __init__(
        self, links: list[SourceLink], anchors: list[HtmlAnchor], definitions: dict[str, SourceLink]
    ) -> None:
        self.links = links
        self.anchors = anchors
        self.definitions = definitions


_BRACKET_RE = lazy_re.compile(r"[\[\]]")
_DEFINITION_RE = lazy_re.compile(
    r"^ {0,3}\[((?:[^\[\]\\\n]|\\.){1,999})\]:[ \t]*(<[^<>\n]*>|[^\s<][^\s]*)?", re.MULTILINE
)
_AUTOLINK_RE = lazy_re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_TAG_RE = lazy_re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(\s[^<>]*)?/?>")
# An attribute name is matched whole ("*+", no backtracking into it), from its first
# character: a long attribute-like word was otherwise tried from every start, cubic in time.
_ATTRIBUTE_RE = lazy_re.compile(
    r"""(?<![\w:.-])([A-Za-z_:][\w:.-]*+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))"""
)
_TITLE_CLOSE = {'"': '"', "'": "'", "(": ")"}
_PAREN_RE = lazy_re.compile(r"\\.|[()]")  # an escaped character, or a parenthesis
# A destination's characters up to its first space, control character, parenthesis or
# backslash. Only these end it, as in CommonMark: a no-break or ideographic space is part of
# the URL (GitHub and Python-Markdown link "[a](https://x.org/a\u00a0b)" whole).
_PLAIN_DESTINATION_RE = lazy_re.compile(r"[^ ()\\\x00-\x1f\x7f]+")
_BLANK_RE = lazy_re.compile(r"[ \x00-\x1f\x7f]")
_ANGLE_RE = lazy_re.compile(r"[<>]")
_PAREN_TITLE_RE = lazy_re.compile(r"[()]")
_MAX_LABEL = 999  # CommonMark's longest reference label


def normalize_label(label: str) -> str:
    """A reference label as CommonMark matches it: case-folded, blanks collapsed."""
    return " ".join(label.split()).casefold()


def scan(
    text: str, masked: str, line_starts: Sequence[int], line_ends: Sequence[int]
) -> LinkInventory:
    """Every link and HTML anchor of a text whose code and comments ``masked`` hides."""
    links: list[SourceLink] = []
    definitions: dict[str, SourceLink] = {}
    definition_lines: set[int] = set()
    if "]:" in masked:
        for match in _DEFINITION_RE.finditer(masked):
            label = match.group(1)
            url_start = match.start(2) if match.group(2) else match.end()
            url = text[url_start : match.end(2)] if match.group(2) else ""
            link = SourceLink(
                LinkSyntax.DEFINITION,
                match.start() + (len(match.group()) - len(match.group().lstrip(" "))),
                match.end(),
                label,
                url,
                url_start,
                label,
            )
            links.append(link)
            definitions.setdefault(normalize_label(label), link)
            definition_lines.add(match.start())
    if "[" in masked:
        for start, end in zip(line_starts, line_ends, strict=True):
            if masked.find("]", start, end) >= 0 and start not in definition_lines:
                _scan_line(text, masked, start, end, definitions, links)
    if "<" in masked:
        for match in _AUTOLINK_RE.finditer(masked):
            url = text[match.start(1) : match.end(1)]
            links.append(
                SourceLink(LinkSyntax.AUTOLINK, match.start(), match.end(), "", url, match.start(1))
            )
    anchors: list[HtmlAnchor] = []
    if "<" in masked:
        _scan_html(text, masked, links, anchors)
    links.sort(key=attrgetter("start"))
    return LinkInventory(links, anchors, definitions)


def _scan_line(
    text: str,
    masked: str,
    start: int,
    end: int,
    definitions: dict[str, SourceLink],
    links: list[SourceLink],
) -> None:
    openers: list[int] = []
    parentheses: Parentheses | None = None
    resume = start  # brackets before this lie in a link already read
    for match in _BRACKET_RE.finditer(masked, start, end):
        position = match.start()
        if position < resume or _escaped(masked, position, start):
            continue
        if masked[position] == "[":
            openers.append(position)
            continue
        if not openers:
            continue
        opening = openers.pop()
        image = (
            opening > start
            and masked[opening - 1] == "!"
            and not _escaped(masked, opening - 1, start)
        )
        after = position + 1
        if masked.startswith("(", after, end):
            if parentheses is None:
                parentheses = Parentheses(masked, start, end)
            read = destination(masked, after + 1, end, parentheses)
            if read is not None:
                url_start, url_end, close = read
                syntax = LinkSyntax.IMAGE if image else LinkSyntax.INLINE
                first = opening - 1 if image else opening
                link_text = text[opening + 1 : position]
                url = text[url_start:url_end]
                links.append(SourceLink(syntax, first, close + 1, link_text, url, url_start))
                resume = close + 1
                if not image:
                    # A link contains no other link; an image may ("![a [b](u)](v)").
                    openers[:] = [o for o in openers if o > start and masked[o - 1] == "!"]
                continue
        if image or position - opening > _MAX_LABEL:
            continue  # reference images are rare in lists; a label is at most 999 characters
        if masked.startswith("[", after, end):
            close = masked.find("]", after + 1, min(end, after + 2 + _MAX_LABEL))
            if close >= 0 and masked.find("[", after + 1, close) < 0:
                link_text = text[opening + 1 : position]
                label = text[after + 1 : close] or link_text
                found = definitions.get(normalize_label(label))
                if found is not None or close > after + 1:
                    url = found.url if found is not None else ""
                    links.append(
                        SourceLink(
                            LinkSyntax.REFERENCE, opening, close + 1, link_text, url, -1, label
                        )
                    )
                    resume = close + 1
                    openers.clear()
                    continue
        if definitions:
            link_text = text[opening + 1 : position]
            found = definitions.get(normalize_label(link_text))
            if found is not None:
                links.append(
                    SourceLink(
                        LinkSyntax.REFERENCE, opening, after, link_text, found.url, -1, link_text
                    )
                )
                openers.clear()


def _escaped(text: str, position: int, start: int) -> bool:
    backslash = position - 1
    while backslash >= start and text[backslash] == "\\":
        backslash -= 1
    return (position - 1 - backslash) % 2 == 1


class Parentheses:
    """The parentheses and blanks of one line, paired on first use, so that reading a
    destination jumps over a balanced group instead of counting through it: a line of many
    unclosed ``](`` would otherwise be read again from each of them. A destination with no
    parenthesis or backslash in it, nearly every one, never needs them."""

    __slots__ = ("_blanks", "_closing", "_positions", "end", "quote_absent", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._positions: list[int] | None = None
        self._closing: dict[int, int] = {}
        self._blanks: list[int] = []
        self.quote_absent: dict[str, int] = {}
        """For a quote character, an offset from which the line has none."""

    def _pair(self) -> list[int]:
        text, start, end = self.text, self.start, self.end
        positions: list[int] = []
        self._blanks = [match.start() for match in _BLANK_RE.finditer(text, start, end)]
        opened: list[int] = []
        for match in _PAREN_RE.finditer(text, start, end):
            position = match.start()
            if text[position] == "\\":
                continue  # the escape pattern consumed the escaped character
            positions.append(position)
            if text[position] == "(":
                opened.append(position)
            elif opened:
                self._closing[opened.pop()] = position
        self._positions = positions
        return positions

    def end_of(self, position: int, limit: int) -> int | None:
        """Where a destination that starts at ``position`` ends: at a blank, at ``limit`` or
        at an unbalanced ``)``; None when a ``(`` in it is left open."""
        positions = self._positions if self._positions is not None else self._pair()
        blank_at = bisect_left(self._blanks, position)
        stop = min(self._blanks[blank_at] if blank_at < len(self._blanks) else limit, limit)
        while True:
            at = bisect_left(positions, position)
            paren = positions[at] if at < len(positions) else stop
            if paren >= stop:
                return stop
            if self.text[paren] == ")":
                return paren  # unbalanced: it closes the link
            closing = self._closing.get(paren)
            if closing is None or closing >= stop:
                return None  # a "(" left open where the destination ends
            position = closing + 1


def destination(
    text: str, start: int, limit: int, parentheses: Parentheses | None = None
) -> tuple[int, int, int] | None:
    """Read an inline link's destination and optional title as CommonMark does, from just
    after the ``(`` up to ``limit`` (within one line): the destination's start and end and
    the offset of the ``)`` that closes the link, or None when this is no link for a
    renderer. ``parentheses`` of the line may be given when many links are read on it."""
    position = start
    while position < limit and text[position] in " \t":
        position += 1
    url_start = position
    if position < limit and text[position] == "<":
        # Up to the first "<" or ">": a pointy destination holds no "<", so the search
        # stops at the next one (a line of "[a](<" is read once, not once per link).
        angle = _ANGLE_RE.search(text, position + 1, limit)
        if angle is None or angle.group() != ">":
            return None
        position = url_end = angle.end()
    else:
        plain = _PLAIN_DESTINATION_RE.match(text, position, limit)
        url_end = plain.end() if plain else position
        if url_end < limit and text[url_end] in "(\\":
            if parentheses is None:
                parentheses = Parentheses(text, position, limit)
            found = parentheses.end_of(position, limit)
            if found is None:
                return None
            url_end = found
        position = url_end
    while position < limit and text[position] in " \t":
        position += 1
    if position < limit and text[position] in _TITLE_CLOSE and position > url_end:
        close = _title_end(text, position, limit, parentheses)
        if close < 0:
            return None
        position = close + 1
        while position < limit and text[position] in " \t":
            position += 1
    if position < limit and text[position] == ")":
        return url_start, url_end, position
    return None


_IN_PAGE_INLINE_RE = lazy_re.compile(r"\]\([ \t]*(?=#)")
_IN_PAGE_HTML = r"""<a\s[^<>]*?\bhref\s*=\s*(?:"(#[^"]*)"|'(#[^']*)'|(#[^\s"'<>`]*))"""
_IN_PAGE_HTML_RE = lazy_re.compile(_IN_PAGE_HTML, re.IGNORECASE)
_IN_PAGE_DEFINITION = r"^ {0,3}\[(?:[^\[\]\\\n]|\\.){1,999}\]:[ \t]*(#\S*)"
_IN_PAGE_DEFINITION_RE = lazy_re.compile(_IN_PAGE_DEFINITION, re.MULTILINE)
_ANCHOR_TAG_RE = lazy_re.compile(
    r"""<[A-Za-z][\w-]*\s[^<>]*?\b(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>`]+))""",
    re.IGNORECASE,
)


def in_page_links(
    masked: str,
    line_starts: Sequence[int],
    line_ends: Sequence[int],
    filename: str = "",
    known: Container[int] = (),
) -> list[tuple[int, int]]:
    """The destinations that start with ``#`` (links into the same page), as (start, end)
    offsets of the ``#...`` text: in inline links, HTML ``<a href>`` and reference
    definitions; with ``filename``, also those that name the file itself before the ``#``
    (``README.md#usage``, ``./README.md#usage``: the offsets are still the ``#...``'s).
    An inline link whose ``#`` is at an offset in ``known`` (read already, as the entries'
    links are) is left out. Cheaper than the whole inventory: it looks only where a ``#``
    follows."""
    found: list[tuple[int, int]] = []
    if "#" not in masked:
        return found
    own = rf"(?:\./)?{re.escape(filename)}" if filename else ""
    inline_re, html_re, definition_re = _IN_PAGE_INLINE_RE, _IN_PAGE_HTML_RE, _IN_PAGE_DEFINITION_RE
    if own and filename in masked:
        inline_re = re.compile(rf"\]\([ \t]*(?:{own})?(?=#)")
        html_re = re.compile(_IN_PAGE_HTML.replace("(#", f"(?:{own})?(#"), re.IGNORECASE)
        definition_re = re.compile(_IN_PAGE_DEFINITION.replace("(#", f"(?:{own})?(#"), re.MULTILINE)
    previous = -1  # the "]" of the previous candidate, when on the same line
    parentheses: Parentheses | None = None  # of the candidate's line, shared by its links
    for match in inline_re.finditer(masked):
        closing = match.start()
        if match.end() in known:
            # (An entry's link: 0.07 s of unresolved-anchor's 0.42 s on the 20k bench list
            # went to reading them again.)
            previous = closing
            continue
        line = bisect_left(line_starts, closing + 1) - 1
        line_start = line_starts[line]
        if parentheses is None or parentheses.start != line_start:
            parentheses = Parentheses(masked, line_start, line_ends[line])
        # The "]" must close an unescaped "[" after the previous candidate (a link holds no
        # other link): "\[text](#x)" is text. Each stretch is searched once.
        lower = max(line_start, previous)
        previous = closing
        if not _opened(masked, lower, closing, line_start):
            continue
        read = destination(masked, match.end(), line_ends[line], parentheses)
        if read is not None:
            found.append((read[0], read[1]))
    if "href" in masked or "HREF" in masked:
        for match in html_re.finditer(masked):
            group = next(index for index in (1, 2, 3) if match.group(index) is not None)
            found.append((match.start(group), match.end(group)))
    if "]:" in masked:
        for match in definition_re.finditer(masked):
            found.append((match.start(1), match.end(1)))
    found.sort()
    return found


def _opened(text: str, lower: int, closing: int, line_start: int) -> bool:
    """Whether the "]" at ``closing`` closes an unescaped "[" after ``lower``, brackets in
    between balanced ("[a [b] c](#x)" is a link, "[25/06] \\[x](#y)" is not)."""
    depth = 0
    position = closing
    # Backwards from the "]", one bracket at a time: the "[" is usually the nearest, and
    # listing every bracket of the stretch first was a seventh of unresolved-anchor's time.
    while True:
        position = max(text.rfind("[", lower, position), text.rfind("]", lower, position))
        if position < 0:
            return False
        if _escaped(text, position, line_start):
            continue
        if text[position] == "]":
            depth += 1
        elif depth:
            depth -= 1
        else:
            return True


def html_anchor_ids(text: str, masked: str) -> set[str]:
    """The values of the ``id=`` and ``name=`` attributes of HTML tags: targets of ``#``
    links like headings."""
    if "id" not in masked and "name" not in masked:
        return set()
    ids: set[str] = set()
    for match in _ANCHOR_TAG_RE.finditer(masked):
        group = next(index for index in (2, 3, 4) if match.group(index) is not None)
        ids.add(text[match.start(group) : match.end(group)])
    return ids


def _title_end(text: str, opening: int, limit: int, parentheses: Parentheses | None) -> int:
    """Where the title opened at ``opening`` closes before ``limit``, or -1. A "(" title
    holds no "(": its search stops at the next one. For quotes, what the line's
    ``parentheses`` learnt (no such quote from here on) saves searching again."""
    char = text[opening]
    if char == "(":
        found = _PAREN_TITLE_RE.search(text, opening + 1, limit)
        return found.start() if found is not None and found.group() == ")" else -1
    closing = _TITLE_CLOSE[char]
    if parentheses is not None and parentheses.quote_absent.get(closing, limit + 1) <= opening:
        return -1
    close = text.find(closing, opening + 1, limit)
    if close < 0 and parentheses is not None and limit == parentheses.end:
        parentheses.quote_absent[closing] = opening
    return close


def _scan_html(text: str, masked: str, links: list[SourceLink], anchors: list[HtmlAnchor]) -> None:
    for tag in _TAG_RE.finditer(masked):
        attributes = tag.group(2)
        if not attributes or "=" not in attributes:
            continue
        name = tag.group(1).lower()
        for attribute in _ATTRIBUTE_RE.finditer(masked, tag.start(2), tag.end(2)):
            key = attribute.group(1).lower()
            group = next(index for index in (3, 4, 5) if attribute.group(index) is not None)
            value_start, value_end = attribute.start(group), attribute.end(group)
            value = text[value_start:value_end]
            if key == "href" and name == "a":
                links.append(
                    SourceLink(LinkSyntax.HTML, tag.start(), tag.end(), "", value, value_start)
                )
            elif key == "id" or (key == "name" and name == "a"):
                anchors.append(HtmlAnchor(value_start, value, key))
