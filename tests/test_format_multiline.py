"""The multiline profile: an entry over several lines (weihaox/GAN-Inversion,
mosaf/Awesome-DL-based-CS-MRI) and its list variant with nested items
(benedekrozemberczki/awesome-decision-tree-papers)."""

from __future__ import annotations

from paperlint import parse
from paperlint.model import DateSource, Entry, LinkKind, PaperList, Span


def _text(paper_list: PaperList, span: Span | None) -> str | None:
    return None if span is None else paper_list.text[span.start : span.end]


def _entries(text: str) -> tuple[PaperList, list[Entry]]:
    paper_list = parse(text)
    assert paper_list.format.name == "multiline"
    return paper_list, paper_list.entries


GAN = (
    "**StyleGAN-XL: Scaling StyleGAN to Large Diverse Datasets.**<br>\n"
    "*[Axel Sauer](https://axelsauer.com/), [Katja Schwarz](https://github.com/katja), "
    "Andreas Geiger.*<br>\n"
    "SIGGRAPH 2022. [[PDF](https://arxiv.org/abs/2202.00273)] "
    "[[Code](https://github.com/autonomousvision/stylegan_xl)]\n"
)


def test_a_paragraph_with_br_lines_and_the_authors_pages() -> None:
    paper_list, entries = _entries(f"### 2D GANs\n\n{GAN}\n{GAN}")
    entry = entries[0]
    assert entry.title is not None
    assert entry.title.text == "StyleGAN-XL: Scaling StyleGAN to Large Diverse Datasets."
    assert entry.marker_length == 0
    authors = _text(paper_list, entry.authors)
    assert authors is not None and authors.startswith("[Axel Sauer]")
    assert authors.endswith("Andreas Geiger.")
    assert _text(paper_list, entry.venue) == "SIGGRAPH 2022"
    assert entry.date is not None and entry.date.source is DateSource.VENUE
    # An author's page on GitHub is no code link of the paper.
    assert [link.kind for link in entry.links] == [
        LinkKind.OTHER,
        LinkKind.OTHER,
        LinkKind.PAPER,
        LinkKind.CODE,
    ]


MRI = (
    "**DGEDDGAN: A dual-domain generator** \\\n"
    "*Qiaohong Liu, Weikun Zhang* \\\n"
    "[08 March 2025] [Magnetic Resonance Imaging]<br>\n"
    "[[Paper](https://doi.org/10.1016/j.mri.2025.110381)]\n"
)


def test_a_paragraph_with_backslash_lines_and_a_bracketed_date() -> None:
    paper_list, entries = _entries(f"### End-to-end\n\n{MRI}\n{MRI}")
    entry = entries[0]
    assert _text(paper_list, entry.authors) == "Qiaohong Liu, Weikun Zhang"
    assert _text(paper_list, entry.venue) == "Magnetic Resonance Imaging"
    date = entry.date
    assert date is not None
    assert (date.source, date.year, date.month, date.day) == (DateSource.TEXT, 2025, 3, 8)
    assert _text(paper_list, date.span) == "[08 March 2025]"


def test_a_bracketed_year_and_an_unclosed_link_destination() -> None:
    text = (
        "**LMO: Linear Mamba Operator** \\\n"
        "*Li, Wei and Jiang, Jiawei*\\\n"
        "[2025] [CVPR]<br>\n"
        "[[Paper](https://doi.org/10.1016/j.media.2025.103806][[Github](https://github.com/a/b)]\n"
    )
    paper_list, entries = _entries(f"### End-to-end\n\n{text}\n{MRI}")
    entry = entries[0]
    assert entry.date is not None
    assert (entry.date.year, entry.date.month, entry.date.text) == (2025, None, "2025")
    assert _text(paper_list, entry.venue) == "CVPR"
    paper, code = entry.links
    assert not paper.closed and code.closed


TREE = (
    "- **Counterfactual Explanation Trees (AISTATS 2022)**\n"
    "  - Kentaro Kanamori, Takuya Takagi\n"
    "  - [[Paper]](https://proceedings.mlr.press/v151/kanamori22a.html)\n"
    "  - [[Code]](https://github.com/a/b)\n"
)


def test_a_bullet_with_nested_items_and_the_venue_in_its_title() -> None:
    paper_list, entries = _entries(f"## 2022\n\n{TREE}\n{TREE}\n{TREE}")
    assert len(entries) == 3
    entry = entries[0]
    assert entry.title is not None
    assert entry.title.text == "Counterfactual Explanation Trees (AISTATS 2022)"
    assert _text(paper_list, entry.venue) == "AISTATS 2022"
    assert entry.date is not None
    assert (entry.date.source, entry.date.year) == (DateSource.VENUE, 2022)
    assert _text(paper_list, entry.authors) == "Kentaro Kanamori, Takuya Takagi"
    assert [(link.kind, link.label) for link in entry.links] == [
        (LinkKind.PAPER, "Paper"),
        (LinkKind.CODE, "Code"),
    ]
    assert entry.marker_length == 1


def test_prose_paragraphs_and_bold_bullets_are_no_entries() -> None:
    text = (
        "## Intro\n\n"
        "This repo is a collection of resources, as a supplement for our "
        "[survey](https://arxiv.org/abs/2101.05278).\n\n"
        "Please check our survey [survey](https://arxiv.org/abs/2210.14267) for more.\n\n"
        "**Note:** the list is sorted by year,\nnewest first.\n\n"
        "**DeepSeek AI** • `Reasoning` `RL`\n"
        "A line about it.\n\n"
        "- [Intro](#intro)\n"
        "- **Fast**: lints 20,000 entries in a second\n"
        "  - [benchmarks](docs/benchmarks.md)\n"
        "* **Imaging region**\n"
        "  *  Knee\n"
        "- **A bold bullet alone (ICML 2020)**\n\n"
        f"## 2D GANs\n\n{GAN}\n{GAN}\n{GAN}"
    )
    _, entries = _entries(text)
    assert len(entries) == 3
    assert all(entry.title is not None and "StyleGAN-XL" in entry.title.text for entry in entries)


def test_only_bold_bullets_with_nested_links_make_no_list() -> None:
    text = (
        "# Features\n\n"
        "- **Linting**\n"
        "  - [Rules](docs/rules.md)\n"
        "- **Rendering**\n"
        "  - [MkDocs](docs/rendering.md), [Sphinx](docs/sphinx.md)\n"
    )
    assert parse(text).format.name == "none"


def test_crlf_line_endings_read_the_same_parts() -> None:
    paper_list, entries = _entries(f"### End-to-end\n\n{MRI}\n{MRI}".replace("\n", "\r\n"))
    assert paper_list.format.confidence == 1.0
    assert _text(paper_list, entries[0].authors) == "Qiaohong Liu, Weikun Zhang"
    assert _text(paper_list, entries[0].venue) == "Magnetic Resonance Imaging"
