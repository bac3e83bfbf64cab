"""Imported text is inert: titles and abstracts from strangers render as their own characters
on GitHub (CommonMark + GFM, here markdown-it-py) and Python-Markdown, never as markup, and
the written list lints clean whatever they hold."""

from __future__ import annotations

import json
from collections import Counter
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mkdocs_paperlist.extension import makeExtension
from paperlint.api import lint
from paperlint.document import Document
from paperlint.importers import append, new_list, read
from paperlint.mojibake import find_mojibake
from paperlint.parse import parse_text
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

HOSTILE = [
    "We show <img src=x onerror=alert(1)> and [here](javascript:alert(3)).",
    "x [[Paper](javascript:alert(1))] y",
    "Evil)] [[TLDR/Notes](#evil)] [[Code/Page](https://evil.example)",
    "An abstract about the <eos> and <pad> tokens",
    "<script>alert(1)</script> & <b>bold</b>",
    "<!-- hides the rest of the file",
    "**bold** _em_ `code` ~~del~~ $x^2$ ==mark== ++ctrl++ ^^ins^^ :smile: {: onclick=alert(1) }",
    "[x]: javascript:alert(1)",
    "![img](javascript:alert(1)) <javascript:alert(1)> <https://evil.example>",
    "&lt;img src=x onerror=alert(2)&gt; &amp; &#60;",
    "# Heading #",
    "- an item",
    "2024. A year, 1) an item",
    "> a quote",
    "=== a setext underline",
    "!!! note and ??? details and /// block",
    ": a definition | a | table |",
    r"\[x\] \(y\) a backslash \ and \\ two",
    "a title that ends with a star*",
    "*",
    "a title that ends with a backslash \\",
    "see https://github.com/o/r_x_(y) and https://x.org/~u/?a=1&b=2.",
    "[^1] a footnote, *[HTML]: an abbreviation",
    "snake_case and _leading and trailing_ underscores__",
]
GFM = MarkdownIt("commonmark").enable(["strikethrough", "table"])
# cmark (GitHub) shows an autolink's text as written; markdown-it decodes its %XX escapes.
GFM.normalizeLinkText = lambda url: url  # type: ignore[method-assign]
PYTHON_MARKDOWN_EXTENSIONS = [
    "extra",
    "admonition",
    "attr_list",
    "def_list",
    "pymdownx.tilde",
    "pymdownx.caret",
    "pymdownx.mark",
    "pymdownx.keys",
    "pymdownx.details",
    "pymdownx.arithmatex",
    "pymdownx.emoji",
]


class _Parts(HTMLParser):
    """The text of the list's first ``<strong>`` (the title) and of the paragraph after the
    ``Abstract`` heading, and every tag and link met inside either."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: list[str] = []
        self.abstract: list[str] = []
        self.inner_tags: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._into: list[str] | None = None
        self._after_abstract = False
        self._in_h3 = False
        self._href: str | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._into is not None:
            self._depth += 1
            self.inner_tags.append(tag)
            if tag == "a":
                self._href = dict(attrs).get("href") or ""
        elif tag == "strong" and not self.title:
            self._into, self._depth = self.title, 0
        elif tag == "p" and self._after_abstract:
            self._into, self._depth, self._after_abstract = self.abstract, 0, False
        self._in_h3 = tag == "h3"

    def handle_endtag(self, tag: str) -> None:
        if self._into is None:
            return
        if self._depth == 0:
            self._into = None
        else:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_h3 and data.strip() == "Abstract":
            self._after_abstract = True
        if self._into is not None:
            self._into.append(data)
            if self._href is not None:
                self.links.append((self._href, data))
                self._href = None


def _parts(html: str) -> _Parts:
    parser = _Parts()
    parser.feed(html)
    parser.close()
    return parser


def _import(title: str, summary: str) -> str:
    record = {"title": title, "url": "http://arxiv.org/abs/2506.09634v1", "summary": summary}
    result = read("jsonl", json.dumps(record))
    assert len(result.papers) == 1, result.skipped
    return new_list(result.papers).text


def _shown(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_imported_title_and_abstract_render_as_the_source_text(text: str) -> None:
    _assert_renders_as_itself(text)


_MARKUP = st.sampled_from(
    [
        *"\\`*_{}[]()#!+-.&<>~$^:=|?/\"'%@; aZ09",
        *("&amp;", "<eos>", "&#", ":smile:", ":+1:", "https://", "_x", "x_"),
        *("http://x.org/a_b", "http://a.b/c?d=1&e=2", "https://x.y/(a)"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(_MARKUP, min_size=1, max_size=14).map(lambda parts: _shown("".join(parts))))
def test_any_mix_of_markup_characters_renders_as_itself(text: str) -> None:
    if text:
        _assert_renders_as_itself(text)


def _assert_renders_as_itself(text: str) -> None:
    written = _import(text, text)
    for renderer, html in [
        ("GitHub (markdown-it)", GFM.render(written)),
        ("Python-Markdown", markdown.markdown(written)),
        (
            "Python-Markdown + extensions",
            markdown.markdown(written, extensions=PYTHON_MARKDOWN_EXTENSIONS),
        ),
    ]:
        parts = _parts(html)
        assert "".join(parts.title) == text, renderer
        assert "".join(parts.abstract) == text, renderer
        # URLs in the text become links to themselves; nothing else becomes markup.
        assert set(parts.inner_tags) <= {"a"}, renderer
        assert all(
            href.startswith("http") and label.startswith(href[:8]) for href, label in parts.links
        )


@pytest.mark.parametrize("text", HOSTILE)
def test_imported_title_and_abstract_show_as_the_source_text_in_the_paperlist_page(
    text: str,
) -> None:
    written = _import(text, text)
    entry = parse_text(written).entries[0]
    html = markdown.markdown(written, extensions=[makeExtension(), "toc"])
    titles = _Titles()
    titles.feed(html)
    # The entry's title, and the notes heading that shows it, are the source's title.
    assert titles.texts == [text, text]
    assert len(entry.links) == 3


class _Titles(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if "paperlist-title" in classes or (
            tag in {"h2", "h3"} and "paperlist-group-title" not in classes
        ):
            self._open = tag
            self.texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.texts[-1] += data


def test_an_arxiv_abstract_with_escaped_html_stays_text() -> None:
    feed = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry>'
        "<id>http://arxiv.org/abs/2506.09634v1</id><title>A &lt;b&gt;title&lt;/b&gt;</title>"
        "<summary>&lt;img src=x onerror=alert(2)&gt; and &lt;eos&gt;</summary>"
        "<published>2025-06-11T00:00:00Z</published></entry></feed>"
    )
    written = new_list(read("arxiv-atom", feed).papers).text
    assert "**A &lt;b>title&lt;/b>**" in written
    assert "\n&lt;img src=x onerror=alert(2)> and &lt;eos>\n" in written
    parts = _parts(GFM.render(written))
    assert "".join(parts.abstract) == "<img src=x onerror=alert(2)> and <eos>"


def test_a_title_with_a_nul_byte_makes_a_list_paperlint_reads() -> None:
    # (A lone surrogate makes the JSONL record unreadable: it is skipped with a warning,
    # tested with the other unreadable records.)
    written = _import("nul\u0000byte \u0007bell", "tab\there, nul\u0000.")
    document = Document.from_bytes(written.encode("utf-8"))  # raises on a NUL byte
    assert "**nulbyte bell**" in document.text
    assert "\ntab here, nul.\n" in document.text


def test_appending_a_paper_whose_title_has_markup_finds_it_already_there() -> None:
    title = "Read & Write <fast>: a_b *c*"
    first = _import(title, "An abstract.")
    paper = read("jsonl", json.dumps({"title": title, "summary": "x", "published": "2025-01"}))
    written = append(Document(first), paper.papers)
    assert written.added == []
    assert written.text == first


FRAGMENTS = [*HOSTILE, "[[", ")]", "**", "\\", "<", "&", "#", "\n", "\u0000", "论文", " "]


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), min_size=1, max_size=6),
            st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=3), min_size=1, max_size=6),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_an_imported_list_lints_clean_whatever_the_titles_and_abstracts(
    records: list[tuple[list[str], list[str]]],
) -> None:
    lines = [
        json.dumps({"title": "".join(title), "summary": "".join(summary), "published": "2025-06"})
        for title, summary in records
    ]
    result = read("jsonl", "\n".join(lines))
    added = new_list(result.papers).added
    written = new_list(result.papers).text
    Document.from_bytes(written.encode("utf-8"))  # readable: no NUL, valid UTF-8
    entries = parse_text(written).entries
    assert len(entries) == len(added)
    assert all(
        [link.label for link in e.links] == ["Paper", "Code/Page", "TLDR/Notes"] for e in entries
    )
    findings = Counter(d.name for d in lint(written, Settings(targets=TARGETS)))
    # Without an arXiv URL the Paper link is empty; an abstract without a URL leaves the
    # Code/Page link empty (an info). Mojibake the source itself holds is reported, truly
    # (and `paperlint --fix` repairs it). Nothing else the text holds gives a finding.
    source_mojibake = any(
        find_mojibake(text) for paper in added for text in (paper.title, paper.abstract)
    )
    allowed = {"missing-link", "empty-code-link"} | ({"mojibake"} if source_mojibake else set())
    assert set(findings) <= allowed
    assert findings["missing-link"] == len(added)


def test_a_new_lists_title_renders_as_given() -> None:
    title = "C++ & <Rust> *notes* #"
    paper = read("jsonl", json.dumps({"title": "A", "url": ARXIV_URL, "summary": "s"})).papers
    written = new_list(paper, title).text
    for html in (GFM.render(written), markdown.markdown(written)):
        heading = _Heading()
        heading.feed(html)
        assert heading.text == title


def test_a_url_cannot_end_its_link_early() -> None:
    url = "https://x.org/a)][[Code/Page](javascript:alert(1)"
    record = {"title": "U", "url": url, "summary": "s", "published": "2025-06"}
    written = new_list(read("jsonl", json.dumps(record)).papers).text
    links = parse_text(written).entries[0].links
    assert [link.label for link in links] == ["Paper", "Code/Page", "TLDR/Notes"]
    assert links[0].url == "https://x.org/a%29%5D%5B%5BCode/Page%5D%28javascript:alert%281%29"
    assert links[1].url == ""


ARXIV_URL = "http://arxiv.org/abs/2506.09634v1"


class _Heading(HTMLParser):
    """The text of the first ``<h1>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self._state = "before"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h1" and self._state == "before":
            self._state = "in"

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self._state == "in":
            self._state = "after"

    def handle_data(self, data: str) -> None:
        if self._state == "in":
            self.text += data
