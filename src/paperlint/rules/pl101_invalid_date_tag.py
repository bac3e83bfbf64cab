r"""Entry date tag is missing, malformed, a placeholder or an impossible month

## What it does
Checks that every entry opens with a date tag in the list's style, `[YY/MM]` (`[25/06]`) or
`[YYYY/MM]` (`[2025/06]`), holding a real month (01 to 12).

## Why is this bad?
Readers scan a paper list by date, and the rendered page groups entries by year and month.
A missing tag, a template placeholder left unfilled (`[YY/MM]`) or a month `00` puts the
paper in the wrong place or nowhere.

## Example
```markdown
- [YY/MM] **Fate stochastic management and policy benchmark in 421**
[[Paper](http://arxiv.org/pdf/math/0007129v1)] [[Code/Page]()]
```
Use instead:
```markdown
- [00/07] **Fate stochastic management and policy benchmark in 421**
[[Paper](http://arxiv.org/pdf/math/0007129v1)] [[Code/Page]()]
```

## Fix safety
When the entry links an arXiv paper, a placeholder or impossible tag (month `00` or over 12)
is set from the arXiv id, in the list's tag style. This fix is safe: the tag held no date.
A missing or malformed tag without an arXiv id is not fixable.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Entry, Span
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        tag = entry.date
        if tag is None:
            yield Finding(entry.marker, "entry has no date tag such as [25/06]")
            continue
        if tag.is_placeholder:
            message = f"date tag [{tag.text}] is the template's placeholder"
        elif tag.month is None or tag.style is None:
            message = f"date tag [{tag.text}] is not in the form {context.date_style}"
        elif not 1 <= tag.month <= 12:
            message = f"date tag [{tag.text}] has month {tag.text.split('/')[-1]}, not 01 to 12"
        else:
            continue
        fix = None
        fixable = tag.is_placeholder or (tag.month is not None and not 1 <= tag.month <= 12)
        if fixable and arxiv is not None and arxiv.id is not None:
            fix = _retag(entry, context.date_style, arxiv.id.year, arxiv.id.month)
        yield Finding(tag.span, message, fix)


def _retag(entry: Entry, style: str, year: int, month: int) -> Fix:
    assert entry.date is not None
    shown = f"{year:04d}" if style == "YYYY/MM" else f"{year % 100:02d}"
    text = f"[{shown}/{month:02d}]"
    span: Span = entry.date.span
    return Fix(f"Set the tag to {text} from the arXiv id", (Edit(span.start, span.end, text),))


RULE = Rule.from_module(
    __doc__,
    code="PL101",
    name="invalid-date-tag",
    severity=Severity.ERROR,
    fixable=Fixability.SOMETIMES,
    check=check,
)
