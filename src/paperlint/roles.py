"""The role of a link (paper, code, project page, notes, data, video), from its label and
its host.

The label decides where it names a role (``pdf``, ``arXiv``, ``📝 Paper`` are paper links;
``code``, ``GitHub``, ``Official`` code links); a label that names none (``link``, a title,
a badge) leaves it to the host (``arxiv.org`` serves papers, ``github.com`` code).
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache

from paperlint import lazy_re

__all__ = ["LinkKind", "host_role", "label_role", "link_role"]


class LinkKind(Enum):
    """The role of a link, from its label and host."""

    PAPER = "Paper"
    CODE = "Code/Page"
    NOTES = "TLDR/Notes"
    PROJECT = "Project"
    DATA = "Data"
    VIDEO = "Video"
    OTHER = "other"

    # Members are singletons compared by identity: hash them so, in C, rather than with
    # Enum's Python-level hash of the name (300,000 calls in a lint of the 20k bench list:
    # 0.04 s of 1.5 s).
    __hash__ = object.__hash__


# Words of a label, lower-cased, and the role each names. A label's first word that names a
# role decides ("Code & Data" is code).
_LABEL_WORDS = {
    "paper": "PAPER",
    "papers": "PAPER",
    "pdf": "PAPER",
    "arxiv": "PAPER",
    "abs": "PAPER",
    "abstract": "PAPER",
    "doi": "PAPER",
    "openreview": "PAPER",
    "acl": "PAPER",
    "preprint": "PAPER",
    "article": "PAPER",
    "publication": "PAPER",
    "report": "PAPER",
    "book": "PAPER",
    "proceedings": "PAPER",
    "code": "CODE",
    "codes": "CODE",
    "github": "CODE",
    "gitlab": "CODE",
    "repo": "CODE",
    "repository": "CODE",
    "official": "CODE",
    "implementation": "CODE",
    "pytorch": "CODE",
    "tensorflow": "CODE",
    "tf": "CODE",
    "jax": "CODE",
    "caffe": "CODE",
    "unofficial": "CODE",
    "colab": "CODE",
    "project": "PROJECT",
    "page": "PROJECT",
    "website": "PROJECT",
    "homepage": "PROJECT",
    "site": "PROJECT",
    "webpage": "PROJECT",
    "demo": "PROJECT",
    "blog": "PROJECT",
    "data": "DATA",
    "dataset": "DATA",
    "datasets": "DATA",
    "benchmark": "DATA",
    "video": "VIDEO",
    "youtube": "VIDEO",
    "talk": "VIDEO",
    "slides": "OTHER",
    "bibtex": "OTHER",
    "tldr": "NOTES",
    "notes": "NOTES",
    "note": "NOTES",
}
# The generator's own labels, and what they name, looked up before anything else.
_EXACT = {
    "paper": "PAPER",
    "code/page": "CODE",
    "code": "CODE",
    "tldr/notes": "NOTES",
    "tldr": "NOTES",
    "notes": "NOTES",
}
_WORD_RE = lazy_re.compile(r"[^\W\d_]+")
_HOSTS = (
    ("arxiv.org", "PAPER"),
    ("openreview.net", "PAPER"),
    ("aclanthology.org", "PAPER"),
    ("aclweb.org", "PAPER"),
    ("doi.org", "PAPER"),
    ("openaccess.thecvf.com", "PAPER"),
    ("proceedings.mlr.press", "PAPER"),
    ("papers.nips.cc", "PAPER"),
    ("proceedings.neurips.cc", "PAPER"),
    ("ieeexplore.ieee.org", "PAPER"),
    ("dl.acm.org", "PAPER"),
    ("link.springer.com", "PAPER"),
    ("sciencedirect.com", "PAPER"),
    ("semanticscholar.org", "PAPER"),
    ("huggingface.co/papers", "PAPER"),
    ("ojs.aaai.org", "PAPER"),
    ("nature.com", "PAPER"),
    ("huggingface.co/datasets", "DATA"),
    ("github.com", "CODE"),
    ("gitlab.com", "CODE"),
    ("bitbucket.org", "CODE"),
    ("youtube.com", "VIDEO"),
    ("youtu.be", "VIDEO"),
    ("vimeo.com", "VIDEO"),
    ("bilibili.com", "VIDEO"),
    ("github.io", "PROJECT"),
)
# LaTeX residue before the scheme ("\\https://arxiv.org/...") is passed over: the URL rules
# report it, and the link keeps the role of the URL the author meant.
_HOST_RE = lazy_re.compile(r"(?i)^\s*<?[{}\\$]*(?:[a-z][a-z0-9+.-]*:)?/*(?:www\.)?([^\s?#]*)")


def label_role(label: str) -> str | None:
    """The role a label names (a ``LinkKind`` member's name), or None."""
    kind = _label_kind(label)
    return None if kind is None else kind.name


def _label_role(label: str) -> str | None:
    lowered = label.strip().lower()
    exact = _EXACT.get(lowered)
    if exact is not None:
        return exact
    for word in _WORD_RE.findall(lowered):
        role = _LABEL_WORDS.get(word)
        if role is not None:
            return role
    return None


def host_role(url: str) -> str | None:
    """The role a URL's host serves (a ``LinkKind`` member's name), or None: arXiv and
    publishers serve papers, GitHub code, YouTube videos, ``*.github.io`` project pages;
    any URL ending in ``.pdf`` is a paper."""
    match = _HOST_RE.match(url)
    if match is None:
        return None
    rest = match.group(1).lower()
    host, _, path = rest.partition("/")
    for suffix, role in _HOSTS:
        if "/" in suffix:
            if rest.startswith(suffix):
                return role
        elif host == suffix or host.endswith("." + suffix):
            return role
    if path.endswith(".pdf"):
        return "PAPER"
    return None


def link_role(label: str, url: str) -> LinkKind:
    """The role of a link: the one its label names, else the one its host serves, else
    ``OTHER``."""
    if label:
        kind = _label_kind(label)
        if kind is not None:
            return kind
    role = host_role(url) if url else None
    return _KINDS[role] if role is not None else LinkKind.OTHER


# Members by name from a plain dict: ``LinkKind[name]`` is a Python-level call, and reading
# a large list asks it for every link (with the cache below, 0.035 s of a 1.5 s lint of the
# 20k bench list).
_KINDS = dict(LinkKind.__members__)


@lru_cache(maxsize=4096)  # a list uses a handful of labels thousands of times
def _label_kind(label: str) -> LinkKind | None:
    """The member ``label_role`` names, cached for both."""
    role = _label_role(label)
    return None if role is None else _KINDS[role]
