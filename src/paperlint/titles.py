"""Whether two titles name the same paper: the same words up to case, punctuation and
spacing, one the other's shortening, or the same leading acronym (``HSENet: Hybrid ...`` and
``HSENet (v2)``)."""

from __future__ import annotations

from paperlint import lazy_re
from paperlint.anchors import normalize_key

__all__ = ["same_paper"]

_WORD_RE = lazy_re.compile(r"\w+")
# A leading name such as "HSENet", "MAS-GPT" or "ReAct": a word with an inner capital or
# digit, before a colon, a dash or a parenthesis.
_ACRONYM_RE = lazy_re.compile(r"\s*([\w-]*[A-Z0-9][\w-]*)\s*[:(\-–—]")


def _words(title: str) -> set[str]:
    return {word for word in _WORD_RE.findall(title.casefold()) if len(word) > 1}


def _acronym(title: str) -> str | None:
    match = _ACRONYM_RE.match(title)
    if match is None:
        return None
    name = match.group(1)
    # A name, not a plain first word: a capital after its first letter, or a digit.
    if len(name) >= 3 and any(char.isupper() or char.isdigit() for char in name[1:]):
        return name.casefold()
    return None


def same_paper(first: str, second: str) -> bool:
    """Whether two titles (as written in a list) name the same paper."""
    key_a, key_b = normalize_key(first), normalize_key(second)
    if not key_a or not key_b:
        return False
    if key_a == key_b or key_a in key_b or key_b in key_a:
        return True
    acronym = _acronym(first)
    if acronym is not None and acronym == _acronym(second):
        return True
    words_a, words_b = _words(first), _words(second)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / len(words_a | words_b) >= 0.6
