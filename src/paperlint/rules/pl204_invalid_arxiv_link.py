r"""arXiv URL does not name a well-formed paper id

## What it does
Checks that every link to arxiv.org names a paper with a well-formed identifier: a new-style
id `YYMM.NNNNN` (four digits after the dot before 2015, five since) with a real month, or an
old-style id `archive/YYMMNNN` (`math/0007129`), with an optional version `vN`, under
`/abs/`, `/pdf/` or `/html/`.

## Why is this bad?
A malformed id is a dead link, and it breaks the checks that rely on the id: the date tag
check (`date-arxiv-mismatch`) and duplicate detection.

## Example
```markdown
[[Paper](http://arxiv.org/pdf/2506.0963v1)]
```
Use instead:
```markdown
[[Paper](http://arxiv.org/pdf/2506.09634v1)]
```

## Fix safety
Not fixable: the right id cannot be guessed.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.rule import Finding, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    # An arXiv URL names its host: ``parse_arxiv_url`` reads no other.
    for link in context.links_with("arxiv.org", ignore_case=True):
        if link.is_empty or link.fragment is not None:
            continue
        parsed = context.arxiv_url(link.url)
        if parsed is not None and parsed.problem is not None:
            yield Finding(link.url_span, parsed.problem)


RULE = Rule.from_module(
    __doc__,
    code="PL204",
    name="invalid-arxiv-link",
    severity=Severity.ERROR,
    fixable=Fixability.NEVER,
    check=check,
)
