"""Every profile's fixture: the parts of a few entries and their exact positions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from format_fixtures import FIXTURES, describe

CASES = sorted(path for path in FIXTURES.iterdir() if (path / "input.md").is_file())


@pytest.mark.parametrize("folder", CASES, ids=lambda path: path.name)
def test_the_profile_reads_every_part_where_it_stands(folder: Path) -> None:
    text = (folder / "input.md").read_text(encoding="utf-8")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert describe(text) == expected
