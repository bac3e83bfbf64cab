"""The library entry points: lint or fix a paper list given as text."""

from __future__ import annotations

from paperlint.document import Document
from paperlint.engine import Diagnostic, FixResult, fix_document, lint_document
from paperlint.settings import Settings

__all__ = ["fix", "lint"]


def lint(text: str, settings: Settings | None = None) -> list[Diagnostic]:
    """The findings for a paper list's text, sorted by position."""
    return lint_document(Document(text), settings)


def fix(text: str, settings: Settings | None = None, *, unsafe: bool = False) -> FixResult:
    """Apply the safe (and, with ``unsafe``, the unsafe) fixes to a paper list's text."""
    return fix_document(Document(text), settings, unsafe=unsafe)
