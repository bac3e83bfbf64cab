"""Heading ids: GitHub against github-slugger's own output, MkDocs and pymdownx against
real Python-Markdown renders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paperlint.anchors import AnchorIndex, normalize_key
from paperlint.document import Document
from paperlint.parse import parse
from paperlint.slugs import (
    IdAllocator,
    _github_slug,
    _markdown_slugify,
    _pymdownx_slugify,
    heading_ids,
    is_stable_slug,
    plain_text,
    slugify,
)

from conftest import CORPUS_LISTS, DATA

_REFERENCE_PATH = DATA / "github_slugger_reference.json"
REFERENCE = (
    json.loads(_REFERENCE_PATH.read_text(encoding="utf-8"))
    if _REFERENCE_PATH.exists()
    else {"strings": [], "documents": []}
)
_HEADING_ID_RE = re.compile(r'<h[1-6] id="([^"]*)"')


@pytest.mark.parametrize(("text", "expected"), REFERENCE["strings"])
def test_github_slug_matches_github_slugger(text: str, expected: str) -> None:
    assert slugify(text, "github") == expected


@pytest.mark.parametrize("document", REFERENCE["documents"], ids=lambda d: d["name"])
def test_github_ids_with_duplicates_match_github_slugger(document: dict) -> None:  # type: ignore[type-arg]
    texts = [text for text, _ in document["headings"]]
    assert heading_ids(texts, "github") == [slug for _, slug in document["headings"]]


def test_github_duplicate_suffixes() -> None:
    allocator = IdAllocator("github")
    assert [allocator.allocate(t) for t in ["a", "a", "a-1", "a"]] == ["a", "a-1", "a-1-1", "a-2"]


def _rendered_ids(text: str, slugify_function=None) -> list[str]:  # type: ignore[no-untyped-def]
    config = {"toc": {"slugify": slugify_function}} if slugify_function else {}
    # MkDocs' default Markdown extensions.
    extensions = ["toc", "tables", "fenced_code"]
    html = markdown.Markdown(extensions=extensions, extension_configs=config).convert(text)
    return _HEADING_ID_RE.findall(html)


@pytest.mark.parametrize("path", CORPUS_LISTS, ids=lambda p: p.name)
def test_mkdocs_ids_match_a_real_python_markdown_render(path: Path) -> None:
    document = Document.from_bytes(path.read_bytes())
    index = AnchorIndex(parse(document), ("mkdocs",))
    assert index.ids["mkdocs"] == _rendered_ids(document.text)


@pytest.mark.parametrize("path", CORPUS_LISTS, ids=lambda p: p.name)
def test_pymdownx_ids_match_a_real_python_markdown_render(path: Path) -> None:
    from pymdownx.slugs import slugify as pymdownx_slugify

    document = Document.from_bytes(path.read_bytes())
    index = AnchorIndex(parse(document), ("pymdownx",))
    assert index.ids["pymdownx"] == _rendered_ids(document.text, pymdownx_slugify(case="lower"))


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("plain heading", "plain heading"),
        ("**bold** and *em* and `code`", "bold and em and code"),
        ("[link text](https://x.org) ![alt](i.png)", "link text "),
        ("a &amp; b &lt;c&gt;", "a & b <c>"),
        ("snake_case_name stays", "snake_case_name stays"),
        (r"escaped \*star\*", "escaped *star*"),
        ("<span>tagged</span>", "tagged"),
    ],
)
def test_plain_text(source: str, plain: str) -> None:
    assert plain_text(source) == plain


REFERENCE_PIECES = [
    "&",
    "&amp;",
    "&amp",
    "& ",
    "&#",
    "&#65;",
    "&#x41",
    "&copy",
    "&\t",
    "&;",
    "*",
    "a",
    " ",
]


@given(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=8).map("".join))
def test_character_references_are_decoded_as_html_decodes_them(text: str) -> None:
    # A reference added at the end decodes on its own and leaves the rest as it was: what
    # the text holds is decoded (or kept) alike whether or not html.unescape is called.
    assert plain_text(f"{text} &amp;") == f"{plain_text(text)} &"


def test_markup_in_headings_matches_python_markdown() -> None:
    headings = ["**Bold** title", "`code` title", "[Link](https://x.org) title", "a &amp; b"]
    text = "".join(f"## {h}\n" for h in headings)
    index = AnchorIndex(parse(Document(text)), ("mkdocs",))
    assert index.ids["mkdocs"] == _rendered_ids(text)


def test_unknown_target() -> None:
    with pytest.raises(ValueError, match="unknown target 'hugo'"):
        slugify("x", "hugo")


@settings(max_examples=400, deadline=None)
@given(st.from_regex(r"-?[a-z0-9_]{1,4}(?:-[a-z0-9_]{1,4}){0,4}-?", fullmatch=True))
def test_stable_slugs_are_kept_by_every_library(text: str) -> None:
    # slugify skips the libraries for such text: each library must indeed keep it as is.
    assert is_stable_slug(text)
    assert _github_slug(text) == text
    assert _markdown_slugify()(text, "-") == text
    assert _pymdownx_slugify()(text, "-") == text


@pytest.mark.parametrize("text", ["a--b", "A-b", "a b", "-", "", "a.b", "é"])
def test_other_text_is_not_a_stable_slug(text: str) -> None:
    assert not is_stable_slug(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)) | st.text())
def test_normalize_key_ascii_fast_path_agrees_with_the_unicode_rule(text: str) -> None:
    assert normalize_key(text) == re.sub(r"[\W_]+", "", text.casefold())


def test_github_removes_exactly_github_sluggers_ranges_at_every_boundary() -> None:
    from paperlint._github_slugger_data import REMOVED_RANGES

    edges = sorted(
        {code for low, high in REMOVED_RANGES for code in (low - 1, low, high, high + 1)}
        - {-1, 0x110000}
    )
    removed = [any(low <= code <= high for low, high in REMOVED_RANGES) for code in edges]
    # Behind "é", so that the text takes the path for non-ASCII headings.
    for code, gone in zip(edges, removed, strict=True):
        char = chr(code)
        if char.lower() != char or char == " ":
            continue  # lower-casing or the space's hyphen would change it first
        assert slugify("é" + char, "github") == ("é" if gone else "é" + char), hex(code)
