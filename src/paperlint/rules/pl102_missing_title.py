r"""Entry has no bold title, an empty one or an unclosed one

## What it does
Checks that every entry has a title in bold (`**Title**`) that is closed and not empty.
A title may wrap over two lines. Only in a list whose convention that is (at least half of
its entries have a bold title): a list whose titles are links or plain text is not held to
it.

## Why is this bad?
The title is what readers scan for, what the table of contents and the rendered page show,
and what paperlint uses to find duplicate papers. Without the closing `**` the whole entry
renders in bold, links included.

## Example
```markdown
- [25/06] **HSENet: Hybrid Spatial Encoding Network
[[Paper](http://arxiv.org/pdf/2506.09634v1)]
```
Use instead:
```markdown
- [25/06] **HSENet: Hybrid Spatial Encoding Network**
[[Paper](http://arxiv.org/pdf/2506.09634v1)]
```

## Fix safety
Not fixable: the title has to come from the author.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import Finding, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    if not context.titles_are_bold:
        return  # the list's titles are not bold (links, plain text): nothing to hold it to
    for entry in context.paper_list.entries:
        title = entry.title
        if title is None:
            where = entry.date.span if entry.date is not None else entry.marker
            yield Finding(where, "entry has no bold title")
        elif not title.closed:
            start = title.span.start - 2
            yield Finding(Span(start, title.span.start), "bold title is not closed with **")
        elif not title.text:
            yield Finding(Span(title.span.start - 2, title.span.end + 2), "bold title is empty")


RULE = Rule.from_module(
    __doc__,
    code="PL102",
    name="missing-title",
    severity=Severity.ERROR,
    fixable=Fixability.NEVER,
    check=check,
)
