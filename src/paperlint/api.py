"""The library entry points: lint or fix a paper list given as text."""

from __future__ import annotations

from paperlint.document import Document
from paperlint.engine import Diagnostic, FixResult, fix_document, lint_document
from paperlint.model import PaperList
from paperlint.settings import Settings

__all__ = ["fix", "lint", "parse"]


def parse(text: str) -> PaperList:
    """The paper list a text holds: its ``entries``, headings and notes, and its ``format``
    (the list format it was read as, ``none`` when it holds no paper list)."""
    from paperlint.parse import parse as parse_document

    return parse_document(Document(text))


def lint(text: str, settings: Settings | None = None) -> list[Diagnostic]:
    """The findings for a paper list's text, sorted by position."""
    return lint_document(Document(text), settings)


def fix(text: str, settings: Settings | None = None, *, unsafe: bool = False) -> FixResult:
    """Apply the safe (and, with ``unsafe``, the unsafe) fixes to a paper list's text."""
    return fix_document(Document(text), settings, unsafe=unsafe)
