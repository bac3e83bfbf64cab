"""paperlint: lint and fix Markdown paper lists.

The public API is small: ``lint`` and ``fix`` take text and return findings or fixed text;
``parse`` returns the paper list a text holds (its entries and the format they were read as).
"""

from __future__ import annotations

from paperlint.api import fix, lint, parse
from paperlint.engine import Diagnostic, FixResult
from paperlint.settings import Settings

# The single source of the version (pyproject.toml reads it): importlib.metadata would cost
# more start-up time than linting a typical list.
__version__ = "0.1.0"

__all__ = ["Diagnostic", "FixResult", "Settings", "__version__", "fix", "lint", "parse"]
