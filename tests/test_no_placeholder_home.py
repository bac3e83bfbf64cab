"""No URL in the code or the docs names the placeholder home the project never had."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent
# Spelled in two pieces so that this file does not match itself wherever it is searched.
PLACEHOLDER = "github.com/" + "paperlist/paperlist"
# Build output and byte code, which a stale build could leave holding an old string.
_SKIPPED = {"site", "__pycache__"}
SEARCHED = ("src", "docs", "example_site", "README.md", "pyproject.toml", ".pre-commit-hooks.yaml")


def _text_files() -> list[Path]:
    files: list[Path] = []
    for name in SEARCHED:
        path = ROOT / name
        if path.is_file():
            files.append(path)
        elif path.is_dir():
            files.extend(
                found
                for found in sorted(path.rglob("*"))
                if found.is_file() and not _SKIPPED & set(found.relative_to(path).parts)
            )
    return files


def test_code_and_docs_do_not_name_the_placeholder_home() -> None:
    files = _text_files()
    assert any(path.name == "README.md" for path in files)
    naming = [
        str(path.relative_to(ROOT))
        for path in files
        if PLACEHOLDER in path.read_bytes().decode("utf-8", errors="replace")
    ]
    assert naming == [], f"{PLACEHOLDER} does not exist; these files name it: {naming}"
