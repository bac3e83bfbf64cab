"""The parser: every variant of the corpus, tolerance, and linear behaviour."""

from __future__ import annotations

from paperlint.document import Document
from paperlint.model import LinkKind
from paperlint.parse import parse, parse_text

from conftest import CORPUS_LISTS


def _part(text: str, span) -> str:  # type: ignore[no-untyped-def]
    return text[span.start : span.end]


ENTRY = (
    "# Paper List of Terms(MLLM+Medical)\n"
    "- [25/06] **HSENet: Hybrid Spatial Encoding Network**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/YanzhaoShi/HSENet.)]"
    " [[TLDR/Notes](#hsenet--hybrid-spatial-encoding-network)]\n"
    "\n"
    "# TLDR/Notes\n"
    "## hsenet--hybrid-spatial-encoding-network\n"
    "### Abstract\n"
    "Text.\n"
)


def test_entry_parts_and_positions() -> None:
    paper_list = parse_text(ENTRY)
    document = paper_list.document
    (entry,) = paper_list.entries
    assert entry.date is not None
    assert (entry.date.text, entry.date.year, entry.date.month, entry.date.style) == (
        "25/06",
        2025,
        6,
        "YY/MM",
    )
    assert document.position(entry.date.span.start) == (2, 3)
    assert entry.title is not None
    assert entry.title.text == "HSENet: Hybrid Spatial Encoding Network"
    assert document.position(entry.title.span.start) == (2, 13)
    labels = [(link.label, link.url, link.kind) for link in entry.links]
    assert labels == [
        ("Paper", "http://arxiv.org/pdf/2506.09634v1", LinkKind.PAPER),
        ("Code/Page", "https://github.com/YanzhaoShi/HSENet.", LinkKind.CODE),
        ("TLDR/Notes", "#hsenet--hybrid-spatial-encoding-network", LinkKind.NOTES),
    ]
    code = entry.links[1]
    assert document.position(code.label_span.start) == (3, 48)
    assert _part(document.text, code.url_span) == code.url
    assert paper_list.notes_heading is not None and paper_list.notes_heading.line == 5
    (section,) = paper_list.notes
    assert section.heading.text == "hsenet--hybrid-spatial-encoding-network"
    assert section.heading.line == 6
    assert [h.text for h in paper_list.headings] == [
        "Paper List of Terms(MLLM+Medical)",
        "TLDR/Notes",
        "hsenet--hybrid-spatial-encoding-network",
        "Abstract",
    ]


def test_date_tag_variants() -> None:
    text = "\n\n".join(
        f"- [{tag}] **T{n}**\n[[Paper](x)]"
        for n, tag in enumerate(["25/06", "2025/02", "YY/MM", "25/00", "2025-6", "June"])
    )
    tags = [entry.date for entry in parse_text(text).entries]
    assert [(t.year, t.month, t.style) for t in tags if t] == [
        (2025, 6, "YY/MM"),
        (2025, 2, "YYYY/MM"),
        (None, None, "YY/MM"),
        (2025, 0, "YY/MM"),
        (2025, 6, None),
        (None, None, None),
    ]
    assert [t.is_placeholder for t in tags if t] == [False, False, True, False, False, False]


def test_wrapped_title_venue_and_extra_labels() -> None:
    text = (
        "- [25/06] **A Long Title Wrapped\n"
        "over Two Lines** *NeurIPS 2025*  \n"
        "[[Paper](None)] [[Code/Page]()] [[Demo](https://d.example)] [[Dataset](https://h.example/d)]\n"
    )
    (entry,) = parse_text(text).entries
    assert entry.title is not None and entry.title.text == "A Long Title Wrapped over Two Lines"
    assert entry.venue is not None and _part(text, entry.venue) == "NeurIPS 2025"
    assert [link.label for link in entry.links] == ["Paper", "Code/Page", "Demo", "Dataset"]
    assert [link.is_empty for link in entry.links] == [True, True, False, False]
    assert [link.kind for link in entry.links][2:] == [LinkKind.PROJECT, LinkKind.DATA]


def test_urls_with_parentheses_and_latex_are_taken_whole() -> None:
    text = (
        "- [22/06] **A**\n[[Code/Page](https://minedojo.org))] [[TLDR/Notes](#a)]\n\n"
        "- [23/12] **B**\n[[Code/Page](https://github.com/PKU-RL/Creative-Agents).)]\n\n"
        "- [25/09] **C**\n"
        "[[Code/Page](https://gomes.andrew.cmu.edu/iron-mind),)] [[TLDR/Notes](#c)]\n\n"
        "- [24/01] **D**\n[[Code/Page](https://en.wikipedia.org/wiki/Go_(game))]\n\n"
        "- [25/10] **E**\n[[Code/Page](https://github.com/db-Lee/Multi-RM}{\\underline{\\small"
        "\\texttt{https://github.com/db-Lee/Multi-RM}}})]\n"
    )
    urls = [entry.links[0].url for entry in parse_text(text).entries]
    assert urls == [
        "https://minedojo.org)",
        "https://github.com/PKU-RL/Creative-Agents).",
        "https://gomes.andrew.cmu.edu/iron-mind),",
        "https://en.wikipedia.org/wiki/Go_(game)",
        "https://github.com/db-Lee/Multi-RM}{\\underline{\\small\\texttt{https://github.com/db-Lee/Multi-RM}}}",
    ]


def test_nothing_inside_code_blocks_or_comments_is_an_entry_or_heading() -> None:
    text = (
        "# List\n"
        "```markdown\n- [25/06] **Example in a fence**\n[[Paper](x)]\n## fenced heading\n```\n"
        "<!--\n- [25/06] **Commented out**\n## commented heading\n-->\n"
        "- [25/06] **Real** <!-- [[Paper](hidden)] -->\n[[Paper](http://arxiv.org/abs/2506.09634)]\n"
    )
    paper_list = parse_text(text)
    assert [e.title.text for e in paper_list.entries if e.title] == ["Real"]
    assert [link.url for link in paper_list.entries[0].links] == ["http://arxiv.org/abs/2506.09634"]
    assert [h.text for h in paper_list.headings] == ["List"]


def test_crlf_and_bom_give_the_same_model_as_lf() -> None:
    for path in CORPUS_LISTS:
        data = path.read_bytes()
        lf = parse(Document.from_bytes(data))
        crlf = parse(Document.from_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")))
        assert len(lf.entries) == len(crlf.entries)
        for a, b in zip(lf.entries, crlf.entries, strict=True):
            assert lf.document.position(a.span.start) == crlf.document.position(b.span.start)
            assert [x.url for x in a.links] == [x.url for x in b.links]
            assert (a.title.text if a.title else None) == (b.title.text if b.title else None)
        assert [h.text for h in lf.headings] == [h.text for h in crlf.headings]


def test_lists_without_notes_part_and_with_human_notes_headings() -> None:
    no_notes = parse_text("- [2025/02] **A**\n[[Paper](x)] [[Code/Page]()]\n")
    assert not no_notes.has_notes_part and no_notes.notes == []
    human = parse_text("- [25/06] **A: B**\n[[TLDR/Notes](#a-b)]\n\n# TLDR/Notes\n## A: B\ntext\n")
    assert [s.heading.text for s in human.notes] == ["A: B"]


def test_zero_entries_and_empty_text() -> None:
    assert parse_text("").entries == []
    assert (
        parse_text("# Paper List of Terms(reward model+data cleaning)\n\n\n# TLDR/Notes\n").entries
        == []
    )


def test_malformed_entries_are_still_entries() -> None:
    text = "- [25/06] **unclosed title\n[[Paper](http://x\n\n- no tag, no title [[Code/Page]()]\n"
    first, second = parse_text(text).entries
    assert first.title is not None and not first.title.closed
    assert not first.links[0].closed
    assert second.date is None and second.title is None and second.links[0].label == "Code/Page"


def test_setext_headings_and_thematic_breaks() -> None:
    text = "Title\n=====\n\n### Model+Merging\n---\n- [2025/03] **A**\n[[Paper](x)]\n"
    paper_list = parse_text(text)
    assert [(h.level, h.text) for h in paper_list.headings] == [(1, "Title"), (3, "Model+Merging")]
    assert len(paper_list.entries) == 1


def test_a_hundred_thousand_entries_parse() -> None:
    entry = (
        "- [25/06] **Paper number {n}: a title**  \n"
        "[[Paper](http://arxiv.org/pdf/2506.{n:05d}v1)] [[Code/Page]()]"
        " [[TLDR/Notes](#paper-{n})]\n\n"
    )
    text = "".join(entry.format(n=n) for n in range(100_000))
    text += "# TLDR/Notes\n" + "".join(f"## paper-{n}\nnotes\n" for n in range(100_000))
    paper_list = parse_text(text)
    assert len(paper_list.entries) == 100_000
    assert len(paper_list.notes) == 100_000


def test_ordinary_list_items_are_not_entries() -> None:
    text = (
        "- [MLLM + Medical](mllm-medical.md): the reference list\n"
        "- plain item\n"
        "- [25/06] **Real entry**\n"
        "- [[Paper](http://arxiv.org/abs/2506.09634)] without tag or title\n"
    )
    entries = parse_text(text).entries
    assert [e.title.text if e.title else None for e in entries] == ["Real entry", None]


def test_links_joined_in_one_bracket_pair_close_the_group() -> None:
    # "[[Paper](u)|[Code](u)]": the group's "[" closes after the last link; nothing is
    # missing, and the first URL ends at its own ")". The list is read as ``tagged``,
    # which also reads the links after the first.
    text = (
        "- [2023/10] **SOTOPIA** *Xuhui Zhou et al.* "
        "[[Paper](https://arxiv.org/abs/2310.11667)|[Code](https://github.com/s/s)] #\n"
        "- [2023/09] **Junk** [[Paper](https://arxiv.org/abs/2308.09830))] *\n"
        "- [2023/09] **Missing** [[Paper](https://arxiv.org/abs/2309.00001) and more\n"
    )
    first, second, third = parse_text(text).entries
    assert [(link.url, link.closing) for link in first.links] == [
        ("https://arxiv.org/abs/2310.11667", ")]"),
        ("https://github.com/s/s", ")"),
    ]
    assert [(link.url, link.closing) for link in second.links] == [
        ("https://arxiv.org/abs/2308.09830)", ")]")
    ]
    assert [(link.url, link.closing) for link in third.links] == [
        ("https://arxiv.org/abs/2309.00001", ")")
    ]


def test_an_escaped_bracket_does_not_close_a_group() -> None:
    # "\]" is a literal bracket: the group's "]" is still missing.
    text = "- [2023/09] **T** [[Paper](https://arxiv.org/abs/2309.00001) \\] more\n"
    (entry,) = parse_text(text).entries
    assert [link.closing for link in entry.links] == [")"]


def test_a_heading_in_a_block_quote_has_an_id_but_opens_no_notes_section() -> None:
    text = (
        "- [25/06] **Alpha** [[TLDR/Notes](#alpha)]\n\n"
        "# TLDR/Notes\n\n> ## A quoted heading\n\n## alpha\n\nnotes\n"
    )
    paper_list = parse_text(text)
    assert [(h.text, h.quoted) for h in paper_list.headings] == [
        ("TLDR/Notes", False),
        ("A quoted heading", True),
        ("alpha", False),
    ]
    assert [section.heading.text for section in paper_list.notes] == ["alpha"]
