"""``paperlint import`` through click's runner: outputs, --append, summaries and bad input.

The acceptance test imports the corpus's Hugging Face page. The issue and the corpus README
count 65 papers there: the records with a "• N authors" line. The page holds 69 papers
(69 abstracts, each under its own title); the other four are MediX-R1, which has no
metadata block at all, and three papers submitted by an organisation ("OralGPT
OralGPT-Series", "UCSC-VLAA UCSC-VLAA") instead of "• N authors". All 69 come out.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from paperlint.cli import cli, main
from paperlint.document import Document
from paperlint.engine import lint_document
from paperlint.parse import parse
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

from conftest import CORPUS

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HF_PAGE = CORPUS / "hf-papers-medical-mllm.txt"
PAPERS_ON_PAGE = 69


def run(*args: str | Path, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["import", *map(str, args)], input=input)


def _errors(result: Result) -> list[str]:
    return result.stderr.splitlines()


# -- the corpus page ------------------------------------------------------------------------


def test_corpus_page_imports_every_paper_and_lints_clean_but_for_paper_links(
    tmp_path: Path,
) -> None:
    out = tmp_path / "medical.md"
    result = run("hf-papers", HF_PAGE, "--year", "2026", "-o", out)
    assert result.exit_code == 0, result.output
    assert _errors(result) == [
        f'paperlint: warning: {HF_PAGE}: line 37: "MediX-R1: Open Ended Medical Reinforcement '
        'Learning" has no date of its own; dated from the page\'s date "Mar 5" on line 11',
        f"paperlint: imported {PAPERS_ON_PAGE} papers; skipped 0 as duplicates, "
        f"0 as unreadable; {PAPERS_ON_PAGE} without a Paper link",
    ]
    page = HF_PAGE.read_text(encoding="utf-8")
    abstracts = [line for line in page.splitlines() if len(line) > 500]
    assert len(abstracts) == PAPERS_ON_PAGE
    assert page.count("authors\n") == 65

    document = Document.from_bytes(out.read_bytes())
    entries = parse(document).entries
    assert len(entries) == PAPERS_ON_PAGE
    findings = lint_document(document, Settings(targets=TARGETS))
    # The page has no arXiv ids: every entry's Paper link is empty (missing-link, a
    # warning). Abstracts without a URL give an empty Code/Page link (empty-code-link, an
    # info). Nothing else: no URL, anchor, date, note or encoding finding.
    by_rule = Counter(d.name for d in findings)
    assert set(by_rule) == {"missing-link", "empty-code-link"}
    assert by_rule["missing-link"] == PAPERS_ON_PAGE
    assert {d.message for d in findings if d.name == "missing-link"} == {"Paper link is empty"}
    assert by_rule["empty-code-link"] == out.read_text().count("[[Code/Page]()]") == 35

    text = out.read_text(encoding="utf-8")
    assert "- [26/03] **MediX-R1: Open Ended Medical Reinforcement Learning**  \n" in text
    assert "[[Code/Page](https://github.com/dirtycomputer/O2M_attack)]" in text
    assert "[[Code/Page](https://huggingface.co/InfiX-ai/InfiMed-Foundation-4B)]" in text


def test_yearless_dates_need_the_year(tmp_path: Path) -> None:
    result = run("hf-papers", HF_PAGE)
    assert result.exit_code == 2
    assert _errors(result) == [
        f'paperlint: error: {HF_PAGE}: line 11: date "Mar 5" has no year; give it with --year'
    ]


# -- outputs --------------------------------------------------------------------------------


def test_stdout_gets_the_list_and_stderr_the_summary() -> None:
    case = FIXTURES / "arxiv-atom" / "feed.xml"
    result = run("arxiv-atom", case, "--title", "Imported papers")
    assert result.exit_code == 0
    assert result.stdout == (case.with_suffix(".md")).read_text(encoding="utf-8")
    assert _errors(result) == [
        f'paperlint: warning: {case}: entry 5: skipped "A Malformed Id": '
        '"2506.999v1" is not an arXiv id',
        f"paperlint: warning: {case}: entry 6: skipped an entry without a title",
        "paperlint: imported 4 papers; skipped 0 as duplicates, 2 as unreadable; "
        "0 without a Paper link",
    ]


def test_standard_input() -> None:
    case = FIXTURES / "hf-papers" / "awkward.txt"
    result = run(
        "hf-papers", "-", "--year", "2026", "--title", "Imported papers", input=case.read_bytes()
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == case.with_suffix(".md").read_text(encoding="utf-8")


def test_output_file_is_created(tmp_path: Path) -> None:
    case = FIXTURES / "jsonl" / "papers.jsonl"
    out = tmp_path / "papers.md"
    result = run("jsonl", case, "-o", out, "--title", "Imported papers")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_bytes() == case.with_suffix(".md").read_bytes()
    assert _errors(result)[-1] == (
        "paperlint: imported 4 papers; skipped 1 as duplicates, 5 as unreadable; "
        "1 without a Paper link"
    )
    assert len(_errors(result)) == 6  # five warnings, one summary


def test_append_skips_duplicates_by_arxiv_id_and_title(tmp_path: Path) -> None:
    target = tmp_path / "list.md"
    shutil.copy(FIXTURES / "append" / "with-notes.md", target)
    new = FIXTURES / "append" / "new.jsonl"
    result = run("jsonl", new, "-o", target, "--append")
    assert result.exit_code == 0, result.output
    assert target.read_bytes() == (FIXTURES / "append" / "with-notes.expected.md").read_bytes()
    assert _errors(result) == [
        "paperlint: imported 3 papers; skipped 2 as duplicates, 0 as unreadable; "
        "0 without a Paper link"
    ]
    again = run("jsonl", new, "-o", target, "--append")
    assert again.exit_code == 0
    assert _errors(again) == [
        "paperlint: imported 0 papers; skipped 5 as duplicates, 0 as unreadable; "
        "0 without a Paper link"
    ]
    assert target.read_bytes() == (FIXTURES / "append" / "with-notes.expected.md").read_bytes()


def test_append_keeps_the_byte_order_mark_and_line_endings(tmp_path: Path) -> None:
    target = tmp_path / "list.md"
    source = (FIXTURES / "append" / "no-notes.md").read_bytes()
    target.write_bytes(b"\xef\xbb\xbf" + source.replace(b"\n", b"\r\n"))
    result = run("jsonl", FIXTURES / "append" / "new.jsonl", "-o", target, "--append")
    assert result.exit_code == 0, result.output
    expected = (FIXTURES / "append" / "no-notes.expected.md").read_bytes()
    assert target.read_bytes() == b"\xef\xbb\xbf" + expected.replace(b"\n", b"\r\n")


def test_main_returns_the_exit_code(tmp_path: Path) -> None:
    assert main(["import", "ris", str(tmp_path / "x")]) == 2


# -- bad input: one line, exit 2 ------------------------------------------------------------


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    files = {
        "empty.txt": b"\n  \n",
        "chrome.txt": b"Subscribe\n\nDaily Papers\n\nbyAK and the research community\n",
        "latin1.txt": "Caf\u00e9 papers".encode("latin-1"),
        "doctype.xml": b'<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY x "xx">]>\n<feed/>',
        "broken.xml": b"<feed xmlns='http://www.w3.org/2005/Atom'><entry></feed>",
        "rss.xml": b"<rss><channel/></rss>",
        "empty-feed.xml": b"<feed xmlns='http://www.w3.org/2005/Atom'><title>x</title></feed>",
        "list.md": b"# Papers\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


BAD_INPUTS = [
    (
        ["ris", "{d}/list.md"],
        'unknown format "ris"; choose from hf-papers, arxiv-atom, jsonl, bibtex',
    ),
    (["hf-papers", "{d}/empty.txt"], "{d}/empty.txt: empty file"),
    (["hf-papers", "{d}/chrome.txt"], "{d}/chrome.txt: no paper found in it as hf-papers"),
    (["hf-papers", "{d}/missing.txt"], "{d}/missing.txt: no such file or directory"),
    (["jsonl", "{d}/latin1.txt"], "{d}/latin1.txt: not valid UTF-8"),
    (
        ["arxiv-atom", "{d}/doctype.xml"],
        "{d}/doctype.xml: XML with a DOCTYPE or entity declarations is refused",
    ),
    (["arxiv-atom", "{d}/broken.xml"], "{d}/broken.xml: not well-formed XML: mismatched tag"),
    (["arxiv-atom", "{d}/rss.xml"], "{d}/rss.xml: not an Atom feed: the root element is <rss>"),
    (
        ["arxiv-atom", "{d}/empty-feed.xml"],
        "{d}/empty-feed.xml: no paper found in it as arxiv-atom",
    ),
    (["jsonl", "{d}/list.md", "--append"], "--append needs the list to extend: give it with -o"),
    (
        ["jsonl", "{d}/list.md", "-o", "{d}/list.md", "--append", "--title", "T"],
        "--title names a new list; it cannot be used with --append",
    ),
    (
        ["jsonl", "{d}/list.md", "-o", "{d}/list.md"],
        "{d}/list.md: exists; pass --append to add to it, or write another file",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD_INPUTS, ids=lambda value: str(value)[:40])
def test_bad_input_is_one_line_and_exit_two(inputs: Path, args: list[str], message: str) -> None:
    result = run(*(arg.format(d=inputs) for arg in args))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = _errors(result)
    assert len(lines) == 1
    assert lines[0].startswith("paperlint: error: " + message.format(d=inputs))


def test_append_to_a_missing_list(tmp_path: Path) -> None:
    new = FIXTURES / "append" / "new.jsonl"
    result = run("jsonl", new, "-o", tmp_path / "nope.md", "--append")
    assert result.exit_code == 2
    assert _errors(result) == [
        f"paperlint: error: {tmp_path / 'nope.md'}: no such file or directory"
    ]


def test_unreadable_records_are_named_and_the_rest_imported(tmp_path: Path) -> None:
    case = FIXTURES / "hf-papers" / "unreadable.txt"
    result = run("hf-papers", case, "--year", "2026")
    assert result.exit_code == 0
    warnings = [line for line in _errors(result) if line.startswith("paperlint: warning:")]
    assert len(warnings) == 3
    assert re.search(r'line 3: skipped "A Paper With an Impossible Date"', warnings[0])
    assert "**Readable: The One Good Record**" in result.stdout


def test_input_with_only_unreadable_records_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('not json\n{"title": "No summary"}\n', encoding="utf-8")
    result = run("jsonl", path)
    assert result.exit_code == 2
    assert _errors(result) == [
        f"paperlint: warning: {path}: line 1: skipped a line that is not JSON: Expecting value",
        f'paperlint: warning: {path}: line 2: skipped "No summary": no "summary"',
        f"paperlint: error: {path}: no paper found in it as jsonl",
    ]
