"""Real `mkdocs build` runs on copies of example_site/ in a temporary folder.

Reproduce one by hand: copy example_site/ somewhere, edit mkdocs.yml as the test does, and
run `mkdocs build --strict` there.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from conftest import CORPUS
from test_clean_list import clean_list

EXAMPLE = Path(__file__).parent.parent / "example_site"
LISTS = ["mllm-medical.md", "minecraft-agents.md", "agent-plan.md"]
OTHER_FORMATS = [
    "llm-multi-agents.md",
    "llm-strawberry.md",
    "wacv-2024-3d.md",
    "papers-in-100-lines.md",
]
SLUGIFY = {
    "default": "",
    "pymdownx": (
        "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:"
        "pymdownx.slugs.slugify {kwds: {case: lower}}\n"
    ),
}


def _site(tmp_path: Path, config_extra: str = "", plugin: str | None = None) -> Path:
    site = tmp_path / "site-src"
    shutil.copytree(EXAMPLE, site, ignore=shutil.ignore_patterns("site"))
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if plugin is not None:
        text = re.sub(r"  - paperlist:\n(?:      .*\n|\s*#.*\n)*", plugin, text)
        # The lists of other formats have defects of their own, which the example's
        # configuration logs as info: a test that configures the plugin its own way
        # builds the three generator lists only.
        for name in OTHER_FORMATS:
            (site / "docs" / name).write_text(f"# {name}\n\nNot a list here.\n", encoding="utf-8")
    config.write_text(text + config_extra, encoding="utf-8")
    return site


def _build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _ids_and_fragments(page: Path) -> tuple[set[str], list[str]]:
    html = page.read_text(encoding="utf-8")
    ids = {unescape(value) for value in re.findall(r' id="([^"]+)"', html)}
    return ids, [unescape(value) for value in re.findall(r'href="#([^"]+)"', html)]


def test_example_site_builds_strict_and_every_anchor_resolves(tmp_path: Path) -> None:
    site = _site(tmp_path)
    result = _build(site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    for name in LISTS:
        page = site / "site" / name.removesuffix(".md") / "index.html"
        ids, fragments = _ids_and_fragments(page)
        assert fragments, name
        assert [f for f in fragments if f not in ids] == [], name
    for name in OTHER_FORMATS:
        # Every anchor resolves but those the list's own source already misses.
        page = site / "site" / name.removesuffix(".md") / "index.html"
        ids, fragments = _ids_and_fragments(page)
        assert "paperlist-entry" in page.read_text(encoding="utf-8"), name
        missing = {f for f in fragments if f not in ids}
        source = (site / "docs" / name).read_text(encoding="utf-8")
        assert all(f"(#{fragment})" in source for fragment in missing), (name, missing)
    built = site / "site"
    assert (built / "assets" / "paperlist" / "paperlist.css").exists()
    assert (built / "assets" / "paperlist" / "paperlist.js").exists()
    assert "unresolved-anchor" in result.stderr  # linted, at the info level configured


@pytest.mark.parametrize("slugify", sorted(SLUGIFY))
def test_corpus_lists_have_no_broken_anchor_whatever_the_slugify(
    tmp_path: Path, slugify: str
) -> None:
    rules = (
        "url-trailing-punctuation",
        "unresolved-anchor",
        "url-latex-residue",
        "date-arxiv-mismatch",
        "invalid-date-tag",
        "mojibake",
    )
    quiet = "  - paperlist:\n      lint: {" + ", ".join(f"{r}: 'off'" for r in rules) + "}\n"
    site = _site(tmp_path, SLUGIFY[slugify], plugin=quiet)
    for path in CORPUS.glob("*.md"):
        shutil.copyfile(path, site / "docs" / path.name)
    (site / "mkdocs.yml").write_text(
        (site / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("nav:\n", "not_in_nav: '*'\nnav:\n", 1),
        encoding="utf-8",
    )
    result = _build(site)
    assert result.returncode == 0, result.stderr
    for path in CORPUS.glob("*.md"):
        page = site / "site" / path.stem / "index.html"
        ids, fragments = _ids_and_fragments(page)
        assert [f for f in fragments if f not in ids] == [], path.name


def test_clean_list_builds_strict_with_every_rule_on(tmp_path: Path) -> None:
    site = _site(tmp_path, plugin="  - paperlist:\n      targets: [github, mkdocs, pymdownx]\n")
    for name in LISTS:
        (site / "docs" / name).write_text(clean_list(), encoding="utf-8")
    result = _build(site)
    assert result.returncode == 0, result.stderr


def test_lint_findings_fail_strict_with_their_messages(tmp_path: Path) -> None:
    site = _site(tmp_path, plugin="  - paperlist\n")
    result = _build(site)
    assert result.returncode != 0
    assert (
        "WARNING -  mkdocs_paperlist: mllm-medical.md:12:95: PL201 [url-trailing-punctuation] "
        'Code/Page URL ends with "."'
    ) in result.stderr
    assert "Aborted with" in result.stdout + result.stderr


def test_lint_levels_and_front_matter(tmp_path: Path) -> None:
    site = _site(
        tmp_path, plugin="  - paperlist:\n      lint: {PL201: 'off', empty-code-link: 'off'}\n"
    )
    page = site / "docs" / "agent-plan.md"
    page.write_text("---\npaperlist: false\n---\n" + clean_list(), encoding="utf-8")
    for name in ("minecraft-agents.md", "mllm-medical.md"):
        (site / "docs" / name).write_text(
            clean_list().replace("owner/why-fail", "owner/why-fail."), encoding="utf-8"
        )
    result = _build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "agent-plan" / "index.html").read_text(encoding="utf-8")
    assert "paperlist-entry" not in html  # front matter turned the plugin off for this page


def test_disabled_plugin_leaves_pages_alone(tmp_path: Path) -> None:
    site = _site(tmp_path, plugin="  - paperlist:\n      enabled: false\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "mllm-medical" / "index.html").read_text(encoding="utf-8")
    assert "paperlist-entry" not in html


def test_bad_lint_rule_is_a_plugin_error(tmp_path: Path) -> None:
    site = _site(tmp_path, plugin="  - paperlist:\n      lint: {no-such-rule: 'off'}\n")
    result = _build(site)
    assert result.returncode != 0
    assert 'unknown rule "no-such-rule"' in result.stderr


def test_material_theme_light_and_dark(tmp_path: Path) -> None:
    pytest.importorskip("material")
    palette = (
        "theme:\n  name: material\n  font: false\n  palette:\n"
        "    - scheme: default\n    - scheme: slate\n"
    )
    site = _site(tmp_path)
    config = site / "mkdocs.yml"
    text = re.sub(r"theme:\n(?:  .*\n)+", palette, config.read_text(encoding="utf-8"))
    config.write_text(text, encoding="utf-8")
    result = _build(site)
    assert result.returncode == 0, result.stderr
    page = site / "site" / "mllm-medical" / "index.html"
    ids, fragments = _ids_and_fragments(page)
    assert [f for f in fragments if f not in ids] == []
    assert "assets/paperlist/paperlist.css" in page.read_text(encoding="utf-8")


SITE_ANCHOR_LIST = (
    "# Papers\n\n"
    "- [25/06] **MedSeg-R: Reasoning**  \n"
    "[[Paper](https://arxiv.org/abs/2506.10465)] [[Code/Page](https://github.com/o/r)]"
    " [[TLDR/Notes](#medseg-r--reasoning)]\n\n"
    "# TLDR/Notes\n## medseg-r--reasoning\nText.\n"
)


@pytest.mark.parametrize(
    ("targets", "reported"),
    [("[mkdocs]", False), ("[github, mkdocs]", False), ("[pymdownx]", False)],
)
def test_an_anchor_the_page_makes_work_is_not_reported_for_this_site(
    tmp_path: Path, targets: str, reported: bool
) -> None:
    # "#medseg-r--reasoning" names the notes heading as GitHub spells its id; MkDocs'
    # slugify would make it "medseg-r-reasoning", but the page gives the notes the id the
    # entry links to, so on this site the anchor works: no finding for the site's targets.
    site = _site(tmp_path, plugin=f"  - paperlist:\n      targets: {targets}\n")
    for name in LISTS:
        (site / "docs" / name).write_text(SITE_ANCHOR_LIST, encoding="utf-8")
    result = _build(site)
    assert ("PL301" in result.stderr) is reported, result.stderr
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "mllm-medical" / "index.html").read_text(encoding="utf-8")
    ids, fragments = _ids_and_fragments(html_path := site / "site" / "mllm-medical" / "index.html")
    assert "medseg-r--reasoning" in ids and "medseg-r--reasoning" in fragments, html_path
    assert "paperlist-entry" in html


def test_an_anchor_broken_on_github_is_still_reported_for_github(tmp_path: Path) -> None:
    text = SITE_ANCHOR_LIST.replace("(#medseg-r--reasoning)", "(#medseg-r-reasoning)")
    site = _site(tmp_path, plugin="  - paperlist:\n      targets: [github, mkdocs]\n")
    for name in LISTS:
        (site / "docs" / name).write_text(text, encoding="utf-8")
    result = _build(site)
    messages = [line for line in result.stderr.splitlines() if "PL301" in line]
    assert messages and all("does not resolve on github" in line for line in messages)
    assert not any(
        "mkdocs" in line.split("does not resolve on", 1)[1].split(":")[0] for line in messages
    )


def test_each_list_gets_an_atom_feed_linked_from_its_page(tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    schema = etree.RelaxNG(etree.parse(str(CORPUS.parent / "schemas" / "atom.rng")))
    site = _site(tmp_path, "site_url: https://lists.example.org/\n")
    result = _build(site)
    assert result.returncode == 0, result.stderr
    for name in [*LISTS, *OTHER_FORMATS]:
        folder = site / "site" / name.removesuffix(".md")
        feed = etree.parse(str(folder / "feed.xml"))
        assert schema.validate(feed), (name, schema.error_log)
        links = feed.getroot().findall("{http://www.w3.org/2005/Atom}link")
        assert f"https://lists.example.org/{name.removesuffix('.md')}/feed.xml" in {
            link.get("href") for link in links
        }
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert 'class="paperlist-feed" href="feed.xml"' in html
    index = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "paperlist-feed" not in index and not (site / "site" / "feed.xml").exists()
