"""Machine-readable outputs: GitHub workflow commands, SARIF 2.1.0 and JUnit XML, validated
against the official schemas (copies in tests/data/schemas/)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import jsonschema
import pytest
import xmlschema

from paperlint.document import Document
from paperlint.engine import Diagnostic, lint_document
from paperlint.report import FileResult, Report
from paperlint.report.github import render_github
from paperlint.report.junit import render_junit
from paperlint.report.sarif import render_sarif
from paperlint.rule import Severity
from paperlint.rules import ALL_RULES
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

from conftest import CORPUS_LISTS, DATA

ALL = Settings(targets=TARGETS)
MOMENT = datetime(2026, 11, 24, 12, 0, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def corpus_report() -> Report:
    files = []
    for path in CORPUS_LISTS:
        document = Document.from_bytes(path.read_bytes())
        files.append(
            FileResult(f"tests/data/corpus/{path.name}", document, lint_document(document, ALL))
        )
    return Report(files=files, errors=["missing.md: no such file or directory"])


def _report(text: str, path: str = "papers.md") -> Report:
    document = Document(text)
    return Report(files=[FileResult(path, document, lint_document(document, ALL))])


DEFECTIVE = (
    "- [25/06] **HSENet**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/o/r.)]\n"
)


def test_github_annotations() -> None:
    output = render_github(_report(DEFECTIVE, "docs/a,b:c%.md"))
    assert output.splitlines() == [
        "::warning file=docs/a%2Cb%3Ac%25.md,line=2,col=81,endLine=2,endColumn=82,"
        'title=PL201 [url-trailing-punctuation]::Code/Page URL ends with "."'
    ]


def test_github_escapes_message_data() -> None:
    report = _report(DEFECTIVE)
    result = report.files[0]
    diagnostic = result.diagnostics[0]
    result.diagnostics[0] = Diagnostic(
        diagnostic.rule,
        diagnostic.severity,
        diagnostic.start,
        diagnostic.end,
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        message="50% done\r\nnext: a,b",
        fix=diagnostic.fix,
    )
    assert render_github(report).endswith("::50%25 done%0D%0Anext: a,b\n")


def test_github_levels() -> None:
    report = _report(DEFECTIVE.replace("https://github.com/o/r.", ""))
    assert render_github(report) == ""  # info findings are hidden unless asked for
    report.show_info = True
    assert render_github(report).startswith("::notice ")


def test_sarif_of_the_whole_corpus_validates(corpus_report: Report) -> None:
    log = json.loads(render_sarif(corpus_report))
    schema = json.loads((DATA / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == [r.code for r in ALL_RULES]
    first = run["tool"]["driver"]["rules"][0]
    assert "## What it does" in first["help"]["markdown"]
    assert first["properties"]["help"] == "paperlint rule PL101"
    assert len(run["results"]) == sum(len(f.diagnostics) for f in corpus_report.files)
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is False
    fixed = [r for r in run["results"] if "fixes" in r]
    assert fixed and all(r["fixes"][0]["artifactChanges"][0]["replacements"] for r in fixed)


def test_sarif_names_no_link_that_leads_nowhere() -> None:
    driver = json.loads(render_sarif(_report(DEFECTIVE)))["runs"][0]["tool"]["driver"]
    assert "informationUri" not in driver
    for rule in driver["rules"]:
        assert "helpUri" not in rule
        assert rule["help"]["text"] == next(r.doc for r in ALL_RULES if r.code == rule["id"])


def test_sarif_result_shape() -> None:
    (result,) = json.loads(render_sarif(_report(DEFECTIVE)))["runs"][0]["results"]
    assert result["ruleId"] == "PL201"
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "papers.md", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 81, "endLine": 2, "endColumn": 82},
    }
    change = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert change["insertedContent"] == {"text": ""}


def test_junit_of_the_whole_corpus_validates(corpus_report: Report) -> None:
    output = render_junit(corpus_report, MOMENT)
    schema = xmlschema.XMLSchema(str(DATA / "schemas" / "junit.xsd"))
    schema.validate(output)
    root = ET.fromstring(output)
    suites = root.findall("testsuite")
    assert len(suites) == len(CORPUS_LISTS) + 1
    failures = sum(int(suite.get("failures", "0")) for suite in suites)
    diagnostics = [d for f in corpus_report.files for d in f.diagnostics]
    assert failures == sum(1 for d in diagnostics if d.severity is not Severity.INFO)
    assert len(root.findall("testsuite/testcase/failure")) == failures
    assert suites[0].get("timestamp") == "2026-11-24T12:00:00"


def test_junit_clean_file_is_one_passing_case() -> None:
    output = render_junit(_report("# Nothing here\n"), MOMENT)
    xmlschema.XMLSchema(str(DATA / "schemas" / "junit.xsd")).validate(output)
    (suite,) = ET.fromstring(output).findall("testsuite")
    (case,) = suite.findall("testcase")
    assert case.find("failure") is None and suite.get("failures") == "0"


def test_junit_info_findings_are_not_failures() -> None:
    report = _report(DEFECTIVE.replace("https://github.com/o/r.", ""))
    output = render_junit(report, MOMENT)
    xmlschema.XMLSchema(str(DATA / "schemas" / "junit.xsd")).validate(output)
    (suite,) = ET.fromstring(output).findall("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == ("1", "0")
    (case,) = suite.findall("testcase")
    assert case.get("name") == "PL104 empty-code-link at 2:46"
    assert list(case) == []
    assert suite.findtext("system-out") == (
        "papers.md:2:46: PL104 [empty-code-link] Code/Page link is empty (info)\n"
    )
