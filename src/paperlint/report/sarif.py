"""SARIF 2.1.0, for code scanning: every rule with its documentation, every finding.

No ``helpUri`` or ``informationUri``: the project has no public home yet, and a link that
leads nowhere is worse than none. Each rule carries its whole documentation in ``help``.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from paperlint import __version__
from paperlint.report.base import Report, help_command
from paperlint.rule import Severity
from paperlint.rules import ALL_RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _location(path: str) -> dict[str, Any]:
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return {"uri": PurePath(path).as_uri()}
    return {"uri": posix.removeprefix("./"), "uriBaseId": "%SRCROOT%"}


def render_sarif(report: Report) -> str:
    index = {rule.code: number for number, rule in enumerate(ALL_RULES)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "help": {"text": rule.doc, "markdown": rule.doc},
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            "properties": {"fixable": rule.fixable.value, "help": help_command(rule)},
        }
        for rule in ALL_RULES
    ]
    results = []
    for result, d in report.diagnostics:
        item: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": index[d.code],
            "level": _LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": _location(result.path),
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                        },
                    }
                }
            ],
        }
        if d.fix is not None:
            document = result.document
            replacements = []
            for edit in d.fix.edits:
                start_line, start_column = document.position(edit.start)
                end_line, end_column = document.position(edit.end)
                replacements.append(
                    {
                        "deletedRegion": {
                            "startLine": start_line,
                            "startColumn": start_column,
                            "endLine": end_line,
                            "endColumn": end_column,
                        },
                        "insertedContent": {"text": edit.content},
                    }
                )
            item["fixes"] = [
                {
                    "description": {"text": d.fix.title},
                    "artifactChanges": [
                        {"artifactLocation": _location(result.path), "replacements": replacements}
                    ],
                }
            ]
        results.append(item)
    invocation: dict[str, Any] = {"executionSuccessful": not report.errors}
    if report.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": error}} for error in report.errors
        ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "paperlint",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
