"""Export a parsed paper list: BibTeX (one entry per paper, arXiv papers as ``@misc`` with
``eprint`` and ``archivePrefix``, the way arXiv exports them), CSL-JSON, and an Atom 1.0
feed (RFC 4287) of its newest entries.

Keys are stable across runs: the first word of the title that is no stop word, and the year
(``hsenet2025``), with ``b``, ``c``... for a key the list already used. Only entries with a
title are exported; the text comes from the list as written, Markdown escapes undone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from paperlint.arxiv import parse_arxiv_url
from paperlint.escape import unescape
from paperlint.model import Entry, LinkKind, NoteSection, PaperList

if TYPE_CHECKING:
    from paperlint.anchors import AnchorIndex

__all__ = ["Paper", "atom", "bibtex", "bibtex_entries", "csl_json", "papers"]

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "for",
        "to",
        "and",
        "with",
        "from",
        "via",
        "towards",
        "toward",
        "is",
        "are",
        "do",
        "does",
    ]
)
_WORD_RE = re.compile(r"[^\W_]+")
_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_BIBTEX_SPECIAL_RE = re.compile(r"([&%$#_{}])")


@dataclass(frozen=True, slots=True)
class Paper:
    """What an export knows of one entry."""

    key: str
    title: str
    year: int | None
    month: int | None
    authors: list[str]
    venue: str | None
    url: str | None
    arxiv: str | None
    """The arXiv id without version (``2506.09634``), if the entry links one."""
    day: int | None = None
    entry: Entry | None = None
    """The entry the paper was read from."""


def _plain(text: str) -> str:
    """Markdown inline text as plain text: link texts kept, emphasis dropped, unescaped."""
    text = _LINK_RE.sub(r"\1", text)
    return " ".join(unescape(_EMPHASIS_RE.sub("", text)).split())


def _authors(text: str) -> list[str]:
    text = _plain(text).rstrip(".")
    others = bool(re.search(r"\bet al\.?$", text))
    text = re.sub(r",?\s*\bet al\.?$", "", text)
    names = [name.strip() for name in re.split(r",\s*|\s+and\s+", text) if name.strip()]
    return [*names, "others"] if others else names


def papers(paper_list: PaperList) -> Iterator[Paper]:
    """Every entry with a title, in list order, with a key unique in the list."""
    text = paper_list.document.text
    used: set[str] = set()
    for entry in paper_list.entries:
        if entry.title is None or not entry.title.text.strip():
            continue
        title = _plain(entry.title.text)
        arxiv = _arxiv(entry)
        year = entry.date.year if entry.date is not None else None
        month = entry.date.month if entry.date is not None else None
        if month is not None and not 1 <= month <= 12:
            month = None
        if year is None and arxiv is not None:
            year, month = arxiv[1], arxiv[2]
        authors = _authors(text[entry.authors.start : entry.authors.end]) if entry.authors else []
        venue = _plain(text[entry.venue.start : entry.venue.end]) if entry.venue else None
        paper_link = entry.link(LinkKind.PAPER)
        url = paper_link.url.strip() if paper_link is not None and not paper_link.is_empty else None
        day = entry.date.day if entry.date is not None and month is not None else None
        yield Paper(
            _key(title, year, used), title, year, month, authors, venue or None, url,
            arxiv[0] if arxiv else None, day, entry,
        )  # fmt: skip


def _arxiv(entry: Entry) -> tuple[str, int, int] | None:
    for link in entry.links:
        parsed = parse_arxiv_url(link.url)
        if parsed is not None and parsed.id is not None:
            return parsed.id.id, parsed.id.year, parsed.id.month
    return None


def _key(title: str, year: int | None, used: set[str]) -> str:
    words = [word.lower() for word in _WORD_RE.findall(title)]
    word = next((word for word in words if word not in _STOP), words[0] if words else "paper")
    base = f"{word[:24]}{year or ''}"
    key, suffix = base, ord("a")
    while key in used:
        suffix += 1
        key = f"{base}{chr(suffix)}"
    used.add(key)
    return key


def _field(value: str) -> str:
    """A BibTeX field value: special characters escaped, braces balanced."""
    return _BIBTEX_SPECIAL_RE.sub(r"\\\1", value)


def bibtex(paper_list: PaperList) -> str:
    """The list as BibTeX, one ``@misc`` per paper."""
    return "\n".join(bibtex_entries(paper_list).values())


def bibtex_entries(paper_list: PaperList) -> dict[int, str]:
    """Each paper's BibTeX ``@misc`` by the index of its entry, in list order (the page's
    "copy BibTeX" shows the same text as ``paperlint export bibtex``)."""
    blocks: dict[int, str] = {}
    for paper in papers(paper_list):
        fields = [("title", "{" + _field(paper.title) + "}")]
        if paper.authors:
            fields.append(("author", _field(" and ".join(paper.authors))))
        if paper.year is not None:
            fields.append(("year", str(paper.year)))
        if paper.arxiv is not None:
            fields += [
                ("eprint", paper.arxiv),
                ("archivePrefix", "arXiv"),
                ("url", f"https://arxiv.org/abs/{paper.arxiv}"),
            ]
        elif paper.url is not None:
            fields.append(("url", _field(paper.url)))
        if paper.venue is not None:
            fields.append(("note", _field(paper.venue)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        assert paper.entry is not None
        blocks[paper.entry.index] = f"@misc{{{paper.key},\n{body}\n}}\n"
    return blocks


def csl_json(paper_list: PaperList) -> list[dict[str, Any]]:
    """The list as CSL-JSON items (what Zotero, Pandoc and citeproc read)."""
    items: list[dict[str, Any]] = []
    for paper in papers(paper_list):
        item: dict[str, Any] = {"id": paper.key, "type": "article", "title": paper.title}
        if paper.authors:
            item["author"] = [{"literal": name} for name in paper.authors if name != "others"]
        if paper.year is not None:
            parts = [paper.year] if paper.month is None else [paper.year, paper.month]
            item["issued"] = {"date-parts": [parts]}
        if paper.arxiv is not None:
            item["URL"] = f"https://arxiv.org/abs/{paper.arxiv}"
            item["number"] = f"arXiv:{paper.arxiv}"
        elif paper.url is not None:
            item["URL"] = paper.url
        if paper.venue is not None:
            item["container-title"] = paper.venue
        items.append(item)
    return items


# -- Atom -----------------------------------------------------------------------------------

_ATOM_NS = "http://www.w3.org/2005/Atom"
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_TAG_AUTHORITY = "paperlint.invalid,2026"
"""The tag: URI authority and date (RFC 4151) of ids made for papers without a URL of
their own; ``.invalid`` names no one's domain."""


def _xml_text(text: str) -> str:
    return _NOT_XML_RE.sub("", text)


def _slug(text: str) -> str:
    return _SLUG_RE.sub("-", text.casefold()).strip("-") or "untitled"


def _timestamp(year: int, month: int | None, day: int | None) -> str:
    import calendar

    month = month if month is not None and 1 <= month <= 12 else 1
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 28
    day = day if day is not None and 1 <= day <= last else 1
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"


class _Notes:
    """The notes of a list's entries as plain text; the anchor index that finds a notes
    section is built once, for all the entries of a feed (once per entry, it was half the
    time of a 1,000-entry page's build with the MkDocs plugin)."""

    def __init__(self, paper_list: PaperList) -> None:
        self.paper_list = paper_list
        self._anchors: AnchorIndex | None = None
        self._sections: dict[int, NoteSection] = {}

    def of(self, entry: Entry) -> str | None:
        """The entry's own notes, else the text of the notes section its TLDR/Notes link
        points to (its subheadings left out)."""
        paper_list = self.paper_list
        text = paper_list.text
        if entry.notes is not None:
            return _plain(text[entry.notes.start : entry.notes.end]) or None
        link = entry.link(LinkKind.NOTES)
        if link is None or not link.fragment:
            return None
        if self._anchors is None:
            from paperlint.anchors import AnchorIndex  # only feeds with notes need it

            self._anchors = AnchorIndex(paper_list, ("github",))
            self._sections = {section.heading.start: section for section in paper_list.notes}
        heading = self._anchors.intended(link.fragment)
        section = self._sections.get(heading.start) if heading is not None else None
        if section is None:
            return None
        lines = text[section.start : section.end].splitlines()[1:]
        body = " ".join(line for line in lines if not line.lstrip().startswith("#"))
        return _plain(body) or None


def atom(
    paper_list: PaperList,
    *,
    name: str = "",
    limit: int = 50,
    feed_url: str | None = None,
    site_url: str | None = None,
) -> str:
    """The list's ``limit`` newest dated papers as an Atom 1.0 feed (newest first; equal
    dates in list order). Every value comes from the list, so the feed is the same on
    every run: ``updated`` is the newest paper's date. ``name`` titles a list without a
    level-1 heading."""
    import xml.etree.ElementTree as ET  # only the feed needs it

    from paperlint.slugs import plain_text

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{_ATOM_NS}}}{tag}", attrs)
        if text is not None:
            element.text = _xml_text(text)
        return element

    heading = next((h for h in paper_list.headings if h.level == 1 and not h.quoted), None)
    title = plain_text(heading.text).strip() if heading is not None else ""
    title = title or name or "Paper list"
    dated = [paper for paper in papers(paper_list) if paper.year is not None]
    order = sorted(
        range(len(dated)),
        key=lambda index: (
            -(dated[index].year or 0),
            -(dated[index].month or 0),
            -(dated[index].day or 0),
            index,
        ),
    )
    newest = [dated[index] for index in order[: max(limit, 0)]]

    ET.register_namespace("", _ATOM_NS)
    feed = ET.Element(f"{{{_ATOM_NS}}}feed")
    list_slug = _slug(title)
    add(feed, "id", feed_url or site_url or f"tag:{_TAG_AUTHORITY}:{list_slug}")
    add(feed, "title", title)
    first = newest[0] if newest else None
    updated = _timestamp(first.year or 1970, first.month, first.day) if first else None
    add(feed, "updated", updated or "1970-01-01T00:00:00Z")
    author = add(feed, "author")
    add(author, "name", title)
    if feed_url:
        add(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    if site_url:
        add(feed, "link", rel="alternate", href=site_url, type="text/html")
    add(feed, "generator", "paperlint")

    seen: set[str] = set()
    notes_of = _Notes(paper_list).of
    for paper in newest:
        entry = add(feed, "entry")
        if paper.arxiv is not None:
            entry_id = f"https://arxiv.org/abs/{paper.arxiv}"
        else:
            entry_id = f"tag:{_TAG_AUTHORITY}:{list_slug}/{_slug(paper.title)}"
        base, number = entry_id, 1
        while entry_id in seen:  # the same paper twice in the list
            number += 1
            entry_id = f"{base}-{number}" if base.startswith("tag:") else f"{base}#{number}"
        seen.add(entry_id)
        add(entry, "id", entry_id)
        add(entry, "title", paper.title)
        add(entry, "updated", _timestamp(paper.year or 1970, paper.month, paper.day))
        link = f"https://arxiv.org/abs/{paper.arxiv}" if paper.arxiv else paper.url
        if link:
            add(entry, "link", rel="alternate", href=link)
        for person in paper.authors:
            if person != "others":
                add(add(entry, "author"), "name", person)
        notes = notes_of(paper.entry) if paper.entry is not None else None
        if notes:
            add(entry, "summary", notes, type="text")
        if not link:
            add(entry, "content", paper.title, type="text")  # an entry needs a link or content
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
