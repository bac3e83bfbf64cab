"""Format detection: which profile a file is read as, and files that hold no paper list."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from paperlint import parse
from paperlint.api import lint
from paperlint.formats import PROFILES, find_profile
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

from conftest import CORPUS_LISTS

ROOT = Path(__file__).parent.parent
# Real Markdown files of this repository that hold no paper list.
NOT_LISTS = [
    ROOT / "README.md",
    ROOT / "CHANGELOG.md",
    ROOT / "docs" / "usage.md",
    ROOT / "docs" / "rules" / "unresolved-anchor.md",
    Path(__file__).parent / "data" / "README.md",
]
# Entry-level rules: what they report is about an entry of a list.
ENTRY_RULES = ("PL1", "PL2", "PL3", "PL4")


@pytest.mark.parametrize("path", NOT_LISTS, ids=lambda path: path.name)
def test_a_file_without_a_paper_list_has_no_entries_and_no_entry_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    paper_list = parse(text)
    assert paper_list.format.name == "none"
    assert paper_list.entries == []
    assert lint(text, Settings(targets=TARGETS, select=ENTRY_RULES)) == []


@pytest.mark.parametrize(
    "path",
    [path for path in CORPUS_LISTS if path.name != "empty-list.md"],
    ids=lambda path: path.name,
)
def test_the_generator_lists_are_read_as_generator_lists(path: Path) -> None:
    paper_list = parse(path.read_text(encoding="utf-8"))
    assert paper_list.format.name == "generator"
    assert paper_list.format.confidence == 1.0
    assert paper_list.format.entries == len(paper_list.entries) > 0


def test_bold_bullets_alone_do_not_make_a_list() -> None:
    text = (
        "# Features\n\n"
        "- **Fast**: lints 20,000 entries in a second\n"
        "- **Safe**: fixes only what it reports\n"
        "- [x] a task list item\n"
    )
    assert parse(text).format.name == "none"
    assert parse(text).entries == []


def test_the_registry_names_every_profile_once() -> None:
    names = [profile.name for profile in PROFILES]
    assert len(names) == len(set(names))
    assert find_profile("generator") is PROFILES[0]
    with pytest.raises(ValueError, match='unknown list format "bogus"'):
        find_profile("bogus")


def test_detect_prints_each_file_its_format_confidence_and_entries() -> None:
    corpus = Path(__file__).parent / "data" / "corpus"
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "detect", str(corpus / "mllm-medical.md"), "README.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert lines == [
        [str(corpus / "mllm-medical.md"), "generator", "1.00", "10", "entries"],
        ["README.md", "none", "1.00", "0", "entries"],
    ]


def test_detect_reports_an_unreadable_file_in_one_line_and_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "detect", str(tmp_path / "nosuch.md")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"paperlint: error: {tmp_path / 'nosuch.md'}: no such file or directory"
    ]


def test_every_subcommand_is_run_as_a_command_not_as_a_path(tmp_path: Path) -> None:
    # The fast path that checks files without click must know every subcommand's name.
    from paperlint.commands import cli

    for name in cli.list_commands(None):  # type: ignore[arg-type]
        result = subprocess.run(
            [sys.executable, "-m", "paperlint", name, str(tmp_path / "x.md")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert f"{name}: no such file" not in result.stderr, name


def test_detect_treats_a_named_non_regular_file_as_check_does(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "detect", "/dev/null"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("paperlint: error: /dev/null: not a regular file")


OWN_MARKDOWN = sorted(
    {
        ROOT / "README.md",
        ROOT / "CHANGELOG.md",
        *ROOT.glob("docs/**/*.md"),
        *ROOT.glob("bench/*.md"),
        ROOT / "tests" / "data" / "README.md",
        ROOT / "tests" / "sphinx_project" / "README.md",
    }
)


@pytest.mark.parametrize("path", OWN_MARKDOWN, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_repository_s_own_markdown_has_no_finding(path: Path) -> None:
    # Every rule, every target, info findings included: nothing here is a defect.
    text = path.read_text(encoding="utf-8")
    settings = Settings(targets=TARGETS, filename=path.name)
    assert [f"{d.line}:{d.column} {d.code} {d.message}" for d in lint(text, settings)] == []


def test_detect_lists_the_sections_of_a_file_that_mixes_formats() -> None:
    name = "ALEEEHU__World-Simulator__README.md"
    path = Path(__file__).parent / "data" / "formats" / name
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "detect", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    first, *sections = result.stdout.splitlines()
    assert first.split()[1:] == ["tagged", "0.99", "226", "entries"]
    assert "  line 472: table, 24 entries (4D Subsection)" in sections
    assert all(line.startswith("  line ") for line in sections)


def test_detect_reads_a_file_with_the_format_its_configuration_names(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("- **A**\n- **B**\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("- **A**\n- **B**\n", encoding="utf-8")
    (tmp_path / "paperlint.toml").write_text(
        '[per-file-format]\n"a.md" = "generator"\n', encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "paperlint", "detect", "a.md", "b.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert [line.split()[:3] for line in result.stdout.splitlines()] == [
        ["a.md", "generator", "(configured)"],
        ["b.md", "none", "0.80"],
    ]
