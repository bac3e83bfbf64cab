"""The renderer is a face on top of the core: it uses paperlint's public API only."""

from __future__ import annotations

import ast
from pathlib import Path

import paperlint
import paperlint.api

RENDERER = Path(__file__).parent.parent / "src" / "mkdocs_paperlist"
PUBLIC = {"paperlint", "paperlint.api"}


def _imports(path: Path) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("paperlint"):
            found.append((node.module, node.lineno))
        elif isinstance(node, ast.Import):
            found += [
                (alias.name, node.lineno)
                for alias in node.names
                if alias.name.startswith("paperlint")
            ]
    return found


def test_mkdocs_paperlist_imports_nothing_but_the_public_api() -> None:
    private = [
        f"{path.name}:{line}: {module}"
        for path in sorted(RENDERER.glob("*.py"))
        for module, line in _imports(path)
        if module not in PUBLIC
    ]
    assert private == []


def test_the_public_api_has_what_it_lists_and_the_renderer_needs() -> None:
    for name in paperlint.api.__all__:
        assert hasattr(paperlint.api, name), name
    for name in ("parse", "lint", "fix", "Settings", "Diagnostic", "__version__"):
        assert hasattr(paperlint, name), name
    paper_list = paperlint.parse(
        "- [25/06] **A paper**  \n[[Paper](https://arxiv.org/abs/2506.09634)]\n"
    )
    assert paper_list.format.name == "generator"
    (entry,) = paper_list.entries
    assert entry.title is not None and entry.title.text == "A paper"
    assert entry.link(paperlint.api.LinkKind.PAPER) is not None
