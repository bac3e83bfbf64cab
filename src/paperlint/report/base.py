"""The results of a run, as every output format receives them."""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.document import Document
from paperlint.engine import Diagnostic
from paperlint.record import Record
from paperlint.rule import Edit, Rule, Severity

__all__ = ["FileResult", "Report", "help_command"]


class FileResult(Record):
    __slots__ = ("diagnostics", "document", "fixed", "path")

    path: str
    document: Document
    diagnostics: list[Diagnostic]
    fixed: int
    """Findings repaired by ``--fix`` in this file."""

    def __init__(
        self, path: str, document: Document, diagnostics: list[Diagnostic], fixed: int = 0
    ) -> None:
        self.path = path
        self.document = document
        self.diagnostics = diagnostics
        self.fixed = fixed


class Report(Record):
    __slots__ = ("errors", "files", "fix_mode", "show_info", "unsafe_fixes")

    files: list[FileResult]
    errors: list[str]
    """One-line messages for files that could not be read or written."""
    fix_mode: bool
    unsafe_fixes: bool
    show_info: bool
    """Whether line formats (text, GitHub) show info findings. They are most of a real
    list's report (empty Code/Page links) and bury the findings that matter, so they are
    hidden unless asked for; the summary says how many. Document formats keep them all."""

    def __init__(
        self,
        files: list[FileResult] | None = None,
        errors: list[str] | None = None,
        fix_mode: bool = False,
        unsafe_fixes: bool = False,
        show_info: bool = False,
    ) -> None:
        self.files = [] if files is None else files
        self.errors = [] if errors is None else errors
        self.fix_mode = fix_mode
        self.unsafe_fixes = unsafe_fixes
        self.show_info = show_info

    @property
    def diagnostics(self) -> list[tuple[FileResult, Diagnostic]]:
        return list(self.iter_diagnostics())

    def iter_diagnostics(self) -> Iterator[tuple[FileResult, Diagnostic]]:
        for result in self.files:
            for d in result.diagnostics:
                yield result, d

    def iter_shown(self) -> Iterator[tuple[FileResult, Diagnostic]]:
        """The findings a line format shows: info ones only if ``show_info``."""
        if self.show_info:
            yield from self.iter_diagnostics()
            return
        for result in self.files:
            for d in result.diagnostics:
                if d.severity is not Severity.INFO:
                    yield result, d

    @property
    def fixed(self) -> int:
        return sum(result.fixed for result in self.files)


def edit_position(document: Document, edit: Edit) -> dict[str, int | str]:
    line, column = document.position(edit.start)
    end_line, end_column = document.position(edit.end)
    return {
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "content": edit.content,
    }


def help_command(rule: Rule) -> str:
    """Where a report sends readers for a rule's documentation. Not a URL: the project has no
    public home yet, and the documentation ships with the rule, so this always works."""
    return f"paperlint rule {rule.code}"
