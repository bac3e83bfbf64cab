"""Export a parsed paper list: BibTeX (one entry per paper, arXiv papers as ``@misc`` with
``eprint`` and ``archivePrefix``, the way arXiv exports them) and CSL-JSON.

Keys are stable across runs: the first word of the title that is no stop word, and the year
(``hsenet2025``), with ``b``, ``c``... for a key the list already used. Only entries with a
title are exported; the text comes from the list as written, Markdown escapes undone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from paperlint.arxiv import parse_arxiv_url
from paperlint.escape import unescape
from paperlint.model import Entry, LinkKind, PaperList

__all__ = ["Paper", "bibtex", "csl_json", "papers"]

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
        yield Paper(
            _key(title, year, used), title, year, month, authors, venue or None, url,
            arxiv[0] if arxiv else None,
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
    blocks: list[str] = []
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
        blocks.append(f"@misc{{{paper.key},\n{body}\n}}\n")
    return "\n".join(blocks)


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
