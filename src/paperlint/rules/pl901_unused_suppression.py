r"""A suppression comment that suppresses nothing, or names no rule

## What it does
Reports `<!-- paperlint-disable... -->` comments that did not suppress any finding of the
rules they name (or of any rule, when they name none), and names that are not rules.

Suppressions, in HTML comments outside code blocks, name rules by code or name:

- `<!-- paperlint-disable-next-line url-trailing-punctuation -->`: the next line, or the
  whole entry that starts there;
- `<!-- paperlint-disable-line PL201 -->`: the comment's own line;
- `<!-- paperlint-disable PL201 -->` ... `<!-- paperlint-enable PL201 -->`: the lines between;
- `<!-- paperlint-disable-file empty-code-link -->`: the whole file.

## Why is this bad?
Once the defect is repaired, a suppression left behind hides the next one. Stale
suppressions pile up unless something reports them.

## Example
```markdown
<!-- paperlint-disable-next-line url-trailing-punctuation -->
[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/o/r)]
```

## Fix safety
Not fixable: remove the comment by hand.

## Options
None. A suppression naming a rule that is not enabled in the run is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.rule import Finding, Fixability, Rule, Severity

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from paperlint.suppress import Suppressions


def check(context: Context) -> Iterator[Finding]:
    """Nothing on its own: the engine calls ``unused`` once it has applied suppressions."""
    return iter(())


def unused(suppressions: Suppressions, enabled: set[str]) -> Iterator[Finding]:
    for directive in suppressions.directives:
        for name in directive.unknown:
            yield Finding(directive.span, f'unknown rule "{name}" in paperlint-{directive.kind}')
        for key in directive.keys:
            if key in directive.used:
                continue
            if key == "*":
                yield Finding(directive.span, f"paperlint-{directive.kind} suppresses nothing")
            elif key in enabled:
                yield Finding(
                    directive.span, f"paperlint-{directive.kind} {key} suppresses nothing"
                )


RULE = Rule.from_module(
    __doc__,
    code="PL901",
    name="unused-suppression",
    severity=Severity.WARNING,
    fixable=Fixability.NEVER,
    check=check,
)
