"""The ``prefixed`` profile: bullets whose title follows a venue or year prefix (family C).
The cases are lines of the real lists in tests/data/formats/, some trimmed."""

from __future__ import annotations

import pytest

from paperlint import parse
from paperlint.model import DateSource, LinkKind, PaperList
from paperlint.parse import parse_text


def _read(text: str) -> PaperList:
    paper_list = parse(text)
    assert paper_list.format.name == "prefixed"
    return paper_list


def _text(paper_list: PaperList, part: object) -> str:
    start, end = part.start, part.end  # type: ignore[attr-defined]
    return paper_list.document.text[start:end]


def test_a_parenthesised_venue_gives_venue_year_and_a_plain_title() -> None:
    paper_list = _read(
        "- (*ICLR'24*) ToRA: A tool-integrated reasoning agent "
        "[[📝 Paper](https://arxiv.org/abs/2309.17452)] [[💻 Code](https://github.com/microsoft/ToRA)]\n"
        "- (Arxiv’25) AlphaEvolve: A coding agent [[📝\u202fPaper](https://arxiv.org/abs/2506.13131)]\n"
        "- （*ICML'25*) MetaAgent: Automatically Constructing Multi-Agent Systems "
        "[[📝 Paper](https://arxiv.org/abs/2507.22606)]\n"
        "- (*Arxiv' 25*) R&D-Agent: Automating Data-Driven AI Solution Building "
        "[[📝 Paper](https://arxiv.org/abs/2505.14738)]\n"
    )
    tora, alpha, meta, rd = paper_list.entries
    assert _text(paper_list, tora.venue) == "ICLR'24"
    assert tora.date is not None and tora.date.source is DateSource.VENUE
    assert (tora.date.text, tora.date.year, tora.date.month) == ("'24", 2024, None)
    assert tora.title is not None and tora.title.kind == "plain"
    assert tora.title.text == "ToRA: A tool-integrated reasoning agent"
    assert [link.kind for link in tora.links] == [LinkKind.PAPER, LinkKind.CODE]
    assert _text(paper_list, alpha.venue) == "Arxiv’25"
    assert alpha.date is not None and alpha.date.year == 2025
    assert _text(paper_list, meta.venue) == "ICML'25"
    assert rd.date is not None and (rd.date.text, rd.date.year) == ("' 25", 2025)


def test_a_title_over_two_lines_ends_before_its_br() -> None:
    paper_list = _read(
        "- (*Arxiv'25*) PathFinder: A Multi-Modal Multi-Agent System\n"
        "for Medical Diagnostic Decision-Making <br> [[📝 Paper](https://arxiv.org/pdf/2502.08916)]\n"
    )
    (entry,) = paper_list.entries
    assert entry.title is not None
    assert entry.title.text == (
        "PathFinder: A Multi-Modal Multi-Agent System for Medical Diagnostic Decision-Making"
    )
    assert _text(paper_list, entry.title.span).endswith("Decision-Making")


def test_a_dashed_prefix_gives_venue_year_and_the_link_title() -> None:
    paper_list = _read(
        "-   2016-ICLR-[All you need is a good init](https://arxiv.org/abs/1511.06422) "
        "[[Code](https://github.com/ducha-aiki/LSUVinit)]\n"
        "-   2017.11-[Distilling a Neural Network Into a Soft Decision Tree]"
        "(https://arxiv.org/abs/1711.09784)\n"
        "-   2018-IEEE Signal Processing Magazine-[Model compression and acceleration]"
        "(https://ieeexplore.ieee.org/abstract/document/8253600). "
        "[Arxiv extension](https://arxiv.org/abs/1710.09282)\n"
        "-   2019-CVPR-[Searching for A Robust Neural Architecture in Four GPU Hours]"
        "(https://github.com/D-X-Y/GDAS) [[Code](https://github.com/D-X-Y/GDAS)]\n"
        "-   2018-NIPSw-[Variational Mutual Information Distillation for Transfer Learning]"
        "(http://hushell.github.io/papers/nips18_cl.pdf)\n"
    )
    init, tree, magazine, gdas, pdf = paper_list.entries
    assert _text(paper_list, init.venue) == "ICLR"
    assert init.date is not None and (init.date.text, init.date.year) == ("2016", 2016)
    assert init.title is not None and init.title.kind == "link"
    assert init.title.text == "All you need is a good init"
    assert [(link.kind, link.label) for link in init.links] == [
        (LinkKind.PAPER, "All you need is a good init"),
        (LinkKind.CODE, "Code"),
    ]
    assert tree.venue is None
    assert tree.date is not None and (tree.date.year, tree.date.month) == (2017, 11)
    assert _text(paper_list, magazine.venue) == "IEEE Signal Processing Magazine"
    assert [link.url for link in magazine.links][1] == "https://arxiv.org/abs/1710.09282"
    # The title link's role is its host's, but a PDF is the paper wherever it is kept.
    assert gdas.links[0].kind is LinkKind.CODE
    assert pdf.links[0].kind is LinkKind.PAPER


def test_an_empty_title_link_and_a_title_link_over_a_line_break() -> None:
    paper_list = _read(
        "-   2020-AAAI-[Improved Knowledge Distillation via Teacher Assistant]()\n"
        "-   2019-MLsys-[To compress or not to compress: Understanding the Interactions\n"
        "    ](https://arxiv.org/abs/1810.00208)\n"
        "-   1996-[Born again trees](ftp://ftp.stat.berkeley.edu/pub/users/breiman/BAtrees.ps)"
        " (proposed compressing neural networks)\n"
    )
    empty, wrapped, ftp = paper_list.entries
    assert empty.links[0].is_empty and empty.links[0].kind is LinkKind.PAPER
    assert wrapped.title is not None
    assert wrapped.title.text == "To compress or not to compress: Understanding the Interactions"
    assert wrapped.links[0].url == "https://arxiv.org/abs/1810.00208"
    assert _text(paper_list, wrapped.links[0]).endswith("](https://arxiv.org/abs/1810.00208)")
    assert ftp.links[0].url.startswith("ftp://")


@pytest.mark.parametrize(
    "line",
    [
        "- [Intro](#intro)",  # a table-of-contents bullet
        "- [Title](https://arxiv.org/abs/2401.00001), Authors, NeurIPS 2023",  # family E
        "1. **Title**. *Authors*. Venue 2023. [[pdf](https://arxiv.org/abs/2401.00001)]",  # D
        "- **2023-10-22 Our paper is accepted**",  # a news bullet
        "-   [2017-ICML Tutorial](http://people.csail.mit.edu/beenkim/icml_tutorial.html)",
        "-   LLD Workshop (Learning with Limited Data): [1st-2017-NIPSw](https://lld.github.io/)",
        "- (optional) install the extras",
        "- 2024-05-01: released 0.3",
    ],
)
def test_blocks_that_are_no_entry_of_the_format(line: str) -> None:
    assert parse_text(line + "\n", format="prefixed").entries == []
