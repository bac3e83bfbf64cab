"""Writing papers as a list: anchors every target keeps, duplicates, and appending in place.

The append fixtures under fixtures/import/append/ are existing lists (``NAME.md``), the
papers to add (``new.jsonl``) and the expected result (``NAME.expected.md``).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from paperlint.api import lint
from paperlint.arxiv import parse_arxiv_id
from paperlint.document import Document
from paperlint.importers import Paper, append, new_list, read
from paperlint.settings import Settings
from paperlint.slugs import TARGETS, slugify

APPEND = Path(__file__).parent / "fixtures" / "import" / "append"
LISTS = sorted(path for path in APPEND.glob("*.md") if not path.name.endswith(".expected.md"))
ANCHOR_RE = re.compile(r"\[\[TLDR/Notes\]\(#([^)]*)\)\]")


def _paper(title: str, arxiv: str | None = None, abstract: str = "An abstract.") -> Paper:
    parsed = parse_arxiv_id(arxiv) if arxiv else None
    assert not isinstance(parsed, str)
    return Paper(title, abstract, parsed, datetime.date(2025, 1, 15), "line 1")


def _papers() -> list[Paper]:
    return read("jsonl", (APPEND / "new.jsonl").read_text(encoding="utf-8")).papers


def _anchor_findings(text: str) -> list[str]:
    settings = Settings(targets=TARGETS, select=("PL3", "PL1", "PL2"), ignore=("PL103", "PL104"))
    return [f"{d.line}:{d.column} {d.name} {d.message}" for d in lint(text, settings)]


AWKWARD_TITLES = [
    "Abstract",
    "Abstract 1",
    "Abstract-2",
    "abstract_3",
    "TLDR/Notes",
    "Paper List",
    "Paper List 1",
    "X: Y -- Z?! (and [more]) & $5 + 'quotes' \"double\"",
    "論文",
    "論文：第二部",
    "Über Alles",
    "Uber Alles!",
]


def test_anchors_resolve_on_every_target_and_are_kept_by_each() -> None:
    papers = [_paper(title) for title in AWKWARD_TITLES]
    papers[9] = _paper("論文：第二部", "2506.00711v1")
    written = new_list(papers)
    anchors = ANCHOR_RE.findall(written.text)
    assert len(anchors) == len(set(anchors)) == len(papers)
    for anchor in anchors:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", anchor)
        assert all(slugify(anchor, target) == anchor for target in TARGETS)
    assert anchors[8:10] == ["paper-9", "arxiv-2506-00711"]
    assert _anchor_findings(written.text) == []


def test_title_markup_cannot_break_the_entry_or_hide_the_file() -> None:
    paper = _paper("A **bold** <!-- claim", abstract="1. First, <!-- the abstract -->.")
    written = new_list([paper])
    assert r"**A \*\*bold\*\* &lt;!-- claim**" in written.text
    assert "\n1\\. First, &lt;!-- the abstract -->.\n" in written.text
    assert _anchor_findings(written.text) == []


def test_duplicates_in_the_input_are_left_out() -> None:
    papers = [
        _paper("HSENet: Hybrid Spatial Encoding", "2506.09634v1"),
        _paper("Another title, same paper", "2506.09634v2"),
        _paper("hsenet -- hybrid spatial encoding", "2506.09999"),
        _paper("A third paper"),
    ]
    written = new_list(papers)
    assert [p.title for p in written.added] == [papers[0].title, papers[3].title]
    assert written.duplicates == papers[1:3]


@pytest.mark.parametrize("existing", LISTS, ids=lambda path: path.stem)
def test_append(existing: Path) -> None:
    document = Document.from_bytes(existing.read_bytes())
    written = append(document, _papers())
    expected = existing.with_name(f"{existing.stem}.expected.md").read_bytes().decode("utf-8")
    assert written.text == expected
    assert _anchor_findings(written.text) == []


def test_append_skips_papers_the_list_has_by_arxiv_id_and_by_title() -> None:
    document = Document.from_bytes((APPEND / "with-notes.md").read_bytes())
    written = append(document, _papers())
    assert [p.where for p in written.duplicates] == ["line 1", "line 2"]
    assert [p.title for p in written.added] == [
        "Resume Parsing with MLLMs",
        "Task Vector Quantization for Memory-Efficient Model Merging",
        "MedSeg-R: Reasoning Segmentation (in Medical Images)?",
    ]


def test_append_keeps_crlf_bom_and_missing_final_newline() -> None:
    source = (APPEND / "with-notes.md").read_text(encoding="utf-8")
    expected = (APPEND / "with-notes.expected.md").read_text(encoding="utf-8")
    document = Document(source.rstrip("\n").replace("\n", "\r\n"), bom=True)
    written = append(document, _papers())
    assert written.text == expected.rstrip("\n").replace("\n", "\r\n")


def test_append_with_nothing_new_changes_nothing() -> None:
    expected = (APPEND / "with-notes.expected.md").read_text(encoding="utf-8")
    written = append(Document(expected), _papers())
    assert written.text == expected
    assert written.added == []
    assert len(written.duplicates) == len(_papers())


def test_append_to_an_empty_file() -> None:
    written = append(Document(""), [_paper("Only Paper", "2501.00001v1")])
    assert written.text == (
        "- [25/01] **Only Paper**  \n"
        "[[Paper](https://arxiv.org/pdf/2501.00001v1)] [[Code/Page]()] "
        "[[TLDR/Notes](#only-paper)]\n"
        "\n# TLDR/Notes\n## only-paper\n### Abstract\nAn abstract.\n"
    )
    assert _anchor_findings(written.text) == []


def _same_slug_papers(count: int) -> list[Paper]:
    # Distinct CJK letters: different papers (no duplicate), one ASCII slug "same-title".
    return [_paper(f"Same Title {chr(0x4E00 + number)}") for number in range(count)]


def test_anchors_for_titles_that_fold_to_one_slug_are_allocated_in_linear_time() -> None:
    # No timing here (bench/ times things): 8,000 such titles took 3.9 s when each anchor
    # scanned "-2", "-3", ... from the start; 20,000 would now make this test hang.
    anchors = ANCHOR_RE.findall(new_list(_same_slug_papers(20_000)).text)
    assert anchors == ["same-title", *(f"same-title-{n}" for n in range(2, 20_001))]
