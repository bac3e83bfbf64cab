"""The page: each entry as an article (Markdown in, HTML out), order and groups, notes under
their entries, the controls."""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest

from mkdocs_paperlist.extension import makeExtension
from mkdocs_paperlist.render import RenderOptions, plan, safe_href, venue_key
from page_text import articles
from paperlint.parse import parse_text
from paperlint.slugs import plain_text, slugify

from conftest import CORPUS_LISTS

DATA = Path(__file__).parent / "data"
FORMATS = sorted(p for p in (DATA / "formats").glob("*.md") if not p.name.startswith("SOURCE-"))
ENTRY = (
    "- [25/06] **HSENet: Hybrid**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/YanzhaoShi/HSENet.)]"
    " [[TLDR/Notes](#hsenet--hybrid)]\n"
)


def _html(text: str, **config: object) -> str:
    config.setdefault("assets", "external")  # the page's HTML, without the CSS and JS
    return markdown.markdown(
        text, extensions=[makeExtension(**config), "toc", "fenced_code", "tables"]
    )


def _badges(page: str) -> dict[str, tuple[str | None, str]]:
    found = re.findall(
        r'<(?:a|span) class="paperlist-badge ([a-z-]+)"(?: href="([^"]*)")?>'
        r'<span aria-hidden="true" class="paperlist-icon"></span><span>([^<]*)</span>',
        page,
    )
    return {kind: (href or None, text) for kind, href, text in found}


def test_a_generator_entry() -> None:
    page = _html(ENTRY)
    (article,) = articles(page)
    assert article.attributes["class"] == "paperlist-entry"
    assert article.attributes["data-date"] == "2025-06"
    assert article.attributes["data-code"] == "yes"
    assert article.attributes["data-line"] == "1"
    assert (
        '<a class="paperlist-title" href="https://arxiv.org/abs/2506.09634v1">HSENet: Hybrid</a>'
        in page
    )
    badges = _badges(page)
    assert badges["paperlist-paper"] == ("https://arxiv.org/abs/2506.09634v1", "arXiv 2506.09634v1")
    # The code badge links to the URL the author meant; the list itself is left as it is.
    assert badges["paperlist-code"] == (
        "https://github.com/YanzhaoShi/HSENet",
        "GitHub YanzhaoShi/HSENet",
    )
    assert badges["paperlist-notes-link"] == ("#hsenet--hybrid", "TLDR/Notes")
    assert "<svg" not in page  # icons are CSS: the sanitizer refuses SVG in entries


@pytest.mark.parametrize(
    ("url", "kind", "text"),
    [
        ("", "paperlist-nocode", "no code"),
        ("None", "paperlist-nocode", "no code"),
        ("https://storm-bench.github.io/", "paperlist-project", "project page"),
        (
            "https://huggingface.co/a-m-team/AM-Thinking-v1",
            "paperlist-code",
            "Hugging Face a-m-team/AM-Thinking-v1",
        ),
        ("https://gitlab.com/group/project.git", "paperlist-code", "GitLab group/project"),
    ],
)
def test_code_badges(url: str, kind: str, text: str) -> None:
    page = _html(
        f"- [25/06] **T**\n[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page]({url})]\n"
    )
    assert _badges(page)[kind][1] == text


def test_an_awesome_style_entry_keeps_every_part() -> None:
    # The example: the authors are authors, the venue is the venue, nothing vanishes.
    page = _html(
        "## Planning\n\n"
        "- [2023/08] **AgentBench** *Xiao Liu et al.* ICLR 2024. "
        "[[paper](https://arxiv.org/abs/2308.03688)] ⭐ 1.2k\n"
        "  - Curated: a benchmark, see [the site](https://llmbench.ai)\n"
    )
    (article,) = articles(page)
    text = " ".join(" ".join(article.text).split())
    assert "Xiao Liu et al." in text and "ICLR 2024" in text and "⭐ 1.2k" in text
    # A link in the curator's prose stays in it; the paper link is a badge.
    assert "Curated: a benchmark, see the site" in text
    assert "https://llmbench.ai" in article.hrefs
    assert 'class="paperlist-authors">Xiao Liu et al.</span>' in page


def test_hostile_content_is_sanitized_and_unsafe_urls_are_not_links() -> None:
    page = _html(
        '- [25/06] **<script>alert("x")</script> & "Quotes"**  \n'
        "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](javascript:alert(1))]"
        " [[Demo](data:text/html,x)] [[TLDR/Notes](#notes)]\n"
    )
    assert "<script" not in page
    assert "&amp; &quot;Quotes&quot;" in page or '&amp; "Quotes"' in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert not any(href.lower().startswith(("javascript:", "data:")) for href in hrefs)
    (article,) = articles(page)
    assert article.attributes["data-code"] == "no"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("javascript:alert(1)", None),
        ("JAVASCRIPT:alert(1)", None),
        (" data:text/html,x", None),
        ("http://x.org/a b", None),
        ("#anchor", "#anchor"),
        ("https://minedojo.org)", "https://minedojo.org"),
        ("<https://x.org/a>", "https://x.org/a"),
    ],
)
def test_safe_href(url: str, href: str | None) -> None:
    assert safe_href(url) == href


@pytest.mark.parametrize(
    ("venue", "key"),
    [
        ("ICLR 2024", "ICLR"),
        ("ICLR'24", "ICLR"),
        ("NeurIPS 2023 (Oral)", "NeurIPS"),
        ("arXiv", "arXiv"),
    ],
)
def test_venue_keys(venue: str, key: str) -> None:
    assert venue_key(venue) == key


UNSORTED = "\n".join(
    f"- [{tag}] **P{n}**\n[[Paper](https://arxiv.org/abs/2401.0000{n})]"
    for n, tag in enumerate(["24/01", "25/06", "24/01", "25/06", "YY/MM"])
)


def _groups(page: str) -> list[tuple[str, list[str]]]:
    """Each group's id and the titles under it, in page order."""
    groups: list[tuple[str, list[str]]] = []
    for ident, body in re.findall(
        r'<section class="paperlist-group" data-group="([^"]+)">(.*?)</section>', page, re.S
    ):
        groups.append((ident, re.findall(r'class="paperlist-title"[^>]*>([^<]+)<', body)))
    return groups


def test_month_groups_hold_their_own_entries_on_an_unsorted_list() -> None:
    page = _html(UNSORTED)
    assert _groups(page) == [
        ("papers-2025-06", ["P1", "P3"]),
        ("papers-2024-01", ["P0", "P2"]),
        ("papers-undated", ["P4"]),
    ]
    chips = re.findall(
        r'data-group="([^"]+)" href="#\1">[^<]*<span class="paperlist-chip-count">(\d+)', page
    )
    assert chips == [("papers-2025-06", "2"), ("papers-2024-01", "2"), ("papers-undated", "1")]
    # The controls come before the first group, the filter before the table of contents.
    assert page.index("paperlist-filter") < page.index("paperlist-toc") < page.index("<section")


def test_sort_and_year_groups() -> None:
    oldest = _groups(_html(UNSORTED, sort="oldest", group="year"))
    assert oldest == [
        ("papers-2024", ["P0", "P2"]),
        ("papers-2025", ["P1", "P3"]),
        ("papers-undated", ["P4"]),
    ]
    flat = _html(UNSORTED, sort="newest", group="none")
    assert [a.attributes["data-date"] for a in articles(flat)] == [
        "2025-06",
        "2025-06",
        "2024-01",
        "2024-01",
        "",
    ]
    assert re.findall(r'class="paperlist-title"[^>]*>([^<]+)<', flat) == [
        "P1",
        "P3",
        "P0",
        "P2",
        "P4",
    ]


def test_plan_is_stable_and_puts_undated_last() -> None:
    entries = parse_text(UNSORTED).entries
    layout = plan(entries, [None] * len(entries), RenderOptions(sort="newest", group="none"))
    assert layout.groups[0].members == [1, 3, 0, 2, 4]


SECTIONED = (
    "# My list\n\n## Planning & acting\n\nIntro prose stays.\n\n"
    "- [2024/01] **A** [[Paper](https://arxiv.org/abs/2401.00001)]\n"
    "- [2025/02] **B** [[Paper](https://arxiv.org/abs/2502.00001)]\n\n"
    "## Memory\n\n- [2023/05] **C** [[Paper](https://arxiv.org/abs/2305.00001)]\n"
)


def test_sections_group_by_the_authors_headings() -> None:
    page = _html(SECTIONED, sort="newest")
    assert (
        '<h2 class="paperlist-section" data-group="planning-acting" id="planning-acting">' in page
    )
    assert re.findall(r'class="paperlist-title"[^>]*>([^<]+)<', page) == ["B", "A", "C"]
    groups = [a.attributes.get("data-group") for a in articles(page)]
    assert groups == ["planning-acting", "planning-acting", "memory"]
    assert re.findall(r'class="paperlist-chip" data-group="([^"]+)" href="#([^"]+)"', page) == [
        ("planning-acting", "planning-acting"),
        ("memory", "memory"),
    ]
    assert page.index("paperlist-controls") < page.index('id="planning-acting"')
    assert "Intro prose stays." in page


def test_the_site_toc_lists_groups_and_notes_without_counts() -> None:
    text = (
        "- [25/06] **MedSeg-R: Reasoning**  \n"
        "[[Paper](http://arxiv.org/pdf/2506.10465v1)] [[Code/Page]()]"
        " [[TLDR/Notes](#medseg-r--reasoning)]\n\n"
        "# TLDR/Notes\n## medseg-r--reasoning\n### Abstract\nText.\n"
    )
    md = markdown.Markdown(extensions=[makeExtension(), "toc"])
    html = md.convert(text)
    assert '<h3 id="medseg-r--reasoning">MedSeg-R: Reasoning</h3>' in html

    def names(tokens: list[dict]) -> list[str]:  # type: ignore[type-arg]
        return [n for t in tokens for n in [t["name"], *names(t["children"])]]

    labels = names(md.toc_tokens)  # type: ignore[attr-defined]
    assert "MedSeg-R: Reasoning" in labels and "2025-06" in labels


def test_notes_open_under_their_entry_with_a_way_back() -> None:
    text = "- [25/06] **A**\n[[Paper](x)] [[TLDR/Notes](#a)]\n\n# TLDR/Notes\n## a\nnotes\n"
    page = _html(text)
    (article,) = articles(page)
    assert "notes" in article.words
    notes = '<details class="paperlist-notes" open="open"><summary>TLDR/Notes</summary>'
    assert notes + '<h3 id="a">A</h3>' in _html(text, collapse_notes=False)
    assert f'<a href="#{article.attributes["id"]}">Back to the paper</a>' in page
    closed = _html(text, collapse_notes=True, toc=False, filter=False)
    assert '<details class="paperlist-notes"><summary>' in closed
    assert "paperlist-toc" not in closed and "paperlist-filter" not in closed
    assert "https://img.shields.io/badge/" in _html(text, badges="shields")


def test_notes_wrapped_in_a_fence_show_as_markdown_unless_told_not_to() -> None:
    text = (
        "- [25/06] **A**\n[[Paper](x)] [[TLDR/Notes](#a)]\n\n# TLDR/Notes\n## a\n"
        "```\n### Summary\n- **Idea**: one\n```\n"
    )
    assert "<strong>Idea</strong>" in _html(text)
    assert "<code>### Summary" in _html(text, unwrap_notes=False)


@pytest.mark.parametrize("path", [*CORPUS_LISTS, *FORMATS], ids=lambda p: p.name[:40])
def test_every_in_page_link_lands_on_an_id(path: Path) -> None:
    html = _html(path.read_text(encoding="utf-8"))
    ids = set(re.findall(r' id="([^"]+)"', html))
    hrefs = re.findall(r'href="#([^"]+)"', html)
    broken_before = set(
        re.findall(
            r'href="#([^"]+)"',
            markdown.markdown(path.read_text(encoding="utf-8"), extensions=["toc", "tables"]),
        )
    ) - set(
        re.findall(
            r' id="([^"]+)"',
            markdown.markdown(path.read_text(encoding="utf-8"), extensions=["toc", "tables"]),
        )
    )
    # Every anchor resolves, but those the list's own links already missed without the
    # extension (the linter reports them).
    assert [h for h in hrefs if h not in ids and h not in broken_before] == []


def test_heading_entries_keep_the_ids_the_site_gives_them() -> None:
    path = DATA / "formats" / "MaximeVandegar__Papers-in-100-Lines-of-Code__README.md"
    text = path.read_text(encoding="utf-8")
    plain = set(re.findall(r'<h5 id="([^"]+)"', markdown.markdown(text, extensions=["toc"])))
    page = _html(text)
    assert plain and plain <= set(re.findall(r'<h5 class="paperlist-title" id="([^"]+)"', page))


def test_entries_inside_a_raw_html_block_show_as_written() -> None:
    text = (
        "<details>\n\n- [2024/01] **Hidden** [[Paper](https://arxiv.org/abs/2401.00001)]\n\n</details>\n\n"
        + SECTIONED
    )
    page = _html(text)
    assert "- [2024/01] **Hidden** [[Paper](https://arxiv.org/abs/2401.00001)]" in page
    assert not re.search(r"paperlist[0-9a-f]{12}", page)


def test_math_in_titles_renders_with_arithmatex() -> None:
    text = "- [25/06] **MAS$^2$: Scaling**\n[[Paper](https://arxiv.org/abs/2506.00001)]\n"
    page = markdown.markdown(
        text,
        extensions=[makeExtension(), "toc", "pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    assert '<span class="arithmatex">\\(^2\\)</span>' in page


def test_a_page_without_entries_is_left_alone() -> None:
    text = "# Title\n\nJust text and a [link](x.md).\n"
    assert _html(text) == markdown.markdown(text, extensions=["toc", "fenced_code", "tables"])


def test_the_extension_is_found_by_name() -> None:
    html = markdown.markdown("- [25/06] **A**\n[[Paper](x)]\n", extensions=["paperlist"])
    assert "paperlist-entry" in html


def test_a_bad_option_is_one_clear_error() -> None:
    with pytest.raises(ValueError, match="sort must be one of"):
        _html(ENTRY, sort="random")


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
    sections = re.findall(r'<summary>TLDR/Notes</summary><h3 id="([^"]+)">([^<]*)</h3>', html)
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
    assert '<h3 id="alpha">Alpha</h3>' in html
    assert '<h2 id="a-quoted-heading">A quoted heading</h2>' in html


def test_each_paper_carries_its_bibtex_as_the_export_writes_it() -> None:
    from paperlint.api import bibtex_entries

    text = UNSORTED
    page = _html(text, group="none")
    blocks = re.findall(
        r'<details class="paperlist-cite"><summary>BibTeX</summary><pre><code>(.*?)</code>',
        page,
        re.S,
    )
    expected = list(bibtex_entries(parse_text(text)).values())
    assert [html.unescape(block) for block in blocks] == expected
    assert "paperlist-cite" not in _html(text, bibtex=False)
    assert 'class="paperlist-feed" href="feed.xml"' in _html(text, feed_url="feed.xml")
    assert "paperlist-feed" not in page


def test_a_table_of_entries_leaves_no_empty_table_and_its_badges_stay_pictures() -> None:
    text = (
        "## 3D\n\n| **Title** | **Repo** | **Paper** |\n|---|:-:|:-:|\n"
        "| [A Title](https://openaccess.thecvf.com/a.html)"
        " | [![GitHub](https://img.shields.io/badge/GitHub-x-blue)](https://github.com/o/a)"
        " | [![arXiv](https://img.shields.io/badge/arXiv-2303-red)](https://arxiv.org/abs/2303.13129)"
        " |\n"
        "| [B Title](https://openaccess.thecvf.com/b.html) | :heavy_minus_sign: | - |\n"
        "| [C Title](https://openaccess.thecvf.com/c.html) | :heavy_minus_sign: | - |\n"
    )
    page = _html(text)
    assert "<table" not in page
    first = articles(page)[0]
    assert first.attributes["data-code"] == "yes"
    assert '<a href="https://github.com/o/a"><img alt="GitHub"' in page
    assert "![" not in page  # no picture's Markdown shown as text
    assert "https://openaccess.thecvf.com/a.html" in first.hrefs
