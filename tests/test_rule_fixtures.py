"""Fixture-driven rule tests: one folder per rule under fixtures/rules/.

For every ``case.md`` in a rule's folder:

- ``case.expected`` holds the expected findings of that rule alone, one
  ``line:column CODE message`` per line, after optional header lines
  ``# targets: github mkdocs`` and ``# select: PL201 PL901`` (the rules to run instead);
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
    select: tuple[str, ...] = (find_rule(case.parent.name).code,)
    while lines and lines[0].startswith("# "):
        key, _, values = lines.pop(0).removeprefix("# ").partition(":")
        if key == "targets":
            targets = tuple(values.split())
        elif key == "select":
            select = tuple(values.split())
        else:
            raise ValueError(f"{case}: unknown fixture header {key!r}")
    return Settings(targets=targets, select=select), lines


def _case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_findings(case: Path) -> None:
    settings, expected = _settings(case)
    found = [f"{d.line}:{d.column} {d.code} {d.message}" for d in lint(_read(case), settings)]
    assert found == expected, f"reproduce: paperlint {case} --select {case.parent.name}"


FIX_CASES = [
    (case, unsafe)
    for case in CASES
    for unsafe in (False, True)
    if case.with_name(case.stem + ".fix.md").exists()
]


@pytest.mark.parametrize(
    ("case", "unsafe"),
    FIX_CASES,
    ids=[f"{_case_id(case)}-{'unsafe' if unsafe else 'safe'}" for case, unsafe in FIX_CASES],
)
def test_fix(case: Path, unsafe: bool) -> None:
    """Safe fixes give ``case.fix.md``; safe and unsafe ones give ``case.unsafe-fix.md``,
    which must exist whenever the case has an unsafe fix."""
    settings, _ = _settings(case)
    text = _read(case)
    unsafe_expected = case.with_name(case.stem + ".unsafe-fix.md")
    if unsafe and not unsafe_expected.exists():
        has_unsafe = any(
            d.fix is not None and d.fix.applicability.value == "unsafe"
            for d in lint(text, settings)
        )
        assert not has_unsafe, f"{case.name} has unsafe fixes but no .unsafe-fix.md fixture"
    expected_path = (
        unsafe_expected
        if unsafe and unsafe_expected.exists()
        else case.with_name(case.stem + ".fix.md")
    )
    result = fix(text, settings, unsafe=unsafe)
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
