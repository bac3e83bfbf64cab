r"""A link group `[[Label](url` is not closed with `)]` on its line

## What it does
Checks that every `[[Label](` link group of an entry ends with `)]` on the same line.

## Why is this bad?
Markdown renders an unclosed group as literal text: the link is lost, and the brackets that
follow can swallow the next link.

## Example
```markdown
[[Paper](http://arxiv.org/pdf/2506.09634v1 [[Code/Page]()]
```
Use instead:
```markdown
[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page]()]
```

## Fix safety
Not fixable: where the URL was meant to end cannot be known for sure.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.rule import Finding, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    for entry in context.paper_list.entries:
        for link in entry.links:
            if not link.closed:
                yield Finding(link.span, f'{link.label} link group is not closed with ")]"')


RULE = Rule.from_module(
    __doc__,
    code="PL106",
    name="unclosed-link",
    severity=Severity.ERROR,
    fixable=Fixability.NEVER,
    check=check,
)
