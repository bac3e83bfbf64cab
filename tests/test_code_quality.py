"""The code stays as the conventions say: ruff clean and formatted, the core strictly typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600
    )


def test_ruff_check() -> None:
    result = _run("ruff", "check", "src", "tests", "bench", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", "src", "tests", "bench", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_strictly_typed() -> None:
    pytest.importorskip("mypy")
    result = _run("mypy", "--strict", "src/paperlint", "src/mkdocs_paperlist")
    assert result.returncode == 0, result.stdout + result.stderr
