"""What a list format is to paperlint: a profile that recognises and reads its entries."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from paperlint.document import Document
from paperlint.model import Entry, PaperList

__all__ = ["LIST_ITEM_RE", "Profile"]

LIST_ITEM_RE = re.compile(r"( {0,3})([-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
"""A list item's marker as the block scanner reads it: indent, marker, the blanks after."""


@dataclass(frozen=True, slots=True)
class Profile:
    """One list format. The block scanner (paperlint.parse) finds the list items outside
    the notes part; the profile says which are entries and reads them."""

    name: str
    """How configuration and ``paperlint detect`` name it: ``generator``."""
    summary: str
    """One entry of the format, as a short example."""
    accepts: Callable[[str, int, int], bool]
    """``accepts(masked, content_start, line_end)``: whether a list item whose content starts
    at ``content_start`` (in ``Document.masked``) is an entry of this format."""
    read: Callable[[Document, list[int], int], Entry]
    """``read(document, lines, index)``: the entry on these 0-based lines, the ``index``-th of
    the list. Never raises: a broken entry is still an entry, its missing parts None."""
    confidence: Callable[[PaperList], float]
    """How surely a list read with this profile is of its format, from 0 to 1."""
