"""Output formats for diagnostics: each module renders a run's results as text."""

from __future__ import annotations

from paperlint.report.base import FileResult, Report
from paperlint.report.github import render_github
from paperlint.report.json import render_json
from paperlint.report.junit import render_junit
from paperlint.report.sarif import render_sarif
from paperlint.report.text import render_concise, render_text

__all__ = ["FORMATS", "FileResult", "Report", "render"]

FORMATS = {
    "text": render_text,
    "concise": render_concise,
    "json": render_json,
    "github": render_github,
    "sarif": render_sarif,
    "junit": render_junit,
}


def render(report: Report, output_format: str) -> str:
    return FORMATS[output_format](report)
