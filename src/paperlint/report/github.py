"""GitHub Actions workflow commands: findings become annotations on the pull request."""

from __future__ import annotations

from paperlint.report.base import Report
from paperlint.rule import Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for result, d in report.diagnostics:
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
        lines.append(f"::{_COMMANDS[d.severity]} {properties}::{_data(d.message)}")
    for error in report.errors:
        lines.append(f"::error title=paperlint::{_data(error)}")
    return "".join(line + "\n" for line in lines)
