"""Shared test helpers: where the test data lives and how to lint it."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint.document import Document
from paperlint.engine import Diagnostic, lint_document
from paperlint.settings import Settings

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
