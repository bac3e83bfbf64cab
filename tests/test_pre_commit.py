"""The pre-commit hooks, run by the real pre-commit against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DEFECTIVE = (
    "# Papers\n"
    "- [25/06] **HSENet: Hybrid Spatial Encoding Network**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/YanzhaoShi/HSENet.)]\n"
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _pre_commit() -> list[str]:
    return [sys.executable, "-m", "pre_commit"]


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-cache")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=env)
    (tmp_path / "papers.md").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(DEFECTIVE, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True, env=env)
    return tmp_path


def _try_repo(repository: Path, cache: Path, hook: str) -> subprocess.CompletedProcess[str]:
    command = [*_pre_commit(), "try-repo", str(ROOT), hook, "--all-files", "--verbose"]
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        command, cwd=repository, capture_output=True, text=True, env=env, timeout=900
    )


def test_check_hook_fails_with_the_findings(repository: Path, cache: Path) -> None:
    result = _try_repo(repository, cache, "paperlint")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert 'papers.md:3:95: PL201 [url-trailing-punctuation] Code/Page URL ends with "."' in output
    assert "notes.txt" not in output  # the hook runs on Markdown files only
    assert (repository / "papers.md").read_text(encoding="utf-8") == DEFECTIVE


def test_fix_hook_repairs_the_file(repository: Path, cache: Path) -> None:
    result = _try_repo(repository, cache, "paperlint-fix")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in output
    fixed = (repository / "papers.md").read_text(encoding="utf-8")
    assert fixed == DEFECTIVE.replace("HSENet.)", "HSENet)")
    assert (repository / "notes.txt").read_text(encoding="utf-8") == DEFECTIVE
    again = _try_repo(repository, cache, "paperlint")
    assert again.returncode == 0, again.stdout + again.stderr
