"""The renderer (model in, elements out) and the extension (Markdown in, HTML out)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest

from mkdocs_paperlist.extension import makeExtension
from mkdocs_paperlist.render import RenderOptions, render_entry, render_toc, safe_href
from paperlint.parse import parse_text
from paperlint.slugs import plain_text, slugify

from conftest import CORPUS_LISTS

HOSTILE = (
    '- [25/06] **<script>alert("x")</script> & "Quotes"**  \n'
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](javascript:alert(1))]"
    " [[Demo](data:text/html,x)] [[TLDR/Notes](#notes)]\n"
)


def _entry(text: str) -> ET.Element:
    entry = parse_text(text).entries[0]
    return render_entry(entry, None, RenderOptions())


def test_entry_elements() -> None:
    element = _entry(
        "- [25/06] **HSENet: Hybrid**  \n"
        "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/YanzhaoShi/HSENet.)]"
        " [[TLDR/Notes](#hsenet--hybrid)]\n"
    )
    assert element.get("class") == "paperlist-entry"
    assert (element.get("data-year"), element.get("data-code")) == ("2025", "yes")
    assert element.findtext("div[@class='paperlist-title']") == "HSENet: Hybrid"
    links = {a.get("class"): a.get("href") for a in element.iter("a")}
    assert links["paperlist-arxiv paperlist-badge"] == "https://arxiv.org/abs/2506.09634v1"
    # The code badge links to the URL the author meant; the list itself is left as it is.
    assert links["paperlist-badge paperlist-code"] == "https://github.com/YanzhaoShi/HSENet"
    assert links["paperlist-notes-link"] == "#hsenet--hybrid"
    code = element.find(".//a[@class='paperlist-badge paperlist-code']")
    assert code is not None and "GitHub YanzhaoShi/HSENet" in "".join(code.itertext())
    assert code.find("svg") is not None  # inline icon, no request elsewhere


@pytest.mark.parametrize(
    ("url", "kind", "text"),
    [
        ("", "paperlist-nocode", "no code"),
        ("None", "paperlist-nocode", "no code"),
        ("https://storm-bench.github.io/", "paperlist-page", "project page"),
        (
            "https://huggingface.co/a-m-team/AM-Thinking-v1",
            "paperlist-code",
            "Hugging Face a-m-team/AM-Thinking-v1",
        ),
        ("https://gitlab.com/group/project.git", "paperlist-code", "GitLab group/project"),
    ],
)
def test_code_badges(url: str, kind: str, text: str) -> None:
    element = _entry(
        f"- [25/06] **T**\n[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page]({url})]\n"
    )
    badge = next(e for e in element.iter() if kind in (e.get("class") or "").split())
    assert "".join(badge.itertext()).strip() == text


def test_hostile_content_is_text_and_unsafe_urls_are_not_links() -> None:
    element = _entry(HOSTILE)
    html = ET.tostring(element, encoding="unicode", method="html")
    assert "<script>" not in html
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; "Quotes"' in html
    hrefs = [a.get("href") or "" for a in element.iter("a")]
    assert not any(href.lower().startswith(("javascript:", "data:")) for href in hrefs)
    assert element.get("data-code") == "no"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        (" data:text/html,x", None),
        ("http://x.org/a b", None),
        ("#anchor", "#anchor"),
        ("https://minedojo.org)", "https://minedojo.org"),
    ],
)
def test_safe_href(url: str, href: str | None) -> None:
    assert safe_href(url) == href


def test_toc_groups_newest_first_with_counts() -> None:
    text = "\n\n".join(
        f"- [{tag}] **P{n}**\n[[Paper](x)]"
        for n, tag in enumerate(["24/01", "25/06", "25/06", "YY/MM"])
    )
    nav = render_toc(parse_text(text).entries)
    items = ["".join(li.itertext()) for li in nav.iter("li")]
    assert items[0].startswith("2025 (2)")
    assert [a.get("href") for a in nav.iter("a")] == ["#papers-2025-06", "#papers-2024-01"]
    assert items[-1] == "undated (1)"


def _html(text: str, **config: object) -> str:
    return markdown.markdown(text, extensions=[makeExtension(**config), "toc", "fenced_code"])


@pytest.mark.parametrize(
    "path",
    [p for p in CORPUS_LISTS if "notes" not in p.name and "empty" not in p.name],
    ids=lambda p: p.name,
)
def test_every_in_page_link_lands_on_an_id(path) -> None:  # type: ignore[no-untyped-def]
    html = _html(path.read_text(encoding="utf-8"))
    ids = set(re.findall(r' id="([^"]+)"', html))
    hrefs = re.findall(r'href="#([^"]+)"', html)
    assert hrefs
    assert [h for h in hrefs if h not in ids] == []


def test_notes_headings_show_titles_and_keep_entry_anchors() -> None:
    text = (
        "- [25/06] **MedSeg-R: Reasoning**  \n"
        "[[Paper](http://arxiv.org/pdf/2506.10465v1)] [[Code/Page]()]"
        " [[TLDR/Notes](#medseg-r--reasoning)]\n\n"
        "# TLDR/Notes\n## medseg-r--reasoning\n### Abstract\nText.\n"
    )
    md = markdown.Markdown(extensions=[makeExtension(), "toc"])
    html = md.convert(text)
    assert '<h2 id="medseg-r--reasoning">MedSeg-R: Reasoning</h2>' in html

    def names(tokens: list[dict]) -> list[str]:  # type: ignore[type-arg]
        return [n for t in tokens for n in [t["name"], *names(t["children"])]]

    labels = names(md.toc_tokens)  # type: ignore[attr-defined]
    assert "MedSeg-R: Reasoning" in labels
    assert "Papers by date" in labels and "2025-06" in labels


def test_collapsed_notes_and_options() -> None:
    text = "- [25/06] **A**\n[[Paper](x)] [[TLDR/Notes](#a)]\n\n# TLDR/Notes\n## a\nnotes\n"
    html = _html(text, collapse_notes=True, toc=False, filter=False, assets="external")
    assert '<details class="paperlist-notes"><summary><h2 id="a">A</h2></summary>' in html
    assert "paperlist-toc" not in html and "paperlist-filter" not in html
    shields = _html(text, badges="shields")
    assert "https://img.shields.io/badge/" in shields


def test_a_page_without_entries_is_left_alone() -> None:
    text = "# Title\n\nJust text and a [link](x.md).\n"
    assert _html(text) == markdown.markdown(text, extensions=["toc", "fenced_code"])


def test_the_extension_is_found_by_name() -> None:
    html = markdown.markdown("- [25/06] **A**\n[[Paper](x)]\n", extensions=["paperlist"])
    assert "paperlist-entry" in html


def test_a_model_prepared_by_the_caller_is_reused(monkeypatch: pytest.MonkeyPatch) -> None:
    # The MkDocs plugin parses each page once (to decide, and to lint) and hands the model
    # to the extension; the extension must not parse the page a second time.
    text = CORPUS_LISTS[0].read_text(encoding="utf-8")
    expected = markdown.markdown(text, extensions=[makeExtension(), "toc"])
    extension = makeExtension()
    extension.prepared = parse_text(text)

    def no_second_parse(*args: object) -> None:
        raise AssertionError("the page was parsed again")

    monkeypatch.setattr("mkdocs_paperlist.extension.parse", no_second_parse)
    rendered = markdown.markdown(text, extensions=[extension, "toc"])
    assert re.sub(r"paperlist[0-9a-f]{12}", "", rendered) == re.sub(
        r"paperlist[0-9a-f]{12}", "", expected
    )


@pytest.mark.parametrize(
    "heading",
    ["first<br>", "a &amp; b", "<em>x</em> y", "x &lt;eos&gt;", "`code` and *em*"],
)
def test_a_notes_heading_with_inline_html_or_an_entity_keeps_every_anchor(heading: str) -> None:
    # Matched by text, one such heading lost its section and every later one: their ids
    # stayed the site's own and the entries' anchors broke. Headings match by position.
    anchor = slugify(plain_text(heading), "github")
    text = (
        "- [25/06] **Before**\n[[Paper](x)] [[TLDR/Notes](#before)]\n\n"
        f"- [25/06] **Odd One**\n[[Paper](x)] [[TLDR/Notes](#{anchor})]\n\n"
        "- [25/06] **After: Two**\n[[Paper](x)] [[TLDR/Notes](#after-two)]\n\n"
        f"# TLDR/Notes\n## before\none\n## {heading}\ntwo\n## after: two\nthree\n"
    )
    html = _html(text, toc=False, filter=False)
    sections = re.findall(r'<div class="paperlist-notes"><h2 id="([^"]+)">([^<]*)</h2>', html)
    assert sections == [("before", "Before"), (anchor, "Odd One"), ("after-two", "After: Two")]
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert set(re.findall(r'href="#([^"]+)"', html)) <= ids


def test_a_quoted_heading_does_not_take_the_place_of_a_notes_heading() -> None:
    text = (
        "- [25/06] **Alpha**  \n"
        "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page]()] [[TLDR/Notes](#alpha)]\n\n"
        "# TLDR/Notes\n\n> ## A quoted heading\n\n## alpha\n\nnotes\n"
    )
    html = markdown.markdown(text, extensions=["paperlist", "toc"])
    assert '<h2 id="alpha">Alpha</h2>' in html
    assert '<h2 id="a-quoted-heading">A quoted heading</h2>' in html


FORMATS = Path(__file__).parent / "data" / "formats"


@pytest.mark.parametrize(
    "path",
    sorted(path for path in FORMATS.glob("*.md") if not path.name.startswith("SOURCE-")),
    ids=lambda path: path.name[:40],
)
def test_a_list_of_another_format_renders_as_its_markdown_does(path: Path) -> None:
    # Until the page reads every part of other formats, their entries stay Markdown as
    # written: the extension changes nothing, so nothing is lost.
    text = path.read_text(encoding="utf-8")
    plain = markdown.markdown(text)
    assert markdown.markdown(text, extensions=[makeExtension()]) == plain
