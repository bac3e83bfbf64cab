"""Code/Page links from abstracts: found with linkify-it-py, cleaned, repositories first."""

from __future__ import annotations

import pytest

from paperlint.importers.links import code_link, find_urls


@pytest.mark.parametrize(
    ("text", "urls"),
    [
        ("No link at all.", []),
        (
            "code is available at https://github.com/dirtycomputer/O2M_attack. Warning: ...",
            ["https://github.com/dirtycomputer/O2M_attack"],
        ),
        (
            "at https://huggingface.co/InfiX-ai/InfiMed-Foundation-4B{InfiMed-Foundation-4B}.",
            ["https://huggingface.co/InfiX-ai/InfiMed-Foundation-4B"],
        ),
        (
            "https://github.com/linjiemu/MMXU{https://github.com/linjiemu/MMXU}.",
            ["https://github.com/linjiemu/MMXU"],
        ),
        ("Code (https://github.com/o/r) is out.", ["https://github.com/o/r"]),
        ("(see https://x.org/a_(b)), then", ["https://x.org/a_(b)"]),
        ("data: https://github.com/ShiDaizi/ReMUD, and", ["https://github.com/ShiDaizi/ReMUD"]),
        (r"see \url{https://github.com/o/r}.", ["https://github.com/o/r"]),
        (r"see \href{https://o.github.io/p/}{here}.", ["https://o.github.io/p/"]),
        ("page https://storm-bench.github.io/.", ["https://storm-bench.github.io/"]),
        ("at github.com/o/r. Mail me@x.org", ["https://github.com/o/r"]),
        ("see www.example.org and ftp://x.org/f", []),
        ("twice: https://github.com/o/r and https://github.com/o/r.", ["https://github.com/o/r"]),
    ],
)
def test_find_urls(text: str, urls: list[str]) -> None:
    assert find_urls(text) == urls


@pytest.mark.parametrize(
    ("texts", "link"),
    [
        (["Nothing here."], None),
        (
            ["Project page: https://p.github.io/x/. Code: https://github.com/o/x."],
            "https://github.com/o/x",
        ),
        (
            ["Weights https://huggingface.co/o/m, code https://gitlab.com/o/m."],
            "https://gitlab.com/o/m",
        ),
        (
            ["See https://github.com/o/x/tree/main/docs or https://p.org/x"],
            "https://github.com/o/x/tree/main/docs",
        ),
        (["Based on https://arxiv.org/abs/2506.00711."], None),
        (["Project: https://p.org/a and https://q.org/b"], "https://p.org/a"),
        (
            ["No URL in the abstract.", "https://github.com/o/from-comment"],
            "https://github.com/o/from-comment",
        ),
    ],
)
def test_code_link_prefers_repositories(texts: list[str], link: str | None) -> None:
    assert code_link(texts) == link
