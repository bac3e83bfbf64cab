"""Read a response of the arXiv API (Atom XML) saved to a file."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

from paperlint.arxiv import ArxivId, parse_arxiv_url
from paperlint.importers.links import find_urls
from paperlint.importers.model import ImportFailure, Paper, ReadResult, Skipped, collapse

__all__ = ["read"]

_ATOM = "{http://www.w3.org/2005/Atom}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
# A DOCTYPE can declare entities that expand without bound: the API never sends one.
_DOCTYPE_RE = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


def _text(entry: ET.Element, tag: str) -> str:
    element = entry.find(tag)
    return collapse(element.text or "") if element is not None else ""


def _arxiv_id(entry: ET.Element) -> ArxivId | str | None:
    """The entry's id (from ``<id>``, else its links), a message when it is malformed, or
    None when the entry names no arXiv paper."""
    urls = [_text(entry, f"{_ATOM}id")]
    urls += [link.get("href", "") for link in entry.iter(f"{_ATOM}link")]
    problem: str | None = None
    for url in urls:
        parsed = parse_arxiv_url(url)
        if parsed is None:
            continue
        if parsed.id is not None:
            return parsed.id
        problem = problem or parsed.problem
    return problem


def _published(entry: ET.Element) -> datetime.date | None:
    for tag in (f"{_ATOM}published", f"{_ATOM}updated"):
        value = _text(entry, tag)
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            continue
    return None


def _paper(entry: ET.Element, where: str) -> Paper | Skipped:
    if "/api/errors" in _text(entry, f"{_ATOM}id"):
        return Skipped(where, f"arXiv API error: {_text(entry, f'{_ATOM}summary')}")
    title = _text(entry, f"{_ATOM}title")
    if not title:
        return Skipped(where, "skipped an entry without a title")
    abstract = _text(entry, f"{_ATOM}summary")
    if not abstract:
        return Skipped(where, f'skipped "{title}": no abstract')
    arxiv = _arxiv_id(entry)
    if isinstance(arxiv, str):
        return Skipped(where, f'skipped "{title}": {arxiv}')
    published = _published(entry)
    if arxiv is None and published is None:
        return Skipped(where, f'skipped "{title}": neither an arXiv id nor a date')
    comment = _text(entry, f"{_ARXIV}comment")
    urls = tuple(find_urls(comment)) if comment else ()
    authors = tuple(
        name for author in entry.iter(f"{_ATOM}author") if (name := _text(author, f"{_ATOM}name"))
    )
    return Paper(title, abstract, arxiv, published, where, urls=urls, authors=authors)


def read(text: str, *, year: int | None = None) -> ReadResult:
    """The papers of an Atom feed; ``year`` is unused (Atom dates are complete)."""
    del year
    if _DOCTYPE_RE.search(text):
        raise ImportFailure("XML with a DOCTYPE or entity declarations is refused")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ImportFailure(f"not well-formed XML: {exc}") from None
    if root.tag != f"{_ATOM}feed":
        raise ImportFailure(f"not an Atom feed: the root element is <{root.tag}>")
    result = ReadResult()
    for number, entry in enumerate(root.iter(f"{_ATOM}entry"), start=1):
        result.add(_paper(entry, f"entry {number}"))
    return result
