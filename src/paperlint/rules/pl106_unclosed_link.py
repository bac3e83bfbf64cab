r"""A link group `[[Label](url` is not closed with `)]` on its line

## What it does
Checks that every `[[Label](` link group of an entry ends with `)]` on the same line. The
link inside is read as CommonMark reads it: when it closes with `)` but the group's outer
`]` is missing, the link works and only the `]` is reported (once: the URL and the anchor
are not reported as well).

## Why is this bad?
Markdown renders an unclosed group as literal text: the link is lost, and the brackets that
follow can swallow the next link. A missing `]` leaves a stray `[` on the page.

## Example
```markdown
[[Paper](http://arxiv.org/pdf/2506.09634v1 [[Code/Page]()]
[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[TLDR/Notes](#title)
```
Use instead:
```markdown
[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page]()]
[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[TLDR/Notes](#title)]
```

## Fix safety
A missing `]` after a link that renderers close is added by a safe fix. A group whose link
is not closed is not fixable: where the URL was meant to end cannot be known for sure.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    for entry in context.paper_list.entries:
        for link in entry.links:
            if link.missing_bracket:
                fix = Fix('Add the closing "]"', (Edit(link.end, link.end, "]"),))
                message = f'{link.name} link group is missing its closing "]"'
                yield Finding(link.span, message, fix)
            elif not link.closed:
                closing = ")]" if link.label_offset == 2 else ")"
                what = "link group" if link.label_offset == 2 else "link"
                yield Finding(link.span, f'{link.name} {what} is not closed with "{closing}"')


RULE = Rule.from_module(
    __doc__,
    code="PL106",
    name="unclosed-link",
    severity=Severity.ERROR,
    fixable=Fixability.SOMETIMES,
    check=check,
)
