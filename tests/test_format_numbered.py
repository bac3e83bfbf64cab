"""The numbered profile: ``1. **Title**. *Authors*. Venue 2023. [[pdf](..)]`` and its
``<br />`` variant, on the shapes met in thunlp/TAADpapers and zjunlp/KnowledgeEditingPapers."""

from __future__ import annotations

from paperlint import parse
from paperlint.model import DateSource, Entry, LinkKind, PaperList, Span


def _text(paper_list: PaperList, span: Span | None) -> str | None:
    return None if span is None else paper_list.text[span.start : span.end]


def _only(text: str) -> tuple[PaperList, Entry]:
    paper_list = parse(text)
    assert paper_list.format.name == "numbered"
    assert len(paper_list.entries) == 1
    return paper_list, paper_list.entries[0]


def _covered(entry: Entry, start: int) -> bool:
    return any(span.start <= start < span.end for _, span in entry.parts())


def test_an_entry_on_one_line_has_each_part_and_its_tags_stay_plain_text() -> None:
    text = (
        "## Attacks\n"
        "1. **CAT-Gen: Improving Robustness**. *Tianlu Wang, Xuezhi Wang*. EMNLP 2020. "
        "`score` [[pdf](https://www.aclweb.org/anthology/2020.emnlp-main.417.pdf)] "
        "[[code](https://github.com/a/b)]\n"
    )
    paper_list, entry = _only(text)
    assert entry.title is not None and entry.title.text == "CAT-Gen: Improving Robustness"
    assert _text(paper_list, entry.authors) == "Tianlu Wang, Xuezhi Wang"
    assert _text(paper_list, entry.venue) == "EMNLP 2020"
    assert entry.date is not None
    assert (entry.date.source, entry.date.year, entry.date.text) == (DateSource.VENUE, 2020, "2020")
    assert [(link.kind, link.label) for link in entry.links] == [
        (LinkKind.PAPER, "pdf"),
        (LinkKind.CODE, "code"),
    ]
    assert entry.marker_length == 2
    assert not _covered(entry, text.index("`score`"))


def test_tags_glued_to_the_links_and_a_link_inside_a_destination() -> None:
    text = (
        "## Attacks\n"
        "1. **Bridge the Gap**. *Lifan Yuan*. Findings of ACL 2023. `decision`"
        "[[pdf](https://arxiv.org/abs/2110.15317)]"
        "[[code]([https://github.com/a/b](https://github.com/c/d))]\n"
    )
    paper_list, entry = _only(text)
    assert _text(paper_list, entry.venue) == "Findings of ACL 2023"
    assert [link.url for link in entry.links] == [
        "https://arxiv.org/abs/2110.15317",
        "[https://github.com/a/b](https://github.com/c/d)",
    ]
    assert all(link.closed for link in entry.links)


def test_the_authors_on_the_line_after_the_title() -> None:
    text = (
        "## Attacks\n"
        "1. **Using Punctuation as an Adversarial Attack**.\n"
        "  *Brian Formento, See Kiong Ng*. EACL (Findings) 2023. `score` "
        "[[pdf](https://aclanthology.org/2023.findings-eacl.1.pdf)]\n"
    )
    paper_list, entry = _only(text)
    assert _text(paper_list, entry.authors) == "Brian Formento, See Kiong Ng"
    assert _text(paper_list, entry.venue) == "EACL (Findings) 2023"


def test_the_br_variant_reads_the_venue_in_parentheses_and_plain_authors() -> None:
    text = (
        "## Methods\n\n"
        "2. **Fixing Model Bugs with Natural Language Patches**. (EMNLP 2022) <br />\n"
        "   Shikhar Murty, Marco Túlio Ribeiro.\n"
        "   [[paper](https://arxiv.org/abs/2211.03318)] [[code](https://github.com/a/b)]\n"
    )
    paper_list, entry = _only(text)
    assert _text(paper_list, entry.venue) == "EMNLP 2022"
    assert _text(paper_list, entry.authors) == "Shikhar Murty, Marco Túlio Ribeiro"
    assert entry.date is not None and entry.date.year == 2022
    assert len(entry.links) == 2


def test_an_entry_without_a_venue_has_no_venue_and_no_date() -> None:
    text = (
        "## Methods\n\n"
        "4. **Large Language Models with Controllable Working Memory**. <br />\n"
        "     Daliang Li, Sanjiv Kumar.\n"
        "    [[paper](https://arxiv.org/abs/2211.05110)]\n"
    )
    paper_list, entry = _only(text)
    assert entry.venue is None and entry.date is None
    assert _text(paper_list, entry.authors) == "Daliang Li, Sanjiv Kumar"


def test_a_venue_in_fullwidth_parentheses_with_its_year_glued() -> None:
    text = (
        "## Analysis\n\n"
        "12. **Evaluating Dependencies in Fact Editing**（Findings of EMNLP2023） <br />\n"
        "    Zichao Li, Jackie C.K. Cheung [[paper](https://arxiv.org/pdf/2312.01858.pdf)]\n"
    )
    paper_list, entry = _only(text)
    assert _text(paper_list, entry.venue) == "Findings of EMNLP2023"
    assert entry.date is not None and entry.date.year == 2023
    assert _text(paper_list, entry.authors) == "Zichao Li, Jackie C.K. Cheung"


def test_a_title_without_its_closing_bold_is_still_an_entry() -> None:
    text = (
        "## Attacks\n"
        "1. **A title never closed *Ann Bee*. ACL 2020. [[pdf](https://arxiv.org/abs/2001.00001)]\n"
        "1. **Closed**. *Cy Dee*. ACL 2021. [[pdf](https://arxiv.org/abs/2101.00001)]\n"
        "1. **Closed too**. *Ed Fay*. ACL 2022. [[pdf](https://arxiv.org/abs/2201.00001)]\n"
    )
    paper_list = parse(text)
    assert paper_list.format.name == "numbered"
    first = paper_list.entries[0]
    assert first.title is not None and not first.title.closed
    assert len(first.links) == 1


def test_news_bullets_before_the_list_are_no_entries() -> None:
    news = "".join(
        f'- **2023-10-{day:02d} Our paper "[Paper {day}](https://arxiv.org/abs/2310.084{day:02d})" '
        "has been accepted by EMNLP 2023.**\n"
        for day in range(10, 16)
    )
    entries = "".join(
        f"{number}. **Title {number}**. (ICLR 2023) <br />\n"
        f"   Ann Bee, Cy Dee.\n   [[paper](https://arxiv.org/abs/2301.0000{number})]\n\n"
        for number in range(1, 5)
    )
    paper_list = parse(f"# Papers\n\n## News\n{news}\n## Methods\n\n{entries}")
    assert paper_list.format.name == "numbered"
    assert paper_list.format.sections == ()
    assert [entry.title.text for entry in paper_list.entries if entry.title] == [
        "Title 1",
        "Title 2",
        "Title 3",
        "Title 4",
    ]


def test_a_numbered_list_of_features_is_no_paper_list() -> None:
    text = (
        "# Why\n\n"
        "1. **Fast**: lints 20,000 entries in a second\n"
        "2. **Safe**: fixes only what it reports\n"
        "3. **Typed**: every part has its position\n"
    )
    assert parse(text).format.name == "none"


def test_numbered_links_without_a_bold_title_are_not_this_format() -> None:
    text = (
        "## Papers\n"
        "1. [Title one](https://arxiv.org/abs/2001.00001), Ann Bee, ACL 2020\n"
        "2. [Title two](https://arxiv.org/abs/2001.00002), Cy Dee, ACL 2021\n"
    )
    assert parse(text).format.name != "numbered"


def test_crlf_line_endings_read_the_same_parts() -> None:
    text = (
        "## Methods\n\n"
        "2. **Fixing Model Bugs**. (EMNLP 2022) <br />\n"
        "   Shikhar Murty, Marco Ribeiro.\n"
        "   [[paper](https://arxiv.org/abs/2211.03318)]\n"
    )
    paper_list, entry = _only(text.replace("\n", "\r\n"))
    assert _text(paper_list, entry.authors) == "Shikhar Murty, Marco Ribeiro"
    assert _text(paper_list, entry.venue) == "EMNLP 2022"
