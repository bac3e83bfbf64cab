"""duplicate-paper across sections, and the title comparison both duplicate rules share."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint.api import lint
from paperlint.settings import Settings
from paperlint.titles import same_paper

SECTIONS = Path(__file__).parent / "fixtures" / "rules" / "duplicate-paper" / "sections.md"


def test_a_paper_under_two_topics_is_reported_only_when_asked() -> None:
    text = SECTIONS.read_text(encoding="utf-8")
    default = Settings(select=("duplicate-paper",))
    assert [d.line for d in lint(text, default)] == [21]
    across = Settings(
        select=("duplicate-paper",), options={"duplicate-paper": {"across-sections": True}}
    )
    found = [(d.line, d.message) for d in lint(text, across)]
    assert found == [
        (13, "same arXiv id 2506.09634 as the entry on line 5"),
        (18, "same arXiv id 2506.07044 as the entry on line 8"),
        (21, "same title as the entry on line 8"),
    ]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("HSENet: Hybrid Spatial Encoding Network", "HSENet (v2)", True),
        ("Towards Consistent Video Editing", "towards consistent video-editing", True),
        ("Robots Enact Malignant Stereotypes", "Robots Enact Malignant Stereotypes (FAccT)", True),
        ("FitVid: Overfitting in Pixel-Level Video Prediction", "Sora: A Review", False),
        ("Language Models as Zero-Shot Planners", "PIGLeT: Language Grounding", False),
        ("", "Anything", False),
    ],
)
def test_same_paper(first: str, second: str, same: bool) -> None:
    assert same_paper(first, second) is same
    assert same_paper(second, first) is same


def test_an_empty_code_link_is_reported_once_whatever_the_format() -> None:
    from paperlint.api import lint as lint_text

    generator = "- [25/06] **A**  \n[[Paper](https://arxiv.org/abs/2506.00001)] [[Code/Page]()]\n"
    titles = "- [Title](https://arxiv.org/abs/2101.00001) [[code]()]\n" * 3
    assert [d.code for d in lint_text(generator, Settings(select=("PL1", "PL2")))] == ["PL104"]
    found = [(d.line, d.code) for d in lint_text(titles, Settings(select=("PL1", "PL2")))]
    # The same paper three times (duplicate-paper), and one empty-link finding per empty
    # code link: empty-code-link is the generator's convention only.
    assert found == [(1, "PL208"), (2, "PL105"), (2, "PL208"), (3, "PL105"), (3, "PL208")]
