r"""The same paper appears twice: same arXiv id (any version) or same title

## What it does
Finds entries whose arXiv id (ignoring the version) or whose title (ignoring case,
punctuation and spacing) is the same as an earlier entry's. The later entry is reported and
the message names the line of the first.

## Why is this bad?
Lists grow by appending search results, so a paper found by two searches is added twice,
often with two notes sections that drift apart.

## Example
```markdown
- [25/06] **HSENet: Hybrid Spatial Encoding Network** [[Paper](http://arxiv.org/pdf/2506.09634v1)]
- [25/06] **HSENet: Hybrid Spatial Encoding Network** [[Paper](http://arxiv.org/pdf/2506.09634v2)]
```

## Fix safety
Not fixable: deleting an entry would lose whatever the author wrote for it, and the two
entries may differ. Merge them by hand.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.anchors import normalize_key
from paperlint.context import Context
from paperlint.rule import Finding, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    seen_ids: dict[str, int] = {}
    seen_titles: dict[str, int] = {}
    document = context.document
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        where = entry.title.span if entry.title is not None and entry.title.text else entry.marker
        line = document.line_of(entry.span.start)
        if arxiv is not None and arxiv.id is not None:
            first = seen_ids.setdefault(arxiv.id.id, line)
            if first != line:
                yield Finding(where, f"same arXiv id {arxiv.id.id} as the entry on line {first}")
                continue
        if entry.title is not None and entry.title.text:
            key = normalize_key(entry.title.text)
            if key:
                first = seen_titles.setdefault(key, line)
                if first != line:
                    yield Finding(where, f"same title as the entry on line {first}")


RULE = Rule.from_module(
    __doc__,
    code="PL105",
    name="duplicate-paper",
    severity=Severity.WARNING,
    fixable=Fixability.NEVER,
    check=check,
)
