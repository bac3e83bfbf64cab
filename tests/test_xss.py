"""Hostile text in a list never runs: XSS vectors in titles, venues, URLs, anchors, notes,
prose and imported records, rendered by the bare Python-Markdown extension, Zensical-style
(the extension with a site's usual Markdown extensions, no MkDocs plugin), a real MkDocs
build and a real Sphinx build. Every output is read with an HTML parser: no ``<script>`` of
the list's, no ``on*`` attribute, no ``javascript:``, ``data:`` or ``vbscript:`` URL.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig

from mkdocs_paperlist.assets import inline_assets
from mkdocs_paperlist.extension import makeExtension
from mkdocs_paperlist.plugin import PaperListPlugin
from paperlint.importers import new_list, read

ENTRY = (
    "- [25/06] **{title}**{venue}  \n"
    "[[Paper]({paper})] [[Code/Page]({code})]{extra} [[TLDR/Notes](#{anchor})]\n"
)
SAFE = {"title": "Safe", "venue": "", "paper": "http://arxiv.org/pdf/2506.09634v1"}
SAFE |= {"code": "https://github.com/o/r", "extra": "", "anchor": "safe"}


def _entry(**parts: str) -> str:
    return ENTRY.format(**(SAFE | parts))


def _list(entry: str, notes: str = "Notes.", heading: str = "safe", intro: str = "") -> str:
    return f"{intro}\n\n{entry}\n# TLDR/Notes\n## {heading}\n{notes}\n"


# name -> a whole list holding one vector
VECTORS: dict[str, str] = {
    # titles
    "title script": _list(_entry(title="<script>alert(1)</script>")),
    "title img onerror": _list(_entry(title="<img src=x onerror=alert(1)>")),
    "title svg onload": _list(_entry(title="<svg onload=alert(1)>")),
    "title markdown link": _list(_entry(title="[x](javascript:alert(1))")),
    "title html link": _list(_entry(title='<a href="javascript:alert(1)">x</a>')),
    "title breaks attribute": _list(_entry(title='"><script>alert(1)</script>')),
    "title entities": _list(_entry(title="&lt;script&gt;alert(1)&lt;/script&gt;")),
    "title iframe": _list(_entry(title='<iframe src="javascript:alert(1)">')),
    "title injects links": _list(_entry(title="x [[Paper](javascript:alert(1))] y")),
    # venues
    "venue script": _list(_entry(venue=" *<script>alert(1)</script>*")),
    "venue img onerror": _list(_entry(venue=" *<img src=x onerror=alert(1)>*")),
    "venue link": _list(_entry(venue=" *[v](javascript:alert(1))*")),
    # link URLs
    "paper javascript": _list(_entry(paper="javascript:alert(1)")),
    "code mixed case": _list(_entry(code="JaVaScRiPt:alert(1)")),
    "code leading space": _list(_entry(code=" javascript:alert(1)")),
    "code tab entity": _list(_entry(code="java&#x09;script:alert(1)")),
    "code colon entity": _list(_entry(code="javascript&colon;alert(1)")),
    "code breaks attribute": _list(
        _entry(code='https://github.com/o/r"><script>alert(1)</script>')
    ),
    "paper onmouseover": _list(_entry(paper='http://x.org/"onmouseover="alert(1)')),
    "extra data url": _list(
        _entry(extra=" [[Demo](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)]")
    ),
    "extra vbscript": _list(_entry(extra=" [[Demo](vbscript:msgbox(1))]")),
    "extra label": _list(_entry(extra=" [[<img src=x onerror=alert(1)>](https://x.org)]")),
    # anchors
    "anchor breaks attribute": _list(_entry(anchor='"><script>alert(1)</script>')),
    "anchor onmouseover": _list(_entry(anchor='x" onmouseover="alert(1)')),
    "anchor javascript": _list(_entry(anchor="javascript:alert(1)")),
    "notes heading img": _list(_entry(), heading="<img src=x onerror=alert(1)>"),
    "notes heading script": _list(_entry(anchor="x"), heading="x<script>alert(1)</script>"),
    # notes
    "notes img onerror": _list(_entry(), "We show <img src=x onerror=alert(1)> here."),
    "notes markdown link": _list(_entry(), "See [here](javascript:alert(3))."),
    "notes script": _list(_entry(), "<script>alert(1)</script>"),
    "notes html link": _list(_entry(), '<a href="javascript:alert(1)">x</a>'),
    "notes vbscript link": _list(_entry(), '<a href="vbscript:msgbox(1)">x</a>'),
    "notes data link": _list(_entry(), '<a href="data:text/html,<script>alert(1)</script>">x</a>'),
    "notes tab in scheme": _list(_entry(), "[x](java&#x09;script:alert(1))"),
    "notes image": _list(_entry(), "![i](javascript:alert(1))"),
    "notes svg script": _list(_entry(), "<svg><script>alert(1)</script></svg>"),
    "notes mathml xlink": _list(
        _entry(), '<math><mi xlink:href="javascript:alert(1)">x</mi></math>'
    ),
    "notes details ontoggle": _list(_entry(), "<details open ontoggle=alert(1)>x</details>"),
    "notes body onload": _list(_entry(), "<body onload=alert(1)>"),
    "notes iframe": _list(_entry(), '<iframe src="javascript:alert(1)"></iframe>'),
    "notes object": _list(_entry(), '<object data="javascript:alert(1)"></object>'),
    "notes form action": _list(
        _entry(), '<form action="javascript:alert(1)"><button>x</button></form>'
    ),
    "notes autofocus": _list(_entry(), "<input onfocus=alert(1) autofocus>"),
    "notes reference link": _list(_entry(), "[x][r]\n\n[r]: javascript:alert(1)"),
    "notes autolink": _list(_entry(), "<javascript:alert(1)>"),
    "notes angle link": _list(_entry(), "[x](<javascript:alert(1)>)"),
    "notes attr_list": _list(_entry(), 'Text\n{: onclick="alert(1)" }'),
    "notes style url": _list(_entry(), '<div style="background:url(javascript:alert(1))">x</div>'),
    "notes comment trick": _list(_entry(), "<!--><img src=x onerror=alert(1)>-->"),
    "notes noscript mxss": _list(
        _entry(), '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'
    ),
    "notes entity scheme": _list(_entry(), '<a href="&#106;avascript:alert(1)">x</a>'),
    "notes self-closing": _list(_entry(), '<img src="x" onerror="alert(1)"/>'),
    "notes meta refresh": _list(
        _entry(), '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'
    ),
    "notes base": _list(_entry(), '<base href="javascript:alert(1)//">'),
    "notes spaces before scheme": _list(_entry(), '<a href="  javascript:alert(1)">x</a>'),
    "notes colon entity": _list(_entry(), '<a href="javascript&colon;alert(1)">x</a>'),
    "notes unclosed tag": _list(_entry(), '<a href="javascript:alert(1)"\n\nmore'),
    # prose around the list
    "intro img": _list(_entry(), intro="Intro <img src=x onerror=alert(1)>"),
    "intro heading": _list(_entry(), intro="# <img src=x onerror=alert(1)>\n\nText"),
    "intro link": _list(_entry(), intro="Intro [x](javascript:alert(1))"),
}


def _imported(record: dict[str, str]) -> str:
    return new_list(read("jsonl", json.dumps(record)).papers).text


ARXIV = "http://arxiv.org/abs/2506.09634v1"
VECTORS |= {
    "imported abstract": _imported(
        {
            "title": "A",
            "url": ARXIV,
            "summary": "We show <img src=x onerror=alert(1)> and [here](javascript:alert(3)).",
        }
    ),
    "imported title link": _imported(
        {"title": "x [[Paper](javascript:alert(1))] y", "url": ARXIV, "summary": "s"}
    ),
    "imported title links": _imported(
        {
            "title": "Evil)] [[TLDR/Notes](#evil)] [[Code/Page](https://evil.example)",
            "url": ARXIV,
            "summary": "s",
        }
    ),
    "imported url": _imported(
        {"title": "U", "url": "https://x.org/a)][[Code/Page](javascript:alert(1)", "summary": "s"}
        | {"published": "2025-06"}
    ),
    "imported arxiv abstract": new_list(
        read(
            "arxiv-atom",
            '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>' + ARXIV + "</id>"
            "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"
            "<summary>&lt;img src=x onerror=alert(2)&gt;</summary>"
            "<published>2025-06-11</published></entry></feed>",
        ).papers
    ).text,
}

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background"}
_URL_ATTRIBUTES |= {"cite", "xlink:href"}
# Attributes that can hold a URL anywhere in their value.
_HOLDING_URLS = {"srcset", "srcdoc", "content", "style"}
_UNSAFE_RE = re.compile(r"(?:javascript|vbscript|data):", re.IGNORECASE)


class _Danger(HTMLParser):
    """Everything in a page that could run script, each as a short description."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self._script = [dict(attrs).get("src") or ""]
        if tag in {"iframe", "object", "embed", "base"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            # Browsers drop tabs, line breaks and controls inside a URL before its scheme.
            cleaned = re.sub(r"[\x00-\x20]", "", value or "")
            if (name in _URL_ATTRIBUTES and _UNSAFE_RE.match(cleaned)) or (
                name in _HOLDING_URLS and _UNSAFE_RE.search(cleaned)
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta refresh>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def dangers(html: str) -> _Danger:
    parser = _Danger()
    parser.feed(html)
    parser.close()
    return parser


def _assert_inert(html: str, *, theme_scripts: int = 0) -> None:
    found = dangers(html)
    assert found.found == []
    # The extension's own script, written into list pages where no site links it.
    (shipped,) = dangers(inline_assets()[1]).scripts
    scripts = [script for script in found.scripts if script != shipped]
    assert len(scripts) == theme_scripts
    assert not any("alert" in script for script in scripts)


def test_the_checker_sees_each_kind_of_danger() -> None:
    html = (
        '<script>x</script><img src=x onerror=y><a href="java\tscript:x">a</a>'
        '<a href="DATA:text/html,x">b</a><a href=" vbscript:x">c</a><iframe></iframe>'
    )
    found = dangers(html)
    assert len(found.found) == 5 and found.scripts == ["x"]


def test_there_are_at_least_forty_vectors() -> None:
    assert len(VECTORS) >= 40
    contexts = {name.split()[0] for name in VECTORS}
    assert contexts >= {"title", "venue", "paper", "code", "anchor", "notes", "imported"}


@pytest.mark.parametrize("name", VECTORS)
def test_a_vector_is_inert_with_the_bare_extension(name: str) -> None:
    _assert_inert(markdown.markdown(VECTORS[name], extensions=["paperlist"]))


ZENSICAL_EXTENSIONS = [
    "toc",
    "tables",
    "attr_list",
    "md_in_html",
    "footnotes",
    "def_list",
    "abbr",
    "admonition",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tilde",
    "pymdownx.mark",
]


@pytest.mark.parametrize("name", VECTORS)
def test_a_vector_is_inert_zensical_style(name: str) -> None:
    # Zensical, like other Python-Markdown sites without the MkDocs plugin, lists the
    # extension with the site's usual ones in its configuration.
    extensions = [makeExtension(collapse_notes=True), *ZENSICAL_EXTENSIONS]
    _assert_inert(markdown.markdown(VECTORS[name], extensions=extensions))


def test_unsafe_markdown_links_are_never_links_even_for_trusted_authors() -> None:
    text = VECTORS["notes markdown link"] + "\n[y](vbscript:x) ![z](data:image/png;base64,AA)\n"
    html = markdown.markdown(text, extensions=[makeExtension(sanitize=False)])
    assert dangers(html).found == []
    assert "<span>here</span>" in html


def test_raw_html_passes_as_written_for_trusted_authors() -> None:
    html = markdown.markdown(
        VECTORS["notes html link"] + "\n<kbd>Ctrl</kbd>\n",
        extensions=[makeExtension(sanitize=False)],
    )
    assert '<a href="javascript:alert(1)">x</a>' in html  # the option's point: trusted


def test_sanitized_notes_keep_ordinary_html_and_in_page_links() -> None:
    notes = (
        'Line<br>break, H<sub>2</sub>O, <kbd>Ctrl</kbd>, <img src="fig.png" alt="fig">, '
        "[site](https://example.org) and [back](#safe).\n\n| a | b |\n|:-:|--|\n| 1 | 2 |\n"
    )
    html = markdown.markdown(_list(_entry(), notes), extensions=["paperlist", "tables", "toc"])
    for kept in (
        "<br>",
        "<sub>2</sub>",
        "<kbd>Ctrl</kbd>",
        '<img src="fig.png" alt="fig">',
        '<a href="https://example.org">site</a>',
        '<a href="#safe">back</a>',
        '<th style="text-align:center">a</th>',
        '<h3 id="safe">Safe</h3>',
    ):
        assert kept in html
    # The controls are held out of the sanitizer (form controls); the entries pass through
    # it with the data-* attributes the filter reads.
    assert 'type="search"' in html and 'data-code="' in html and 'data-date="' in html


@pytest.mark.parametrize(("options", "sanitized"), [({}, True), ({"sanitize": False}, False)])
def test_the_mkdocs_plugin_sanitizes_unless_told_its_authors_are_trusted(
    options: dict[str, bool], sanitized: bool
) -> None:
    plugin = PaperListPlugin()
    assert plugin.load_config(options) == ([], [])
    config = MkDocsConfig()
    config.load_dict({"site_name": "x"})
    config.validate()
    plugin.on_config(config)
    assert plugin.extension is not None
    assert plugin.extension.getConfig("sanitize") is sanitized


# -- real builds: one site / project holding every vector ----------------------------------

EXAMPLE = Path(__file__).parent.parent / "example_site"
SPHINX_PROJECT = Path(__file__).parent / "sphinx_project"


def _all_vectors() -> str:
    return "\n\n".join(f"<!-- {name} -->\n{text}" for name, text in VECTORS.items())


def test_every_vector_is_inert_in_a_mkdocs_build(tmp_path: Path) -> None:
    site = tmp_path / "site-src"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site"))
    (site / "docs" / "hostile.md").write_text(_all_vectors(), encoding="utf-8")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("nav:\n", "nav:\n  - Hostile: hostile.md\n")
    config.write_text(text + "markdown_extensions:\n  - toc\n  - attr_list\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = (site / "site" / "hostile" / "index.html").read_text(encoding="utf-8")
    benign = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "paperlist-entry" in page
    # The theme's own scripts are on every page; the list brings none.
    _assert_inert(page, theme_scripts=len(dangers(benign).scripts))


def test_every_vector_is_inert_in_a_sphinx_build(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    pytest.importorskip("myst_parser")
    source = tmp_path / "source"
    shutil.copytree(SPHINX_PROJECT, source)
    (source / "lists").mkdir()
    (source / "lists" / "papers.md").write_text(_all_vectors(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(source), str(source / "_build")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "myst.html"):
        page = (source / "_build" / name).read_text(encoding="utf-8")
        assert "paperlist-entry" in page
        benign = (source / "_build" / "genindex.html").read_text(encoding="utf-8")
        _assert_inert(page, theme_scripts=len(dangers(benign).scripts))


@pytest.mark.parametrize("group", ["sections", "month", "none"])
def test_script_links_in_entries_are_never_links_in_any_layout(group: str) -> None:
    # The unsafe-URL pass runs after the entries are placed, whatever the grouping.
    text = (
        "## One\n\n- [2024/01] **A** [[Paper](https://arxiv.org/abs/2401.00001)]\n"
        "  - see [this](javascript:alert(1))\n\n"
        "## Two\n\n- [2024/02] **B** [[Paper](https://arxiv.org/abs/2402.00001)]\n"
    )
    html = markdown.markdown(text, extensions=[makeExtension(sanitize=False, group=group), "toc"])
    assert "javascript:" not in html.lower() and "this" in html
