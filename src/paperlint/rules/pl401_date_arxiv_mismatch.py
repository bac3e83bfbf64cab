r"""Entry date disagrees with the year and month of its arXiv id

## What it does
Compares an entry's date with the year and month encoded in its arXiv id (`2506.09634` is
2025/06; `math/0007129` is 2000/07) and reports a difference, naming the month the id gives.

A `[YY/MM]` or `[YYYY/MM]` date tag (the generator's) must match the id's month exactly.
Any other date a list's format has (`[2024/04/17]`, `Sep 2024`, a table's `2025.11`, a
venue's `ICLR'25`, `(08 March 2025)`) is held to a tolerance, because a curator may date a
paper from a later version or from its conference: only a date *before* the id is
reported, since no version of the paper existed then. Two exceptions keep false alarms
out: a day from the 25th on in the month just before the id's (a submission at the end of
a month gets the next month's id), and a year six or more years before the id's (an old
paper posted to arXiv long after it appeared, such as a 1987 paper with an id from 2018).

The id is read from the URL the author meant, as the URL rules' fixes leave it: junk after
the id (`2506.09634).`), LaTeX residue before the scheme, no scheme (`arxiv.org/abs/...`).
So this finding comes in the same run as theirs, not after their fix.

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
The fix sets a generator tag from the arXiv id, in the list's tag style. It is safe when
the tag cannot be a date (month `00` or over 12) and unsafe otherwise: a curator may have
chosen another date on purpose, such as the conference date or the version they read.
Other dates are not fixable: which of the date and the id is wrong has to be checked.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.arxiv import ArxivId
from paperlint.context import Context
from paperlint.model import DateSource, DateTag, Entry
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity

_OLD_PAPER_YEARS = 6
"""A year this many years before the id's is an old paper posted later, not a slip."""
_MONTH_END_DAY = 25


def check(context: Context) -> Iterator[Finding]:
    style = context.date_style
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        tag = entry.date
        if tag is None or tag.year is None or arxiv is None or arxiv.id is None:
            continue
        if tag.style is None or tag.month is None:
            finding = _before_the_id(tag, arxiv.id, entry)
            if finding is not None:
                yield finding
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


def _before_the_id(date: DateTag, ident: ArxivId, entry: Entry) -> Finding | None:
    """A date in another form than the generator's tag: reported only when it lies before
    the id's month (see the rule's documentation for the tolerance)."""
    year = date.year
    assert year is not None
    # A section's year ("## 2019") dates every entry under it: report at the entry.
    where = date.text_span
    if date.source is DateSource.HEADING:
        where = entry.title.span if entry.title is not None else entry.marker
    shown_id = f"{ident.year:04d}/{ident.month:02d}"
    if date.month is None or not 1 <= date.month <= 12:
        if not 0 < ident.year - year < _OLD_PAPER_YEARS:
            return None
        what = f"section year {year}" if date.source is DateSource.HEADING else f"year {year}"
        if date.source is not DateSource.HEADING and date.text != str(year):
            what += f' of "{date.text}"'
        message = (
            f"{what} is before arXiv id {ident.id}, which is from {shown_id}: the date or the "
            "id is wrong"
        )
        return Finding(where, message)
    if (year, date.month) >= (ident.year, ident.month):
        return None
    month_before = (year * 12 + date.month) + 1 == ident.year * 12 + ident.month
    if month_before and date.day is not None and date.day >= _MONTH_END_DAY:
        return None  # submitted at the end of a month, given the next month's id
    message = (
        f'date "{date.text}" is before arXiv id {ident.id}, which is from {shown_id}: '
        "the date or the id is wrong"
    )
    return Finding(where, message)


RULE = Rule.from_module(
    __doc__,
    code="PL401",
    name="date-arxiv-mismatch",
    severity=Severity.WARNING,
    fixable=Fixability.ALWAYS,
    check=check,
)
