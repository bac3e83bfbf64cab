"""Field readers the profiles share: an entry's links and badges from the document's link
inventory, its date in any form ``paperlint.dates`` knows, and small text helpers.

Everything reads ``Document.masked`` (so nothing inside code or comments counts) and
returns offsets into ``Document.text``.
"""

from __future__ import annotations

from bisect import bisect_left

from paperlint import lazy_re
from paperlint.dates import read_date
from paperlint.document import Document
from paperlint.formats.generator import group_links
from paperlint.inline import LinkSyntax, SourceLink
from paperlint.model import DateSource, DateTag, Link, LinkKind, Span, Title
from paperlint.roles import host_role, label_role

__all__ = [
    "ABSOLUTE_URL_STARTS",
    "BADGE_HOSTS",
    "LETTER_RE",
    "TITLE_LINK_RE",
    "YEAR_RE",
    "date_in",
    "entry_links",
    "grouped_links",
    "is_badge",
    "link_from",
    "marker_end",
    "skip",
    "source_links",
    "span",
    "strip_span",
    "stripped",
    "title_from",
    "title_link_kind",
]

BADGE_HOSTS = ("img.shields.io", "badgen.net", "badge.fury.io", "api.star-history.com")
"""Hosts of badge images: an image from one of them is a badge, not a figure."""

_IMAGE_LINK_RE = lazy_re.compile(r"!\[([^\]]*)\]\(")

TITLE_LINK_RE = lazy_re.compile(r"\[(?![\[!\]\s])([^\[\]\n]*)\]\(\s*<?([^\s)>]*)")
"""``[Title](`` and the destination's first characters: a link whose text can be a title
(a text that opens with ``[`` or ``!`` is a group or an image)."""
ABSOLUTE_URL_STARTS = ("http://", "https://", "www.")
YEAR_RE = lazy_re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
"""A four-digit year from 1900 to 2099, not part of a longer number."""
LETTER_RE = lazy_re.compile(r"[^\W\d_]")
"""A letter in any script: what tells a venue or title from digits and punctuation."""
"""How a URL to another site starts (a title link to a relative file is no paper's)."""


def source_links(document: Document, start: int, end: int) -> list[SourceLink]:
    """The links of the document that start in ``[start, end)``, in order (definitions
    excluded: they are the file's, not an entry's)."""
    links = document.links.links
    found: list[SourceLink] = []
    # Indexing, not ``links[low:]``: a slice copies the rest of the file's links on every
    # call, quadratic over a list (parsing 20,000 heading entries took 1.6 s more).
    for index in range(bisect_left(links, start, key=_start), len(links)):
        link = links[index]
        if link.start >= end:
            break
        if link.syntax is not LinkSyntax.DEFINITION:
            found.append(link)
        index += 1
    return found


def _start(link: SourceLink) -> int:
    return link.start


def is_badge(url: str) -> bool:
    """Whether an image URL is a badge (shields.io and its kin)."""
    lowered = url.lower()
    return any(host in lowered for host in BADGE_HOSTS)


def link_from(document: Document, link: SourceLink, kind: LinkKind | None = None) -> Link:
    """The model's ``Link`` for a link of the inventory. ``[[Label](url)]`` (brackets around
    a link) becomes a group, ``[[Label]](url)`` a link labelled ``Label``; a link whose text
    is an image (``[![arXiv](badge)](url)``) takes its role from the image's alt text."""
    masked = document.masked
    label = link.text
    start, end = link.start, link.end
    label_offset = 2 if link.syntax is LinkSyntax.IMAGE else 1
    closing = ")"
    if link.syntax is LinkSyntax.AUTOLINK:
        label_offset, closing = 1, ">"
    elif link.syntax is LinkSyntax.HTML:
        label_offset, closing = 0, ">"
    elif link.syntax is LinkSyntax.INLINE:
        if start > 0 and masked[start - 1] == "[" and masked.startswith("]", end):
            # "[[Label](url)]": the generator's group, written in another list.
            start, end, label_offset, closing = start - 1, end + 1, 2, ")]"
        elif len(label) > 1 and label[0] == "[" and label[-1] == "]":
            label, label_offset = label[1:-1], 2  # "[[Label]](url)"
    if kind is None:
        image = _IMAGE_LINK_RE.match(label)
        named = label_role(image.group(1) if image else label)
        kind = LinkKind[named] if named else None
        if kind is None:
            kind = LinkKind[host_role(link.url) or "OTHER"]
    url_offset = link.url_start - start if link.url_start >= 0 else label_offset + len(label) + 2
    return Link(start, label, link.url, end, closing, kind, label_offset, url_offset)


def entry_links(
    document: Document, start: int, end: int, *, skip: int = -1
) -> tuple[list[Link], list[Link]]:
    """The links and the badges of an entry spanning ``[start, end)``. A badge is a badge
    image, linked or not; a link whose text is a badge image counts as a link (its role
    from the alt text), the image itself as a badge. Reference links are left out (their
    URL is the definition's). ``skip``: the start of a link already read (a title link)."""
    links: list[Link] = []
    badges: list[Link] = []
    for found in source_links(document, start, end):
        if found.start == skip or found.syntax is LinkSyntax.REFERENCE:
            continue
        if found.syntax is LinkSyntax.IMAGE:
            if is_badge(found.url):
                badges.append(
                    Link(
                        found.start,
                        found.text,
                        found.url,
                        found.end,
                        ")",
                        LinkKind.OTHER,
                        2,
                        found.url_start - found.start,
                    )
                )
            continue
        links.append(link_from(document, found))
    return links, badges


def strip_span(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    """``[start, end)`` without the ``chars`` at either end."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def title_from(
    document: Document, start: int, end: int, kind: str, *, closed: bool = True
) -> Title:
    """A title over ``[start, end)`` of the text, its blanks collapsed."""
    raw = document.text[start:end]
    return Title(start, len(raw), " ".join(raw.split()), closed=closed, kind=kind)


def date_in(
    document: Document,
    start: int,
    end: int,
    source: DateSource,
    *,
    brackets: int = 0,
    numeric: bool = True,
    short_year: bool = True,
) -> DateTag | None:
    """The first date written in ``[start, end)`` as a ``DateTag`` of ``source`` (its
    ``text`` the date's own characters; ``brackets=1`` when the whole span is the
    bracketed date and the brackets belong to it)."""
    if brackets:
        text = document.text[start + 1 : end - 1]
        value = read_date(text, numeric=numeric, short_year=short_year)
        if value is None:
            return None
        return DateTag(start, text, value.year, value.month, None, source, value.day, 1)
    text = document.text[start:end]
    value = read_date(text, numeric=numeric, short_year=short_year)
    if value is None:
        return None
    return DateTag(
        start + value.start,
        text[value.start : value.end],
        value.year,
        value.month,
        None,
        source,
        value.day,
        0,
    )


def span(start: int, end: int) -> Span | None:
    """``Span(start, end)``, or None when it is empty."""
    return Span(start, end) if end > start else None


def stripped(text: str, start: int, end: int, chars: str = " \t") -> Span | None:
    """``[start, end)`` without the ``chars`` at either end, or None when nothing is left."""
    return span(*strip_span(text, start, end, chars))


def skip(text: str, position: int, end: int, chars: str) -> int:
    """The first offset from ``position`` (up to ``end``) whose character is none of
    ``chars``."""
    while position < end and text[position] in chars:
        position += 1
    return position


# -- added for link-title and heading --


def title_link_kind(url: str) -> LinkKind:
    """The role of a link whose text is the entry's title: a PDF is the paper wherever it
    is served (``github.com/../report.pdf``), else the host's role, else a paper."""
    path = url.split("#", 1)[0].split("?", 1)[0].rstrip("/").lower()
    if path.endswith(".pdf"):
        return LinkKind.PAPER
    return LinkKind[host_role(url) or "PAPER"]


def marker_end(masked: str, offset: int) -> int:
    """The end of the list marker (``-``, ``12.``) that starts at ``offset``."""
    end = offset
    length = len(masked)
    while end < length and not masked[end].isspace():
        end += 1
    return end


def grouped_links(
    document: Document,
    lines: range,
    start: int,
    end: int,
    *,
    skip: int = -1,
    groups: list[Link] | None = None,
    plain: Span | None = None,
) -> tuple[list[Link], list[Link]]:
    """The links and badges of an entry spanning ``[start, end)`` over ``lines``, in source
    order: its ``[[Label](url)]`` groups as the generator reads them (``group_links``, or
    ``groups`` when read already: a group missing its ``]`` stays one link), then every
    other link no group covers (``entry_links``). ``skip``: the start of a link already read
    (a title link). A link inside ``plain`` (an authors span: homepages) has the role
    ``OTHER``, whatever its host, so that an author's GitHub page is no code link."""
    if groups is None:
        groups = [link for link in group_links(document, lines) if start <= link.start < end]
    masked = document.masked
    if (
        skip < 0
        and masked.count("](", start, end) == len(groups)
        and masked.find("<", start, end) < 0
    ):
        # Every link is a group (no other inline link, image, autolink or HTML link): no
        # need to look the entry up in the document's link inventory, nor to build it where
        # no entry needs it (a synthetic 20,000-entry tagged list, two thirds of whose
        # entries have only groups, parsed in 0.71 s of CPU instead of 0.84 s).
        return list(groups), []
    links: list[Link] = []
    badges: list[Link] = []
    cursor = start
    # Only the gaps between the groups are read from the inventory: converting the groups'
    # own links there and dropping them again cost a fifth of the parse of a large list.
    for group in (*groups, None):
        gap_end = end if group is None else group.start
        if gap_end > cursor:
            found, images = entry_links(document, cursor, gap_end, skip=skip)
            links.extend(found)
            badges.extend(images)
        if group is not None:
            links.append(group)
            cursor = max(cursor, group.end)
    if plain is not None:
        links = [
            Link(
                link.start,
                link.label,
                link.url,
                link.end,
                link.closing,
                LinkKind.OTHER,
                link.label_offset,
                link.url_offset,
            )
            if plain.start <= link.start < plain.end
            else link
            for link in links
        ]
    return links, badges
