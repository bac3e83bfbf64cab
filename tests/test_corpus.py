"""The counts the project's issue gives for the shared corpus, from an independent check
with the real libraries, reproduced by paperlint."""

from __future__ import annotations

import pytest

from paperlint.document import Document
from paperlint.parse import parse

from conftest import CORPUS, CORPUS_LISTS, lint_file, load

# file: entries, URL hygiene (entries), empty Code/Page, unresolved github, unresolved mkdocs
EXPECTED = {
    "mllm-medical.md": (10, 4, 5, 0, 9),
    "reward-models-from-bib.md": (51, 17, 30, 4, 36),
    "entropy-llm.md": (50, 8, 42, 3, 31),
    "minecraft-agents.md": (32, 13, 18, 1, 27),
    "agent-plan.md": (5, 0, 5, 1, 4),
    "game-benchmarks.md": (41, 6, 34, 2, 31),
    "empty-list.md": (0, 0, 0, 0, 0),
    "model-merging-no-notes.md": (100, 15, 82, 0, 0),
}


def _entry_lines(document: Document) -> list[tuple[int, int]]:
    """(first line, last line) of every entry."""
    entries = parse(document).entries
    return [(document.line_of(e.span.start), document.line_of(e.span.end)) for e in entries]


def _entries_with(name: str, rules: set[str], *targets: str) -> int:
    document = load(name)
    ranges = _entry_lines(document)
    diagnostics = lint_file(CORPUS / name, *targets)
    hit = {
        index
        for d in diagnostics
        if d.name in rules
        for index, (first, last) in enumerate(ranges)
        if first <= d.line <= last
    }
    return len(hit)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_counts(name: str) -> None:
    entries, hygiene, empty_code, on_github, on_mkdocs = EXPECTED[name]
    assert len(parse(load(name)).entries) == entries
    assert _entries_with(name, {"url-trailing-punctuation", "url-latex-residue"}) == hygiene
    assert _entries_with(name, {"empty-code-link"}) == empty_code
    assert _entries_with(name, {"unresolved-anchor"}, "github") == on_github
    assert _entries_with(name, {"unresolved-anchor"}, "mkdocs") == on_mkdocs


def test_date_arxiv_mismatch_in_game_benchmarks() -> None:
    found = [d for d in lint_file(CORPUS / "game-benchmarks.md") if d.name == "date-arxiv-mismatch"]
    assert [(d.line, d.message) for d in found] == [
        (122, "date tag [25/00] disagrees with arXiv id math/0007129, which is from 2000/07")
    ]


def test_date_arxiv_mismatch_in_model_merging() -> None:
    found = lint_file(CORPUS / "model-merging-no-notes.md", select=("date-arxiv-mismatch",))
    assert len(found) == 16


def test_mojibake_flags_every_mangled_line_and_nothing_else() -> None:
    clean = (CORPUS / "mllm-medical.md").read_text(encoding="utf-8").splitlines()
    mangled = (CORPUS / "mllm-medical-mojibake.md").read_text(encoding="utf-8").splitlines()
    differing = {n for n, (a, b) in enumerate(zip(clean, mangled, strict=True), 1) if a != b}
    assert len(differing) == 163
    found = lint_file(CORPUS / "mllm-medical-mojibake.md", select=("mojibake",))
    assert {d.line for d in found} == differing
    assert len(found) == len(differing)  # one finding per line


@pytest.mark.parametrize(
    "path", [p for p in CORPUS_LISTS if p.name != "mllm-medical-mojibake.md"], ids=lambda p: p.name
)
def test_no_mojibake_elsewhere(path) -> None:  # type: ignore[no-untyped-def]
    assert lint_file(path, select=("mojibake",)) == []


@pytest.mark.parametrize("path", CORPUS_LISTS, ids=lambda p: p.name)
def test_no_structural_false_positives(path) -> None:  # type: ignore[no-untyped-def]
    """The corpus has no duplicate, orphan or structurally broken entry: nothing may say so."""
    quiet = (
        "missing-title",
        "missing-link",
        "duplicate-paper",
        "unclosed-link",
        "unsafe-url",
        "invalid-arxiv-link",
        "missing-note",
        "orphan-note",
    )
    found = lint_file(path, "github", "mkdocs", "pymdownx", select=quiet)
    assert [f"{d.line}:{d.column} {d.code} {d.message}" for d in found] == []
