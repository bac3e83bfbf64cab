"""What a rule is: metadata plus one check function, and the findings and fixes it yields."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator

from paperlint.model import Span
from paperlint.record import NamedTuple, Record

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from paperlint.context import Context

__all__ = [
    "Applicability",
    "Edit",
    "Finding",
    "Fix",
    "Fixability",
    "Rule",
    "Severity",
    "excerpt",
]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def fails(self) -> bool:
        """Whether a finding of this severity makes the run exit with 1."""
        return self is not Severity.INFO


class Applicability(enum.Enum):
    SAFE = "safe"
    """Keeps the author's meaning; applied by ``--fix``."""
    UNSAFE = "unsafe"
    """Might change what the author meant; applied only with ``--unsafe-fixes``."""


class Fixability(enum.Enum):
    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


class Edit(NamedTuple):
    """Replace the characters ``[start, end)`` of the text with ``content``."""

    start: int
    end: int
    content: str


class Fix(NamedTuple):
    title: str
    """Imperative, no trailing period: ``Remove the trailing "."``."""
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE


class Finding(Record):
    """What a rule reports: where, what, and how to repair it if it can. Read-only by
    convention (not frozen, to be cheap to make: see paperlint.model)."""

    __slots__ = ("fix", "message", "span")

    span: Span
    message: str
    fix: Fix | None

    def __init__(self, span: Span, message: str, fix: Fix | None = None) -> None:
        self.span = span
        self.message = message
        self.fix = fix


Check = Callable[["Context"], Iterator[Finding]]


class Rule(NamedTuple):
    """A rule's metadata and its check. ``doc`` is Markdown with the sections
    *What it does*, *Why is this bad?*, *Example*, *Fix safety* and *Options*."""

    code: str
    name: str
    summary: str
    severity: Severity
    fixable: Fixability
    check: Check
    doc: str
    default: bool = True
    """Whether ``ALL`` and code prefixes select it; a rule off by default (a style
    preference) runs only where its code or name is selected."""

    @classmethod
    def from_module(
        cls,
        module_doc: str | None,
        *,
        code: str,
        name: str,
        severity: Severity,
        fixable: Fixability,
        check: Check,
        default: bool = True,
    ) -> Rule:
        """Build a rule whose summary and documentation are its module's docstring."""
        # A module's docstring is not indented: what inspect.cleandoc would do is the strips
        # below (and importing inspect cost 4 ms of every start).
        summary, _, doc = (module_doc or "").expandtabs().partition("\n")
        return cls(code, name, summary.strip(), severity, fixable, check, doc.strip(), default)


def excerpt(text: str, limit: int = 60) -> str:
    """Text from the list as a message quotes it: on one line, at most ``limit`` characters
    (cut with "…")."""
    if "\n" in text or "\r" in text or "  " in text:
        text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
