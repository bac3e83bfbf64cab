"""A rendered page never drops text that the source shows: for every list of the corpus and
of every format, each entry's article holds every word its source shows when Markdown
renders it alone. A link's label may give way to its badge (``Paper`` becomes ``arXiv
2506.09634``) only where the badge links the same URL; a date tag's words to the date."""

from __future__ import annotations

import random
import re
from pathlib import Path

import markdown
import pytest

from fuzzing import SOURCES, mutate
from mkdocs_paperlist.extension import makeExtension
from mkdocs_paperlist.render import safe_href
from page_text import WORD_RE, articles, visible_words
from paperlint.api import parse_arxiv_url
from paperlint.parse import parse_text

DATA = Path(__file__).parent / "data"
LISTS = sorted((DATA / "corpus").glob("*.md")) + sorted(
    path for path in (DATA / "formats").glob("*.md") if not path.name.startswith("SOURCE-")
)
# What the page shows as a symbol or leaves out as table syntax, not as a word.
_SYNTAX_WORDS = {"heavy_minus_sign", "heavy_check_mark", "x"}


def _hrefs(url: str) -> set[str]:
    """Every address the page may link a source URL by."""
    found = {url.strip()}
    if (href := safe_href(url)) is not None:
        found.add(href)
    parsed = parse_arxiv_url(url)
    if parsed is not None and parsed.id is not None:
        found.add(parsed.id.abs_url)
    return found


@pytest.mark.parametrize("path", LISTS, ids=lambda path: path.name[:40])
def test_every_entry_shows_every_word_of_its_source(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    paper_list = parse_text(text)
    page = markdown.markdown(text, extensions=[makeExtension(group="none"), "toc", "tables"])
    shown = {int(article.attributes["data-line"]): article for article in articles(page)}
    document = paper_list.document
    page_words = set(visible_words(page))
    problems: list[str] = []
    for entry in paper_list.entries:
        line = document.line_of(entry.start)
        source = text[entry.start : entry.end]
        expected = set(visible_words(markdown.markdown(source, extensions=["tables"])))
        article = shown.get(line)
        if article is None:
            # Inside a raw HTML block the site shows the entry as written.
            missing = expected - page_words
        else:
            have = set(article.words)
            hrefs = set(article.hrefs)
            allowed = set(_SYNTAX_WORDS)
            for link in (*entry.links, *entry.badges):
                if _hrefs(link.url) & hrefs or link.is_empty:
                    allowed.update(WORD_RE.findall(link.label.lower()))
                    allowed.update(WORD_RE.findall(link.url.lower()))
            if entry.date is not None and article.attributes.get("data-date"):
                allowed.update(WORD_RE.findall(entry.date.text.lower()))
            missing = expected - have - allowed
        if missing:
            problems.append(f"line {line}: {sorted(missing)[:8]}")
    assert problems == [], f"{len(problems)} entries lose words: {problems[:5]}"


def test_the_test_sees_a_lost_word() -> None:
    # The check above would pass on a page that showed nothing if it read no article.
    text = "- [25/06] **Alpha Beta** (CVPR 2025) by Alice and Bob ⭐ 1.2k\n[[Paper](https://arxiv.org/abs/2506.09634)]\n"
    page = markdown.markdown(text, extensions=[makeExtension(), "toc"])
    (article,) = articles(page)
    assert {"cvpr", "2025", "alice", "bob", "1", "2k"} <= set(article.words)
    assert re.search(r"⭐", " ".join(article.text))


@pytest.mark.parametrize("seed", range(4))
def test_mutated_lists_render_whole(seed: int) -> None:
    # The fuzzer's mutations (broken brackets, runs of syntax characters, CR line endings,
    # pieces of other lists): the page still renders, leaves no marker of its own, and
    # shows the words of every title.
    rng = random.Random(seed)
    for number in range(60):
        data = mutate(rng, rng.choice(SOURCES))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        page = markdown.markdown(text, extensions=[makeExtension(), "toc", "tables"])
        assert not re.search(r"paperlist[0-9a-f]{12}", page), f"seed {seed} input {number}"
        if "<article" not in page:
            continue
        shown = set(visible_words(page))
        source = text.replace("\r\n", "\n").replace("\r", "\n")
        for entry in parse_text(source).entries:
            if entry.title is None:
                continue
            # The words the title shows when Markdown renders it alone (a comment or a
            # link's URL inside a mutated title shows nowhere).
            title = source[entry.title.start : entry.title.start + entry.title.length]
            missing = set(visible_words(markdown.markdown(title))) - shown
            assert not missing, f"seed {seed} input {number}: {title!r} loses {missing}"
