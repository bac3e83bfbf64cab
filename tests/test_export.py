"""paperlint export: BibTeX that a BibTeX library parses back into the same papers, and
CSL-JSON, for every list of the corpus and of every format."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pytest

from paperlint.api import parse
from paperlint.export import bibtex, csl_json, papers

DATA = Path(__file__).parent / "data"
LISTS = sorted(
    path
    for path in [*DATA.glob("corpus/*.md"), *DATA.glob("formats/*.md")]
    if parse(path.read_text(encoding="utf-8")).entries
)


def _unbibtex(value: str) -> str:
    """A field's value as written by the export, read back: outer braces, escapes undone."""
    value = value.strip()
    while value.startswith("{") and value.endswith("}"):
        value = value[1:-1]
    return re.sub(r"\\([&%$#_{}])", r"\1", value)


@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.name[:40])
def test_bibtex_parses_back_into_the_same_papers(path: Path) -> None:
    paper_list = parse(path.read_text(encoding="utf-8"))
    expected = list(papers(paper_list))
    written = bibtex(paper_list)
    assert written == bibtex(paper_list)  # keys stable across runs
    library = bibtexparser.parse_string(written)
    assert library.failed_blocks == []
    entries = library.entries
    assert [entry.key for entry in entries] == [paper.key for paper in expected]
    assert len({entry.key for entry in entries}) == len(entries)
    for entry, paper in zip(entries, expected, strict=True):
        fields = entry.fields_dict
        assert entry.entry_type == "misc"
        assert _unbibtex(fields["title"].value) == paper.title
        if paper.year is not None:
            assert int(fields["year"].value) == paper.year
        if paper.arxiv is not None:
            assert fields["eprint"].value == paper.arxiv
            assert fields["archivePrefix"].value == "arXiv"
        else:
            assert "eprint" not in fields


def test_an_arxiv_paper_is_exported_as_arxiv_does() -> None:
    text = (
        "- [25/06] **HSENet: Hybrid {Spatial} Encoding & 100% More**  \n"
        "[[Paper](http://arxiv.org/pdf/2506.09634v2)] [[Code/Page]()]\n"
    )
    assert bibtex(parse(text)) == (
        "@misc{hsenet2025,\n"
        "  title = {{HSENet: Hybrid \\{Spatial\\} Encoding \\& 100\\% More}},\n"
        "  year = {2025},\n"
        "  eprint = {2506.09634},\n"
        "  archivePrefix = {arXiv},\n"
        "  url = {https://arxiv.org/abs/2506.09634}\n"
        "}\n"
    )
    (item,) = csl_json(parse(text))
    assert item == {
        "id": "hsenet2025",
        "type": "article",
        "title": "HSENet: Hybrid {Spatial} Encoding & 100% More",
        "issued": {"date-parts": [[2025, 6]]},
        "URL": "https://arxiv.org/abs/2506.09634",
        "number": "arXiv:2506.09634",
    }


def test_the_command_prints_csl_json_and_refuses_a_file_with_no_list(tmp_path: Path) -> None:
    corpus = DATA / "corpus" / "mllm-medical.md"
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "export", "csl-json", str(corpus)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 10
    readme = tmp_path / "README.md"
    readme.write_text("# A project\n\nNo papers here.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "export", "bibtex", str(readme)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"paperlint: error: {readme}: no paper list found (paperlint detect)"
    ]
