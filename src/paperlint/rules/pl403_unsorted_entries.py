r"""Entry is out of the list's date order within its section

## What it does
Off by default (select `unsorted-entries` or `PL403` to use it). Within each section (the
entries under one heading), checks that the entries' dates run in one direction: newest
first or oldest first, as the `order` option says, or (`auto`) as most neighbouring pairs
of the list already run. Any date a format has counts: a tag, a table's date column, a
venue's year, a date in the text; entries of the same month (or the same year, for a
year-only date) keep their order. The first entry out of order in a section is reported.
A section with an undated entry is left alone: there is no telling where it belongs.

## Why is this bad?
Readers scan a dated list from the top for what is new, and a generator or a hand that
appends papers at the end breaks the order silently: a paper from 2023 among those of
2025 is overlooked.

## Example
```markdown
- [25/06] **HSENet** [[Paper](http://arxiv.org/pdf/2506.09634v1)]
- [24/11] **Older paper** [[Paper](http://arxiv.org/pdf/2411.00001v1)]
- [25/05] **Lingshu** [[Paper](http://arxiv.org/pdf/2506.07044v4)]
```
Use instead:
```markdown
- [25/06] **HSENet** [[Paper](http://arxiv.org/pdf/2506.09634v1)]
- [25/05] **Lingshu** [[Paper](http://arxiv.org/pdf/2506.07044v4)]
- [24/11] **Older paper** [[Paper](http://arxiv.org/pdf/2411.00001v1)]
```

## Fix safety
The fix sorts the section's entries, moving each whole entry (its continuation lines and
nested items with it) and keeping what stands between entries (blank lines) where it is;
entries of equal dates keep their order, and notes sections stay where they are (the
entries' anchors do not change). It is safe: it only permutes entries. A section whose
entries have other text between them (a paragraph, a sub-list) gets no fix.

## Options
`order` (`auto`, `newest-first` or `oldest-first`; default `auto`): the order entries must
follow.

```toml
[tool.paperlint.rules.unsorted-entries]
order = "newest-first"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from paperlint.context import Context
from paperlint.dates import order_key, runs_newest_first
from paperlint.model import Entry
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity


def _key(entry: Entry) -> tuple[int, int, int] | None:
    return order_key(entry.date)


def check(context: Context) -> Iterator[Finding]:
    entries = context.paper_list.entries
    sections: dict[int, list[Entry]] = {}
    for entry, section in zip(entries, context.entry_sections, strict=True):
        sections.setdefault(section, []).append(entry)
    groups = [group for group in sections.values() if len(group) > 1]
    keyed = [[_key(entry) for entry in group] for group in groups]
    newest_first = _direction(context, keyed)
    for group, keys in zip(groups, keyed, strict=True):
        if any(key is None for key in keys):
            continue
        dated = [key for key in keys if key is not None]
        # Stable on equal dates both ways (a reversed sort would swap them: negate instead).
        ordered = sorted(
            range(len(group)),
            key=lambda index: _negate(dated[index]) if newest_first else dated[index],
        )
        if ordered == list(range(len(group))):
            continue
        first = next(index for index, place in enumerate(ordered) if place != index)
        culprit = group[ordered[first]]
        where = "newest first" if newest_first else "oldest first"
        message = f"entry is out of date order: the section lists {where}"
        span = culprit.date.span if culprit.date is not None else culprit.marker
        yield Finding(span, message, _sort_fix(context, group, ordered))


def _negate(key: tuple[int, int, int]) -> tuple[int, int, int]:
    return (-key[0], -key[1], -key[2])


def _direction(context: Context, keyed: list[list[tuple[int, int, int] | None]]) -> bool:
    """Whether the list runs newest first: as configured, else as most neighbouring pairs
    of dated entries run (newest first on a tie: the usual order of a paper list)."""
    order = str(context.options("unsorted-entries").get("order", "auto"))
    if order != "auto":
        return order == "newest-first"
    return runs_newest_first(keyed)


def _sort_fix(context: Context, group: list[Entry], ordered: list[int]) -> Fix | None:
    """Entries rewritten in order, what stands between them kept in place; None when
    anything but blank lines stands between two entries."""
    document = context.document
    text = context.text
    spans: list[tuple[int, int]] = []
    for entry in group:
        start = document.line_starts[document.line_of(entry.start) - 1]
        end = document.line_ends[document.line_of(entry.end) - 1]
        spans.append((start, end))
    for (_, end), (start, _) in pairwise(spans):
        if start < end or text[end:start].strip():
            return None  # overlapping spans or other text between the entries
    pieces: list[str] = []
    for position, (_, end) in enumerate(spans):
        moved = spans[ordered[position]]
        pieces.append(text[moved[0] : moved[1]])
        if position + 1 < len(spans):
            pieces.append(text[end : spans[position + 1][0]])
    low, high = spans[0][0], spans[-1][1]
    return Fix("Sort the section's entries by date", (Edit(low, high, "".join(pieces)),))


RULE = Rule.from_module(
    __doc__,
    code="PL403",
    name="unsorted-entries",
    severity=Severity.WARNING,
    fixable=Fixability.SOMETIMES,
    check=check,
    default=False,
)
