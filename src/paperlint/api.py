"""The public API: what other programs (mkdocs_paperlist among them) use of paperlint.

Everything here is stable across minor versions; everything else is internal. ``lint`` and
``fix`` take text; ``parse`` returns the paper list a text holds, its ``entries`` read with
the format profile ``format`` names. The renderer's needs (documents, the model, the rules,
the targets, settings, URL and arXiv helpers) are re-exported from here, so that a face on
top of the core never reaches into its modules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from paperlint.anchors import AnchorIndex
from paperlint.arxiv import ArxivId, ArxivUrl, parse_arxiv_url
from paperlint.dates import order_key
from paperlint.document import Document
from paperlint.engine import Diagnostic, FixResult, fix_document, lint_document, lint_paper_list
from paperlint.escape import unescape
from paperlint.files import FileError, read_document
from paperlint.formats import PROFILES, Profile
from paperlint.model import (
    DateSource,
    DateTag,
    Detection,
    Entry,
    Heading,
    Link,
    LinkKind,
    NoteSection,
    PaperList,
    SectionFormat,
    Span,
    Title,
)
from paperlint.notes import wrapped_fences
from paperlint.parse import parse as parse_document
from paperlint.rule import Rule, Severity
from paperlint.rules import ALL_RULES, UnknownRuleError, find_rule
from paperlint.settings import Settings
from paperlint.slugs import TARGETS
from paperlint.urls import recover, scheme

__all__ = [
    "ALL_RULES",
    "PROFILES",
    "TARGETS",
    "AnchorIndex",
    "ArxivId",
    "ArxivUrl",
    "DateSource",
    "DateTag",
    "Detection",
    "Diagnostic",
    "Document",
    "Entry",
    "FileError",
    "FixResult",
    "Heading",
    "Link",
    "LinkKind",
    "NoteSection",
    "PaperList",
    "Profile",
    "Rule",
    "SectionFormat",
    "Settings",
    "Severity",
    "Span",
    "Title",
    "UnknownRuleError",
    "atom",
    "bibtex_entries",
    "find_rule",
    "fix",
    "fix_document",
    "lint",
    "lint_document",
    "lint_paper_list",
    "order_key",
    "parse",
    "parse_arxiv_url",
    "parse_document",
    "read_document",
    "recover",
    "scheme",
    "unescape",
    "wrapped_fences",
]


def parse(
    text: str,
    *,
    format: str = "auto",
    labels: Mapping[str, str] | None = None,
    columns: Mapping[str, str] | None = None,
) -> PaperList:
    """The paper list a text holds: its ``entries``, headings and notes, and its ``format``
    (the list format it was read as, ``none`` when it holds no paper list; per section where
    a file mixes formats). ``format`` names a profile to read it with instead of detecting
    one; ``labels`` gives link labels (lower-cased) the role they name, ``columns`` table
    headers (lower-cased) what their column holds."""
    return parse_document(Document(text), format=format, labels=labels, columns=columns)


def lint(text: str, settings: Settings | None = None) -> list[Diagnostic]:
    """The findings for a paper list's text, sorted by position."""
    return lint_document(Document(text), settings)


def fix(text: str, settings: Settings | None = None, *, unsafe: bool = False) -> FixResult:
    """Apply the safe (and, with ``unsafe``, the unsafe) fixes to a paper list's text."""
    return fix_document(Document(text), settings, unsafe=unsafe)


def bibtex_entries(paper_list: PaperList) -> dict[int, str]:
    """Each paper's BibTeX by the index of its entry (``paperlint.export``, imported on
    first use: a plain check needs none of it)."""
    from paperlint.export import bibtex_entries as entries

    return entries(paper_list)


def atom(paper_list: PaperList, **options: Any) -> str:
    """The list's newest papers as an Atom 1.0 feed (``paperlint.export.atom``)."""
    from paperlint.export import atom as feed

    return feed(paper_list, **options)
