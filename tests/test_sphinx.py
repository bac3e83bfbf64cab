"""The Sphinx extension, through real sphinx-build runs on tests/sphinx_project."""

from __future__ import annotations

import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import CORPUS
from test_clean_list import clean_list

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

PROJECT = Path(__file__).parent / "sphinx_project"


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.fragments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        href = values.get("href") or ""
        if tag == "a" and href.startswith("#") and len(href) > 1:
            self.fragments.append(href[1:])


def _project(tmp_path: Path, list_text: str) -> Path:
    source = tmp_path / "source"
    shutil.copytree(PROJECT, source)
    (source / "lists").mkdir()
    (source / "lists" / "papers.md").write_text(list_text, encoding="utf-8")
    return source


def _build(source: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-q",
        *options,
        str(source),
        str(source / "_build"),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def _anchors(page: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_rst_and_myst_pages_render_the_list_with_working_anchors(tmp_path: Path) -> None:
    source = _project(tmp_path, (CORPUS / "mllm-medical.md").read_text(encoding="utf-8"))
    result = _build(source)
    assert result.returncode == 0, result.stderr
    for page in ("index.html", "myst.html"):
        anchors = _anchors(source / "_build" / page)
        assert len(anchors.fragments) >= 10, page  # ten TLDR/Notes links, plus the TOC's
        missing = [f for f in anchors.fragments if f not in anchors.ids]
        assert missing == [], f"{page}: links without a target: {missing}"
        html = (source / "_build" / page).read_text(encoding="utf-8")
        assert "Heartcare Suite" in html
    static = source / "_build" / "_static"
    assert (static / "paperlist.css").exists() and (static / "paperlist.js").exists()
    assert "paperlist.css" in (source / "_build" / "index.html").read_text(encoding="utf-8")


def test_lint_findings_are_warnings_that_fail_with_W(tmp_path: Path) -> None:
    source = _project(tmp_path, (CORPUS / "mllm-medical.md").read_text(encoding="utf-8"))
    result = _build(source, "-W")
    assert result.returncode != 0
    assert (
        'lists/papers.md:12: WARNING: PL201 [url-trailing-punctuation] Code/Page URL ends with "."'
        in result.stderr
    )
    assert "[paperlist.url-trailing-punctuation]" in result.stderr


def test_clean_list_passes_with_W(tmp_path: Path) -> None:
    source = _project(tmp_path, clean_list())
    result = _build(source, "-W")
    assert result.returncode == 0, result.stderr


def test_suppress_warnings_and_lint_levels(tmp_path: Path) -> None:
    defective = clean_list().replace(
        "https://github.com/owner/why-fail", "https://github.com/owner/why-fail."
    )
    source = _project(tmp_path, defective)
    assert _build(source, "-W").returncode != 0
    quiet = _build(source, "-W", "-D", "suppress_warnings=paperlist.url-trailing-punctuation")
    assert quiet.returncode == 0, quiet.stderr
    config = source / "conf.py"
    config.write_text(
        config.read_text(encoding="utf-8") + 'paperlist_lint = {"PL201": "off"}\n', encoding="utf-8"
    )
    assert _build(source, "-W").returncode == 0


def test_editing_the_list_rebuilds_the_page(tmp_path: Path) -> None:
    source = _project(tmp_path, clean_list())
    assert _build(source).returncode == 0
    page = source / "_build" / "index.html"
    assert "Old-Style ids Work Too" in page.read_text(encoding="utf-8")
    papers = source / "lists" / "papers.md"
    papers.write_text(
        papers.read_text(encoding="utf-8").replace("Old-Style ids Work Too", "Renamed Paper"),
        encoding="utf-8",
    )
    assert _build(source).returncode == 0
    html = page.read_text(encoding="utf-8")
    assert "Renamed Paper" in html and "Old-Style ids Work Too" not in html


def test_bad_configuration_is_an_error(tmp_path: Path) -> None:
    source = _project(tmp_path, clean_list())
    result = _build(source, "-D", "paperlist_targets=hugo")
    assert result.returncode != 0
    assert "paperlist_targets" in result.stderr
