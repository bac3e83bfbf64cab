"""The heading profile: one heading per paper and the few lines about it, and the section
headings it must leave alone."""

from __future__ import annotations

import pytest

from paperlint import parse
from paperlint.model import DateSource, LinkKind
from paperlint.parse import parse_text

MAXIME = (
    "## Implemented papers\n"
    "\n"
    "##### [Auto-Encoding Variational Bayes]\n"
    "- Auto-Encoding Variational Bayes [[arXiv]](https://arxiv.org/abs/1312.6114)\n"
    "- *Diederik P Kingma, Max Welling*\n"
    "- `2013-12-20`\n"
)
PUNEET = (
    "## 🏗️ 2017\n"
    "\n"
    "### [Attention Is All You Need](https://arxiv.org/abs/1706.03762)\n"
    "\n"
    "**Google** • `Architecture` `Foundation` • "
    "![Hall of Fame](https://img.shields.io/badge/⭐-Hall%20of%20Fame-ff1493?style=flat)\n"
    "\n"
    "> Created Transformer architecture, foundation of all modern LLMs\n"
    "\n"
    "---\n"
    "\n"
    '<div align="center">\n'
    "\n"
    "## 🌟 Contributing\n"
    "\n"
    "Found a missing paper? [Submit it here](https://github.com/x/y/issues/new)!\n"
    "\n"
    "**[⬆ Back to Top](#top)**\n"
    "\n"
    "</div>\n"
)


def _text(source: str, span: object) -> str:
    return source[span.start : span.end]  # type: ignore[attr-defined]


def test_a_date_in_a_code_span_is_read_from_the_text_with_its_day() -> None:
    (entry,) = parse(MAXIME).entries
    assert entry.format == "heading"
    assert entry.title is not None and entry.title.kind == "heading"
    assert entry.title.text == "Auto-Encoding Variational Bayes"
    assert entry.date is not None and entry.date.source is DateSource.TEXT
    assert (entry.date.year, entry.date.month, entry.date.day) == (2013, 12, 20)
    assert _text(MAXIME, entry.date.span) == "2013-12-20"
    assert _text(MAXIME, entry.authors) == "Diederik P Kingma, Max Welling"
    assert [(link.kind, link.label) for link in entry.links] == [(LinkKind.PAPER, "arXiv")]
    assert entry.marker_length == 0


def test_a_year_section_dates_its_entries_and_a_summary_is_the_notes() -> None:
    paper_list = parse(PUNEET)
    (entry,) = paper_list.entries
    assert paper_list.format.name == "heading"
    assert entry.title is not None and entry.title.text == "Attention Is All You Need"
    assert entry.links[0].kind is LinkKind.PAPER
    assert entry.date is not None and entry.date.source is DateSource.HEADING
    assert entry.date.year == 2017 and _text(PUNEET, entry.date.span) == "2017"
    assert _text(PUNEET, entry.authors) == "Google"
    assert _text(PUNEET, entry.notes).startswith("Created Transformer")
    assert [badge.label for badge in entry.badges] == ["Hall of Fame"]
    # The thematic break and the HTML tag that close the year's section are not the entry's.
    assert PUNEET[entry.end - 4 : entry.end] == "LLMs"


def test_an_entry_outside_a_year_section_has_no_date() -> None:
    text = PUNEET.replace("## 🏗️ 2017", "## Foundations")
    (entry,) = parse(text).entries
    assert entry.date is None


@pytest.mark.parametrize(
    "text",
    [
        "## Contents\n\n- [Papers](#papers)\n- [Talks](#talks)\n",
        "## 2017\n\n---\n\n## 🏗️ 2017\n\n",
        "### Technical Report on o1 Models\n"
        "- [DeepSeek-V3 Technical Report](https://arxiv.org/abs/2412.19437)\n"
        "  - DeepSeek\n"
        "- [Kimi k1.5: Scaling Reinforcement Learning with LLMs](https://github.com/MoonshotAI/Kimi-k1.5)\n"
        "  - MoonShot\n",
        "## 0. Toolkits\n"
        "1. **OpenAttack: An Open-source Textual Adversarial Attack Toolkit**. *Guoyang Zeng*."
        " ACL 2021 Demo. [[pdf](https://arxiv.org/abs/2009.09191)]\n",
        "#### Compressed Sensing\n\n"
        "**Generator Surgery for Compressed Sensing.**<br>\n"
        "*Niklas Smedemark-Margulies, Paul Hand.*<br>\n"
        "NeurIPS 2020. [[PDF](https://arxiv.org/abs/2102.11163)]\n",
        "#### [How to submit a pull request?](https://github.com/x/y/blob/main/how-to-PR.md)\n\n"
        "## Table of Contents\n",
        "### [Guide](docs/guide.md)\n\n**Someone**\n\n`2020-01-01`\n",
        "# Papers in 100 Lines of Code\n\n*Implementation* of papers.\n\n`2020-01-01`\n",
    ],
)
def test_a_section_heading_is_no_entry(text: str) -> None:
    assert parse_text(text, format="heading").entries == []


def test_a_long_section_is_a_section_of_the_list_not_a_paper() -> None:
    body = "".join(f"- *Author {number}*\n" for number in range(14))
    text = f"### [A Title](https://arxiv.org/abs/2101.00001)\n{body}"
    assert parse_text(text, format="heading").entries == []


def test_a_plain_heading_needs_two_marks_of_a_paper() -> None:
    one = "### Attention Is All You Need\n\n*Vaswani et al.*\n"
    two = one + "\n[[arXiv]](https://arxiv.org/abs/1706.03762)\n"
    assert parse_text(one, format="heading").entries == []
    (entry,) = parse_text(two, format="heading").entries
    assert entry.title is not None and entry.title.text == "Attention Is All You Need"
