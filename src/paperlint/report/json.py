"""Machine-readable output: a JSON list of findings."""

from __future__ import annotations

import json
from typing import Any

from paperlint.report.base import Report, edit_position, help_command


def render_json(report: Report) -> str:
    items: list[dict[str, Any]] = []
    for result, d in report.diagnostics:
        fix = None
        if d.fix is not None:
            fix = {
                "title": d.fix.title,
                "applicability": d.fix.applicability.value,
                "edits": [edit_position(result.document, edit) for edit in d.fix.edits],
            }
        items.append(
            {
                "path": result.path,
                "line": d.line,
                "column": d.column,
                "end_line": d.end_line,
                "end_column": d.end_column,
                "code": d.code,
                "name": d.name,
                "severity": d.severity.value,
                "message": d.message,
                "help": help_command(d.rule),
                "fix": fix,
            }
        )
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
