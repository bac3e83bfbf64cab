"""paperlint add: a paper lands in its section at its date's place, written as the list
writes its entries, in every list of the corpus and of every format; a second add changes
nothing; the list gains no finding. Sources: arXiv ids (a saved response, a cache, a local
HTTP server standing in for the arXiv API), BibTeX and the import formats."""

from __future__ import annotations

import http.server
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from paperlint.api import parse
from paperlint.arxiv_meta import load_cache, parse_response
from paperlint.cli import cli
from paperlint.context import Context
from paperlint.document import Document
from paperlint.engine import lint_document
from paperlint.model import Entry, LinkKind, PaperList
from paperlint.rule import Severity
from paperlint.settings import Settings

DATA = Path(__file__).parent / "data"
RESPONSE = DATA / "arxiv" / "response.xml"
NEW_ID = "2506.99999"
NEW_TITLE = "Keeping Paper Lists: A Synthetic Record for Testing paperlint add"
LISTS = sorted(
    path
    for path in [*DATA.glob("corpus/*.md"), *DATA.glob("formats/*.md")]
    if parse(path.read_text(encoding="utf-8")).entries
)
# Lists with a section per year and none for 2025: the section is named.
SECTIONS = {"benedekrozemberczki__awesome-decision-tree-papers__README.md": "2022"}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["add", *map(str, args)])


def _parse(path: Path) -> PaperList:
    return parse(Document.from_bytes(path.read_bytes()).text)


def _findings(path: Path, *, infos: bool = True) -> Counter[str]:
    document = Document.from_bytes(path.read_bytes())
    settings = Settings(select=("ALL", "unsorted-entries"))
    return Counter(
        diagnostic.rule.code
        for diagnostic in lint_document(document, settings)
        if infos or diagnostic.severity is not Severity.INFO
    )


def _new_entry(paper_list: PaperList) -> Entry:
    found = [
        entry
        for entry in paper_list.entries
        if entry.title is not None and "Synthetic Record" in entry.title.text
    ]
    assert len(found) == 1, "the new entry is read once"
    return found[0]


def _assert_in_date_order(paper_list: PaperList, new: Entry) -> None:
    """Where the new entry's section was in date order (either way), it still is."""
    if new.date is None or new.date.year is None:
        return
    sections = Context(paper_list, Settings()).entry_sections
    group = [
        e for e, s in zip(paper_list.entries, sections, strict=True) if s == sections[new.index]
    ]
    with_month = new.date.month is not None

    def key(entry: Entry) -> tuple[int, int] | None:
        date = entry.date
        if date is None or date.year is None:
            return None
        return (date.year, (date.month or 0) if with_month else 0)

    others = [k for e in group if e is not new and (k := key(e)) is not None]
    keys = [k for e in group if (k := key(e)) is not None]
    if len(set(others)) < 2:
        return  # the section alone does not say which way it runs (the list does)
    if others == sorted(others, reverse=True):
        assert keys == sorted(keys, reverse=True), "the paper is out of the newest-first order"
    elif others == sorted(others):
        assert keys == sorted(keys), "the paper is out of the oldest-first order"


def _links_paper(entry: Entry) -> bool:
    return any(NEW_ID in link.url for link in entry.links)


@pytest.mark.parametrize("source", LISTS, ids=lambda path: path.name[:40])
def test_add_writes_the_paper_in_the_lists_own_format(source: Path, tmp_path: Path) -> None:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    before = _parse(path)
    section = SECTIONS.get(source.name)
    extra = ["--section", section] if section else []
    result = run(path, NEW_ID, "--arxiv-response", RESPONSE, *extra)
    assert result.exit_code == 0, result.output

    after = _parse(path)
    assert after.format.name == before.format.name
    assert len(after.entries) == len(before.entries) + 1
    entry = _new_entry(after)
    assert entry.title is not None and entry.title.text == NEW_TITLE
    assert _links_paper(entry), [link.url for link in entry.links]
    assert entry.format == after.entries[max(entry.index - 1, 0)].format or entry.index == 0
    if entry.date is not None:
        assert entry.date.year == 2025
        assert entry.date.month in (6, None)
    _assert_in_date_order(after, entry)
    assert _findings(path) == _findings(source), "the list gains or loses no finding"

    written = path.read_bytes()
    again = run(path, NEW_ID, "--arxiv-response", RESPONSE, *extra)
    assert again.exit_code == 0, again.output
    assert path.read_bytes() == written, "a second add changes nothing"
    assert "skipped 1 the list has" in again.output


@pytest.mark.parametrize("source", LISTS, ids=lambda path: path.name[:40])
def test_a_paper_without_authors_still_reads_back(source: Path, tmp_path: Path) -> None:
    path = tmp_path / source.name
    shutil.copyfile(source, path)
    records = tmp_path / "papers.jsonl"
    records.write_text(
        '{"title": "An Authorless Synthetic Record", "url": "https://arxiv.org/abs/2506.99998",'
        ' "summary": "Made up for tests.", "published": "2025-06-17"}\n',
        encoding="utf-8",
    )
    section = SECTIONS.get(source.name)
    result = run(path, records, *(["--section", section] if section else []))
    assert result.exit_code == 0, result.output
    after = _parse(path)
    assert len(after.entries) == len(_parse(source).entries) + 1
    assert after.format.name == _parse(source).format.name
    titles = [entry.title.text for entry in after.entries if entry.title is not None]
    assert "An Authorless Synthetic Record" in titles
    # (A paper without code gets the generator's empty Code/Page link: an info finding.)
    assert _findings(path, infos=False) == _findings(source, infos=False)


def test_the_paper_takes_its_dated_place(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        "# Papers\n"
        "- [25/09] **Later**  \n[[Paper](https://arxiv.org/pdf/2509.01234v1)] [[Code/Page]()]\n\n"
        "- [25/03] **Earlier**  \n[[Paper](https://arxiv.org/pdf/2503.01234v1)] [[Code/Page]()]\n",
        encoding="utf-8",
    )
    result = run(path, NEW_ID, "--arxiv-response", RESPONSE)
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == (
        "# Papers\n"
        "- [25/09] **Later**  \n[[Paper](https://arxiv.org/pdf/2509.01234v1)] [[Code/Page]()]\n\n"
        f"- [25/06] **{NEW_TITLE}**  \n"
        f"[[Paper](https://arxiv.org/pdf/{NEW_ID}v2)] "
        "[[Code/Page](https://github.com/example/keeping-lists)]\n\n"
        "- [25/03] **Earlier**  \n[[Paper](https://arxiv.org/pdf/2503.01234v1)] [[Code/Page]()]\n"
    )


def test_a_generator_list_with_notes_gets_the_note(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "agent-plan.md", path)
    assert run(path, NEW_ID, "--arxiv-response", RESPONSE).exit_code == 0
    text = path.read_text(encoding="utf-8")
    anchor = "keeping-paper-lists-a-synthetic-record-for-testing-paperlint-add"
    assert f"[[TLDR/Notes](#{anchor})]" in text
    assert f"\n## {anchor}\n### Abstract\nA made-up abstract for tests." in text


# -- arXiv metadata -------------------------------------------------------------------------


def test_a_saved_response_is_read_with_authors_and_versions() -> None:
    papers = parse_response(RESPONSE.read_text(encoding="utf-8"))
    assert sorted(papers) == ["2506.09634", NEW_ID]
    paper = papers[NEW_ID]
    assert paper.title == NEW_TITLE
    assert paper.authors == ("Ada Example", "Bo Sample", "Cy Placeholder")
    assert str(paper.arxiv) == f"{NEW_ID}v2"
    assert paper.published is not None and paper.published.isoformat() == "2025-06-18"
    assert papers["2506.09634"].title.endswith("Vision-Language Understanding")  # one line


class _ArxivApi(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 (the test reads what the server was asked)

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = RESPONSE.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        del format, args  # quiet


@pytest.fixture
def arxiv_api() -> Iterator[str]:
    _ArxivApi.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _ArxivApi)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/api/query"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_fetch_asks_the_api_and_fills_the_cache(tmp_path: Path, arxiv_api: str) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "entropy-llm.md", path)
    cache = tmp_path / "cache.json"
    result = run(path, f"https://arxiv.org/abs/{NEW_ID}", "--fetch", "--arxiv-api", arxiv_api,
                 "--cache", cache)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(_ArxivApi.requests) == 1
    assert f"id_list={NEW_ID}" in _ArxivApi.requests[0]
    assert NEW_TITLE in path.read_text(encoding="utf-8")
    assert load_cache(cache)[NEW_ID].authors == ("Ada Example", "Bo Sample", "Cy Placeholder")

    # The cache alone is enough now: no network.
    other = tmp_path / "other.md"
    shutil.copyfile(DATA / "corpus" / "minecraft-agents.md", other)
    result = run(other, NEW_ID, "--cache", cache)
    assert result.exit_code == 0, result.output
    assert len(_ArxivApi.requests) == 1
    assert NEW_TITLE in other.read_text(encoding="utf-8")


def test_no_network_without_fetch(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "entropy-llm.md", path)
    before = path.read_bytes()
    result = run(path, "2501.00001")
    assert result.exit_code == 2
    assert result.output == (
        "paperlint: error: arXiv 2501.00001: not in the response or cache; pass --fetch to ask "
        "the arXiv API\n"
    )
    assert path.read_bytes() == before


# -- other sources --------------------------------------------------------------------------

BIBTEX = r"""
@inproceedings{tree2024,
  title = {Pruned {Decision} Trees for Fast \emph{Inference}},
  author = {Smith, Jane and Lee, Kim},
  booktitle = {ICML},
  year = {2024},
  month = jul,
  doi = {10.1000/example.2024}
}
@misc{keeping2025,
  title = {Keeping Paper Lists: A Synthetic Record for Testing paperlint add},
  author = {Ada Example and Bo Sample},
  year = {2025},
  eprint = {2506.99999},
  archivePrefix = {arXiv}
}
"""


def test_a_bibtex_source(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "formats" / "thunlp__TAADpapers__README.md", path)
    bib = tmp_path / "new.bib"
    bib.write_text(BIBTEX, encoding="utf-8")
    result = run(path, bib, "--section", "Toolkits")
    assert result.exit_code == 0, result.output
    paper_list = _parse(path)
    entries = {entry.title.text: entry for entry in paper_list.entries if entry.title}
    tree = entries["Pruned Decision Trees for Fast Inference"]
    assert tree.date is not None and tree.date.year == 2024
    text = paper_list.text
    assert tree.authors is not None
    assert text[tree.authors.start : tree.authors.end] == "Jane Smith, Kim Lee"
    assert tree.venue is not None and text[tree.venue.start : tree.venue.end] == "ICML 2024"
    paper = tree.link(LinkKind.PAPER)
    assert paper is not None and paper.url == "https://doi.org/10.1000/example.2024"
    assert _links_paper(entries[NEW_TITLE])


def test_malformed_bibtex_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "entropy-llm.md", path)
    bib = tmp_path / "broken.bib"
    bib.write_text("@article{broken,\n  title = {Unclosed\n", encoding="utf-8")
    result = run(path, bib)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith(f"paperlint: error: {bib}: line 1: not valid BibTeX")


def test_an_import_format_source(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "model-merging-no-notes.md", path)
    jsonl = tmp_path / "papers.jsonl"
    jsonl.write_text(
        '{"title": "Merging Models by Example", "url": "https://arxiv.org/abs/2503.01234v1",'
        ' "summary": "We merge. Code: https://github.com/example/merge", '
        '"published": "2025-03-04"}\n',
        encoding="utf-8",
    )
    result = run(path, jsonl)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert (
        "- [2025/03] **Merging Models by Example**  \n"
        "[[Paper](https://arxiv.org/pdf/2503.01234v1)] [[Code/Page](https://github.com/example/merge)]"
    ) in text
    assert "TLDR/Notes" not in text  # a list without notes gets none


# -- duplicates, dry run, errors ------------------------------------------------------------


def test_another_version_or_a_retitled_copy_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "mllm-medical.md", path)
    before = path.read_bytes()
    bib = tmp_path / "same.bib"
    bib.write_text(
        "@misc{x, title = {hsenet -- HYBRID spatial encoding network, for 3D medical "
        "vision language understanding!}, year = {2025}, month = jun}\n",
        encoding="utf-8",
    )
    result = run(path, "2506.09634v2", bib, "--arxiv-response", RESPONSE)
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == before
    assert result.output.count("the list has it") == 2


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "entropy-llm.md", path)
    before = path.read_bytes()
    result = run(path, NEW_ID, "--arxiv-response", RESPONSE, "--dry-run")
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == before
    assert f"+- [25/06] **{NEW_TITLE}**  \n" in result.output
    assert f"--- {path}\n+++ {path}\n" in result.output


def test_byte_order_mark_and_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    text = (DATA / "corpus" / "agent-plan.md").read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run(path, NEW_ID, "--arxiv-response", RESPONSE).exit_code == 0
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n")
    assert data.endswith(b"\r\n") == text.endswith("\n")
    assert NEW_TITLE.encode() in data


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.md", NEW_ID], "missing.md: "),
        (["LIST", "missing.bib"], "missing.bib: no such file, and not an arXiv id or URL"),
        (["LIST", NEW_ID, "--section", "Nowhere"], 'no section "Nowhere" with entries'),
        (["LIST", "https://example.org/abs/1"], "not an arXiv id or URL"),
    ],
)
def test_bad_input_is_one_line_and_exit_two(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "entropy-llm.md", path)
    args = [str(path) if arg == "LIST" else str(tmp_path / arg) if arg == "missing.md" else arg
            for arg in args]  # fmt: skip
    result = run(*args, "--arxiv-response", RESPONSE)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1, result.output
    assert result.output.startswith("paperlint: error: ")
    assert message in result.output


def test_an_id_the_list_has_needs_no_metadata(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "mllm-medical.md", path)
    before = path.read_bytes()
    result = run(path, "https://arxiv.org/pdf/2506.09634v3")  # no response, cache or network
    assert result.exit_code == 0, result.output
    assert "skipped arXiv 2506.09634: the list has it" in result.output
    assert path.read_bytes() == before


def test_import_reads_bibtex_too(tmp_path: Path) -> None:
    bib = tmp_path / "new.bib"
    bib.write_text(BIBTEX, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", "bibtex", str(bib)])
    assert result.exit_code == 0, result.output
    assert "- [24/07] **Pruned Decision Trees for Fast Inference**" in result.stdout
    assert f"[[Paper](https://arxiv.org/pdf/{NEW_ID})]" in result.stdout


def test_an_api_that_does_not_answer_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "entropy-llm.md", path)
    server = http.server.HTTPServer(("127.0.0.1", 0), _ArxivApi)
    closed = f"http://127.0.0.1:{server.server_port}/api/query"
    server.server_close()  # nothing listens there any more
    for api in (closed, "file:///etc/passwd"):
        result = run(path, NEW_ID, "--fetch", "--arxiv-api", api)
        assert result.exit_code == 2
        assert result.output.count("\n") == 1, result.output
        assert result.output.startswith(f"paperlint: error: arXiv API {api}: ")


def test_a_section_named_by_its_heading_with_subsections(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "formats" / "yueliu1999__Awesome-Jailbreak-on-LLMs__README.md", path)
    result = run(path, NEW_ID, "--arxiv-response", RESPONSE, "--section", "Jailbreak Attack")
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    # Under "Jailbreak Attack", whose entries sit in "Attack on LRMs": the first subsection.
    assert text.index(NEW_TITLE) > text.index("#### Attack on LRMs")
    assert text.index(NEW_TITLE) < text.index("#### Black-box Attack")
