"""The link-title profile: bullets whose title is the link (``- [Title](url), Authors, Venue``
or ``- [Title](url)`` with nested authors), and the bullets it must leave alone."""

from __future__ import annotations

import pytest

from paperlint import parse
from paperlint.model import DateSource, LinkKind
from paperlint.parse import parse_text


def _text(source: str, span: object) -> str:
    return source[span.start : span.end]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "bullet",
    [
        "- [Intro](#intro)",
        "- [Usage](docs/usage.md): every option",
        "- [CHANGELOG](CHANGELOG.md)",
        "- [bibtex](./citations/nerf.txt), Someone et al., CVPR 2021",
        "- [https://platform.openai.com/docs/guides/reasoning](https://platform.openai.com/docs/guides/reasoning)",
        "- [OpenAI] [Learning to Reason with LLMs](https://openai.com/index/learning-to-reason-with-llms/)",
        "- [Alibaba] [ROLL](https://github.com/alibaba/ROLL) | [Paper](https://arxiv.org/abs/2506.06122)",
        "- 2016-ICLR-[Pruning Filters for Efficient ConvNets](https://arxiv.org/abs/1608.08710)",
        "- [Today we previewed Reinforcement Fine-Tuning](https://x.com/OpenAI/status/1865136373491208674)",
        "- **Fast**: lints 20,000 entries in a second",
        "- [x] a task list item",
        "- [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
    ],
)
def test_a_bullet_without_the_format_s_mark_is_no_entry(bullet: str) -> None:
    assert parse_text(f"# List\n\n{bullet}\n", format="link-title").entries == []


def test_a_table_of_contents_with_nested_items_is_no_entry() -> None:
    text = "## Contents\n\n- [Papers](#papers)\n  - [Faster Inference](#faster-inference)\n"
    assert parse_text(text, format="link-title").entries == []


def test_a_readme_of_tool_links_with_descriptions_holds_no_paper_list() -> None:
    text = (
        "# Tools\n\n"
        "- [mkdocs](https://www.mkdocs.org/): a static site generator\n"
        "- [ruff](https://docs.astral.sh/ruff/): a linter\n"
        "- [pytest](https://pytest.org/): a test runner\n"
    )
    assert parse(text).format.name == "none"


def test_authors_venue_and_its_year_follow_the_link() -> None:
    text = (
        "## Papers\n"
        "- [DeRF: Decomposed Radiance Fields](https://arxiv.org/abs/2011.12490), Rebain et al."
        " Arxiv 2020 | [bibtex](./NeRF-and-Beyond.bib#L222-L228) <!---Rebain20arxiv_derf-->\n"
    )
    (entry,) = parse(text).entries
    assert entry.format == "link-title"
    assert entry.title is not None and entry.title.kind == "link"
    assert entry.title.text == "DeRF: Decomposed Radiance Fields"
    assert _text(text, entry.authors) == "Rebain et al."
    assert _text(text, entry.venue) == "Arxiv 2020"
    assert entry.date is not None and entry.date.source is DateSource.VENUE
    assert (entry.date.year, _text(text, entry.date.span)) == (2020, "2020")
    assert [(link.kind, link.label) for link in entry.links] == [
        (LinkKind.PAPER, "DeRF: Decomposed Radiance Fields"),
        (LinkKind.OTHER, "bibtex"),
    ]


def test_a_title_link_s_role_comes_from_its_host_and_a_pdf_is_the_paper() -> None:
    text = (
        "## Papers\n"
        "- [Neural Sparse Voxel Fields](https://lingjie0206.github.io/papers/NSVF/), Liu et al.,"
        " NeurIPS 2020\n"
        "- [DeepSeek-R1](https://github.com/deepseek-ai/DeepSeek-R1/blob/main/DeepSeek_R1.pdf)\n"
        "  - DeepSeek AI\n"
        "- [Why Language Models Hallucinate](https://openai.com/index/why-language-models-hallucinate/)\n"
        "  - OpenAI\n"
    )
    kinds = [entry.links[0].kind for entry in parse(text).entries]
    assert kinds == [LinkKind.PROJECT, LinkKind.PAPER, LinkKind.PAPER]


def test_nested_items_are_authors_publisher_and_a_remark() -> None:
    text = (
        "## Papers\n"
        "- [Qwen3 Technical Report ](https://github.com/QwenLM/Qwen3/blob/main/Qwen3_Technical_Report.pdf)\n"
        "  - Qwen Team \n"
        "  - Alibaba 2025\n"
        "  - This is a replicate of DeepSeek-R1-Zero training on small models with limited data\n"
        "  - Code: [repo](https://github.com/QwenLM/Qwen3)\n"
        "  - https://github.com/QwenLM/Qwen3\n"
    )
    (entry,) = parse_text(text, format="link-title").entries
    assert entry.title is not None
    assert entry.title.text == "Qwen3 Technical Report"
    # The span is the whole link text: its trailing blank is the list's, for a rule to see.
    assert _text(text, entry.title.span) == "Qwen3 Technical Report "
    assert _text(text, entry.authors) == "Qwen Team"
    assert _text(text, entry.venue) == "Alibaba 2025"
    assert entry.date is not None and entry.date.year == 2025
    assert _text(text, entry.notes).startswith("This is a replicate")
    assert [link.label for link in entry.links] == ["Qwen3 Technical Report ", "repo"]
    assert entry.end == len(text) - 1


def test_a_bare_year_dates_the_entry_and_a_linked_author_stays_a_link() -> None:
    text = (
        "## PyTorch\n"
        "- [NeRF-W](https://github.com/kwea123/nerf_pl/tree/nerfw), "
        "[@kwea123](https://github.com/kwea123), 2021\n"
        "- [NeRF-PyTorch](https://github.com/yenchenlin/nerf-pytorch), Yen-Chen Lin, 2020 |"
        " [bibtex](./citations/pytorch-nerf.txt)\n"
    )
    first, second = parse_text(text, format="link-title").entries
    assert first.authors is None and first.venue is None
    assert first.date is not None and first.date.source is DateSource.TEXT
    assert first.date.year == 2021
    assert [link.label for link in first.links] == ["NeRF-W", "@kwea123"]
    assert _text(text, second.authors) == "Yen-Chen Lin"
    assert second.venue is None and second.date is not None and second.date.year == 2020


def test_a_link_no_renderer_reads_still_gives_its_title() -> None:
    text = (
        "## Papers\n- [Broken Title](https://arxiv.org/abs/2101.00001 , Someone et al., ICML 2021\n"
    )
    (entry,) = parse_text(text, format="link-title").entries
    assert entry.title is not None and entry.title.text == "Broken Title"
    assert all(link.label != "Broken Title" for link in entry.links)


def test_the_list_marker_of_a_numbered_item_is_measured() -> None:
    text = (
        "## Papers\n12. [A Paper Title Here](https://arxiv.org/abs/2101.00001), A. B, ICML 2021\n"
    )
    (entry,) = parse(text).entries
    assert entry.marker_length == 3
    assert text[entry.start : entry.start + 3] == "12."
