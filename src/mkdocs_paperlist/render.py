"""Render a parsed paper list as xml.etree elements: entries with badges, a table of contents
grouped by year and month, and a filter bar. No Markdown or MkDocs here; escaping comes from
etree, and only http(s) and in-page URLs ever become links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from paperlint.api import Entry, Link, LinkKind, parse_arxiv_url, recover, scheme, unescape

__all__ = [
    "RenderOptions",
    "display_title",
    "group_id",
    "render_entry",
    "render_filter",
    "render_toc",
    "safe_href",
]

ASSETS = Path(__file__).parent / "assets"
_HOSTS = {"github.com": "GitHub", "gitlab.com": "GitLab", "huggingface.co": "Hugging Face"}


@dataclass(frozen=True, slots=True)
class RenderOptions:
    collapse_notes: bool = False
    """Wrap each paper's notes in a closed ``details`` element."""
    badges: str = "inline"
    """``inline`` (CSS and SVG shipped here, no request elsewhere) or ``shields`` (shields.io)."""
    toc: bool = True
    filter: bool = True


@cache
def _icon(name: str) -> ET.Element:
    return ET.fromstring((ASSETS / f"{name}.svg").read_text(encoding="utf-8"))


def _svg(name: str) -> ET.Element:
    """A fresh copy of a shipped icon, with plain tag names (HTML serialises no namespaces)."""

    def copy(element: ET.Element) -> ET.Element:
        duplicate = ET.Element(element.tag.rpartition("}")[2], dict(element.attrib))
        duplicate.extend(copy(child) for child in element)
        return duplicate

    icon = copy(_icon(name))
    icon.set("xmlns", "http://www.w3.org/2000/svg")
    return icon


def _classes(*names: str) -> str:
    return " ".join(sorted(names))


def safe_href(url: str) -> str | None:
    """The URL to link to, or None when it must not be a link (not http(s), or empty)."""
    url = url.strip()
    if not url or url.lower() == "none":
        return None
    if url.startswith("#"):
        return url
    if scheme(url) not in {"http", "https"} or any(char.isspace() for char in url):
        return None
    return recover(url)


def group_id(year: int, month: int) -> str:
    return f"papers-{year:04d}-{month:02d}"


def _month(entry: Entry) -> tuple[int, int] | None:
    date = entry.date
    if date is None or date.year is None or date.month is None or not 1 <= date.month <= 12:
        return None
    return date.year, date.month


def _badge(
    parent: ET.Element,
    kind: str,
    text: str,
    href: str | None,
    icon: str | None,
    options: RenderOptions,
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
    if icon:
        element.append(_svg(icon))
    label = ET.SubElement(element, "span")
    label.text = text


def _code_badge(parent: ET.Element, link: Link | None, options: RenderOptions) -> None:
    href = safe_href(link.url) if link is not None else None
    if href is None:
        _badge(parent, "paperlist-nocode", "no code", None, None, options)
        return
    parts = urlsplit(href)
    host = (parts.hostname or "").removeprefix("www.")
    segments = [segment for segment in parts.path.split("/") if segment]
    if host in _HOSTS and len(segments) >= 2:
        owner, name = segments[-2:] if segments[0] in {"datasets", "spaces"} else segments[:2]
        text = f"{_HOSTS[host]} {owner}/{name.removesuffix('.git')}"
        _badge(parent, "paperlist-code", text, href, "code", options)
    else:
        _badge(parent, "paperlist-page", "project page", href, "page", options)


def display_title(entry: Entry) -> str:
    """The entry's title as a reader sees it: its escapes and character references decoded."""
    text = unescape(entry.title.text) if entry.title is not None else ""
    return text or "(untitled)"


def render_entry(entry: Entry, venue: str | None, options: RenderOptions) -> ET.Element:
    """One paper: title, venue, date, arXiv, code and notes badges, extra links."""
    month = _month(entry)
    code = entry.link(LinkKind.CODE)
    has_code = code is not None and safe_href(code.url) is not None
    notes = entry.link(LinkKind.NOTES)
    root = ET.Element(
        "div",
        {
            "class": "paperlist-entry",
            "data-year": str(month[0]) if month else "",
            "data-code": "yes" if has_code else "no",
        },
    )
    if notes is not None and notes.fragment:
        root.set("data-notes", notes.fragment)
    title = ET.SubElement(root, "div", {"class": "paperlist-title"})
    # Shown as characters, never as markup: escapes and references (as `paperlint import`
    # writes "<" and "*") are decoded, and etree escapes the result.
    title.text = display_title(entry)
    if venue:
        venue_element = ET.SubElement(title, "span", {"class": "paperlist-venue"})
        venue_element.text = unescape(venue)
    badges = ET.SubElement(root, "div", {"class": "paperlist-badges"})
    if month:
        _badge(badges, "paperlist-date", f"{month[0]:04d}-{month[1]:02d}", None, None, options)
    elif entry.date is not None:
        _badge(badges, "paperlist-date", entry.date.text, None, None, options)
    paper = entry.link(LinkKind.PAPER)
    if paper is not None:
        parsed = parse_arxiv_url(paper.url)
        if parsed is not None and parsed.id is not None:
            _badge(
                badges, "paperlist-arxiv", f"arXiv {parsed.id}", parsed.id.abs_url, "paper", options
            )
        elif (href := safe_href(paper.url)) is not None:
            _badge(badges, "paperlist-arxiv", "paper", href, "paper", options)
    _code_badge(badges, code, options)
    for link in entry.links:
        if link.kind is LinkKind.OTHER and (href := safe_href(link.url)) is not None:
            label = unescape(link.label.strip()) or "link"
            _badge(badges, "paperlist-extra", label, href, None, options)
    if notes is not None and notes.fragment:
        anchor = ET.SubElement(
            badges, "a", {"class": "paperlist-notes-link", "href": f"#{notes.fragment}"}
        )
        anchor.text = "TLDR/Notes"
    return root


def render_toc(entries: list[Entry]) -> ET.Element:
    """Papers grouped by year and month, newest first, with counts and links to each group."""
    counts = Counter(month for entry in entries if (month := _month(entry)) is not None)
    nav = ET.Element("nav", {"class": "paperlist-toc", "aria-label": "Papers by date"})
    years: dict[int, list[tuple[int, int]]] = {}
    for year, month in sorted(counts, reverse=True):
        years.setdefault(year, []).append((month, counts[year, month]))
    outer = ET.SubElement(nav, "ul")
    for year, months in years.items():
        item = ET.SubElement(outer, "li")
        item.text = f"{year} ({sum(count for _, count in months)}): "
        inner = ET.SubElement(item, "ul")
        for month, count in months:
            link_item = ET.SubElement(inner, "li")
            link = ET.SubElement(link_item, "a", {"href": f"#{group_id(year, month)}"})
            link.text = f"{year:04d}-{month:02d}"
            link.tail = f" ({count})"
    undated = len(entries) - sum(counts.values())
    if undated:
        item = ET.SubElement(outer, "li")
        item.text = f"undated ({undated})"
    return nav


def render_filter(entries: list[Entry]) -> ET.Element:
    """The filter bar: hidden until the script reveals it, so no JavaScript means no bar."""
    years = sorted({month[0] for entry in entries if (month := _month(entry))}, reverse=True)
    bar = ET.Element("div", {"class": "paperlist-filter", "hidden": "hidden"})
    search = ET.SubElement(
        bar,
        "input",
        {
            "type": "search",
            "placeholder": "Filter by words in titles and notes",
            "aria-label": "Filter papers",
        },
    )
    search.tail = " "
    select = ET.SubElement(bar, "select", {"aria-label": "Year"})
    every = ET.SubElement(select, "option", {"value": ""})
    every.text = "All years"
    for year in years:
        option = ET.SubElement(select, "option", {"value": str(year)})
        option.text = str(year)
    label = ET.SubElement(bar, "label")
    ET.SubElement(label, "input", {"type": "checkbox"})
    ET.SubElement(label, "span").text = "has code"
    ET.SubElement(bar, "span", {"class": "paperlist-count"})
    return bar
