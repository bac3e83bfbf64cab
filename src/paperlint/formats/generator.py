"""The generator's format: ``- [YY/MM] **Title**`` then ``[[Paper](..)] [[Code/Page](..)]
[[TLDR/Notes](#..)]`` groups, on the item's line or the next ones, with a ``# TLDR/Notes``
part of notes sections. Also its variants: four-digit years, no notes part, an older output
that writes single-bracket ``[Paper](..) [Code/Page](..)`` links indented on the next line,
hand-edited lists of that family.

What it reads: the date tag, the bold title (over several lines too), the italic span right
after the title (as the venue), every ``[[Label](url)]`` group, and the single-bracket links
of the generator's labels on the lines after the first. The rest of an entry's text (nested
items included) is left to the renderer as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from sys import intern as _intern

from paperlint import lazy_re
from paperlint.dates import century
from paperlint.document import CODE_FILLER, Document
from paperlint.formats.base import ITEM, LIST_ITEM_RE, Block, Profile
from paperlint.inline import Parentheses, destination
from paperlint.model import DateTag, Entry, Link, Span, Title
from paperlint.roles import link_role

__all__ = ["PROFILE", "group_links"]

_DATE_TAG_RE = lazy_re.compile(r"\[(?!\[)([^\[\]\n]*)\](?![(\[])")
_DATE_VALUE_RE = lazy_re.compile(r"\s*(\d{4}|\d{2})\s*[/.-]\s*(\d{1,2})\s*")
_LINK_OPEN_RE = lazy_re.compile(r"\[\[([^\[\]\n]*)\]\(")
_PLAIN_URL_RE = lazy_re.compile(r"[^ ()\\\x00-\x1f\x7f]*")  # as inline.destination's
_VENUE_RE = lazy_re.compile(r"[ \t]*(\*(?!\*)[^*\n]+\*|_[^_\n]+_)(?![*_])")


_GENERATOR_TAG_RE = lazy_re.compile(r"\[(?:\d\d|\d{4})/\d\d\]|\[(?:YY|YYYY)/MM\]")
# The generator's own labels, as groups or as the older output's single-bracket links.
_VOCABULARY_RE = lazy_re.compile(r"\[\[?(?:Paper|Code/Page|TLDR/Notes)\]\(")
SIGNATURE_RE = lazy_re.compile(r"\[\[?(?:Code/Page|TLDR/Notes)\]\(")
"""The labels only the generator writes: an entry that carries them is its (other
profiles score such entries down)."""
_TAG_DIGIT_RE = lazy_re.compile(r"\d|YY")
_SINGLE_LINK_RE = lazy_re.compile(r"(?<![\[\w])\[(Paper|Code/Page|Code|TLDR/Notes)\]\(")


def _score(document: Document, block: Block) -> float:
    """A list item is an entry when it opens with a date tag or a bold title, or carries a
    ``[[Label](url)]`` group; an ordinary ``[link](url)`` item is not one. It scores by the
    format's marks: a ``[YY/MM]`` tag, a bold title, the generator's labels (``Code/Page``
    and ``TLDR/Notes`` are its signature), links on the lines after the title."""
    if block.kind != ITEM:
        return 0.0
    masked = document.masked
    start = block.start
    first_end = document.line_ends[block.first]
    tag = _DATE_TAG_RE.match(masked, start, first_end)
    cursor = tag.end() if tag else start
    while cursor < first_end and masked[cursor] in " \t":
        cursor += 1
    bold = masked.startswith("**", cursor, first_end)
    # The item's own lines: a nested item is scored on its own when this one is not an
    # entry (scanning the whole subtree at every level was quadratic in the nesting).
    end = document.line_ends[block.own_last()]
    groups = masked.find("[[", start, end)
    # Only a date tag makes an entry of an item with no bold title and no group: a bracketed
    # name before a link ("[OpenAI] [Title](u)", a blog list) or a task box does not.
    if (
        not bold
        and masked.find("[[", start, first_end) < 0
        and (tag is None or not _TAG_DIGIT_RE.search(masked, tag.start(), tag.end()))
    ):
        return 0.0
    score = 0.1
    if tag is not None and _GENERATOR_TAG_RE.match(masked, tag.start(), tag.end()):
        score += 0.4
    if bold:
        score += 0.1
    vocabulary = _VOCABULARY_RE.search(masked, start, end)
    if vocabulary is not None:
        score += 0.3
        if SIGNATURE_RE.search(masked, start, end):
            score += 0.1
        if vocabulary.start() >= first_end:
            score += 0.1  # the links on their own line, as the generator writes them
    elif groups >= 0:
        score += 0.2
    return min(score, 1.0)


def _read(document: Document, block: Block, index: int) -> Entry:
    masked = document.masked
    source = document.text
    starts, ends = document.line_starts, document.line_ends
    lines = block.lines
    first_start, first_end = starts[lines[0]], ends[lines[0]]
    last_end = ends[lines[-1]]
    item = LIST_ITEM_RE.match(masked, first_start, first_end)
    if item is None:  # a nested item: its marker is indented deeper
        marker_start, marker_end = block.marker, block.marker + 1
        while marker_end < first_end and masked[marker_end] not in " \t":
            marker_end += 1
    else:
        marker_start, marker_end = item.span(2)
    cursor = block.start

    date: DateTag | None = None
    tag = _DATE_TAG_RE.match(masked, cursor, first_end)
    if tag:
        date = _date_tag(tag, source)
        cursor = tag.end()

    links = tuple(group_links(document, lines))
    first_link = links[0].start if links else last_end

    title: Title | None = None
    venue: Span | None = None
    opening = masked.find("**", cursor, first_link)
    if opening >= 0:
        inner_start = opening + 2
        closing = masked.find("**", inner_start, first_link)
        if closing < 0:
            inner_end = first_link
            while inner_end > inner_start and masked[inner_end - 1].isspace():
                inner_end -= 1
            raw = source[inner_start:inner_end]
            title = Title(inner_start, len(raw), " ".join(raw.split()), closed=False)
        else:
            raw = source[inner_start:closing]
            title = Title(inner_start, len(raw), " ".join(raw.split()))
            italic = _VENUE_RE.match(masked, closing + 2, first_link)
            if italic:
                venue = Span(italic.start(1) + 1, italic.end(1) - 1)

    return Entry(
        index=index,
        start=marker_start,
        end=last_end,
        marker_length=marker_end - marker_start,
        date=date,
        title=title,
        venue=venue,
        links=links,
    )


def _date_tag(match: re.Match[str], source: str) -> DateTag:
    year, month, style = _tag_value(match.group(1))
    return DateTag(
        match.start(), _intern(source[match.start(1) : match.end(1)]), year, month, style
    )


# A list has a few dozen distinct tags for thousands of entries (0.035 s of a 1.5 s lint of
# the 20k bench list went to reading each again).
@lru_cache(maxsize=1024)
def _tag_value(inner: str) -> tuple[int | None, int | None, str | None]:
    """The year, month and style (``YY/MM``, ``YYYY/MM``) of a date tag's text."""
    value = _DATE_VALUE_RE.fullmatch(inner)
    if value:
        year_text, month_text = value.groups()
        year = int(year_text) if len(year_text) == 4 else century(int(year_text))
        month = int(month_text)
        style = None
        if len(month_text) == 2 and inner == f"{year_text}/{month_text}":
            style = "YYYY/MM" if len(year_text) == 4 else "YY/MM"
        return year, month, style
    if inner.strip().upper() in {"YY/MM", "YYYY/MM"}:
        return None, None, inner.strip().upper()
    return None, None, None


def group_links(document: Document, lines: range) -> list[Link]:
    """The ``[[Label](url)]`` groups on ``lines``, a group missing its ``]`` or ``)``
    included, and on the lines after the first the older output's single-bracket links of
    the generator's labels. Of ``[[Paper](u)|[Code](u)]`` it reads the first link (the
    others are single-bracket links, for ``fields.entry_links``). Other profiles read their
    groups with it too."""
    masked = document.masked
    source = document.text
    starts, ends = document.line_starts, document.line_ends
    links: list[Link] = []
    for index in lines:
        start, end = starts[index], ends[index]
        if masked.find("[[", start, end) < 0:
            if index != lines[0] and masked.find("](", start, end) >= 0:
                _single_links(document, start, end, links)
            continue
        opens = list(_LINK_OPEN_RE.finditer(masked, start, end))
        parentheses = Parentheses(masked, start, end) if len(opens) > 1 else None
        for number, opened in enumerate(opens):
            url_start = opened.end()
            label = _intern(source[opened.start(1) : opened.end(1)])
            plain_end = _PLAIN_URL_RE.match(masked, url_start).end()  # type: ignore[union-attr]
            if masked.startswith(")]", plain_end, end):
                # The usual group, "[[Label](url)]", with no blank, parenthesis or escape
                # in its URL: read without destination() (the parse of a large list 15%
                # faster).
                links.append(
                    Link(opened.start(), label, source[url_start:plain_end], plain_end + 2)
                )
                continue
            limit = opens[number + 1].start() if number + 1 < len(opens) else end
            closing = ")]"
            read = destination(masked, url_start, limit, parentheses)
            if read is not None:
                _, dest_end, close = read  # a link as CommonMark reads it, ")" at close
                if masked.startswith("]", close + 1, end):
                    url_end, group_end = dest_end, close + 2
                else:
                    # Text up to a later ")]" with no blank and no bracket in it
                    # ("https://x.org).)]") is what the author took for the URL's end: keep it
                    # in the URL, where the URL rules report it. A "]" further on that closes
                    # the group's "[" ("[[Paper](u)|[Code](u)]") closes the group; otherwise
                    # only the group's "]" is missing.
                    later = masked.rfind(")]", close + 1, limit)
                    if later >= 0 and not _BLANK_OR_BRACKET_RE.search(masked, close, later):
                        url_end, group_end = later, later + 2
                    else:
                        url_end, group_end = dest_end, close + 1
                        if not _closes_group(masked, close + 1, limit):
                            closing = ")"
            else:
                # Not a link for a renderer (a blank inside the URL, no ")"): where the
                # author meant the URL to end is the group's ")]", else the line's end.
                close = masked.rfind(")]", url_start, limit)
                code = masked.find(CODE_FILLER, url_start, limit)  # a code span ends it
                if close >= 0 and (code < 0 or close < code):
                    url_end, group_end = close, close + 2
                else:
                    url_end = limit if code < 0 else code
                    while url_end > url_start and masked[url_end - 1].isspace():
                        url_end -= 1
                    group_end, closing = url_end, ""
            links.append(Link(opened.start(), label, source[url_start:url_end], group_end, closing))
    return links


_BLANK_OR_BRACKET_RE = lazy_re.compile(rf"[\s\[\]{CODE_FILLER}]")  # or a code span


def _single_links(document: Document, start: int, end: int, links: list[Link]) -> None:
    """The older output's ``[Paper](u) [Code/Page](u)`` links on a line of their own."""
    masked = document.masked
    for opened in _SINGLE_LINK_RE.finditer(masked, start, end):
        url_start = opened.end()
        label = _intern(opened.group(1))
        read = destination(masked, url_start, end, None)
        if read is not None:
            _, url_end, close = read
            links.append(
                Link(
                    opened.start(),
                    label,
                    document.text[url_start:url_end],
                    close + 1,
                    ")",
                    link_role(label, ""),
                    1,
                )
            )
        else:
            url_end = end
            while url_end > url_start and masked[url_end - 1].isspace():
                url_end -= 1
            links.append(
                Link(
                    opened.start(),
                    label,
                    document.text[url_start:url_end],
                    url_end,
                    "",
                    link_role(label, ""),
                    1,
                )
            )


def _closes_group(text: str, start: int, limit: int) -> bool:
    """Whether a "]" between ``start`` and ``limit`` closes a group's outer "[" (other
    bracket pairs on the way, such as further links in the group, balanced)."""
    depth = 1
    escaped = False
    for char in text[start:limit]:
        if escaped:
            escaped = False  # "\]" is a literal bracket
        elif char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return True
    return False


PROFILE = Profile(
    name="generator",
    summary="- [YY/MM] **Title** [[Paper](..)] [[Code/Page](..)] [[TLDR/Notes](#..)]",
    kinds=frozenset({ITEM}),
    score=_score,
    read=_read,
    reads=(
        "the date tag, the bold title, the italic span after it (as the venue), every "
        "[[Label](url)] group and the older output's single-bracket links; other text as is"
    ),
)
