"""paperlint: lint and fix Markdown paper lists.

The public API is small: ``lint`` and ``fix`` take text and return findings or fixed text;
``parse`` returns the paper list a text holds (its entries and the format they were read as).
"""

from __future__ import annotations

import sys
from types import ModuleType

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import Any

    from paperlint.api import fix, lint, parse
    from paperlint.engine import Diagnostic, FixResult
    from paperlint.settings import Settings

# The single source of the version (pyproject.toml reads it): importlib.metadata would cost
# more start-up time than linting a typical list.
__version__ = "0.1.0"

__all__ = ["Diagnostic", "FixResult", "Settings", "__version__", "fix", "lint", "parse"]

# The API is imported when first asked for (PEP 562), so that importing the package (for
# __version__, or on the way to paperlint.cli) does not import the whole engine.
_API = {
    "fix": "paperlint.api",
    "lint": "paperlint.api",
    "parse": "paperlint.api",
    "Diagnostic": "paperlint.engine",
    "FixResult": "paperlint.engine",
    "Settings": "paperlint.settings",
}


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_API[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})


class _Package(ModuleType):
    """Keeps the API's ``parse`` function from being replaced by the submodule
    ``paperlint.parse``: importing a submodule sets it as an attribute of its package."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
