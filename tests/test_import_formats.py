"""Fixture-driven importer tests: one folder per format under fixtures/import/.

For every input ``case.<ext>`` of a format's folder, ``case.md`` is the new list that
``paperlint import`` writes for it (title "Imported papers", ``--year 2026``) and
``case.warnings`` the records it skips, one ``where: reason`` a line. The written list must
lint clean on every target but for the findings an import cannot avoid: an empty Paper link
(``missing-link``) for a paper without one, an empty Code/Page link (``empty-code-link``,
info) for an abstract without a URL.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from paperlint.api import lint
from paperlint.importers import new_list, read
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

FIXTURES = Path(__file__).parent / "fixtures" / "import"
EXTENSIONS = {"hf-papers": "txt", "arxiv-atom": "xml", "jsonl": "jsonl"}
CASES = sorted(
    path for name, ext in EXTENSIONS.items() for path in (FIXTURES / name).glob(f"*.{ext}")
)
TITLE = "Imported papers"
YEAR = 2026


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def test_every_format_has_fixtures() -> None:
    assert {path.parent.name for path in CASES} == set(EXTENSIONS)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_import(case: Path) -> None:
    result = read(case.parent.name, _read(case), year=YEAR)
    written = new_list(result.papers, TITLE)
    assert written.text == _read(case.with_suffix(".md"))
    assert [str(skipped) for skipped in result.skipped] == _read(
        case.with_suffix(".warnings")
    ).splitlines()


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_written_list_lints_clean_but_for_missing_links(case: Path) -> None:
    expected = _read(case.with_suffix(".md"))
    findings = Counter((d.name, d.message) for d in lint(expected, Settings(targets=TARGETS)))
    without_paper = expected.count("[[Paper]()]")
    without_code = expected.count("[[Code/Page]()]")
    allowed = {
        ("missing-link", "Paper link is empty"): without_paper,
        ("empty-code-link", "Code/Page link is empty"): without_code,
    }
    assert findings == Counter({key: count for key, count in allowed.items() if count})


ABSTRACT = " ".join(["Words of an abstract that goes on for a while."] * 4)


def test_hf_papers_chrome_before_a_long_title_is_not_a_paper() -> None:
    long_title = " ".join(["Long"] * 22) + " Title"
    text = f"Daily Papers\n\n{long_title}\n\n{ABSTRACT}\n\nApr 2, 2025\n"
    result = read("hf-papers", text)
    assert [(p.title, str(p.published)) for p in result.papers] == [(long_title, "2025-04-02")]
    assert result.skipped == []


def test_hf_papers_record_without_date_and_page_without_date_is_skipped() -> None:
    text = f"Only Title\n\n{ABSTRACT}\n"
    result = read("hf-papers", text)
    assert result.papers == []
    assert [str(s) for s in result.skipped] == ['line 1: skipped "Only Title": no date']
