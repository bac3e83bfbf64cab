"""URL hygiene: what a generator left at the end of a URL, and the URL it meant."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = [
    "CODE_HOSTS",
    "is_repository_url",
    "recover",
    "residue_index",
    "scheme",
    "trailing_junk",
    "trailing_removal_is_safe",
]

TRAILING_PUNCTUATION = ".,;:"
RESIDUE_CHARACTERS = "{}\\$"
# Characters RFC 3986 never allows unescaped in a URL: cutting at them loses nothing.
_ILLEGAL_RESIDUE = "{}\\"

CODE_HOSTS = frozenset(
    {"github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "codeberg.org"}
)
_SEGMENT = r"[A-Za-z0-9_.-]+"
_REPOSITORY_PATH_RE = re.compile(
    rf"/(?:(?:datasets|spaces|models)/)?{_SEGMENT}(?:/{_SEGMENT})?/?(?:\.git)?"
)
_SCHEME_RE = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


def scheme(url: str) -> str | None:
    """The URL's scheme in lower case, or None for a relative URL."""
    match = _SCHEME_RE.match(url.strip())
    return match.group(1).lower() if match else None


def trailing_junk(url: str) -> str:
    """The sentence punctuation and unbalanced ``)`` that end the URL (may be empty), with
    the blanks between them (``, .``: removing only the ``.`` would leave the ``,``)."""
    end = len(url)
    opened = url.count("(")
    closed = url.count(")")
    while end > 0:
        last = url[end - 1]
        if last in TRAILING_PUNCTUATION or (last.isspace() and 1 < end < len(url)):
            end -= 1
        elif last == ")" and closed > opened:
            closed -= 1
            end -= 1
        else:
            break
    return url[end:]


def residue_index(url: str) -> int | None:
    """Where LaTeX residue (``{ } \\ $``) starts in the URL, if it has any."""
    positions = [url.find(char) for char in RESIDUE_CHARACTERS]
    found = [position for position in positions if position >= 0]
    return min(found) if found else None


def recover(url: str) -> str:
    """The URL the author meant: cut at LaTeX residue, then drop trailing junk (blanks
    included: a blank left before the ``)`` makes the rest a link that ends early)."""
    while True:
        cut = residue_index(url)
        if cut is not None:
            url = url[:cut]
        junk = trailing_junk(url)
        if junk:
            url = url[: len(url) - len(junk)]
        kept = url.rstrip()
        blanks = len(kept) != len(url)
        url = kept
        if cut is None and not junk and not blanks:
            return url


def is_repository_url(url: str) -> bool:
    """A code host's owner or owner/repository page, e.g. ``https://github.com/o/r``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").removeprefix("www.")
    if host not in CODE_HOSTS or parts.query or parts.fragment:
        return False
    return bool(_REPOSITORY_PATH_RE.fullmatch(parts.path))


def _is_bare_origin(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(parts.netloc) and parts.path in {"", "/"} and not parts.query


def trailing_removal_is_safe(kept: str, removed: str) -> bool:
    """Whether dropping ``removed`` from the end of ``kept + removed`` keeps its meaning.

    Safe when Markdown already ends the link there (the junk starts with an unbalanced
    ``)``), when what is kept is a bare site (``https://x.github.io/.``), or when it is a
    repository on a code host, whose names cannot end with ``.``, ``,``, ``;`` or ``:``.
    Anything else might be a real URL that ends with punctuation.
    """
    if removed.startswith(")"):
        return True
    return _is_bare_origin(kept) or is_repository_url(kept)


def residue_removal_is_safe(url: str) -> bool:
    """Whether cutting the URL at its LaTeX residue is safe: ``{ } \\`` are never legal in a
    URL, but ``$`` is, so a cut at ``$`` might change the address."""
    cut = residue_index(url)
    return cut is not None and url[cut] in _ILLEGAL_RESIDUE
