"""Regular expressions compiled when first used, not when their module is imported.

paperlint's modules hold about 140 patterns, and a check of a small list uses about half of
them (the others read formats, dates and URLs that list does not have): compiling all of
them at import was 10 ms of a 80 ms run, and compiling only those used saves about 5 ms.
"""

from __future__ import annotations

import re

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["compile"]

_METHODS = ("findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn")


class _LazyPattern:
    """Stands for ``re.compile(source, flags)``. The first use compiles the pattern and puts
    its bound methods in this object's slots, so that later calls cost what they cost on
    the compiled pattern (no indirection)."""

    __slots__ = ("_compiled", "_flags", "_source", *_METHODS)

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # Called only for an attribute not set: a method before the first use, or an
        # attribute of the pattern (``pattern``, ``groups``) at any time.
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
            for method in _METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source!r}, {self._flags!r})"


def compile(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile``, deferred to the pattern's first use."""
    return _LazyPattern(source, int(flags))  # type: ignore[return-value]
