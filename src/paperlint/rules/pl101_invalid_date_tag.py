r"""Entry date tag is missing, malformed, a placeholder or an impossible month

## What it does
Checks that every entry opens with a date tag in the list's style, `[YY/MM]` (`[25/06]`) or
`[YYYY/MM]` (`[2025/06]`), holding a real month (01 to 12). Only in a list whose convention
that is (at least half of its entries carry such a tag): a list that dates its entries
another way, `[CVPR 2024]` or not at all, is not held to it.

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
is set from the arXiv id, in the list's tag style. A well-formed tag in the other style
(`[2025/06]` in a `YY/MM` list) is rewritten in the list's style. Both fixes are safe: the
first replaces a tag that held no date, the second keeps the date. A missing or malformed
tag is not fixable.

## Options
`style` (`auto`, `YY/MM` or `YYYY/MM`; default `auto`): the style tags must have. `auto`
follows the style most entries of the list use.

```toml
[tool.paperlint.rules.invalid-date-tag]
style = "YYYY/MM"
```
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import DateSource, DateTag
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    if not context.dates_are_tags:
        return  # the list dates its entries its own way (or not at all): nothing to hold it to
    style = context.date_style
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        tag = entry.date
        if tag is not None and tag.source is not DateSource.TAG:
            tag = None  # a date in the text or a column is no tag
        if tag is None:
            yield Finding(entry.marker, "entry has no date tag such as [25/06]")
            continue
        fix = None
        impossible = tag.month is not None and not 1 <= tag.month <= 12
        if tag.is_placeholder:
            message = f"date tag [{tag.text}] is the template's placeholder"
        elif tag.month is None or tag.year is None:
            message = f"date tag [{tag.text}] is not in the form {style}"
        elif impossible:
            month = tag.text.rsplit("/", 1)[-1].strip()
            message = f"date tag [{tag.text}] has month {month}, not 01 to 12"
        elif tag.style != style:
            message = f"date tag [{tag.text}] is not in the form {style}"
            # Same year and month, written the list's way: nothing but the form changes.
            fix = _retag(tag, style, tag.year, tag.month, "Write the tag as")
        else:
            continue
        if (tag.is_placeholder or impossible) and arxiv is not None and arxiv.id is not None:
            verb = "Set the tag from the arXiv id to"
            fix = _retag(tag, style, arxiv.id.year, arxiv.id.month, verb)
        yield Finding(tag.span, message, fix)


def _retag(tag: DateTag, style: str, year: int, month: int, verb: str) -> Fix:
    shown = f"{year:04d}" if style == "YYYY/MM" else f"{year % 100:02d}"
    text = f"[{shown}/{month:02d}]"
    return Fix(f"{verb} {text}", (Edit(tag.span.start, tag.span.end, text),))


RULE = Rule.from_module(
    __doc__,
    code="PL101",
    name="invalid-date-tag",
    severity=Severity.ERROR,
    fixable=Fixability.SOMETIMES,
    check=check,
)
