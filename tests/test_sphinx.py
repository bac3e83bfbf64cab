"""The Sphinx extension, through real sphinx-build runs on tests/sphinx_project."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from paperlint.api import parse as parse_text
from paperlint.api import unescape

from conftest import CORPUS
from test_clean_list import clean_list
from test_site_generators import filter_in_a_browser

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


@pytest.mark.parametrize(
    "setting", ["paperlist_targets=hugo", "paperlist_group=weekly", "paperlist_sort=random"]
)
def test_bad_configuration_is_an_error(tmp_path: Path, setting: str) -> None:
    source = _project(tmp_path, clean_list())
    result = _build(source, "-D", setting)
    assert result.returncode != 0
    name, value = setting.split("=")
    # Sphinx 9 reports a ConfigError with its own traceback section; the message is ours.
    assert f"ConfigError: {name}: " in result.stderr and repr(value) in result.stderr


def test_sort_and_group_as_in_mkdocs(tmp_path: Path) -> None:
    text = "".join(
        f"- [{date}] **Paper {date}**  \n[[Paper](https://arxiv.org/abs/2401.0000{n})]\n\n"
        for n, date in enumerate(["24/01", "25/06", "24/07"], 1)
    )
    source = _project(tmp_path, text)
    index = source / "index.rst"
    index.write_text(
        index.read_text(encoding="utf-8") + "   :sort: newest\n   :group: year\n",
        encoding="utf-8",
    )
    assert _build(source).returncode == 0
    page = (source / "_build" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r">Paper (\d\d/\d\d)<", page)
    assert titles == ["25/06", "24/07", "24/01"]
    assert 'id="papers-2025"' in page and 'id="papers-2024"' in page


# -- the list as document nodes: every builder, every format -------------------------------

EXAMPLE_DOCS = Path(__file__).parent.parent / "example_site" / "docs"
EXAMPLE_LISTS = sorted(path.stem for path in EXAMPLE_DOCS.glob("*.md") if path.stem != "index")


def _one_list_per_format() -> dict[str, Path]:
    from test_format_lists import FORMATS, LISTS

    chosen: dict[str, str] = {}
    for name, family, _count in LISTS:
        chosen.setdefault(family, name)
    return {f"format-{family.lower()}": FORMATS / name for family, name in chosen.items()}


def _lists_project(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The test project with one reStructuredText page per list: the example site's lists
    and one real list of each format, each page in the index's toctree."""
    lists = {
        name: (EXAMPLE_DOCS / f"{name}.md").read_text(encoding="utf-8") for name in EXAMPLE_LISTS
    }
    lists |= {
        name: path.read_text(encoding="utf-8") for name, path in _one_list_per_format().items()
    }
    source = _project(tmp_path, clean_list())
    for name, text in lists.items():
        (source / "lists" / f"{name}.md").write_text(text, encoding="utf-8")
        (source / f"{name}.rst").write_text(
            f"{name}\n{'=' * len(name)}\n\n.. paperlist:: lists/{name}.md\n", encoding="utf-8"
        )
    index = source / "index.rst"
    toctree = "".join(f"   {name}\n" for name in lists)
    index.write_text(
        index.read_text(encoding="utf-8").replace("   myst\n", "   myst\n" + toctree),
        encoding="utf-8",
    )
    return source, lists


def _sphinx(source: Path, builder: str, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-b", builder, *options]
    command += [str(source), str(source / "_build" / builder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=600)


class _ShownText(HTMLParser):
    """The text a reader sees in the list's HTML, without the HTML-only controls."""

    HIDDEN = frozenset({"form", "svg", "script", "style", "select", "button"})
    # The controls, and the group counts the script keeps up to date.
    CONTROLS = frozenset({"paperlist-controls", "paperlist-filter", "paperlist-group-count"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")  # elements are words apart (CSS spaces them)
        classes = set((dict(attrs).get("class") or "").split())
        hidden = tag in self.HIDDEN or bool(classes & self.CONTROLS)
        if tag not in {"br", "img", "input", "hr", "wbr", "meta", "link"}:
            self.stack.append(hidden or (bool(self.stack) and self.stack[-1]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


class _Headings(HTMLParser):
    """The texts of the headings that open the list's sections: at the top or in
    ``<section>`` elements, not in an entry or a block of the author's raw HTML."""

    OPEN = frozenset({"section", "details", "summary"})
    VOID = frozenset({"br", "img", "input", "hr", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self.open: list[str] | None = None
        self.counting: list[str] | None = None  # the heading's text while in its count
        self.ancestors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        classes = (dict(attrs).get("class") or "").split()
        outside = all(a in self.OPEN for a in self.ancestors)
        if re.fullmatch(r"h[1-6]", tag) and outside and self.open is None:
            self.open = []
        if "paperlist-group-count" in classes:
            self.counting = self.open
            self.open = None
        self.ancestors.append("entry" if "paperlist-entry" in classes else tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closing tag (``<br/>``) holds no text and opens nothing: ignored, rather
        than read as a start tag and an end tag, as HTMLParser does by default."""

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or not self.ancestors:
            return
        self.ancestors.pop()
        if self.counting is not None:  # the count's end: the heading's text goes on
            self.open, self.counting = self.counting, None
        elif self.open is not None and re.fullmatch(r"h[1-6]", tag):
            self.headings.append("".join(self.open).strip())
            self.open = None

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.open.append(data)


def _headings(text: str) -> list[str]:
    parser = _Headings()
    parser.feed(_html(text))
    return parser.headings


_TOKEN_RE = re.compile(r"[a-z0-9]+|[^\x00-\x7f\s]")


def _tokens(text: str) -> set[str]:
    """Words and single non-ASCII characters: line wrapping and hyphen breaks of the text
    builder change neither."""
    return set(_TOKEN_RE.findall(text.lower()))


def _html(text: str) -> str:
    """The list's HTML as the extension renders it for Sphinx."""
    import markdown

    from mkdocs_paperlist.extension import makeExtension

    extensions = [makeExtension(assets="external"), "toc", "tables", "fenced_code"]
    return markdown.markdown(text, extensions=extensions)


def _shown(text: str) -> set[str]:
    parser = _ShownText()
    parser.feed(_html(text))
    return _tokens("".join(parser.parts))


@pytest.fixture(scope="module")
def lists_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    source, lists = _lists_project(tmp_path_factory.mktemp("lists"))
    for builder in ("html", "text", "latex"):
        result = _sphinx(source, builder, "-q")
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        # No builder fetches the lists' remote images (badges) or looks for local ones.
        sphinx_says = [line for line in result.stderr.splitlines() if "[paperlist." not in line]
        assert [line for line in sphinx_says if "image" in line.lower()] == []
    return source, lists


def test_the_text_builder_writes_every_text_of_every_list(
    lists_builds: tuple[Path, dict[str, str]],
) -> None:
    source, lists = lists_builds
    for name, text in lists.items():
        written = (source / "_build" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        words = _tokens(written)
        assert _shown(text) - words == set(), name
        paper_list = parse_text(text)
        assert paper_list.entries, name
        for entry in paper_list.entries:
            if entry.title is not None:
                assert _tokens(unescape(entry.title.text)) <= words, (name, entry.title.text)
        assert "paperlist-" not in written  # no HTML leaks into the text
    # A list of paper tables is written as its papers, one block each, no empty table.
    papers = (source / "_build" / "text" / "format-g.txt").read_text(encoding="utf-8")
    assert "\n+---" not in papers


def test_the_latex_builder_writes_the_lists(lists_builds: tuple[Path, dict[str, str]]) -> None:
    source, lists = lists_builds
    (tex,) = (source / "_build" / "latex").glob("*.tex")
    words = set(re.findall(r"[a-z0-9]+", tex.read_text(encoding="utf-8").lower()))
    for name in EXAMPLE_LISTS:
        for entry in parse_text(lists[name]).entries:
            assert entry.title is not None
            title = set(re.findall(r"[a-z0-9]+", unescape(entry.title.text).lower()))
            assert title <= words, (name, entry.title.text)


def test_the_html_builder_sees_the_lists_sections(
    lists_builds: tuple[Path, dict[str, str]],
) -> None:
    source, lists = lists_builds
    built = source / "_build" / "html"
    index = (built / "searchindex.js").read_text(encoding="utf-8")
    search = json.loads(index[index.index("(") + 1 : index.rindex(")")])
    titles = search["alltitles"]
    title_words = _tokens(" ".join(titles))
    for name, text in lists.items():
        headings = _headings(text)
        assert headings, name
        assert [h for h in headings if not _tokens(h) <= title_words] == [], name
        # Every anchor the list's HTML resolves resolves in Sphinx's page too.
        anchors = _anchors(built / f"{name}.html")
        extension = _Anchors()
        extension.feed(_html(text))
        resolved = {f for f in extension.fragments if f in extension.ids}
        assert name != "mllm-medical" or len(resolved) >= 10  # its TLDR/Notes links
        assert [f for f in anchors.fragments if f in resolved and f not in anchors.ids] == [], name
    toc = (built / "index.html").read_text(encoding="utf-8")
    # The index page's toctree (the sidebar) reaches into a list, by the group's anchor.
    assert 'href="mllm-medical.html#papers-2025-06"' in toc
    assert "2025-06" in titles  # the group's title, without its count
    page = search["docnames"].index("mllm-medical")
    assert [page, "papers-2025-06"] in [list(place) for place in titles["2025-06"]]


def test_a_second_build_reads_nothing_again(tmp_path: Path) -> None:
    source = _project(tmp_path, clean_list())
    first = _sphinx(source, "html")
    assert first.returncode == 0, first.stderr
    second = _sphinx(source, "html")
    assert second.returncode == 0, second.stderr
    output = second.stdout + second.stderr
    assert "configuration has changed" not in output.lower()
    assert "0 added, 0 changed, 0 removed" in output
    static = source / "_build" / "html" / "_static"
    assert (static / "paperlist.css").exists() and (static / "paperlist.js").exists()


def test_the_html_pages_filter_in_a_browser(
    lists_builds: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    # The elements are written back with their data-* attributes: the script still works.
    source, _lists = lists_builds
    filter_in_a_browser(source / "_build" / "html", "mllm-medical.html", tmp_path)


def test_headings_nest_as_sections_and_controls_stay_html() -> None:
    from docutils import nodes

    from mkdocs_paperlist.doctree import html_to_nodes

    html = (
        '<h1 id="top">Top</h1><div class="paperlist-controls"><form hidden>'
        '<input name="q"></form></div>'
        '<section class="paperlist-group" data-group="g"><h2 id="g" data-group="g">G '
        '<span class="paperlist-group-count">2</span></h2>'
        '<article class="paperlist-entry" data-date="2024" id="paper-a">'
        '<div class="paperlist-head"><a class="paperlist-title" href="https://x.org">A</a></div>'
        '<div class="paperlist-badges"><a href="#notes-a">Notes</a></div></article></section>'
        '<h2 id="two">Two</h2><p>Text with <em>em</em> and <code>code</code>.</p>'
    )
    (top,) = html_to_nodes(html)
    assert isinstance(top, nodes.section) and top["ids"] == ["top"]
    sections = [child for child in top.children if isinstance(child, nodes.section)]
    assert [s["ids"][0] for s in sections] == ["g", "two"]
    assert [s[0].astext() for s in sections] == ["G", "Two"]  # no count in the title
    group = sections[0]
    assert group["html_attributes"] == {"data-group": "g"}
    (article,) = [n for n in group.findall(nodes.container) if "paperlist-entry" in n["classes"]]
    assert article["ids"] == ["paper-a"] and article["html_attributes"] == {"data-date": "2024"}
    links = list(group.findall(nodes.reference))
    assert links[0]["refuri"] == "https://x.org" and links[1]["refid"] == "notes-a"
    (raw,) = top.findall(nodes.raw)
    assert raw["format"] == "html" and 'name="q"' in raw.astext()
    assert {"emphasis", "literal"} <= {type(n).__name__ for n in sections[1].findall()}
