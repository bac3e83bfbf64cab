"""JUnit XML (Apache Ant's format, as Jenkins and GitLab read it): a test suite per file, a
test case per finding, failing unless the finding is info."""

from __future__ import annotations

import socket
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from paperlint.report.base import Report


def render_junit(report: Report, timestamp: datetime | None = None) -> str:
    moment = (timestamp or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    hostname = socket.gethostname() or "localhost"
    root = ET.Element("testsuites")
    for number, result in enumerate(report.files):
        # Info findings do not fail a run, so they are passing test cases here; their
        # messages go to the suite's output, which a passing case has no place for.
        failing = sum(1 for d in result.diagnostics if d.severity.fails)
        cases = len(result.diagnostics) or 1
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": result.path,
                "package": "paperlint",
                "id": str(number),
                "timestamp": moment,
                "hostname": hostname,
                "tests": str(cases),
                "failures": str(failing),
                "errors": "0",
                "time": "0",
            },
        )
        ET.SubElement(suite, "properties")
        notes: list[str] = []
        for d in result.diagnostics:
            case = ET.SubElement(
                suite,
                "testcase",
                {
                    "name": f"{d.code} {d.name} at {d.line}:{d.column}",
                    "classname": result.path,
                    "time": "0",
                },
            )
            line = (
                f"{result.path}:{d.line}:{d.column}: {d.code} [{d.name}] {d.message}"
                f" ({d.severity.value})"
            )
            if not d.severity.fails:
                notes.append(line)
                continue
            failure = ET.SubElement(case, "failure", {"message": d.message, "type": d.code})
            failure.text = line
        if not result.diagnostics:
            ET.SubElement(
                suite, "testcase", {"name": "paperlint", "classname": result.path, "time": "0"}
            )
        output = ET.SubElement(suite, "system-out")
        if notes:
            output.text = "\n".join(notes) + "\n"
        ET.SubElement(suite, "system-err")
    for number, error in enumerate(report.errors, start=len(report.files)):
        path = error.split(": ", 1)[0]
        suite = ET.SubElement(
            root,
            "testsuite",
            {
                "name": path,
                "package": "paperlint",
                "id": str(number),
                "timestamp": moment,
                "hostname": hostname,
                "tests": "1",
                "failures": "0",
                "errors": "1",
                "time": "0",
            },
        )
        ET.SubElement(suite, "properties")
        case = ET.SubElement(suite, "testcase", {"name": "read", "classname": path, "time": "0"})
        ET.SubElement(case, "error", {"message": error, "type": "io"})
        ET.SubElement(suite, "system-out")
        ET.SubElement(suite, "system-err")
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
