"""What a plain check imports: start-up time is most of a pre-commit run on a small list, so
the command line must not import what such a run does not use. Not timed (timing is
bench/'s): each case runs a fresh interpreter and lists what it imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

# Modules a check without configuration, printing text, never needs.
NOT_FOR_A_PLAIN_CHECK = (
    "click",  # options, help and usage errors: a check without options runs without it
    "paperlint.commands",
    "markdown",  # the mkdocs and pymdownx targets
    "pymdownx",
    "mkdocs",
    "mkdocs_paperlist",
    "linkify_it",
    "pydantic",  # configuration files
    "paperlint._config_schema",
    "tomllib",
    "hashlib",  # the snapshot --fix takes
    "tempfile",  # writing fixed files
    "paperlint.import_cli",  # paperlint import
    "paperlint.importers",
    "paperlint.report.json",  # the reports it does not print
    "paperlint.report.sarif",
    "paperlint.report.junit",
    "paperlint.report.github",
    "xml",
    "paperlint.export",  # paperlint export, paperlint detect, paperlint add
    "paperlint.export_cli",
    "paperlint.detect_cli",
    "paperlint.add",
    "difflib",  # the nearest heading of a failing anchor, --diff
    "urllib.request",  # network: only where the user asks for it
    "http",
    "email",
    "dataclasses",  # defining dataclasses and importing inspect cost ~18 ms of a start
    "inspect",
    "ast",
    "html",  # only for text with a character reference (&amp;), which these lists lack
    # Standard modules a plain check once imported for little (issue 16: 52 -> 35 ms):
    "typing",  # annotations are not evaluated; NamedTuple comes from paperlint.record
    "contextlib",
    "pathlib",  # paths are strings, read with os.path
    "fnmatch",  # only configurations with patterns
    "urllib",  # only URLs that paperlint.urls.split_url does not split itself
    "ipaddress",
    "importlib",  # report modules are imported with __import__
    "warnings",
    "heapq",  # only lists with suppression comments
    "unicodedata",  # only lines that could hold mojibake (these lists have none)
    "encodings.cp1250",
    "encodings.cp1252",
    "encodings.cp1254",
    "encodings.cp1257",
)

_LIST_MODULES = """
import json, os, re, sys
bare = set(sys.modules)  # with re, which the paperlint script imports before paperlint
from paperlint.cli import main
before = set(sys.modules)
if sys.argv[1:]:
    sys.stdout = open(os.devnull, "w")
    main(sys.argv[1:])
    sys.stdout = sys.__stdout__
print(json.dumps(sorted(before - bare), ensure_ascii=True))
print(json.dumps(sorted(set(sys.modules) - bare), ensure_ascii=True))
"""


def _imported(cwd: Path, *args: str) -> tuple[set[str], set[str]]:
    """The modules imported with paperlint.cli, and those imported by the end of a run
    (neither counts what the interpreter had imported before, as its start-up did)."""
    result = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    at_import, at_end = (set(json.loads(line)) for line in result.stdout.splitlines())
    return at_import, at_end


def _unneeded(modules: set[str]) -> list[str]:
    return sorted(
        name
        for name in modules
        if any(name == root or name.startswith(root + ".") for root in NOT_FOR_A_PLAIN_CHECK)
    )


def test_importing_the_command_line_imports_only_what_a_check_needs(tmp_path: Path) -> None:
    at_import, _ = _imported(tmp_path)
    assert _unneeded(at_import) == []


@pytest.mark.parametrize(
    "source",
    [
        "corpus/mllm-medical.md",  # the seed list: Chinese, an "é", URLs with a final "."
        "corpus/model-merging-no-notes.md",
        "formats/puneet-chandna__awesome-LLM-papers__categories_all-papers.md",  # headings, "&"
    ],
)
def test_a_plain_check_imports_only_what_it_needs(tmp_path: Path, source: str) -> None:
    name = Path(source).name
    (tmp_path / name).write_bytes((DATA / source).read_bytes())
    _, at_end = _imported(tmp_path, name)
    assert _unneeded(at_end) == []
    assert "paperlint.report.text" in at_end  # the test sees the run's imports


def test_another_tool_s_pyproject_is_not_read_as_toml(tmp_path: Path) -> None:
    # A list in a Python project: its pyproject.toml configures other tools only.
    name = "mllm-medical.md"
    (tmp_path / name).write_bytes((DATA / "corpus" / name).read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n', encoding="utf-8"
    )
    _, at_end = _imported(tmp_path, name)
    assert _unneeded(at_end) == []


def test_the_other_paths_still_import_what_they_need(tmp_path: Path) -> None:
    name = "mllm-medical.md"
    (tmp_path / name).write_bytes((DATA / "corpus" / name).read_bytes())
    (tmp_path / "paperlint.toml").write_text('target = ["mkdocs"]\n', encoding="utf-8")
    _, at_end = _imported(tmp_path, name, "--format", "sarif", "--fix")
    needed = {"tomllib", "pydantic", "markdown", "hashlib", "tempfile", "paperlint.report.sarif"}
    assert needed | {"click"} <= at_end
