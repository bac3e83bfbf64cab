r"""Entry's Code/Page link is empty or None

## What it does
Reports `[[Code/Page]()]` and `[[Code/Page](None)]`: papers for which the list has no code
or project page. Only in the generator's format, where the empty link is the convention
for "no code"; in other formats an empty link is `empty-link`'s finding.

## Why is this bad?
Often it is not: many papers publish no code. The finding is informational (severity
`info`, which does not fail a run) so that maintainers can see at a glance which entries
to revisit when code is released. Raise its severity in the configuration to require code.

## Example
```markdown
[[Paper](http://arxiv.org/pdf/2506.15477v1)] [[Code/Page]()]
```
Use instead, once the code is out:
```markdown
[[Paper](http://arxiv.org/pdf/2506.15477v1)] [[Code/Page](https://github.com/owner/repo)]
```

## Fix safety
Not fixable.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import LinkKind
from paperlint.rule import Finding, Fixability, Rule, Severity, excerpt


def check(context: Context) -> Iterator[Finding]:
    for entry in context.paper_list.entries:
        if entry.format != "generator":
            continue  # elsewhere an empty link is no convention: empty-link reports it
        link = entry.link(LinkKind.CODE)
        if link is not None and link.is_empty:
            shown = excerpt(link.url.strip())
            message = f'Code/Page link is "{shown}"' if shown else "Code/Page link is empty"
            yield Finding(link.span, message)


RULE = Rule.from_module(
    __doc__,
    code="PL104",
    name="empty-code-link",
    severity=Severity.INFO,
    fixable=Fixability.NEVER,
    check=check,
)
