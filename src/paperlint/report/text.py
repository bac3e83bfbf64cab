"""Human-readable output: one line per finding and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from paperlint.report.base import Report
from paperlint.rule import Applicability, Severity


def iter_text(report: Report) -> Iterator[str]:
    """The text report a line at a time (a big list's report is never held whole)."""
    for result, d in report.iter_shown():
        yield f"{result.path}:{d.line}:{d.column}: {d.code} [{d.name}] {d.message}\n"
    yield summary(report) + "\n"


def iter_concise(report: Report) -> Iterator[str]:
    for result, d in report.iter_shown():
        yield f"{result.path}:{d.line}:{d.column}: {d.code} {d.message}\n"


def render_text(report: Report) -> str:
    return "".join(iter_text(report))


def render_concise(report: Report) -> str:
    return "".join(iter_concise(report))


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summary(report: Report) -> str:
    """One line: how many findings of each severity, what fixing did or could do, how many
    info findings the report hides and how many files failed."""
    # Counted by value: hashing an Enum member runs Python code, once per finding.
    by_severity: Counter[str] = Counter()
    by_fix: Counter[str] = Counter()
    for result in report.files:
        by_severity.update(Counter(d.severity.value for d in result.diagnostics))
        by_fix.update(
            Counter(d.fix.applicability.value for d in result.diagnostics if d.fix is not None)
        )
    hidden = 0 if report.show_info else by_severity.pop(Severity.INFO.value, 0)
    total = sum(by_severity.values())
    files = len(report.files)
    parts: list[str] = []
    if report.fix_mode:
        parts.append(f"Fixed {_plural(report.fixed, 'finding')}")
    if not files and report.errors:
        # "All checks passed (0 files)" would read as a green run in CI.
        parts.append("No file checked")
    elif total:
        counts = ", ".join(
            f"{by_severity[severity.value]} {severity.value}"
            for severity in Severity
            if by_severity[severity.value]
        )
        verb = "remaining" if report.fix_mode else "found"
        parts.append(f"{_plural(total, 'finding')} {verb} ({counts}) in {_plural(files, 'file')}")
    elif report.errors:
        parts.append(f"No finding in {_plural(files, 'file')}")
    else:
        parts.append(f"All checks passed ({_plural(files, 'file')})")
    # Counted over every finding, hidden ones included: they are what --fix would change.
    safe, unsafe = by_fix[Applicability.SAFE.value], by_fix[Applicability.UNSAFE.value]
    if safe and not report.fix_mode:
        parts.append(f"{safe} fixable with --fix")
    if unsafe and not (report.fix_mode and report.unsafe_fixes):
        parts.append(f"{unsafe} more with --unsafe-fixes")
    if hidden:
        parts.append(f"{_plural(hidden, 'info finding')} hidden (--show-info shows them)")
    if report.errors:
        parts.append(_plural(len(report.errors), "error"))
    return "; ".join(parts)
