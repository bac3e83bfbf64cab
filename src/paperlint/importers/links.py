"""URLs in an abstract: found with linkify-it-py, cleaned, and the Code/Page link chosen."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from urllib.parse import urlsplit

from linkify_it import LinkifyIt

from paperlint.arxiv import is_arxiv_url
from paperlint.urls import CODE_HOSTS, is_repository_url, recover

__all__ = ["code_link", "find_urls"]

_GIT_HOSTS = CODE_HOSTS - {"huggingface.co"}


@cache
def _linkify() -> LinkifyIt:
    return LinkifyIt()


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        return ""


def find_urls(text: str) -> list[str]:
    """The http(s) URLs of a text, in order and without repeats, each cut at LaTeX residue
    (``{here}``, ``}``, ``$``) and stripped of trailing sentence punctuation.

    linkify-it balances parentheses, so ``(see https://github.com/o/r)`` gives the URL
    without ``)``; ``\\url{...}`` and ``\\href{...}{...}`` give the address inside. A
    scheme-less ``github.com/o/r`` counts only when it names a repository, read as https.
    """
    found: list[str] = []
    for match in _linkify().match(text) or ():
        url = match.url
        if match.schema == "":
            url = recover("https://" + match.raw)
            if not is_repository_url(url):
                continue
        elif match.schema not in {"http:", "https:"}:
            continue
        url = recover(url)
        if _host(url) and url not in found:
            found.append(url)
    return found


def _rank(url: str) -> int:
    host = _host(url)
    if is_repository_url(url):
        return 0 if host in _GIT_HOSTS else 1
    return 2 if host in CODE_HOSTS else 3


def code_link(texts: Iterable[str]) -> str | None:
    """The Code/Page link among the URLs of the texts: a repository on a git host, else one
    on Hugging Face, else another code-host page, else the first project page. arXiv URLs
    name papers, not code, and are never chosen."""
    candidates = [url for text in texts for url in find_urls(text) if not is_arxiv_url(url)]
    if not candidates:
        return None
    return min(candidates, key=_rank)  # min keeps the first of equal rank
