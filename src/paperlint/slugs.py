"""Heading ids as each target renderer computes them: GitHub, Python-Markdown, pymdownx.

An anchor resolves on a target when it equals the id that target gives some heading of the
file. Python-Markdown and pymdownx ids come from the libraries' own functions, imported only
when such a target is used; GitHub's come from a table generated from ``github-slugger``
2.0.0 (see ``tools/github_slugger``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import cache

from paperlint import lazy_re

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import Final

__all__ = [
    "TARGETS",
    "TARGET_LABELS",
    "IdAllocator",
    "heading_ids",
    "is_stable_slug",
    "lower",
    "plain_text",
    "slugify",
]

TARGETS: Final = ("github", "mkdocs", "pymdownx")
"""Every renderer paperlint knows, in the order they are reported."""

TARGET_LABELS: Final = {"github": "GitHub", "mkdocs": "MkDocs", "pymdownx": "pymdownx"}
"""How messages name each target."""

# -- the text a renderer slugifies -----------------------------------------------------------

_MARKUP_CHARS_RE = lazy_re.compile(r"[*_`\[<&\\]")
# Link and image texts and destinations stop at the next bracket or parenthesis, so that a
# line of unmatched brackets is read once rather than once per bracket.
_IMAGE_RE = lazy_re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK_RE = lazy_re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_BACKTICKS_RE = lazy_re.compile(r"`+")
_STRONG_AT_RE = lazy_re.compile(r"(?=\*\*|__)")  # every start of "**" or "__", overlapping
_TAG_RE = lazy_re.compile(r"</?[A-Za-z][^<>]*>")
_ESCAPE_RE = lazy_re.compile(r"\\([!-/:-@\[-`{-~])")
_PARKED = 0xF0000
_PARKED_RE = lazy_re.compile("[\U000f0021-\U000f007e]")
_REFERENCE_START_RE = lazy_re.compile(r"&[^\t\n\f <&;]")


def plain_text(source: str) -> str:
    """The text a renderer sees in a heading: inline markup removed, entities decoded.

    Covers what paper-list headings hold (emphasis, code, links, images, tags, escapes,
    entities); plain headings, the usual case, come back unchanged at no cost. Every step
    is linear in the heading's length: headings come from strangers' files.
    """
    if not _MARKUP_CHARS_RE.search(source):
        return source
    # Escaped characters are literal: park them in private-use code points meanwhile.
    text = _ESCAPE_RE.sub(lambda m: chr(_PARKED + ord(m.group(1))), source)
    if "`" in text:
        text = _strip_code(text)
    text = _IMAGE_RE.sub("", text)  # an image is an <img>: its alt text is no text of the heading
    text = _LINK_RE.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _strip_strong(text)
    if "*" in text or "_" in text:
        text = _strip_emphasis(text)
    text = _TAG_RE.sub("", text)
    # html.unescape changes only "&" followed by one of these (not "Analysis & Insights"),
    # and importing html costs 1.4 ms.
    if "&" in text and _REFERENCE_START_RE.search(text):
        import html

        text = html.unescape(text)
    return _PARKED_RE.sub(lambda m: chr(ord(m.group()) - _PARKED), text)


def _strip_code(text: str) -> str:
    """Code spans as their content: each backtick run closes at the next run of its length."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS_RE.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    pieces: list[str] = []
    copied = 0
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        after = bisect_right(same, index)
        if after == len(same):
            index += 1
            continue
        closing = same[after]
        pieces.append(text[copied:start])
        pieces.append(text[end : runs[closing][0]].strip())
        copied = runs[closing][1]
        index = closing + 1
    pieces.append(text[copied:])
    return "".join(pieces)


def _pair(
    text: str,
    openers: list[tuple[int, int]],
    closers: dict[str, list[int]],
) -> str:
    """Replace each delimited run by its inside, pairing left to right each opener
    ``(offset, length)`` with the first closer of the same delimiter (keyed by its
    character) at least one character further on the same line: what a lazy ``(.+?)``
    between the two would match."""
    newlines = [index for index, char in enumerate(text) if char == "\n"] if "\n" in text else []
    pieces: list[str] = []
    copied = 0
    for start, length in openers:
        if start < copied:
            continue
        candidates = closers[text[start]]
        at = bisect_left(candidates, start + length + 1)
        if at == len(candidates):
            continue
        end = candidates[at]
        if newlines:
            line_break = bisect_left(newlines, start)
            if line_break < len(newlines) and newlines[line_break] < end:
                continue
        pieces.append(text[copied:start])
        pieces.append(text[start + length : end])
        copied = end + length
    pieces.append(text[copied:])
    return "".join(pieces)


def _strip_strong(text: str) -> str:
    # "**" or "__" with no blank after it opens; one with no blank before it closes.
    openers: list[tuple[int, int]] = []
    closers: dict[str, list[int]] = {"*": [], "_": []}
    for match in _STRONG_AT_RE.finditer(text):
        at = match.start()
        if at + 2 < len(text) and not text[at + 2].isspace():
            openers.append((at, 2))
        if at > 0 and not text[at - 1].isspace():
            closers[text[at]].append(at)
    return _pair(text, openers, closers) if openers else text


def _strip_emphasis(text: str) -> str:
    # As the regex "(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?!\*)|(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"
    # would, without its cost on a line of many unmatched delimiters.
    length = len(text)
    openers: list[tuple[int, int]] = []
    closers: dict[str, list[int]] = {"*": [], "_": []}
    for at, char in enumerate(text):
        if char != "*" and char != "_":
            continue
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < length else " "
        word_before = before.isalnum() or before == "_"
        if char == "*":
            if not (word_before or before == "*") and not after.isspace():
                openers.append((at, 1))
            if not before.isspace() and after != "*":
                closers["*"].append(at)
        else:
            if not word_before and not after.isspace():
                openers.append((at, 1))
            if not before.isspace() and not (after.isalnum() or after == "_"):
                closers["_"].append(at)
    return _pair(text, openers, closers) if openers else text


# -- per-target slug functions ---------------------------------------------------------------


class _GithubKept(dict[int, int | None]):
    """A ``str.translate`` table deleting the code points github-slugger removes, filled
    as characters are met: compiling those 736 ranges as one regex character class took
    2.7 ms, 3% of a run on a small list with one non-ASCII heading."""

    def __missing__(self, code: int) -> int | None:
        from paperlint._github_slugger_data import REMOVED_RANGES

        index = bisect_right(_github_removed_starts(), code) - 1
        kept = None if index >= 0 and code <= REMOVED_RANGES[index][1] else code
        self[code] = kept
        return kept


@cache
def _github_removed_starts() -> list[int]:
    from paperlint._github_slugger_data import REMOVED_RANGES

    return [low for low, _ in REMOVED_RANGES]


_GITHUB_KEPT = _GithubKept()

# str.lower called through a name, not as ``text.lower()``, wherever an id must match a
# renderer's: mypyc (the compiled build
# measured in docs/benchmarks.md) replaces the method call with its own routine, which on
# Python < 3.13 lowers a final capital sigma to σ where str.lower gives ς ("ΟΔΟΣ" became
# "οδοσ", github-slugger's id is "οδος").
lower = str.lower


@cache
def _github_ascii_removed() -> bytes:
    """The ASCII characters github-slugger removes, for ``bytes.translate``."""
    from paperlint._github_slugger_data import REMOVED_RANGES

    return bytes(
        code for low, high in REMOVED_RANGES if low < 128 for code in range(low, min(high, 127) + 1)
    )


def _github_slug(text: str) -> str:
    lowered = lower(text)
    if lowered.isascii():  # the common case, without the big Unicode character class
        kept = lowered.encode("ascii").translate(None, _github_ascii_removed())
        return kept.decode("ascii").replace(" ", "-")
    return lowered.translate(_GITHUB_KEPT).replace(" ", "-")


@cache
def _markdown_slugify() -> Callable[[str, str], str]:
    from typing import cast

    from markdown.extensions.toc import slugify as toc_slugify

    return cast(Callable[[str, str], str], toc_slugify)


@cache
def _pymdownx_slugify() -> Callable[[str, str], str]:
    from pymdownx.slugs import slugify as pymdownx_slugify

    return pymdownx_slugify(case="lower")  # type: ignore[no-any-return]


def _tame_tags(text: str) -> str:
    """``text`` with each "<" after the last ">" made a "!": pymdownx strips tags with
    ``</?[^>]*>``, which reads to the end of the text from every such "<" (quadratic on a
    heading of many), and then drops both characters alike, so its slug is the same."""
    last = text.rfind(">")
    if text.find("<", last + 1) < 0:
        return text
    return text[: last + 1] + text[last + 1 :].replace("<", "!")


def _collapse(text: str) -> str:
    # Python-Markdown's toc strips tags from the heading's HTML and collapses every run of
    # Unicode whitespace (no-break spaces included) to one space before it slugifies.
    return " ".join(text.split())


# Text every target keeps as it is: lower-case ASCII words joined by single hyphens, with a
# hyphen at either end or not. Most notes headings and every slug paperlint writes look like
# this; they skip the slugifiers (tests/test_slugs.py checks the libraries agree).
_STABLE_SLUG_RE = lazy_re.compile(r"-?[a-z0-9_]+(?:-[a-z0-9_]+)*-?")


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
        return _pymdownx_slugify()(_tame_tags(_collapse(text)), "-")
    raise ValueError(f"unknown target {target!r}; choose from {', '.join(TARGETS)}")


# -- de-duplication --------------------------------------------------------------------------


@cache
def _markdown_unique() -> Callable[[str, set[str], dict[str, int]], str]:
    import inspect  # here, with markdown: a check for github alone saves its 4 ms

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
