"""Shared test helpers: where the test data lives and how to lint it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from paperlint.document import Document
from paperlint.engine import Diagnostic, lint_document
from paperlint.settings import Settings

# The test command is deterministic: Hypothesis draws the same examples on every run (its
# example database is off, so nothing carries over between runs either). A sweep over
# random seeds uses the "sweep" profile: HYPOTHESIS_PROFILE=sweep pytest --hypothesis-seed=N
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.register_profile("sweep", derandomize=False, database=None, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "corpus"
CORPUS_LISTS = sorted(CORPUS.glob("*.md"))


def load(name: str) -> Document:
    return Document.from_bytes((CORPUS / name).read_bytes())


def lint_file(path: Path, *targets: str, select: tuple[str, ...] = ("ALL",)) -> list[Diagnostic]:
    document = Document.from_bytes(path.read_bytes())
    return lint_document(document, Settings(targets=targets or ("github",), select=select))


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the corpus folder."""
    target = tmp_path / "corpus"
    target.mkdir()
    for path in CORPUS.iterdir():
        (target / path.name).write_bytes(path.read_bytes())
    return target
