"""unsorted-entries: its fix only permutes whole entries, sorts them stably, and a second
run changes nothing; a section with an undated entry or text between entries is left be."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from paperlint.api import fix, lint, parse
from paperlint.settings import Settings

SETTINGS = Settings(select=("unsorted-entries",))


def _entry(number: int, year: int, month: int) -> str:
    return (
        f"- [{year % 100:02d}/{month:02d}] **Paper number {number}**  \n"
        f"[[Paper](https://arxiv.org/abs/{year % 100:02d}{month:02d}.{number:05d})] "
        "[[Code/Page]()]\n"
    )


def _list(dates: list[tuple[int, int]], sections: int) -> str:
    lines = ["# Papers\n"]
    per = max(1, len(dates) // sections)
    for index, (year, month) in enumerate(dates):
        if index % per == 0:
            lines.append(f"\n## Topic {index // per}\n")
        lines.append("\n" + _entry(index, year, month))
    return "".join(lines)


def _entries(text: str) -> list[str]:
    paper_list = parse(text)
    return [text[entry.start : entry.end] for entry in paper_list.entries]


@given(
    dates=st.lists(st.tuples(st.integers(2015, 2026), st.integers(1, 12)), min_size=2, max_size=12),
    sections=st.integers(1, 3),
    order=st.sampled_from(["auto", "newest-first", "oldest-first"]),
)
def test_the_fix_permutes_entries_sorts_them_stably_and_is_idempotent(
    dates: list[tuple[int, int]], sections: int, order: str
) -> None:
    settings = Settings(
        select=("unsorted-entries",), options={"unsorted-entries": {"order": order}}
    )
    text = _list(dates, sections)
    once = fix(text, settings).text
    assert Counter(_entries(once)) == Counter(_entries(text))
    assert lint(once, settings) == []
    assert fix(once, settings).text == once
    # Entries of the same month keep their order (sections never move, so neighbours of
    # one month always appear in their first order).
    numbers = [int(entry.split("Paper number ")[1].split("*")[0]) for entry in _entries(once)]
    months = dict(enumerate(dates))
    for first, second in pairwise(numbers):
        assert months[first] != months[second] or first < second, (first, second)


def test_an_undated_entry_or_text_between_entries_leaves_the_section_alone() -> None:
    undated = (
        "# Papers\n\n"
        + _entry(1, 2024, 1)
        + "\n- **Undated paper**  \n[[Paper](https://x.org/p)]\n\n"
        + _entry(2, 2025, 1)
    )
    assert lint(undated, SETTINGS) == []
    prose = (
        "# Papers\n\n"
        + _entry(1, 2024, 1)
        + "\nA remark about the list.\n\n"
        + _entry(2, 2025, 1)
        + "\n"
        + _entry(3, 2023, 1)
    )
    (finding,) = lint(prose, SETTINGS)
    assert finding.fix is None  # reported, but sorting would move the remark's neighbours
