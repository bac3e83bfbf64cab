"""Output formats for diagnostics: each module renders a run's results as text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from paperlint.report.base import FileResult, Report
from paperlint.report.github import iter_github
from paperlint.report.json import render_json
from paperlint.report.junit import render_junit
from paperlint.report.sarif import render_sarif
from paperlint.report.text import iter_concise, iter_text

__all__ = ["FORMATS", "FileResult", "Report", "render", "render_chunks"]

# Line-based formats come a line at a time, so that a report of 100,000 findings is written
# out as it is made; document formats (JSON, SARIF, JUnit XML) come whole.
FORMATS: dict[str, Callable[[Report], Iterable[str]]] = {
    "text": iter_text,
    "concise": iter_concise,
    "json": lambda report: (render_json(report),),
    "github": iter_github,
    "sarif": lambda report: (render_sarif(report),),
    "junit": lambda report: (render_junit(report),),
}


def render_chunks(report: Report, output_format: str) -> Iterable[str]:
    """The report in a format, as pieces to write one after the other."""
    return FORMATS[output_format](report)


def render(report: Report, output_format: str) -> str:
    """The report in a format, whole."""
    return "".join(render_chunks(report, output_format))
