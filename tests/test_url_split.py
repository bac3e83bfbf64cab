"""paperlint.urls.split_url splits plain URLs itself (start-up: no urllib.parse import) and
must say what urllib.parse.urlsplit says of every URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from hypothesis import example, given
from hypothesis import strategies as st

from paperlint.urls import split_url

from conftest import CORPUS_LISTS

PIECES = [
    "http", "HTTPS", "ftp", "a+b", "1x", "://", ":", "//", "/", "?", "#", "@", "[", "]", "::1",
    "%", "%2F", ".", "-", "_", "~", " ", "\t", "\n", "\x00", "\x1f", "é", "ｅ", "ArXiv.org",
    "github.com", "www.", "abs/2401.00001v2", "user:pw", ":8080", "q=1&r=2", "frag",
]  # fmt: skip
CORPUS_URLS = sorted(
    {
        url
        for path in CORPUS_LISTS
        for url in re.findall(r"\]\(([^()\s]+)\)", path.read_text(encoding="utf-8"))
    }
)


def _urlsplit(url: str) -> tuple[str, ...] | type[ValueError]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ValueError
    return (*parts, parts.hostname or "")


def _split_url(url: str) -> tuple[str, ...] | type[ValueError]:
    try:
        return tuple(split_url(url))
    except ValueError:
        return ValueError


def test_corpus_urls_split_as_urlsplit_splits_them() -> None:
    assert len(CORPUS_URLS) > 100
    assert [url for url in CORPUS_URLS if _split_url(url) != _urlsplit(url)] == []


@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
@example("https://github.com/o/r.")
@example("http://a_b.com/x")  # a host the plain form does not take: urlsplit's answer
@example("HTTP://Example.COM?q#f?g")
@example("http://[::1/x")
def test_any_url_splits_as_urlsplit_splits_it(url: str) -> None:
    assert _split_url(url) == _urlsplit(url)
