"""Human-readable output: one line per finding and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from paperlint.report.base import Report
from paperlint.rule import Applicability, Severity


def iter_text(report: Report) -> Iterator[str]:
    """The text report a line at a time (a big list's report is never held whole)."""
    for result in report.files:
        path = result.path
        for d in result.diagnostics:
            yield f"{path}:{d.line}:{d.column}: {d.code} [{d.name}] {d.message}\n"
    yield summary(report) + "\n"


def iter_concise(report: Report) -> Iterator[str]:
    for result in report.files:
        path = result.path
        for d in result.diagnostics:
            yield f"{path}:{d.line}:{d.column}: {d.code} {d.message}\n"


def render_text(report: Report) -> str:
    return "".join(iter_text(report))


def render_concise(report: Report) -> str:
    return "".join(iter_concise(report))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(report: Report) -> str:
    """One line: how many findings of each severity, and what fixing did or could do."""
    by_severity: Counter[Severity] = Counter()
    by_fix: Counter[Applicability] = Counter()
    for result in report.files:
        for d in result.diagnostics:
            by_severity[d.severity] += 1
            if d.fix is not None:
                by_fix[d.fix.applicability] += 1
    total = sum(by_severity.values())
    files = len(report.files)
    parts: list[str] = []
    if report.fix_mode:
        parts.append(f"Fixed {_plural(report.fixed, 'finding')}")
    if total:
        counts = ", ".join(
            f"{by_severity[severity]} {severity.value}"
            for severity in Severity
            if by_severity[severity]
        )
        verb = "remaining" if report.fix_mode else "found"
        parts.append(f"{_plural(total, 'finding')} {verb} ({counts}) in {_plural(files, 'file')}")
        if not report.fix_mode:
            if by_fix[Applicability.SAFE]:
                parts.append(f"{by_fix[Applicability.SAFE]} fixable with --fix")
            if by_fix[Applicability.UNSAFE]:
                parts.append(f"{by_fix[Applicability.UNSAFE]} more with --unsafe-fixes")
    else:
        parts.append(f"All checks passed ({_plural(files, 'file')})")
    if report.errors:
        parts.append(f"{_plural(len(report.errors), 'file')} could not be checked")
    return "; ".join(parts)
