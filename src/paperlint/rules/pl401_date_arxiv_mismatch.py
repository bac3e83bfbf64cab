r"""Entry date tag disagrees with the year and month of its arXiv id

## What it does
Compares an entry's date tag with the year and month encoded in its arXiv id
(`2506.09634` is 2025/06; `math/0007129` is 2000/07) and reports a difference, naming the
month the id gives.

## Why is this bad?
Lists are sorted and grouped by the tag; a wrong tag puts the paper in the wrong month. It
is usually a copy-paste slip or a placeholder such as `[25/00]`.

## Example
```markdown
- [25/05] **HSENet** [[Paper](http://arxiv.org/pdf/2506.09634v1)]
```
Use instead:
```markdown
- [25/06] **HSENet** [[Paper](http://arxiv.org/pdf/2506.09634v1)]
```

## Fix safety
The fix sets the tag from the arXiv id, in the list's tag style. It is safe when the tag
cannot be a date (month `00` or over 12) and unsafe otherwise: a curator may have chosen
another date on purpose, such as the conference date or the version they read.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    style = context.date_style
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        tag = entry.date
        if tag is None or tag.style is None or tag.year is None or tag.month is None:
            continue  # only the generator's [YY/MM] and [YYYY/MM] tags, for now
        if arxiv is None or arxiv.id is None:
            continue
        ident = arxiv.id
        if (tag.year, tag.month) == (ident.year, ident.month):
            continue
        year = f"{ident.year:04d}" if style == "YYYY/MM" else f"{ident.year % 100:02d}"
        text = f"[{year}/{ident.month:02d}]"
        impossible = not 1 <= tag.month <= 12
        fix = Fix(
            f"Set the tag to {text}",
            (Edit(tag.span.start, tag.span.end, text),),
            Applicability.SAFE if impossible else Applicability.UNSAFE,
        )
        message = (
            f"date tag [{tag.text}] disagrees with arXiv id {ident.id}, "
            f"which is from {ident.year:04d}/{ident.month:02d}"
        )
        yield Finding(tag.span, message, fix)


RULE = Rule.from_module(
    __doc__,
    code="PL401",
    name="date-arxiv-mismatch",
    severity=Severity.WARNING,
    fixable=Fixability.ALWAYS,
    check=check,
)
