"""Heading ids as each target renderer computes them: GitHub, Python-Markdown, pymdownx.

An anchor resolves on a target when it equals the id that target gives some heading of the
file. Python-Markdown and pymdownx ids come from the libraries' own functions, imported only
when such a target is used; GitHub's come from a table generated from ``github-slugger``
2.0.0 (see ``tools/github_slugger``).
"""

from __future__ import annotations

import html
import inspect
import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Final, cast

__all__ = [
    "TARGETS",
    "TARGET_LABELS",
    "IdAllocator",
    "heading_ids",
    "is_stable_slug",
    "plain_text",
    "slugify",
]

TARGETS: Final = ("github", "mkdocs", "pymdownx")
"""Every renderer paperlint knows, in the order they are reported."""

TARGET_LABELS: Final = {"github": "GitHub", "mkdocs": "MkDocs", "pymdownx": "pymdownx"}
"""How messages name each target."""

# -- the text a renderer slugifies -----------------------------------------------------------

_MARKUP_CHARS_RE = re.compile(r"[*_`\[<&\\]")
_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK_RE = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CODE_RE = re.compile(r"(`+)(.+?)\1")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS_RE = re.compile(
    r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PARKED = 0xF0000
_PARKED_RE = re.compile("[\U000f0021-\U000f007e]")


def plain_text(source: str) -> str:
    """The text a renderer sees in a heading: inline markup removed, entities decoded.

    Covers what paper-list headings hold (emphasis, code, links, images, tags, escapes,
    entities); plain headings, the usual case, come back unchanged at no cost.
    """
    if not _MARKUP_CHARS_RE.search(source):
        return source
    # Escaped characters are literal: park them in private-use code points meanwhile.
    text = _ESCAPE_RE.sub(lambda m: chr(_PARKED + ord(m.group(1))), source)
    text = _CODE_RE.sub(lambda m: m.group(2).strip(), text)
    text = _IMAGE_RE.sub(r"\1", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _STRONG_RE.sub(r"\2", text)
    text = _EMPHASIS_RE.sub(lambda m: m.group(1) or m.group(2), text)
    text = _TAG_RE.sub("", text)
    text = html.unescape(text)
    return _PARKED_RE.sub(lambda m: chr(ord(m.group()) - _PARKED), text)


# -- per-target slug functions ---------------------------------------------------------------


@cache
def _github_removed() -> re.Pattern[str]:
    from paperlint._github_slugger_data import REMOVED_RANGES

    parts = "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in REMOVED_RANGES
    )
    return re.compile(f"[{parts}]")


@cache
def _github_ascii_removed() -> bytes:
    """The ASCII characters github-slugger removes, for ``bytes.translate``."""
    from paperlint._github_slugger_data import REMOVED_RANGES

    return bytes(
        code for low, high in REMOVED_RANGES if low < 128 for code in range(low, min(high, 127) + 1)
    )


def _github_slug(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():  # the common case, without the big Unicode character class
        kept = lowered.encode("ascii").translate(None, _github_ascii_removed())
        return kept.decode("ascii").replace(" ", "-")
    return _github_removed().sub("", lowered).replace(" ", "-")


@cache
def _markdown_slugify() -> Callable[[str, str], str]:
    from markdown.extensions.toc import slugify as toc_slugify

    return cast(Callable[[str, str], str], toc_slugify)


@cache
def _pymdownx_slugify() -> Callable[[str, str], str]:
    from pymdownx.slugs import slugify as pymdownx_slugify

    return pymdownx_slugify(case="lower")  # type: ignore[no-any-return]


def _collapse(text: str) -> str:
    # Python-Markdown's toc strips tags from the heading's HTML and collapses every run of
    # Unicode whitespace (no-break spaces included) to one space before it slugifies.
    return " ".join(text.split())


# Text every target keeps as it is: lower-case ASCII words joined by single hyphens, with a
# hyphen at either end or not. Most notes headings and every slug paperlint writes look like
# this; they skip the slugifiers (tests/test_slugs.py checks the libraries agree).
_STABLE_SLUG_RE = re.compile(r"-?[a-z0-9_]+(?:-[a-z0-9_]+)*-?")


def is_stable_slug(text: str) -> bool:
    """Whether every target gives a heading with this text exactly this id."""
    return _STABLE_SLUG_RE.fullmatch(text) is not None


def slugify(text: str, target: str) -> str:
    """The id a target gives a heading whose plain text is ``text``, before de-duplication."""
    if _STABLE_SLUG_RE.fullmatch(text):
        if target not in TARGETS:
            raise ValueError(f"unknown target {target!r}; choose from {', '.join(TARGETS)}")
        return text
    if target == "github":
        return _github_slug(text)
    if target == "mkdocs":
        return _markdown_slugify()(_collapse(text), "-")
    if target == "pymdownx":
        return _pymdownx_slugify()(_collapse(text), "-")
    raise ValueError(f"unknown target {target!r}; choose from {', '.join(TARGETS)}")


# -- de-duplication --------------------------------------------------------------------------


@cache
def _markdown_unique() -> Callable[[str, set[str], dict[str, int]], str]:
    from markdown.extensions.toc import unique

    if "counters" in inspect.signature(unique).parameters:
        return lambda id_, ids, counters: unique(id_, ids, counters)
    return lambda id_, ids, counters: unique(id_, ids)


class IdAllocator:
    """Gives the headings of one document their ids, in order, as one target does."""

    __slots__ = ("_counters", "_ids", "_slugs", "_unique", "target")

    def __init__(self, target: str, slugs: dict[str, str] | None = None) -> None:
        """``slugs`` may hold known ``slugify(text, target)`` results, shared with others."""
        if target not in TARGETS:
            raise ValueError(f"unknown target {target!r}; choose from {', '.join(TARGETS)}")
        self.target = target
        self._ids: set[str] = set()
        self._counters: dict[str, int] = {}
        self._slugs = {} if slugs is None else slugs
        self._unique = self._github_unique if target == "github" else _markdown_unique()

    def allocate(self, text: str) -> str:
        """The id of the next heading, whose plain text is ``text``."""
        slug = self._slugs.get(text)
        if slug is None:
            slug = slugify(text, self.target)
            # A heading that is already its own id shares its text rather than a copy.
            slug = self._slugs[text] = text if slug == text else slug
        return self._unique(slug, self._ids, self._counters)

    @staticmethod
    def _github_unique(slug: str, ids: set[str], occurrences: dict[str, int]) -> str:
        # github-slugger keeps a count per original slug and tries "-1", "-2", ... until free.
        candidate = slug
        while candidate in ids:
            occurrences[slug] = occurrences.get(slug, 0) + 1
            candidate = f"{slug}-{occurrences[slug]}"
        ids.add(candidate)
        occurrences.setdefault(candidate, 0)
        return candidate


def heading_ids(texts: Iterable[str], target: str) -> list[str]:
    """The ids a target gives headings with these plain texts, in document order."""
    allocator = IdAllocator(target)
    return [allocator.allocate(text) for text in texts]
