"""unresolved-anchor against markdownlint's MD051 on the 16 real lists of other formats.

The MD051 findings below are markdownlint-cli2 0.24.1's (MD051 alone, case-sensitive, as
bench/ installs it) on tests/data/formats/, recorded here so that the test needs no Node.js.
paperlint must report every one of them on MkDocs (whose ids are exact), and on GitHub only
those that GitHub does not resolve (it matches fragments case-insensitively).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint.api import lint
from paperlint.settings import Settings

FORMATS = Path(__file__).parent / "data" / "formats"
MD051 = {
    "mosaf__Awesome-DL-based-CS-MRI__README.md": [54, 56, 57, 58, 59],
    "puneet-chandna__awesome-LLM-papers__categories_all-papers.md": [13],
    "weihaox__GAN-Inversion__README.md": [59, 73],
    "yueliu1999__Awesome-Jailbreak-on-LLMs__README.md": [3, 60, 61],
}
# What GitHub does not resolve: a typo, "--" for ", ", and an id with U+FE0F that
# github-slugger keeps (the others differ from their heading's id only in case).
ON_GITHUB = {
    "puneet-chandna__awesome-LLM-papers__categories_all-papers.md": [13],
    "weihaox__GAN-Inversion__README.md": [59, 73],
}


def _lines(name: str, targets: tuple[str, ...]) -> set[int]:
    text = (FORMATS / name).read_text(encoding="utf-8")
    return {d.line for d in lint(text, Settings(targets=targets, select=("PL301",)))}


@pytest.mark.parametrize("name", sorted(MD051))
def test_every_md051_finding_is_reported_on_mkdocs(name: str) -> None:
    assert set(MD051[name]) <= _lines(name, ("mkdocs",))


@pytest.mark.parametrize(
    "name", sorted(path.name for path in FORMATS.glob("*.md") if path.name != "SOURCE-README.md")
)
def test_on_github_only_what_github_does_not_resolve(name: str) -> None:
    assert _lines(name, ("github",)) == set(ON_GITHUB.get(name, []))
