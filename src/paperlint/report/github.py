"""GitHub Actions workflow commands: findings become annotations on the pull request."""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.report.base import Report
from paperlint.rule import Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def iter_github(report: Report) -> Iterator[str]:
    """One workflow command per line, a line at a time."""
    for result, d in report.iter_shown():
        properties = ",".join(
            [
                f"file={_property(result.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"endLine={d.end_line}",
                f"endColumn={d.end_column}",
                f"title={_property(f'{d.code} [{d.name}]')}",
            ]
        )
        yield f"::{_COMMANDS[d.severity]} {properties}::{_data(d.message)}\n"
    for error in report.errors:
        yield f"::error title=paperlint::{_data(error)}\n"


def render_github(report: Report) -> str:
    return "".join(iter_github(report))
