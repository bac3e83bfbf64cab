"""paperlint export atom: the feed of every real list is valid Atom 1.0 (RFC 4287's RELAX NG
schema, and the two rules the schema states in Schematron), holds the newest entries
newest first, and is the same on every run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from paperlint.api import parse
from paperlint.cli import cli
from paperlint.export import atom, papers

DATA = Path(__file__).parent / "data"
SCHEMA = etree.RelaxNG(etree.parse(str(DATA / "schemas" / "atom.rng")))
ATOM = "{http://www.w3.org/2005/Atom}"
LISTS = sorted(
    path
    for path in [*DATA.glob("corpus/*.md"), *DATA.glob("formats/*.md")]
    if parse(path.read_text(encoding="utf-8")).entries
)


def _feed(path: Path, *options: str) -> bytes:
    result = CliRunner().invoke(cli, ["export", "atom", str(path), *options])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def _valid(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    assert SCHEMA.validate(root), SCHEMA.error_log
    entries = root.findall(f"{ATOM}entry")
    # The schema's Schematron rules, which RELAX NG does not check.
    assert root.find(f"{ATOM}author") is not None or all(
        entry.find(f"{ATOM}author") is not None for entry in entries
    )
    for entry in entries:
        links = [link.get("rel", "alternate") for link in entry.findall(f"{ATOM}link")]
        assert "alternate" in links or entry.find(f"{ATOM}content") is not None
    return root


@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.name[:40])
def test_every_lists_feed_is_valid_atom(path: Path) -> None:
    data = _feed(path, "--feed-url", "https://example.org/feed.xml")
    assert data == _feed(path, "--feed-url", "https://example.org/feed.xml")  # deterministic
    root = _valid(data)
    entries = root.findall(f"{ATOM}entry")
    dated = [paper for paper in papers(parse(path.read_text(encoding="utf-8"))) if paper.year]
    assert len(entries) == min(50, len(dated))
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(ids) == len(set(ids)), "entry ids are unique"
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    if updated:
        assert root.findtext(f"{ATOM}updated") == updated[0]


def test_entries_carry_the_papers_data() -> None:
    text = (
        "# Merging papers\n"
        "- [25/03] **Older & <Wiser>**  \n[[Paper](http://arxiv.org/pdf/2503.12649v1)] "
        "[[Code/Page]()] [[TLDR/Notes](#older)]\n\n"
        "- [25/06] **Newer**  \n[[Paper](https://example.org/newer.pdf)] [[Code/Page]()] "
        "[[TLDR/Notes](#newer)]\n\n"
        "# TLDR/Notes\n## older\n### Abstract\nWe merge models.\n\n"
        "## newer\n### Abstract\nNewer notes.\n"
    )
    data = atom(parse(text), limit=5, site_url="https://example.org/list/").encode()
    root = _valid(data)
    assert root.findtext(f"{ATOM}title") == "Merging papers"
    assert root.findtext(f"{ATOM}updated") == "2025-06-01T00:00:00Z"
    alternate = root.find(f"{ATOM}link[@rel='alternate']")
    assert alternate is not None and alternate.get("href") == "https://example.org/list/"
    newer, older = root.findall(f"{ATOM}entry")
    assert newer.findtext(f"{ATOM}title") == "Newer"
    assert newer.findtext(f"{ATOM}id") == "tag:paperlint.invalid,2026:merging-papers/newer"
    assert newer.findtext(f"{ATOM}summary") == "Newer notes."
    assert older.findtext(f"{ATOM}title") == "Older & <Wiser>"  # escaped, read back
    assert older.findtext(f"{ATOM}id") == "https://arxiv.org/abs/2503.12649"
    link = older.find(f"{ATOM}link")
    assert link is not None and link.get("href") == "https://arxiv.org/abs/2503.12649"
    assert older.findtext(f"{ATOM}updated") == "2025-03-01T00:00:00Z"
    assert older.findtext(f"{ATOM}summary") == "We merge models."
    assert b"&lt;Wiser&gt;" in data


def test_limit_keeps_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    shutil.copyfile(DATA / "corpus" / "model-merging-no-notes.md", path)
    root = _valid(_feed(path, "--limit", "3"))
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    newest = max(
        (e.date.year or 0, e.date.month or 0)
        for e in parse(path.read_text("utf-8")).entries
        if e.date
    )
    assert root.findtext(f"{ATOM}updated") == f"{newest[0]:04d}-{newest[1]:02d}-01T00:00:00Z"


def test_authors_are_written_when_the_list_has_them() -> None:
    root = _valid(_feed(DATA / "formats" / "thunlp__TAADpapers__README.md", "--limit", "1"))
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    names = [author.findtext(f"{ATOM}name") for author in entry.findall(f"{ATOM}author")]
    assert names and all(names)


def test_a_missing_list_is_one_line_and_exit_two(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "atom", str(tmp_path / "missing.md")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert result.output.startswith("paperlint: error: ")
