"""The ``tagged`` profile: bullets with a date or venue tag and a bold title, and the quoted
variant (family B). The cases are lines of the real lists in tests/data/formats/, some
trimmed."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint import parse
from paperlint.formats.fields import entry_links
from paperlint.formats.generator import group_links
from paperlint.model import DateSource, Entry, LinkKind
from paperlint.parse import parse_text

CORPUS = Path(__file__).parent / "data" / "corpus"


def _only(text: str) -> tuple[Entry, str]:
    paper_list = parse(text)
    assert paper_list.format.name == "tagged"
    assert len(paper_list.entries) == 1
    return paper_list.entries[0], paper_list.document.text


def _text(text: str, part: object) -> str:
    start, end = part.start, part.end  # type: ignore[attr-defined]
    return text[start:end]


def test_a_pipe_joined_group_gives_every_link_and_the_italic_gives_authors_and_venue() -> None:
    entry, text = _only(
        "- [2023/10] **Dynamic LLM-Agent Network** *Zijun Liu (Tsinghua) et al. arXiv* "
        "[[Paper](https://arxiv.org/abs/2310.02170)|[Code](https://github.com/SALT-NLP/DyLAN)] #\n"
    )
    assert entry.date is not None and entry.date.source is DateSource.TAG
    assert (entry.date.text, entry.date.year, entry.date.month) == ("2023/10", 2023, 10)
    assert entry.date.style == "YYYY/MM"
    assert entry.title is not None and entry.title.text == "Dynamic LLM-Agent Network"
    assert _text(text, entry.authors) == "Zijun Liu (Tsinghua) et al."
    assert _text(text, entry.venue) == "arXiv"
    assert [(link.kind, link.url) for link in entry.links] == [
        (LinkKind.PAPER, "https://arxiv.org/abs/2310.02170"),
        (LinkKind.CODE, "https://github.com/SALT-NLP/DyLAN"),
    ]


def test_a_venue_tag_gives_the_year_and_the_venue_name_after_a_bold_acronym() -> None:
    entry, text = _only(
        "* **W.A.L.T**: [ECCV 2024] **Photorealistic Video Generation with Diffusion Models** "
        "[[Paper](https://arxiv.org/abs/2312.06662)] [[Project Page](https://walt.github.io/)]\n"
    )
    assert entry.date is not None
    assert (entry.date.text, entry.date.year, entry.date.month) == ("ECCV 2024", 2024, None)
    assert _text(text, entry.date.span) == "[ECCV 2024]"
    assert _text(text, entry.venue) == "ECCV"
    assert entry.title is not None
    assert entry.title.text == "Photorealistic Video Generation with Diffusion Models"
    assert [link.kind for link in entry.links] == [LinkKind.PAPER, LinkKind.PROJECT]


def test_a_venue_tag_with_a_day_and_the_prose_after_the_title() -> None:
    paper_list = parse(
        "* [arXiv 7 Apr 2025] **A Survey on Human Interaction Motion Generation** "
        "[[Paper](https://arxiv.org/abs/2503.12763)]\n"
        "* [Seminal Work 2024] **Sora: Video generation models as world simulators**, "
        "OpenAI Blog, vol. 1, no. 8, p. 1, 2024. [[Project Page](https://openai.com/sora/)]\n"
    )
    survey, sora = paper_list.entries
    assert survey.date is not None
    assert (survey.date.year, survey.date.month, survey.date.day) == (2025, 4, 7)
    assert sora.date is not None and sora.date.year == 2024
    assert sora.title is not None and sora.title.text.startswith("Sora:")
    assert sora.authors is None
    assert [link.label for link in sora.links] == ["Project Page"]


def test_the_quoted_variant_with_crlf_line_endings() -> None:
    paper_list = parse(
        "## Reasoning\r\n"
        '* **ReKep**: "ReKep: Spatio-Temporal Reasoning", *arXiv, Sep 2024*. '
        "[[Paper](https://arxiv.org/abs/2409.01652)] [[Code](https://github.com/huangwl18/ReKep)]\r\n"
        '* "Translating Natural Language to Planning Goals", *arXiv, Feb 2023*. '
        "[[Paper](https://arxiv.org/abs/2302.05128)] \r\n"
        '* **RoboSpatial**: "RoboSpatial: Teaching Spatial Understanding", CVPR, June 2025. '
        "[[Paper](https://arxiv.org/abs/2411.16537)]\r\n"
    )
    text = paper_list.document.text
    assert paper_list.format.name == "tagged"
    rekep, goals, spatial = paper_list.entries
    for entry in (rekep, goals, spatial):
        assert entry.title is not None and entry.title.kind == "quoted"
        assert entry.date is not None and entry.date.source is DateSource.TEXT
    assert rekep.title is not None and rekep.title.text == "ReKep: Spatio-Temporal Reasoning"
    assert rekep.date is not None and (rekep.date.year, rekep.date.month) == (2024, 9)
    assert _text(text, rekep.venue) == "arXiv"
    assert goals.links[0].url == "https://arxiv.org/abs/2302.05128"
    assert _text(text, spatial.venue) == "CVPR"
    assert spatial.date is not None and spatial.date.text == "June 2025"
    assert not any(
        "\r" in _text(text, link) for entry in paper_list.entries for link in entry.links
    )


def test_a_broken_link_group_leaves_an_entry_without_links() -> None:
    entry, _ = _only(
        "* [NeurIPS 2023] **Towards consistent video editing with text-to-image diffusion models** "
        "[[Paper][https://arxiv.org/abs/2305.17431]]\n"
    )
    assert entry.title is not None and entry.links == ()


def test_an_unclosed_bold_title_is_still_an_entry() -> None:
    paper_list = parse(
        "- [2023/10] **AXNav: Replaying Tests [[Paper](https://arxiv.org/abs/2310.02424)] #\n"
        "- [2023/10] **Adapting LLM Agents Through Communication** *Kuan Wan (GaTech) et al. "
        "arXiv* [[Paper](https://arxiv.org/abs/2310.01444)] * (communication)\n"
    )
    assert paper_list.format.name == "tagged"
    broken, whole = paper_list.entries
    assert broken.title is not None and not broken.title.closed
    assert broken.title.text == "AXNav: Replaying Tests"
    assert len(broken.links) == 1
    assert whole.title is not None and whole.title.closed


@pytest.mark.parametrize(
    "line",
    [
        "- [Intro](#intro)",  # a table-of-contents bullet
        "- 🎉 [2023/12/28] Publicly released repo.",  # a news bullet
        "- [2023/12/28] Publicly released repo.",  # a dated line with no bold title
        "- **2023-10-22 Our paper is accepted**",  # a bold news bullet
        "- **Fast**: lints 20,000 entries in a second",  # a README feature bullet
        "- [OpenAI] [Introducing deep research](https://openai.com/index/deep-research/)",
        "* **DALL-E 3**: [[Platform Link](https://openai.com/index/dall-e-3/)]",
        "* **Safe LLM Robots** *arXiv, Mar 2025* [[arXiv](https://arxiv.org/abs/2503.03911)]",
        "- [x] Make repo visible to public",
    ],
)
def test_blocks_that_are_no_entry_of_the_format(line: str) -> None:
    assert parse_text(line + "\n", format="tagged").entries == []


def test_the_generator_format_stays_the_generator_s() -> None:
    for path in sorted(CORPUS.glob("*.md")):
        assert parse(path.read_text(encoding="utf-8")).format.name in {"generator", "none"}
    # The generator's layout written with a four-digit tag and the title's italics.
    text = (
        "- [2024/10] **ING-VP: MLLMs cannot Play Easy Vision-based Games Yet** *NeurIPS 2024*\n"
        "[[Paper](http://arxiv.org/pdf/2410.06555v1)] [[Code/Page](https://github.com/a/b)]\n"
    )
    assert parse(text).format.name == "generator"


@pytest.mark.parametrize(
    "name",
    [
        "ALEEEHU__World-Simulator__README.md",
        "Andrewzh112__Awesome-LLM-based-MultiAgents__README.md",
        "EvoAgentX__Awesome-Self-Evolving-Agents__README.md",
    ],
)
def test_the_links_of_an_entry_of_groups_alone_are_those_of_the_inventory(name: str) -> None:
    # ``grouped_links`` skips the link inventory when every link of an entry is a group:
    # what it reads must be what the inventory gives.
    text = (Path(__file__).parent / "data" / "formats" / name).read_text(encoding="utf-8")
    paper_list = parse(text)
    document = paper_list.document
    for entry in paper_list.entries:
        lines = range(document.line_of(entry.start) - 1, document.line_of(entry.end))
        groups = group_links(document, lines)
        others, badges = entry_links(document, entry.start, entry.end)
        inside = [(group.start, group.end) for group in groups]
        others = [link for link in others if not any(a <= link.start < b for a, b in inside)]
        expected = sorted([*groups, *others], key=lambda link: link.start)
        assert [(link.start, link.end, link.url) for link in entry.links] == [
            (link.start, link.end, link.url) for link in expected
        ]
        assert len(entry.badges) == len(badges)
