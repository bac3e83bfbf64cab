"""paperlint: lint and fix Markdown paper lists.

The public API is small: ``lint`` and ``fix`` take text and return findings or fixed text.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from paperlint.api import fix, lint
from paperlint.engine import Diagnostic, FixResult
from paperlint.settings import Settings

try:
    __version__ = version("paperlist")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["Diagnostic", "FixResult", "Settings", "__version__", "fix", "lint"]
