"""The resolved settings of one lint run: targets, rule selection, severities, options."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from paperlint.record import NamedTuple
from paperlint.rule import Severity

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Settings"]

# The default of every mapping setting: shared by all settings (a default is made once), so
# read-only.
EMPTY_MAPPING: Mapping[str, Any] = MappingProxyType({})


class Settings(NamedTuple):
    targets: tuple[str, ...] = ("github",)
    """Renderers whose heading ids anchors must resolve on."""
    select: tuple[str, ...] = ("ALL",)
    """Rule codes, code prefixes (``PL2``), names, or ``ALL``."""
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = EMPTY_MAPPING
    """Severity overrides by rule code."""
    options: Mapping[str, Mapping[str, Any]] = EMPTY_MAPPING
    """Per-rule options by rule name."""
    format: str = "auto"
    """The list format to read the file with (``paperlint.formats``), or ``auto``."""
    filename: str = ""
    """The file's name (``README.md``): a link to ``README.md#x`` from it is a link into
    the same page. Empty for text that is no file."""
    labels: Mapping[str, str] = EMPTY_MAPPING
    """Link labels (lower-cased) and the role each names (``paper``, ``code``...), where a
    list's vocabulary is its own."""
    columns: Mapping[str, str] = EMPTY_MAPPING
    """Table header names (lower-cased) and what the column holds (``date``, ``title``,
    ``venue``, ``authors``, ``notes``, ``paper``, ``code``...), where a table's headers are
    its own."""
