"""The real ``paperlint`` on odd files and broken surroundings: --fix keeps what a file is
(link, owner, hard links, read-only, someone else's edit), and every bad input is one line
that names it while the other files are still checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

LIST = (
    "# Papers\n"
    "- [25/06] **HSENet: Hybrid Spatial Encoding Network**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/o/HSENet.)]"
    " [[TLDR/Notes](#hsenet-hybrid-spatial-encoding-network)]\n"
    "\n# TLDR/Notes\n## hsenet-hybrid-spatial-encoding-network\n### Abstract\nText.\n"
)
FIXED = LIST.replace("HSENet.)", "HSENet)")
FINDING = ': PL201 [url-trailing-punctuation] Code/Page URL ends with "."'
ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="giving a file to another user needs root")


def paperlint(*args: object, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run the installed paperlint in a subprocess; a hang fails the test, it does not
    stall the suite."""
    options.setdefault("stdin", subprocess.DEVNULL)
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    command = [sys.executable, "-m", "paperlint", *map(str, args)]
    return subprocess.run(command, text=True, timeout=60, **options)


def in_shell(script: str, *args: object) -> subprocess.CompletedProcess[str]:
    """Run paperlint as ``$PAPERLINT`` under /bin/sh, for redirections Python cannot set
    up for a child as simply (``<&-``, ``>&-``)."""
    environment = {**os.environ, "PAPERLINT": f"{sys.executable} -m paperlint"}
    return subprocess.run(
        ["sh", "-c", script, "sh", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files paperlint would have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- 9. one-line errors, and the run goes on ---------------------------------------------------


def test_select_nested_5000_deep_is_a_configuration_error(listing: Path) -> None:
    config = listing.with_name("pyproject.toml")
    config.write_text(f"[tool.paperlint]\nselect = {'[' * 5000}{']' * 5000}\n", "utf-8")
    result = paperlint(listing, cwd=listing.parent)
    assert result.returncode == 2
    assert errors(result) == [
        f"paperlint: error: {config}: invalid TOML: arrays or tables nested too deeply"
    ]


def test_unreadable_json_lines_are_skipped_one_line_each(tmp_path: Path) -> None:
    good = {"title": "Readable", "summary": "S", "published": "2025-06-01"}
    lines = [
        "[" * 100_000 + "]" * 100_000,
        json.dumps({**good, "title": "Huge", "citations": 0}).replace("0}", "1" * 5000 + "}"),
        json.dumps({**good, "title": "Lone \ud800 surrogate"}),  # dumps escapes it as \\ud800
        json.dumps(good),
    ]
    path = tmp_path / "papers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = paperlint("import", "jsonl", path)
    assert result.returncode == 0, result.stderr
    assert errors(result) == [
        f"paperlint: warning: {path}: line 1: skipped a line nested too deeply to read",
        f"paperlint: warning: {path}: line 2: skipped a line with a number too long to read",
        f"paperlint: warning: {path}: line 3: skipped a line with a lone surrogate "
        '(\\ud800 in "title")',
        "paperlint: imported 1 paper; skipped 0 as duplicates, 3 as unreadable; "
        "1 without a Paper link",
    ]
    assert "**Readable**" in result.stdout


# -- 11. configuration, encodings, usage ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool]\npaperlint = 1\n", "[tool.paperlint] must be a table, not an integer"),
        ('tool = "x"\n', "[tool] must be a table, not a string"),
        (
            '[tool.paperlint]\nexclude = ["["]\n',
            '[tool.paperlint] key "exclude.0": invalid pattern "[": '
            'the "[" at character 1 is not closed by "]"',
        ),
        (
            '[tool.paperlint]\nexclude = ["docs/", "/"]\n',
            '[tool.paperlint] key "exclude.1": invalid pattern "/": it names no file',
        ),
        (
            '[tool.paperlint.per-file-ignores]\n"notes/[!]x.md" = ["PL201"]\n',
            '[tool.paperlint] key "per-file-ignores.notes/[!]x.md": invalid pattern '
            '"notes/[!]x.md": the "[" at character 7 is not closed by "]"',
        ),
    ],
)
def test_bad_configuration_shape_is_one_error(listing: Path, content: str, message: str) -> None:
    config = listing.with_name("pyproject.toml")
    config.write_text(content, encoding="utf-8")
    result = paperlint(listing, cwd=listing.parent)
    assert result.returncode == 2
    assert errors(result) == [f"paperlint: error: {config}: {message}"]


def test_valid_patterns_still_work(listing: Path) -> None:
    config = listing.with_name("pyproject.toml")
    config.write_text('[tool.paperlint]\nexclude = ["[!x]ist.md", "[]]"]\n', encoding="utf-8")
    result = paperlint(listing, cwd=listing.parent)
    assert result.returncode == 0
    assert "no Markdown files found" in result.stderr
