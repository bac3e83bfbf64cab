"""What may reach the page from a list's Markdown: sanitized HTML, and never a script URL.

Notes in this domain are mostly machine-written (abstracts, model summaries), and
Python-Markdown passes raw HTML and ``javascript:`` links through. The HTML Python-Markdown
renders from a list page is therefore cleaned with nh3, the Python binding of the Rust
sanitizer ammonia: an allow-list of tags and attributes, URL schemes checked after the
HTML is parsed the way a browser parses it (html5ever), so ``java&#9;script:`` or an
unclosed tag cannot slip past it. bleach, the usual alternative, is deprecated.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from typing import Final

import nh3

__all__ = ["UNSAFE_SCHEMES", "drop_unsafe_urls", "is_unsafe_url", "sanitize"]

UNSAFE_SCHEMES: Final = ("javascript", "vbscript", "data")
"""Schemes that never become a link (or any other URL) on a list page."""

# What Python-Markdown, its usual extensions (tables, footnotes, admonition, toc, abbr,
# def_list, attr_list, pymdownx) and hand-written notes (<br>, <sub>, <img>) produce; no
# form controls, frames, scripts, styles or SVG.
# The page's entries and groups (article, section) pass through the sanitizer too, with
# their data-* attributes (read by the filter script) and aria-* attributes.
_TAGS: Final = frozenset(nh3.ALLOWED_TAGS | {"article", "details", "summary", "section"})
_ATTRIBUTES: Final = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": {"id", "class", "title", "lang", "dir", "hidden"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "details": {"open"},
    # The tables extension aligns columns with style="text-align: ..."
    "th": {*nh3.ALLOWED_ATTRIBUTES.get("th", set()), "style"},
    "td": {*nh3.ALLOWED_ATTRIBUTES.get("td", set()), "style"},
}
_URL_SCHEMES: Final = frozenset({"http", "https", "mailto"})
_URL_ATTRIBUTES: Final = frozenset(
    {"href", "src", "action", "formaction", "poster", "background", "cite", "data", "srcset"}
)
# Browsers drop ASCII tabs and line breaks anywhere in a URL, and spaces and controls
# around it, before they read its scheme.
_IGNORED_IN_URL_RE = re.compile(r"[\x00-\x20\x7f]")
_SCHEME_RE = re.compile(r"([a-z][a-z0-9+.-]*):")


def is_unsafe_url(value: str) -> bool:
    """Whether a URL attribute's value (character references decoded or not) runs script
    or embeds a document: its scheme is one of ``UNSAFE_SCHEMES``, however it is spelled."""
    decoded = _IGNORED_IN_URL_RE.sub("", html.unescape(value)).lower()
    match = _SCHEME_RE.match(decoded)
    return match is not None and match.group(1) in UNSAFE_SCHEMES


def drop_unsafe_urls(root: ET.Element) -> None:
    """Remove every URL attribute with an unsafe scheme from the elements of a tree: a
    Markdown link ``[x](javascript:...)`` becomes a ``span`` with its text, an image its
    alt text. (Tools after this one, such as MkDocs, expect every ``a`` to have an href.)"""
    for element in root.iter():
        for name in [name for name in element.attrib if name.lower() in _URL_ATTRIBUTES]:
            if not is_unsafe_url(element.attrib[name]):
                continue
            del element.attrib[name]
            if element.tag == "a":
                element.tag = "span"
            elif element.tag == "img":
                alt = element.get("alt", "")
                element.tag = "span"
                element.attrib.clear()
                element.text = alt


def sanitize(fragment: str) -> str:
    """The HTML fragment with only allowed tags, attributes and http(s)/mailto or relative
    URLs left; scripts and styles go with their content, comments are dropped."""
    return nh3.clean(
        fragment,
        tags=set(_TAGS),
        clean_content_tags={"script", "style"},
        attributes=_ATTRIBUTES,
        url_schemes=set(_URL_SCHEMES),
        strip_comments=True,
        link_rel=None,
        filter_style_properties={"text-align"},
        generic_attribute_prefixes={"data-", "aria-"},
    )
