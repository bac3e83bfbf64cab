"""Fixture-driven rule tests: one folder per rule under fixtures/rules/.

For every ``case.md`` in a rule's folder:

- ``case.expected`` holds the expected findings of that rule alone, one
  ``line:column CODE message`` per line, after an optional ``# targets: github mkdocs`` line;
- ``case.fix.md``, if present, is the text after applying the rule's safe fixes;
- ``case.unsafe-fix.md``, if present, is the text after its safe and unsafe fixes.

After a fix, linting the result must report no finding that the same fix mode could fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint.api import fix, lint
from paperlint.engine import applicable
from paperlint.rule import Fixability
from paperlint.rules import ALL_RULES, find_rule
from paperlint.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = sorted(
    path
    for path in FIXTURES.glob("*/*.md")
    if not path.name.endswith((".fix.md", ".unsafe-fix.md"))
)


def _read(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def _settings(case: Path) -> tuple[Settings, list[str]]:
    lines = _read(case.with_suffix(".expected")).splitlines()
    targets: tuple[str, ...] = ("github",)
    if lines and lines[0].startswith("# targets:"):
        targets = tuple(lines.pop(0).removeprefix("# targets:").split())
    rule = find_rule(case.parent.name)
    return Settings(targets=targets, select=(rule.code,)), lines


def _case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_findings(case: Path) -> None:
    settings, expected = _settings(case)
    found = [f"{d.line}:{d.column} {d.code} {d.message}" for d in lint(_read(case), settings)]
    assert found == expected, f"reproduce: paperlint {case} --select {case.parent.name}"


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_fix(case: Path, unsafe: bool) -> None:
    expected_path = case.with_name(case.stem + (".unsafe-fix.md" if unsafe else ".fix.md"))
    if not expected_path.exists():
        if unsafe and case.with_name(case.stem + ".fix.md").exists():
            expected_path = case.with_name(case.stem + ".fix.md")
            if any(
                d.fix is not None and d.fix.applicability.value == "unsafe"
                for d in lint(_read(case), _settings(case)[0])
            ):
                pytest.fail(f"{case.name} has unsafe fixes but no .unsafe-fix.md fixture")
        else:
            pytest.skip("no fix fixture for this case")
    settings, _ = _settings(case)
    result = fix(_read(case), settings, unsafe=unsafe)
    assert result.text == _read(expected_path)
    leftover = [d for d in result.remaining if applicable(d, unsafe=unsafe)]
    assert leftover == [], "a fix left a fixable finding behind"
    again = fix(result.text, settings, unsafe=unsafe)
    assert again.text == result.text, "fixing is not idempotent"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.name)
def test_every_rule_has_fixtures(rule) -> None:  # type: ignore[no-untyped-def]
    folder = FIXTURES / rule.name
    cases = [c for c in CASES if c.parent == folder]
    assert cases, f"no fixture for {rule.name} in {folder}"
    if rule.fixable is not Fixability.NEVER:
        fixed = list(folder.glob("*.fix.md"))
        assert fixed, f"{rule.name} is fixable but has no .fix.md fixture"
