"""Real builds with the other site generators users have: Zensical (Python-Markdown
extensions, no MkDocs plugins) and ProperDocs (the MkDocs 1.6 fork, which runs the plugin).

Each test copies the example site's pages (and one real list per format) to a temporary
folder and runs the generator's own command there. Reproduce one by hand: copy
example_site/docs to a folder, add the zensical.toml written below, and run
`zensical build` (or `properdocs build -f mkdocs.yml --strict` in a copy of example_site/).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from mkdocs_paperlist.assets import ASSETS, inline_assets
from mkdocs_paperlist.extension import makeExtension
from paperlint.api import parse

from test_format_lists import FORMATS, LISTS

EXAMPLE = Path(__file__).parent.parent / "example_site"
PAGES = sorted(path.stem for path in (EXAMPLE / "docs").glob("*.md") if path.stem != "index")


def _one_list_per_format() -> dict[str, str]:
    """One real list of each family (tests/test_format_lists.py), by page name."""
    chosen: dict[str, str] = {}
    for name, family, _count in LISTS:
        chosen.setdefault(family, name)
    return {f"format-{family.lower()}": name for family, name in chosen.items()}


FORMAT_PAGES = _one_list_per_format()
_ENTRY_RE = re.compile(r'<(?:article|div|li)\b[^>]*\bclass="(?:[^"]*\s)?paperlist-entry[\s"]')


def _entries(html: str) -> int:
    return len(_ENTRY_RE.findall(html))


def _docs(target: Path) -> Path:
    shutil.copytree(EXAMPLE / "docs", target)
    for page, name in FORMAT_PAGES.items():
        shutil.copyfile(FORMATS / name, target / f"{page}.md")
    return target


def _source(page: str) -> str:
    name = FORMAT_PAGES.get(page, f"{page}.md")
    folder = FORMATS if page in FORMAT_PAGES else EXAMPLE / "docs"
    return (folder / name).read_text(encoding="utf-8")


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)


ZENSICAL_TOML = """\
[project]
site_name = "paperlist on Zensical"

[project.markdown_extensions.toc]
permalink = true

[project.markdown_extensions.paperlist]
collapse_notes = true
"""


def test_zensical_build_gives_complete_list_pages(tmp_path: Path) -> None:
    pytest.importorskip("zensical")
    project = tmp_path / "project"
    _docs(project / "docs")
    (project / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    result = _run([sys.executable, "-m", "zensical", "build"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    style, script = inline_assets()
    for page in [*PAGES, *FORMAT_PAGES]:
        html = (project / "site" / page / "index.html").read_text(encoding="utf-8")
        expected = len(parse(_source(page)).entries)
        assert _entries(html) == expected, page
        # No plugin added the files: the extension wrote them into the page, once.
        assert html.count(style) == 1, page
        assert html.count(script) == 1, page
        assert "assets/paperlist/" not in html
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-paperlist="' not in home  # a page without a list gets neither
    # The site's search reads the pages' text, not the CSS and JS written into them.
    search = (project / "site" / "search.json").read_text(encoding="utf-8")
    assert "Heartcare Suite" in search
    assert "querySelector" not in search and "paperlist-badge" not in search


def test_properdocs_build_runs_the_plugin(tmp_path: Path) -> None:
    pytest.importorskip("properdocs")
    pytest.importorskip("properdocs_theme_mkdocs")
    site = tmp_path / "site-src"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site"))
    command = [sys.executable, "-m", "properdocs", "build", "-f", "mkdocs.yml"]
    strict = _run([*command, "--strict"], site)
    assert strict.returncode == 0, strict.stderr
    # Linted by the plugin, at the levels mkdocs.yml gives.
    assert "mkdocs_paperlist: mllm-medical.md:12:95: PL201 [url-trailing-punctuation]" in (
        strict.stderr
    )
    built = site / "site"
    for name in ("paperlist.css", "paperlist.js"):
        copied = built / "assets" / "paperlist" / name
        assert copied.read_bytes() == (ASSETS / name).read_bytes()
    for page in PAGES:
        html = (built / page / "index.html").read_text(encoding="utf-8")
        assert _entries(html) == len(parse(_source(page)).entries), page
        assert "assets/paperlist/paperlist.css" in html and "assets/paperlist/paperlist.js" in html
        assert 'data-paperlist="' not in html  # linked, not written into the page

    # One list per format, without --strict: those lists' findings are warnings.
    _docs(site / "formats")
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("docs_dir: docs", "docs_dir: formats")
    config.write_text(text.replace("nav:\n", "not_in_nav: '*'\nnav:\n", 1), encoding="utf-8")
    result = _run(command, site)
    assert result.returncode == 0, result.stderr
    for page in FORMAT_PAGES:
        html = (built / page / "index.html").read_text(encoding="utf-8")
        assert _entries(html) == len(parse(_source(page)).entries), page


# -- the assets the extension writes itself ---------------------------------------------------

LIST = "- [25/06] **A Paper**  \n[[Paper](http://arxiv.org/abs/2506.09634v1)] [[Code/Page]()]\n"


def test_the_extension_writes_its_assets_once_and_only_on_list_pages() -> None:
    style, script = inline_assets()
    html = markdown.markdown(LIST, extensions=["paperlist", "toc"])
    assert html.startswith(style + "\n")
    assert html.endswith("\n" + script)
    assert html.count("<style") == 1 and html.count("<script") == 1
    # The page's own CSS and JS are the shipped files, byte for byte.
    assert (ASSETS / "paperlist.css").read_text(encoding="utf-8") in style
    assert (ASSETS / "paperlist.js").read_text(encoding="utf-8").replace("</", "<\\/") in script
    plain = "# Notes\n\nNo paper here.\n"
    assert markdown.markdown(plain, extensions=["paperlist"]) == markdown.markdown(plain)
    external = markdown.markdown(LIST, extensions=[makeExtension(assets="external")])
    assert "<style" not in external and "<script" not in external


def test_the_sanitizer_still_removes_a_lists_own_style_and_script() -> None:
    text = LIST + "\n<style>body{display:none}</style>\n\n<script>alert(1)</script>\n"
    html = markdown.markdown(text, extensions=["paperlist"])
    style, script = inline_assets()
    assert html.count("<style") == 1 and style in html
    assert html.count("<script") == 1 and script in html
    assert "display:none" not in html and "alert(1)" not in html


def test_a_converter_reused_across_pages_writes_the_assets_per_list_page() -> None:
    converter = markdown.Markdown(extensions=["paperlist", "toc"])
    pages = [LIST, "Just prose.\n", LIST]
    assert [converter.convert(page).count("<script") for page in pages] == [1, 0, 1]


def test_the_shipped_assets_never_close_their_element_early() -> None:
    for element in inline_assets():
        tag = element[1:6]
        assert element.lower().count(f"</{tag}") == 1, tag


# -- the page in a browser: the script the page carries runs -------------------------------


def filter_in_a_browser(folder: Path, page: str, tmp_path: Path) -> None:
    """Serve ``folder``, open ``page`` in headless Chromium and filter the example list
    mllm-medical's titles for "ECG": only Heartcare Suite stays (the notes of another paper
    mention ECG too). Skips without Chromium."""
    import functools
    import http.server
    import threading

    browser_module = pytest.importorskip("test_browser")
    if browser_module.CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    handler = functools.partial(browser_module._Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    browser = browser_module.Browser(tmp_path)
    try:
        browser.open(f"http://127.0.0.1:{server.server_address[1]}/{page}")
        assert browser.evaluate("document.querySelector('.paperlist-filter').hidden") is False
        browser.evaluate(
            "(() => { const box = document.querySelector('.paperlist-filter input[type=search]');"
            " box.form.elements.in.value = 'title';"
            " box.value = 'ECG'; box.dispatchEvent(new Event('input')); })()"
        )
        shown = (
            "Array.from(document.querySelectorAll('.paperlist-entry')).filter(e => !e.hidden)"
            ".map(e => e.querySelector('.paperlist-title').textContent)"
        )
        browser_module._wait_until(
            lambda: len(browser.evaluate(shown)) == 1, "the filter hid no entry", attempts=100
        )
        assert browser.evaluate(shown)[0].startswith("Heartcare Suite")
        thrown = [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
        assert thrown == []
    finally:
        browser.close()
        server.shutdown()


def test_the_zensical_page_filters_in_a_browser(tmp_path: Path) -> None:
    pytest.importorskip("zensical")
    project = tmp_path / "project"
    _docs(project / "docs")
    (project / "zensical.toml").write_text(ZENSICAL_TOML, encoding="utf-8")
    result = _run([sys.executable, "-m", "zensical", "build"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    filter_in_a_browser(project / "site", "mllm-medical/", tmp_path)


def test_an_unknown_assets_mode_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"^paperlist: assets must be one of inline, external"):
        markdown.markdown(LIST, extensions=[makeExtension(assets="link")])
