"""Read a rendered page back: the visible text and the links of each entry, for tests."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

WORD_RE = re.compile(r"\w+")


@dataclass
class Article:
    attributes: dict[str, str]
    text: list[str] = field(default_factory=list)
    hrefs: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return WORD_RE.findall(" ".join(self.text).lower())


class _Articles(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: list[Article] = []
        self.depth = 0
        self.hidden = 0  # inside <script>/<style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag in {"script", "style"}:
            self.hidden += 1
        if tag == "article":
            if self.depth == 0:
                self.articles.append(Article(attributes))
            self.depth += 1
        if self.depth and tag == "a" and "href" in attributes:
            self.articles[-1].hrefs.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.hidden -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.hidden:
            self.articles[-1].text.append(data)


def articles(page: str) -> list[Article]:
    """The page's entries in page order, with their text and links."""
    parser = _Articles()
    parser.feed(page)
    return parser.articles


def visible_words(fragment: str) -> list[str]:
    """The words a reader sees in an HTML fragment (tags dropped, references decoded)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S | re.I)
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)  # a comment parts no word
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return WORD_RE.findall(text.lower())
