"""The table profile: paper lists written as Markdown tables, columns found by their header
names; tables that are no paper list score 0; cells split where GitHub splits them."""

from __future__ import annotations

import pytest

from paperlint import fix, lint, parse
from paperlint.model import DateSource, Entry, LinkKind
from paperlint.settings import Settings


def _entries(text: str) -> list[Entry]:
    paper_list = parse(text)
    assert paper_list.format.name == "table"
    return paper_list.entries


def _text(text: str, entry: Entry, part: str) -> str:
    return next(text[s.start : s.end] for name, s in entry.parts() if name == part)


@pytest.mark.parametrize(
    "table",
    [
        pytest.param(
            "| Option | Default | Meaning |\n|---|---|---|\n"
            "| `--fix` | off | apply the safe fixes |\n| `--diff` | off | print them |\n"
            "| `--quiet` | off | print nothing |\n",
            id="options",
        ),
        pytest.param(
            "| Method | Paper | Acc | F1 |\n|---|---|---|---|\n"
            "| BERT | [arXiv](https://arxiv.org/abs/1810.04805) | 85.3 | 80.1 |\n"
            "| GPT | [pdf](https://a.org/gpt.pdf) | 86.0 | 81.2 |\n"
            "| T5 | [arXiv](https://arxiv.org/abs/1910.10683) | 87.1 | 82.0 |\n",
            id="results-with-paper-links",
        ),
        pytest.param(
            "| Model | Title | Acc | F1 | Code |\n|---|---|---|---|---|\n"
            "| BERT | **BERT** | 85.3 | 80.1 | [code](https://github.com/a/b) |\n"
            "| GPT | **GPT** | 86.0 | 81.2 | - |\n| T5 | **T5** | 87.1 | 82.0 | - |\n",
            id="results-with-titles",
        ),
        pytest.param(
            "| code | name | severity | fixable |\n|---|---|---|---|\n"
            "| PL101 | [invalid-date-tag](invalid-date-tag.md) | error | always |\n"
            "| PL102 | [missing-title](missing-title.md) | error | never |\n"
            "| PL103 | [missing-link](missing-link.md) | warning | never |\n",
            id="rules",
        ),
        pytest.param(
            "| Name | Description | Link |\n|---|---|---|\n"
            "| foo | a formatter | [foo](https://github.com/a/foo) |\n"
            "| bar | a linter | [bar](https://github.com/a/bar) |\n"
            "| baz | a parser | [baz](https://github.com/a/baz) |\n",
            id="tools",
        ),
    ],
)
def test_a_table_that_is_no_paper_list_has_no_entries(table: str) -> None:
    paper_list = parse("# Notes\n\n" + table)
    assert paper_list.format.name == "none"
    assert paper_list.entries == []


def test_a_row_reads_its_date_title_venue_and_links_by_column() -> None:
    text = (
        "## Attack\n\n| Time | Title | Venue | Paper | Code |\n| --- | --- | :-: | :-: | :-: |\n"
        "| 2025.11 | **BadThink: Overthinking** | AAAI'26 | [link](https://arxiv.org/abs/2511.10714)"
        " | [link](https://github.com/a/badthink) |\n"
        "| 2025.06 | **Excessive Reasoning** | arXiv | [link](https://arxiv.org/abs/2506.14374)"
        " | - |\n"
    )
    first, second = _entries(text)
    assert first.date is not None
    assert (first.date.year, first.date.month, first.date.source) == (2025, 11, DateSource.COLUMN)
    assert _text(text, first, "date") == "2025.11"
    assert first.title is not None and first.title.kind == "bold"
    assert first.title.text == "BadThink: Overthinking"
    assert _text(text, first, "venue") == "AAAI'26"
    assert [link.kind for link in first.links] == [LinkKind.PAPER, LinkKind.CODE]
    assert first.marker_length == 0 and text[first.start] == "|"
    assert [link.kind for link in second.links] == [LinkKind.PAPER]  # "-": no code link


def test_columns_are_found_by_name_in_any_order() -> None:
    text = (
        "| Code | Paper | Authors | Title | Year |\n|---|---|---|---|---|\n"
        "| [code](https://github.com/a/b) | [pdf](https://a.org/x.pdf) | A. Author, B. Author"
        " | Plain Title | 2021 |\n"
    )
    (entry,) = _entries(text)
    assert entry.title is not None and (entry.title.kind, entry.title.text) == (
        "cell",
        "Plain Title",
    )
    assert _text(text, entry, "authors") == "A. Author, B. Author"
    assert entry.date is not None and (entry.date.year, entry.date.month) == (2021, None)
    assert [link.kind for link in entry.links] == [LinkKind.CODE, LinkKind.PAPER]


def test_a_title_link_and_badge_links_as_a_generated_list_writes_them() -> None:
    text = (
        "| **Title** | **Repo** | **Paper** | **Video** |\n|---|:-:|:-:|:-:|\n"
        "| [TriPlaneNet: An Encoder](https://openaccess.thecvf.com/x.html) | "
        "[![GitHub Page](https://img.shields.io/badge/GitHub-Page-159957.svg)]"
        "(https://a.github.io/t) <br /> [![GitHub](https://img.shields.io/github/stars/a/t)]"
        "(https://github.com/a/t) | [![arXiv](https://img.shields.io/badge/arXiv-2303.13497-b31b1b"
        ".svg)](http://arxiv.org/abs/2303.13497) | :heavy_minus_sign: |\n"
    )
    (entry,) = _entries(text)
    assert entry.title is not None and entry.title.kind == "link"
    assert _text(text, entry, "title") == "TriPlaneNet: An Encoder"
    assert [link.kind for link in entry.links] == [
        LinkKind.PAPER,  # the title's link
        LinkKind.CODE,  # the Repo column names the role, whatever the badge says
        LinkKind.CODE,
        LinkKind.PAPER,
    ]
    assert [badge.label for badge in entry.badges] == ["GitHub Page", "GitHub", "arXiv"]


def test_a_paper_column_is_the_title_column_when_there_is_no_title_column() -> None:
    text = (
        "| Paper | Code | Venue |\n|---|---|---|\n"
        "| [Attention Is All You Need](https://arxiv.org/abs/1706.03762) | "
        "[code](https://github.com/t/t) | NeurIPS 2017 |\n"
    )
    (entry,) = _entries(text)
    assert entry.title is not None and entry.title.text == "Attention Is All You Need"
    assert [link.kind for link in entry.links] == [LinkKind.PAPER, LinkKind.CODE]
    assert entry.date is not None and entry.date.source is DateSource.VENUE


def test_cells_split_at_every_unescaped_pipe_as_github_does() -> None:
    text = (
        "| Date | Title | Paper |\n|---|---|---|\n"
        "| 2024.01 | **A `x|y` B** | [link](https://arxiv.org/abs/2401.00001) |\n"
        "| 2024.02 | **A \\| B** | [link](https://arxiv.org/abs/2402.00001) |\n"
        "| 2024.03 | [A|B](https://arxiv.org/abs/2403.00001) | [link](https://arxiv.org/abs/2403"
        ".00002) |\n"
    )
    code_span, escaped, link = _entries(text)
    # "|" in a code span ends the cell: the link moves past the header's columns, and GitHub
    # drops it.
    assert code_span.title is not None and code_span.title.text == "**A `x"
    assert code_span.links == ()
    assert escaped.title is not None and escaped.title.text == "A \\| B"
    assert [link.url for link in escaped.links] == ["https://arxiv.org/abs/2402.00001"]
    # "[A|B](u)" is no link once the row is split.
    assert link.title is not None and link.title.kind == "cell"
    assert link.links == ()


def test_a_comment_after_a_bold_title_is_the_entry_s_notes() -> None:
    text = (
        "| Time | Title | Venue | Paper | Code |\n|---|---|---|---|---|\n"
        "| - | **promptfoo** - LLM red teaming framework | promptfoo | - | "
        "[link](https://github.com/promptfoo/promptfoo) |\n"
    )
    (entry,) = _entries(text)
    assert entry.title is not None and entry.title.text == "promptfoo"
    assert _text(text, entry, "notes") == "LLM red teaming framework"
    assert entry.date is None


def test_a_short_row_is_still_an_entry_with_its_missing_parts_none() -> None:
    text = (
        "| Time | Title | Venue | Paper | Code |\n|---|---|---|---|---|\n"
        "| 2024.01 | **Complete** | arXiv | [link](https://arxiv.org/abs/2401.00001) | - |\n"
        "| 2024.02 | **Short** |\n"
    )
    _, short = _entries(text)
    assert short.title is not None and short.title.text == "Short"
    assert (short.venue, short.links) == (None, ())


def test_a_date_column_is_no_date_tag_to_rewrite() -> None:
    text = (
        "| Time | Title | Venue | Paper |\n|---|---|---|---|\n"
        "| 2025.11 | **A** | arXiv | [link](https://arxiv.org/abs/2511.10714) |\n"
        "| 2025.06 | **B** | arXiv | [link](https://arxiv.org/abs/2506.14374) |\n"
    )
    assert not [d for d in lint(text, Settings()) if d.rule.code == "PL101"]
    assert fix(text).text == text


def test_of_two_date_columns_the_more_precise_date_is_read() -> None:
    text = (
        "| Year | Title | ArXiv Time | Paper |\n|---|---|---|---|\n"
        "| 2026 | **Pixel-to-4D** | 2 Jan 2026 | [Link](https://arxiv.org/abs/2601.00678) |\n"
    )
    (entry,) = _entries(text)
    assert entry.date is not None
    assert (entry.date.year, entry.date.month, entry.date.day) == (2026, 1, 2)
    assert _text(text, entry, "date") == "2 Jan 2026"


def test_the_configuration_names_columns_whose_headers_say_nothing() -> None:
    text = (
        "# Papers\n\n| When | Paper name | Where | PDF |\n|---|---|---|---|\n"
        "| 2025.02 | **A** | ICML | [link](https://arxiv.org/abs/2502.00001) |\n"
    )
    (guessed,) = parse(text).entries
    assert guessed.date is None and guessed.venue is None
    (named,) = parse(text, columns={"when": "date", "where": "venue"}).entries
    assert named.date is not None and (named.date.year, named.date.month) == (2025, 2)
    assert named.venue is not None and text[named.venue.start : named.venue.end] == "ICML"
