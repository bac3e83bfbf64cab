"""Fast paths of paperlint.urls, taken for start-up time, against what they stand for:
split_url splits plain URLs itself (no urllib.parse import) and must say what
urllib.parse.urlsplit says of every URL; placeholder runs its patterns only on URLs that
hold their words and must find what the patterns find on any URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from hypothesis import example, given
from hypothesis import strategies as st

from paperlint.urls import placeholder, split_url

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


# What placeholder() stands for: its two patterns tried on every URL.
_HOST = re.compile(
    r"(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:[^/?#]*\.)?example\.(?:com|org|net)(?::\d+)?(?:[/?#]|$)"
)
_PART = re.compile(
    r"(?i)(?:^|[/=.])(x{4}\.x{4,5}|x{3,}|todo|tbd|your[-_]?(?:user(?:name)?|repo|name)|<[^>]*>)"
    r"(?:$|[/?#.])"
)
_WORDS = {"todo", "tbd", "tba", "url", "link", "xxx", "placeholder", "coming soon"}


def _every_pattern(url: str) -> str | None:
    stripped = url.strip()
    if stripped.lower() in _WORDS:
        return stripped
    host = _HOST.match(stripped)
    if host is not None:
        return "example." + host.group().rstrip("/?#").rsplit("example.", 1)[1]
    part = _PART.search(stripped)
    return part.group(1) if part is not None else None


PLACEHOLDER_PIECES = [
    "https://", "www.", "EXAMPLE.", "example.", "com", "ORG", "net", ":8080", "/", "?", "#",
    "x", "X", "xxxx.xxxxx", "TODO", "tbd", "Your-", "your_", "user", "name", "repo", "<", ">",
    "\u212a", "\u017f", "\u0130", "a", ".", "=",
]  # fmt: skip


@given(st.lists(st.sampled_from(PLACEHOLDER_PIECES), max_size=10).map("".join))
@example("https://sub.example.org:80/x")
@example("https://github.com/your-username/repo")
@example("https://github.com/<user>/repo")
@example("https://arxiv.org/abs/xxxx.xxxxx")
@example("https://x.org/TBD/")
@example("https://todo.example.net")
def test_placeholder_finds_what_its_patterns_find(url: str) -> None:
    assert placeholder(url) == _every_pattern(url)
