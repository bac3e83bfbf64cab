r"""URL is a template placeholder that was never filled in

## What it does
Checks that no link points at a placeholder left from a template or a generator:
`example.com`, `arxiv.org/pdf/xxxx.xxxxx`, `TODO`, `TBD`, `your-username`, `<user>`.

## Why is this bad?
The link looks like a link on the page but leads to nothing about the paper; a reader
takes it for a broken site, not for a missing link.

## Example
```markdown
- [2024/05] **A Paper** [[Paper](https://arxiv.org/pdf/xxxx.xxxxx)] [[Code](TODO)]
```
Use instead:
```markdown
- [2024/05] **A Paper** [[Paper](https://arxiv.org/pdf/2405.01234)]
```

## Fix safety
Not fixable: the URL has to come from the author (or leave the link out).

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import Finding, Fixability, Rule, Severity
from paperlint.urls import PLACEHOLDER_NEEDLES, placeholder


def check(context: Context) -> Iterator[Finding]:
    for link in context.links_with(*PLACEHOLDER_NEEDLES, ignore_case=True):
        url = link.url
        if link.is_empty or link.fragment is not None:
            continue
        found = placeholder(url)
        if found is None:
            continue
        start = link.anchor_start
        span = Span(start, start + len(url.strip()))
        yield Finding(span, f'URL holds the placeholder "{found}", not a real address')


RULE = Rule.from_module(
    __doc__,
    code="PL206",
    name="placeholder-url",
    severity=Severity.ERROR,
    fixable=Fixability.NEVER,
    check=check,
)
