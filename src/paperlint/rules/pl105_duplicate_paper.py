r"""The same paper appears twice in a section: same arXiv id (any version) or same title

## What it does
Finds entries whose arXiv id (ignoring the version) or whose title (ignoring case,
punctuation and spacing) is the same as an earlier entry's in the same section (under the
same heading). The later entry is reported and the message names the line of the first.
A paper listed under two topics is often on purpose and is not reported unless
`across-sections` is on. Two entries with one arXiv id but titles of two different papers
are `paper-link-conflict`'s finding, not this rule's.

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
`across-sections` (boolean, default `false`): report a paper listed again under another
heading too.

```toml
[tool.paperlint.rules.duplicate-paper]
across-sections = true
```
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.anchors import normalize_key
from paperlint.context import Context
from paperlint.escape import unescape
from paperlint.rule import Finding, Fixability, Rule, Severity
from paperlint.titles import same_paper


def check(context: Context) -> Iterator[Finding]:
    across = bool(context.options("duplicate-paper").get("across-sections", False))
    seen_ids: dict[tuple[int, str], tuple[int, str]] = {}
    seen_titles: dict[tuple[int, str], int] = {}
    document = context.document
    entries = context.paper_list.entries
    sections = context.entry_sections if not across else [0] * len(entries)
    for entry, arxiv, section in zip(entries, context.arxiv, sections, strict=True):
        title = unescape(entry.title.text) if entry.title is not None else ""
        where = entry.title.span if entry.title is not None and title else entry.marker
        line = document.line_of(entry.span.start)
        if arxiv is not None and arxiv.id is not None:
            first = seen_ids.setdefault((section, arxiv.id.id), (line, title))
            if first[0] != line:
                if not title or not first[1] or same_paper(title, first[1]):
                    message = f"same arXiv id {arxiv.id.id} as the entry on line {first[0]}"
                    yield Finding(where, message)
                continue  # two papers under one id: paper-link-conflict reports it
        if title:
            key = normalize_key(title)
            if key:
                first_line = seen_titles.setdefault((section, key), line)
                if first_line != line:
                    yield Finding(where, f"same title as the entry on line {first_line}")


RULE = Rule.from_module(
    __doc__,
    code="PL105",
    name="duplicate-paper",
    severity=Severity.WARNING,
    fixable=Fixability.NEVER,
    check=check,
)
