"""What the page shows of each entry, and how entries are ordered and grouped.

Pure functions over paperlint's model: no Markdown, no MkDocs. ``pieces`` cuts an entry's
source into the Markdown of the parts the page shows apart (title, authors, venue, the
source's badge images, a curator's note) and the rest of its text, which the page shows
as written; the Markdown glue (``extension``) has each piece rendered by the site's own
Markdown and puts the results into the element ``build_entry`` makes. ``plan`` orders and
groups the entries. Text from the list reaches the page as etree text (escaped) or as
Markdown the site renders and the sanitizer cleans; the only URLs this module writes are
http(s) URLs and in-page anchors.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from paperlint.api import (
    Document,
    Entry,
    Link,
    LinkKind,
    Span,
    order_key,
    parse_arxiv_url,
    recover,
    scheme,
    unescape,
)

__all__ = [
    "ASSETS",
    "GROUPS",
    "SORTS",
    "Group",
    "Pieces",
    "Plan",
    "RenderOptions",
    "build_controls",
    "build_entry",
    "date_key",
    "date_label",
    "display_title",
    "is_plain",
    "pieces",
    "plan",
    "safe_href",
    "shown",
    "slug",
    "venue_key",
]

ASSETS = Path(__file__).parent / "assets"
SORTS = ("as-written", "newest", "oldest")
GROUPS = ("auto", "sections", "month", "year", "none")
_HOSTS = {"github.com": "GitHub", "gitlab.com": "GitLab", "huggingface.co": "Hugging Face"}
_BADGE_KINDS = {
    LinkKind.PAPER: "paperlist-paper",
    LinkKind.CODE: "paperlist-code",
    LinkKind.PROJECT: "paperlist-project",
    LinkKind.DATA: "paperlist-data",
    LinkKind.VIDEO: "paperlist-video",
    LinkKind.NOTES: "paperlist-notes-link",
    LinkKind.OTHER: "paperlist-other",
}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    collapse_notes: bool = True
    """Show each paper's notes closed (a click, or a link to them, opens them); false
    shows them open, which makes a page of long notes hard to scan."""
    badges: str = "inline"
    """``inline`` (styled by the shipped CSS, no request elsewhere) or ``shields``."""
    toc: bool = True
    """The compact table of contents (group chips with counts) after the filter."""
    filter: bool = True
    sort: str = "as-written"
    """``as-written``, ``newest`` or ``oldest``: the order of entries within a group."""
    bibtex: bool = True
    """A "BibTeX" block under each paper (the script adds a copy button to it)."""
    feed_url: str = ""
    """Where the list's Atom feed is, for a "subscribe" link; "" for none."""
    group: str = "auto"
    """``sections`` (the author's headings), ``month``, ``year``, ``none``, or ``auto``:
    sections when the entries sit under two headings or more, else month, year or none,
    by what their dates say."""


# -- what one entry shows --------------------------------------------------------------


@dataclass(slots=True)
class Pieces:
    """An entry's source cut into what the page shows apart: inline Markdown for the
    title, authors, venue and badge images; block Markdown for the note and the rest."""

    title: str = ""
    authors: str = ""
    venue: str = ""
    images: str = ""
    note: str = ""
    rest: str = ""
    heading_line: str = ""
    """For an entry that is a heading section: its heading line, rendered as a heading."""
    badged: list[Link] = field(default_factory=list)
    """The links shown as badges, in source order."""
    title_href: str | None = None
    """Where the title links when no paper link has an absolute URL: its own relative
    link (a page of the site)."""


# What is left of a line once the parts are taken out, and says nothing by itself: list
# markers, brackets, emphasis markers, separators, line breaks.
_RESIDUE_RE = re.compile(
    r"(?:[\s*_\[\](){}|,;:.·•/\\~—–>-]|<br\s*/?>|&nbsp;|:heavy_minus_sign:)*", re.IGNORECASE
)
_PAIRS = {"*": "*", "_": "_", "[": "]", "(": ")", '"': '"', "“": "”", "「": "」", "【": "】"}
_EDGE_OPEN = "|,;:·•-–—/ \t"
_LIST_LINE_RE = re.compile(r"\s*(?:[-*+]|\d{1,9}[.)])(?:\s|$)")
_HEADING_LINE_RE = re.compile(r"\s{0,3}#{1,6}(?:\s|$)")


def _widen(text: str, span: Span, low: int, high: int) -> Span:
    """The span with the syntax wrapped around it: ``**title**``, ``*authors*``,
    ``(venue)``, ``[date]``."""
    start, end = span.start, span.end
    while start > low and end < high and _PAIRS.get(text[start - 1]) == text[end]:
        start -= 1
        end += 1
    return Span(start, end)


def _clean(segment: str) -> str:
    """A leftover piece of a line without the separators at its edges; "" when nothing
    but syntax is left."""
    if _RESIDUE_RE.fullmatch(segment):
        return ""
    segment = segment.strip(_EDGE_OPEN)
    for marker in "*_":
        # An emphasis marker whose partner went with a part.
        if segment.count(marker) % 2:
            if segment.startswith(marker):
                segment = segment[1:]
            elif segment.endswith(marker):
                segment = segment[:-1]
    if segment.count("(") < segment.count(")") and segment.startswith(")"):
        segment = segment[1:]
    if segment.count("[") < segment.count("]") and segment.startswith("]"):
        segment = segment[1:]
    if segment.count("(") > segment.count(")") and segment.endswith("("):
        segment = segment[:-1]
    return segment.strip()


def _dedent(lines: list[str]) -> list[str]:
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return [line[cut:] for line in lines]


def _block(lines: list[str]) -> str:
    """Lines as block Markdown: a blank line before a list that follows a paragraph (as
    Python-Markdown needs), runs of blank lines collapsed, no blank edges."""
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1]:
                out.append("")
            continue
        if (
            out
            and out[-1]
            and _LIST_LINE_RE.match(line)
            and not _LIST_LINE_RE.match(out[-1])
            and not out[-1].startswith((" ", "\t"))
        ):
            out.append("")
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


# Text that no Markdown syntax or extension in use would change: words, digits, spaces and
# punctuation that starts nothing (no "*_`[]<>&\\!~^=|{}$", no quotes, "--", "..." for
# smarty, no ":x" for emoji, no "++" for keys, no "://" or "www." for autolinks). Such a
# piece goes on the page as text instead of through Markdown: a 5,829-entry generator page
# renders in 1.80 s this way, 2.02 s with every title through Python-Markdown's inline
# patterns (best of 3, quiet machine).
_PLAIN_RE = re.compile(r"[^\W_]+(?:[ ,.;:?()/%+-]+[^\W_]+)*[ .,;:?)%]*")
_NOT_PLAIN_RE = re.compile(r":\w|--|\.\.|\+\+|www\.", re.IGNORECASE)


def is_plain(text: str) -> bool:
    """Whether the Markdown text shows as written, whatever the site's extensions."""
    return _PLAIN_RE.fullmatch(text) is not None and _NOT_PLAIN_RE.search(text) is None


def _inline(text: str) -> str:
    """Source text as one line of inline Markdown."""
    return " ".join(text.split())


def pieces(document: Document, entry: Entry, *, table: bool = False) -> Pieces:
    """Cut the entry's source into the Markdown of what the page shows. Every character of
    the entry's span lands in a piece, a badge, or is syntax (markers, brackets,
    separators)."""
    text = document.text
    low, high = entry.start, entry.end
    result = Pieces()
    taken: list[Span] = []
    shown: list[Span] = []  # parts whose own text is shown: links inside them stay there

    first_end = text.find("\n", low, high)
    first_end = high if first_end < 0 else first_end
    if entry.title is not None and entry.title.kind == "heading":
        result.heading_line = text[low:first_end].strip()
        taken.append(Span(low, first_end))
        shown.append(Span(low, first_end))
    elif entry.marker_length:
        taken.append(Span(low, low + entry.marker_length))

    def take(span: Span | None) -> str:
        if span is None or span.end <= span.start or span.start < low or span.end > high:
            return ""
        if any(s.start <= span.start and span.end <= s.end for s in shown):
            return ""  # already shown with the heading line
        taken.append(_widen(text, span, low, high))
        shown.append(span)
        return text[span.start : span.end]

    if entry.title is not None and not result.heading_line:
        result.title = _inline(take(entry.title.span))
    result.authors = _inline(take(entry.authors))
    result.venue = _inline(take(entry.venue))
    note = take(entry.notes)
    if note:
        head, _, tail = note.partition("\n")
        result.note = _block([head.strip(), *_dedent(tail.split("\n"))] if tail else [head])
    if entry.date is not None and low <= entry.date.start < high:
        taken.append(entry.date.span)

    # The source's badges stay pictures: linked ones (``[![arXiv](shield)](url)``) with
    # their link, as Markdown renders them.
    images: list[tuple[int, str]] = []
    for link in entry.links:
        if (
            link.label.lstrip().startswith("![")
            and low <= link.start
            and link.end <= high
            and not any(s.start <= link.start and link.end <= s.end for s in shown)
        ):
            taken.append(link.span)
            shown.append(link.span)
            images.append((link.start, text[link.start : link.end]))
    for badge in entry.badges:
        if any(s.start <= badge.start and badge.end <= s.end for s in shown):
            continue
        taken.append(badge.span)
        images.append((badge.start, text[badge.start : badge.end]))
    result.images = " ".join(source for _, source in sorted(images))
    for link in entry.links:
        inside = any(s.start <= link.start and link.end <= s.end for s in shown)
        holds_title = entry.title is not None and (link.start <= entry.title.start < link.end)
        if inside and not holds_title:
            continue
        if (
            not link.group
            and not holds_title
            and (link.kind is LinkKind.OTHER or _in_nested_item(text, low, link.start))
        ):
            continue  # a link in the entry's prose stays in it, as the author wrote it
        usable = link.is_empty or link.fragment is not None or _linkable(link.url) is not None
        if holds_title and not usable and scheme(link.url) is None:
            url = link.url.strip()
            if url and not any(char.isspace() for char in url):
                result.title_href = url  # a page of the site: the site resolves it
                taken.append(link.span)
                continue
        if not usable:
            # No address the page can link (broken, unsafe): the source's own text
            # stays, for the site's Markdown to render as it can.
            continue
        if link.start >= low and link.end <= high:
            taken.append(link.span)
        if link.is_empty:
            continue
        if holds_title:
            # The title links there already; a badge adds the arXiv id, if there is one.
            parsed = parse_arxiv_url(link.url) if link.kind is LinkKind.PAPER else None
            if parsed is None or parsed.id is None:
                continue
        result.badged.append(link)
    result.rest = _leftover(document, entry, taken, " · " if table else " ")
    return result


def _in_nested_item(text: str, low: int, offset: int) -> bool:
    """Whether the offset is on a nested list item of the entry (not its first line)."""
    line_start = text.rfind("\n", low, offset) + 1
    return line_start > low and _LIST_LINE_RE.match(text, line_start) is not None


def _leftover(document: Document, entry: Entry, taken: list[Span], joiner: str) -> str:
    """The entry's text outside the taken spans, line by line, syntax dropped."""
    text = document.text
    spans = sorted(taken, key=lambda span: span.start)
    lines: list[str] = []
    position = entry.start
    index = 0
    first = True
    while position <= entry.end:
        line_end = text.find("\n", position, entry.end)
        line_end = entry.end if line_end < 0 else line_end
        raw = text[position:line_end]
        if not raw.strip():
            lines.append("")
        else:
            segments: list[str] = []
            cursor = position
            while index < len(spans) and spans[index].end <= position:
                index += 1
            scan = index
            while scan < len(spans) and spans[scan].start < line_end:
                span = spans[scan]
                if span.start > cursor:
                    segments.append(text[cursor : span.start])
                cursor = max(cursor, span.end)
                scan += 1
            if cursor < line_end:
                segments.append(text[cursor:line_end])
            if joiner != " ":
                segments = [cell for segment in segments for cell in _cells(segment)]
            kept = [cleaned for segment in segments if (cleaned := _clean(segment))]
            if kept:
                indent = "" if first else raw[: len(raw) - len(raw.lstrip())]
                lines.append(indent + joiner.join(kept))
        first = False
        position = line_end + 1
    if not lines:
        return ""
    head, tail = lines[0], _dedent(lines[1:])
    return _block([head, *tail])


def _cells(segment: str) -> list[str]:
    return re.split(r"(?<!\\)\|", segment)


def display_title(entry: Entry) -> str:
    """The entry's title as a reader sees it: its escapes and character references decoded."""
    text = unescape(entry.title.text) if entry.title is not None else ""
    return text or "(untitled)"


def _linkable(url: str) -> str | None:
    """The URL as written when the page may link it (http(s) or an in-page anchor), else
    None; whether a link is usable, without the cost of recovering its address."""
    url = url.strip()
    if url.startswith("<") and url.endswith(">"):
        url = url[1:-1].strip()
    if not url or url.lower() == "none":
        return None
    if url.startswith("#"):
        return url
    if scheme(url) not in {"http", "https"} or any(char.isspace() for char in url):
        return None
    return url


def safe_href(url: str) -> str | None:
    """The URL to link to, or None when it must not be a link (not http(s), or empty)."""
    linkable = _linkable(url)
    if linkable is None or linkable.startswith("#"):
        return linkable
    return recover(linkable)


def date_key(entry: Entry) -> tuple[int, int, int] | None:
    """(year, month, day) with 0 for what the date does not say; None without a year."""
    return order_key(entry.date)


def date_label(entry: Entry) -> str:
    """``2024-05-17``, ``2024-05`` or ``2024``; "" without a year."""
    key = date_key(entry)
    if key is None:
        return ""
    year, month, day = key
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


_VENUE_NOISE_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]|['’`]?\d+|[*_`]")


def venue_key(venue: str) -> str:
    """A venue without its year, edition or markup, for the filter: ``ICLR 2024 (Oral)``
    and ``ICLR'24`` are both ``ICLR``."""
    key = _VENUE_NOISE_RE.sub(" ", unescape(venue))
    key = " ".join(key.replace(",", " ").split()).strip(" .-:;/")
    return key[:60]


_SLUG_DROP_RE = re.compile(r"[^\w\- ]+")


def slug(text: str) -> str:
    """A readable id fragment for a title: lower-case words joined by ``-``."""
    words = _SLUG_DROP_RE.sub(" ", unicodedata.normalize("NFKC", text).lower()).split()
    return "-".join(words)[:60].strip("-") or "untitled"


def _classes(*names: str) -> str:
    return " ".join(names)


def _badge(
    parent: ET.Element, kind: str, text: str, href: str | None, options: RenderOptions
) -> None:
    if options.badges == "shields":
        image_url = (
            "https://img.shields.io/badge/"
            + quote(text.replace("-", "--").replace("_", "__"), safe="")
            + "-informational"
        )
        holder = ET.SubElement(
            parent, "a" if href else "span", {"class": _classes("paperlist-shield", kind)}
        )
        if href:
            holder.set("href", href)
        ET.SubElement(holder, "img", {"src": image_url, "alt": text})
        return
    element = ET.SubElement(
        parent, "a" if href else "span", {"class": _classes("paperlist-badge", kind)}
    )
    if href:
        element.set("href", href)
    ET.SubElement(element, "span", {"class": "paperlist-icon", "aria-hidden": "true"})
    ET.SubElement(element, "span").text = shown(text)


# Python-Markdown's serializer leaves an "&" that starts a character reference as it is (its
# own entities are stashed that way), so the text "&lt;" would show as "<": such an "&" in
# text this module writes is written "&amp;", which the serializer then keeps.
_LITERAL_AMPERSAND_RE = re.compile(r"&(?=(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


def shown(text: str) -> str:
    """Text to set on an element so that Python-Markdown's serializer shows it as it is."""
    return _LITERAL_AMPERSAND_RE.sub("&amp;", text) if "&" in text else text


def _label(link: Link) -> str:
    label = unescape(link.label).strip().strip("*_`").strip()
    return " ".join(label.split()) or link.name


def _address(link: Link) -> tuple[str | None, str | None]:
    """Where a link leads on the page, and the arXiv id's label for an arXiv link. Computed
    once per link: recovering a URL is the costliest step of building an entry."""
    if link.fragment is not None:
        return f"#{link.fragment}", None
    if link.is_empty:
        return None, None
    if link.kind is LinkKind.PAPER:
        parsed = parse_arxiv_url(link.url)
        if parsed is not None and parsed.id is not None:
            return parsed.id.abs_url, f"arXiv {parsed.id}"
    return safe_href(link.url), None


def _link_badge(
    parent: ET.Element,
    link: Link,
    address: tuple[str | None, str | None],
    options: RenderOptions,
    generator: bool,
) -> None:
    kind = _BADGE_KINDS.get(link.kind, "paperlist-other")
    href, arxiv = address
    text = arxiv or _label(link)
    if arxiv is None and href is not None and link.kind in {LinkKind.CODE, LinkKind.PROJECT}:
        try:
            parts = urlsplit(href)
        except ValueError:  # a "[" that opens no IPv6 host ("http://[github.com/o/r")
            parts = urlsplit("")
        host = (parts.hostname or "").removeprefix("www.")
        segments = [segment for segment in parts.path.split("/") if segment]
        if host in _HOSTS and len(segments) >= 2:
            owner, name = segments[-2:] if segments[0] in {"datasets", "spaces"} else segments[:2]
            text = f"{_HOSTS[host]} {owner}/{name.removesuffix('.git')}"
            kind = "paperlist-code"
        elif link.kind is LinkKind.CODE and generator:
            # The generator's one "Code/Page" label says nothing of where it leads.
            text = "project page"
            kind = "paperlist-project"
    _badge(parent, kind, text, href, options)


def _paper_href(entry: Entry, cut: Pieces) -> str | None:
    """Where the title links when no badge is a paper: the first paper link the page can
    link (the title link of a list whose titles are links)."""
    for link in entry.links:
        if link.kind is LinkKind.PAPER and not link.is_empty:
            href, _ = _address(link)
            if href is not None and not href.startswith("#"):
                return href
    return None


def build_entry(
    entry: Entry,
    cut: Pieces,
    rendered: dict[str, ET.Element],
    ident: str,
    line: int,
    options: RenderOptions,
    bibtex: str | None = None,
) -> ET.Element:
    """One paper as an ``article``: title (linked to the paper), date, venue, authors,
    badges for its links, the source's badge images, its note and the rest of its text.
    ``rendered`` holds the site's rendering of each piece (a container element whose
    children and text are moved in), ``heading`` the title heading of a heading entry."""
    date = date_label(entry)
    addresses = [_address(link) for link in cut.badged]
    # Code anywhere in the entry counts: a badge, a linked picture, a link in its prose.
    code = any(
        link.kind is LinkKind.CODE and not link.is_empty and _linkable(link.url) is not None
        for link in entry.links
    )
    root = ET.Element(
        "article",
        {
            "class": "paperlist-entry",
            "id": ident,
            "data-line": str(line),
            "data-date": date,
            "data-code": "yes" if code else "no",
        },
    )
    venue = rendered.get("venue")
    if venue is not None:
        root.set("data-venue", venue_key("".join(venue.itertext())))
    head = ET.SubElement(root, "div", {"class": "paperlist-head"})
    href = next(
        (
            address[0]
            for link, address in zip(cut.badged, addresses, strict=True)
            if link.kind is LinkKind.PAPER and address[0] and not address[0].startswith("#")
        ),
        None,
    )
    if href is None:
        href = _paper_href(entry, cut) or cut.title_href
    heading = rendered.get("heading")
    if heading is not None:
        classes = heading.get("class")
        heading.set("class", f"{classes} paperlist-title" if classes else "paperlist-title")
        head.append(heading)
    else:
        title = ET.SubElement(head, "a" if href else "span", {"class": "paperlist-title"})
        if href:
            title.set("href", href)
            for inner in rendered["title"].iter("a") if "title" in rendered else ():
                # A link inside the title link would be a nested link, which HTML has not.
                inner.tag = "span"
                inner.attrib.clear()
        _move(rendered.get("title"), title, fallback=display_title(entry))
    meta = ET.SubElement(root, "div", {"class": "paperlist-meta"})
    if date:
        ET.SubElement(meta, "span", {"class": "paperlist-date"}).text = date
    elif entry.date is not None and entry.date.text.strip():
        ET.SubElement(meta, "span", {"class": "paperlist-date"}).text = shown(
            entry.date.text.strip()
        )
    for name in ("venue", "authors"):
        if (piece := rendered.get(name)) is not None:
            _move(piece, ET.SubElement(meta, "span", {"class": f"paperlist-{name}"}))
    badges = ET.SubElement(root, "div", {"class": "paperlist-badges"})
    for link, address in zip(cut.badged, addresses, strict=True):
        _link_badge(badges, link, address, options, entry.format == "generator")
    if entry.format == "generator" and not code:
        _badge(badges, "paperlist-nocode", "no code", None, options)
    if (images := rendered.get("images")) is not None:
        holder = ET.SubElement(badges, "span", {"class": "paperlist-images"})
        _move(images, holder)
    if not len(badges):
        root.remove(badges)
    if not len(meta) and not meta.text:
        root.remove(meta)
    for name, css in (("note", "paperlist-note"), ("rest", "paperlist-text")):
        if (piece := rendered.get(name)) is not None:
            holder = ET.SubElement(root, "div", {"class": css})
            _move(piece, holder)
    if bibtex and options.bibtex:
        cite = ET.SubElement(root, "details", {"class": "paperlist-cite"})
        ET.SubElement(cite, "summary").text = "BibTeX"
        ET.SubElement(ET.SubElement(cite, "pre"), "code").text = shown(bibtex)
    return root


def _move(source: ET.Element | None, target: ET.Element, fallback: str = "") -> None:
    """Move a rendered piece's text and children into ``target``."""
    if source is None:
        target.text = shown(fallback)
        return
    target.text = source.text
    target.extend(list(source))


# -- order and groups ------------------------------------------------------------------


@dataclass(slots=True)
class Group:
    ident: str
    """The group's id (and its heading's): ``papers-2024-05``; for a section, filled in
    once the site has given the heading its id."""
    label: str
    members: list[int] = field(default_factory=list)
    """Entry indexes, in the order shown."""


@dataclass(slots=True)
class Plan:
    mode: str
    """``sections``, ``month``, ``year`` or ``none``."""
    groups: list[Group]


def _sorted(
    indexes: Iterable[int], keys: Sequence[tuple[int, int, int] | None], sort: str
) -> list[int]:
    indexes = list(indexes)
    if sort == "as-written":
        return indexes
    dated = [index for index in indexes if keys[index] is not None]
    undated = [index for index in indexes if keys[index] is None]
    # Stable both ways (sort(reverse=True) keeps equal keys in order): entries of one
    # month stay as written.
    dated.sort(key=lambda index: keys[index] or (0, 0, 0), reverse=sort == "newest")
    return dated + undated


def plan(entries: Sequence[Entry], sections: Sequence[int | None], options: RenderOptions) -> Plan:
    """The groups the page shows and the order of entries in each. ``sections[i]`` is the
    heading (model index) entry ``i`` sits under, or None."""
    keys = [date_key(entry) for entry in entries]
    mode = options.group
    if mode == "auto":
        distinct = {section for section in sections if section is not None}
        months = sum(1 for key in keys if key is not None and key[1])
        years = sum(1 for key in keys if key is not None)
        if len(distinct) >= 2:
            mode = "sections"
        elif entries and months * 2 >= len(entries):
            mode = "month"
        elif entries and years * 2 >= len(entries):
            mode = "year"
        else:
            mode = "none"
    order = range(len(entries))
    if mode == "none":
        return Plan(mode, [Group("", "", _sorted(order, keys, options.sort))])
    if mode == "sections":
        by_section: dict[int | None, Group] = {}
        for index in order:
            section = sections[index]
            group = by_section.get(section)
            if group is None:
                ident = f"section-{section}" if section is not None else ""
                group = by_section[section] = Group(ident, "")
            group.members.append(index)
        for group in by_section.values():
            group.members = _sorted(group.members, keys, options.sort)
        return Plan(mode, list(by_section.values()))
    buckets: dict[tuple[int, int], Group] = {}
    undated = Group("papers-undated", "Undated")
    for index in _sorted(order, keys, options.sort):
        key = keys[index]
        if key is None:
            undated.members.append(index)
            continue
        year, month = key[0], key[1] if mode == "month" else 0
        bucket = buckets.get((year, month))
        if bucket is None:
            label = f"{year:04d}-{month:02d}" if month else f"{year:04d}"
            bucket = buckets[year, month] = Group(f"papers-{label}", label)
        bucket.members.append(index)
    # Newest group first unless the page reads oldest first; a year's entries without a
    # month come after that year's months.
    ordered = sorted(
        buckets.items(),
        key=lambda item: (item[0][0], item[0][1] or 13),
        reverse=options.sort != "oldest",
    )
    groups = [group for _, group in ordered]
    if undated.members:
        groups.append(undated)
    return Plan(mode, groups)


# -- the controls ----------------------------------------------------------------------


def build_controls(
    entries: Sequence[Entry],
    venues: Sequence[str],
    groups: Sequence[Group],
    options: RenderOptions,
) -> ET.Element:
    """The filter form and the compact table of contents. The form is hidden until the
    script shows it, so a page without JavaScript shows no dead controls."""
    root = ET.Element("div", {"class": "paperlist-controls"})
    if options.filter:
        form = ET.SubElement(
            root, "form", {"class": "paperlist-filter", "role": "search", "hidden": "hidden"}
        )
        ET.SubElement(
            form,
            "input",
            {
                "type": "search",
                "name": "q",
                "placeholder": "Filter papers",
                "aria-label": "Filter papers",
            },
        )
        _select(
            form,
            "in",
            "Search in",
            [
                ("", "everywhere"),
                ("title", "titles"),
                ("authors", "authors"),
                ("venue", "venues"),
                ("notes", "notes"),
            ],
        )
        dates: set[str] = set()
        for entry in entries:
            key = date_key(entry)
            if key is None:
                continue
            dates.add(f"{key[0]:04d}")
            if key[1]:
                dates.add(f"{key[0]:04d}-{key[1]:02d}")
        if dates:
            values = sorted(dates)
            _select(form, "from", "From", [("", "from any date"), *((v, v) for v in values)])
            _select(form, "to", "To", [("", "to any date"), *((v, v) for v in values)])
        counted = Counter(venue for venue in venues if venue)
        if counted:
            ranked = sorted(counted, key=lambda venue: (-counted[venue], venue.lower()))
            _select(form, "venue", "Venue", [("", "any venue"), *((v, v) for v in ranked)])
        label = ET.SubElement(form, "label", {"class": "paperlist-has-code"})
        ET.SubElement(label, "input", {"type": "checkbox", "name": "code", "value": "yes"})
        ET.SubElement(label, "span").text = "has code"
        ET.SubElement(form, "button", {"type": "reset"}).text = "Clear"
        ET.SubElement(form, "output", {"class": "paperlist-count", "aria-live": "polite"})
    if options.feed_url:
        feed = ET.SubElement(
            root,
            "a",
            {"class": "paperlist-feed", "href": options.feed_url, "type": "application/atom+xml"},
        )
        feed.text = "Subscribe (Atom feed)"
    listed = [group for group in groups if group.ident]
    if options.toc and listed:
        attributes = {"class": "paperlist-toc"}
        if len(listed) <= 24:
            attributes["open"] = "open"
        details = ET.SubElement(root, "details", attributes)
        summary = ET.SubElement(details, "summary")
        summary.text = "Contents "
        total = sum(len(group.members) for group in groups)
        ET.SubElement(summary, "span", {"class": "paperlist-toc-summary"}).text = (
            f"{total} {'paper' if total == 1 else 'papers'}, "
            f"{len(listed)} {'group' if len(listed) == 1 else 'groups'}"
        )
        nav = ET.SubElement(details, "nav", {"aria-label": "Papers by group"})
        for group in listed:
            chip = ET.SubElement(
                nav,
                "a",
                {"class": "paperlist-chip", "href": f"#{group.ident}", "data-group": group.ident},
            )
            chip.text = shown(group.label) + " "
            ET.SubElement(chip, "span", {"class": "paperlist-chip-count"}).text = str(
                len(group.members)
            )
            chip.tail = " "
    return root


def _select(parent: ET.Element, name: str, label: str, options: Sequence[tuple[str, str]]) -> None:
    select = ET.SubElement(parent, "select", {"name": name, "aria-label": label})
    for value, text in options:
        ET.SubElement(select, "option", {"value": value}).text = shown(text)
