"""docs/rules/ is generated from the rules and must be current."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from gen_rule_docs import DOCS, render_docs  # noqa: E402

from paperlint.rules import ALL_RULES  # noqa: E402


def test_rule_pages_are_current() -> None:
    expected = render_docs()
    present = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    stale = sorted(
        name for name in expected.keys() | present.keys() if expected.get(name) != present.get(name)
    )
    assert stale == [], f"docs/rules/ is stale ({stale}); run: python tools/gen_rule_docs.py"


def test_every_rule_has_a_page_with_its_sections() -> None:
    pages = render_docs()
    for rule in ALL_RULES:
        page = pages[f"{rule.name}.md"]
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix safety"):
            assert heading in page, (rule.name, heading)
        assert f"[`{rule.name}`]({rule.name}.md)" in pages["README.md"]
