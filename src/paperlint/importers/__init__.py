"""Importers: paper search results (Hugging Face pages, arXiv Atom, JSON Lines, BibTeX) -> paper
lists.

``read(format, text)`` turns an input into papers (skipping, and naming, records it cannot
read); ``writer.new_list`` and ``writer.append`` turn papers into a list's Markdown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from paperlint.importers import arxiv_atom, bibtex, hf_papers, jsonl
from paperlint.importers.model import ImportFailure, Paper, ReadResult, Skipped
from paperlint.importers.writer import DEFAULT_TITLE, Written, append, new_list

__all__ = [
    "DEFAULT_TITLE",
    "FORMATS",
    "ImportFailure",
    "Paper",
    "ReadResult",
    "Skipped",
    "Written",
    "append",
    "new_list",
    "read",
]

Reader = Callable[..., ReadResult]

FORMATS: Final[dict[str, Reader]] = {
    "hf-papers": hf_papers.read,
    "arxiv-atom": arxiv_atom.read,
    "jsonl": jsonl.read,
    "bibtex": bibtex.read,
}
"""Every input format, by the name the command line uses."""


def read(format_name: str, text: str, *, year: int | None = None) -> ReadResult:
    """The papers of an input in a format; ``year`` completes dates written without one."""
    reader = FORMATS.get(format_name)
    if reader is None:
        raise ImportFailure(f'unknown format "{format_name}"; choose from {", ".join(FORMATS)}')
    return reader(text, year=year)
