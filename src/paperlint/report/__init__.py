"""Output formats for diagnostics: each module renders a run's results as text."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from paperlint.report.base import FileResult, Report

__all__ = ["FORMATS", "LINE_FORMATS", "FileResult", "Report", "render", "render_chunks"]

# Each format's module and function, imported when used (start-up matters in pre-commit).
# Line-based formats come a line at a time, so that a report of 100,000 findings is written
# out as it is made; document formats (JSON, SARIF, JUnit XML) come whole.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("text", "iter_text"),
    "concise": ("text", "iter_concise"),
    "json": ("json", "render_json"),
    "github": ("github", "iter_github"),
    "sarif": ("sarif", "render_sarif"),
    "junit": ("junit", "render_junit"),
}

LINE_FORMATS = frozenset({"text", "concise", "github"})
"""Formats read by people, which hide info findings unless asked (``Report.show_info``);
the others are read by programs and keep every finding, marked by its severity."""


def render_chunks(report: Report, output_format: str) -> Iterable[str]:
    """The report in a format, as pieces to write one after the other."""
    module_name, function_name = FORMATS[output_format]
    # __import__ rather than importlib.import_module: importing importlib (and warnings) cost
    # 0.6 ms of a 40 ms check.
    module = __import__(f"paperlint.report.{module_name}", fromlist=[function_name])
    produce: Callable[[Report], Iterable[str] | str] = getattr(module, function_name)
    produced = produce(report)
    return (produced,) if isinstance(produced, str) else produced


def render(report: Report, output_format: str) -> str:
    """The report in a format, whole."""
    return "".join(render_chunks(report, output_format))
