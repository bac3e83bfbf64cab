"""Every link of a document in any syntax (Document.links), with its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint.document import Document
from paperlint.inline import LinkSyntax

FORMATS = sorted((Path(__file__).parent / "data" / "formats").glob("*__*.md"))


def _links(text: str) -> list[tuple[str, str, str]]:
    return [(link.syntax.value, link.text, link.url) for link in Document(text).links.links]


def test_inline_links_and_images_with_their_offsets() -> None:
    text = 'See [the paper](https://arxiv.org/abs/2506.09634) and ![logo](img.png "t").\n'
    document = Document(text)
    first, second = document.links.links
    assert (first.syntax, first.text, first.url) == (
        LinkSyntax.INLINE,
        "the paper",
        "https://arxiv.org/abs/2506.09634",
    )
    assert text[first.start : first.end] == "[the paper](https://arxiv.org/abs/2506.09634)"
    assert text[first.url_start : first.url_end] == first.url
    assert (second.syntax, second.text, second.url) == (LinkSyntax.IMAGE, "logo", "img.png")
    assert text[second.start : second.end] == '![logo](img.png "t")'


def test_a_badge_is_an_image_inside_a_link() -> None:
    text = "[![Stars](https://img.shields.io/github/stars/o/r)](https://github.com/o/r)\n"
    assert _links(text) == [
        ("inline", "![Stars](https://img.shields.io/github/stars/o/r)", "https://github.com/o/r"),
        ("image", "Stars", "https://img.shields.io/github/stars/o/r"),
    ]


def test_generator_groups_and_other_link_shapes() -> None:
    text = (
        "- [25/06] **T** [[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page]()] "
        "[[TLDR/Notes](#t)]\n"
        "- [[paper]](https://a.example) [Title](u(1)) [empty]() [pdf](#)\n"
    )
    assert _links(text) == [
        ("inline", "Paper", "http://arxiv.org/pdf/2506.09634v1"),
        ("inline", "Code/Page", ""),
        ("inline", "TLDR/Notes", "#t"),
        ("inline", "[paper]", "https://a.example"),
        ("inline", "Title", "u(1)"),
        ("inline", "empty", ""),
        ("inline", "pdf", "#"),
    ]


def test_reference_links_and_definitions() -> None:
    text = "A [full][ref], a [ref][] and a [Ref] link; [missing][nowhere].\n\n[ref]: https://r.example\n"
    assert _links(text) == [
        ("reference", "full", "https://r.example"),
        ("reference", "ref", "https://r.example"),
        ("reference", "Ref", "https://r.example"),
        ("reference", "missing", ""),
        ("definition", "ref", "https://r.example"),
    ]


def test_autolinks_and_html_links_and_anchors() -> None:
    text = (
        '<a name="top"></a>\n<p align="center" id="intro">x</p>\n'
        'Go <a href="#top">up</a> or to <https://example.org/x>.\n'
    )
    document = Document(text)
    assert _links(text) == [("html", "", "#top"), ("autolink", "", "https://example.org/x")]
    assert [(anchor.value, anchor.attribute) for anchor in document.links.anchors] == [
        ("top", "name"),
        ("intro", "id"),
    ]


def test_nothing_in_code_or_comments_and_escaped_brackets_are_text() -> None:
    text = (
        "`[not](a-link)` <!-- [nor](this) -->\n"
        "```\n[in](fence)\n```\n"
        "\\[escaped](text) but [this](counts)\n"
    )
    assert _links(text) == [("inline", "this", "counts")]


def test_a_destination_with_a_blank_is_no_link() -> None:
    assert _links("[a](http://x y) [b](ok)\n") == [("inline", "b", "ok")]


def test_only_a_space_or_a_control_character_ends_a_destination() -> None:
    # CommonMark, GitHub and Python-Markdown: a no-break or ideographic space is in the URL.
    text = "[a](http://x.org/a\u00a0b) [c](http://y.org/\u3000d) [e](http://z.org/\x7ff)\n"
    assert _links(text) == [
        ("inline", "a", "http://x.org/a\u00a0b"),
        ("inline", "c", "http://y.org/\u3000d"),
    ]


@pytest.mark.parametrize("path", FORMATS, ids=lambda path: path.name.split("__")[1])
def test_every_real_list_is_read_whole(path: Path) -> None:
    document = Document.from_bytes(path.read_bytes())
    inventory = document.links
    text = document.text
    for link in inventory.links:
        assert 0 <= link.start < link.end <= len(text)
        if link.url_start >= 0:
            assert text[link.url_start : link.url_end] == link.url
    assert [link.start for link in inventory.links] == sorted(
        link.start for link in inventory.links
    )


def test_pathological_lines_are_read_in_linear_time() -> None:
    line = "[" * 100_000 + "](" * 50_000 + "]" * 100_000 + "![x](" * 20_000
    assert Document(line + "\n").links.links == []


def test_an_image_may_hold_a_link() -> None:
    assert _links("![a [b](u)](v)\n") == [("image", "a [b](u)", "v"), ("inline", "b", "u")]


def test_titles_and_pointy_destinations() -> None:
    text = "[a](<x y>) [b](u \"t\") [c](u (t)) [d](u 't')\n"
    assert [url for _, _, url in _links(text)] == ["<x y>", "u", "u", "u"]


@pytest.mark.parametrize(
    "line",
    [
        "<a " + "x" * 100_000 + " id=1>",  # a long attribute-like word
        "[a](<" * 100_000,  # pointy destinations never closed
        "[a](u (" * 60_000,  # titles never closed
        '[a](u "' * 60_000,
    ],
    ids=["attribute", "pointy", "paren-title", "quote-title"],
)
def test_unclosed_constructs_are_read_in_linear_time(line: str) -> None:
    # No timing (bench/ times things): quadratic here would make the test hang visibly.
    assert Document(line + "\n").links.links == []
