"""Output formats for diagnostics: each module renders a run's results as text."""

from __future__ import annotations

from paperlint.report.base import FileResult, Report
from paperlint.report.json import render_json
from paperlint.report.text import render_concise, render_text

__all__ = ["FORMATS", "FileResult", "Report", "render"]

FORMATS = {"text": render_text, "concise": render_concise, "json": render_json}


def render(report: Report, output_format: str) -> str:
    return FORMATS[output_format](report)
