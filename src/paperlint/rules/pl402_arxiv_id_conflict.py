r"""Two entries with different titles link the same arXiv id: one links the wrong paper

## What it does
Finds entries whose arXiv link has the same id (ignoring the version) as an earlier
entry's while their titles name different papers (not the same words, not one the other's
shortening, not the same leading acronym). The later entry is reported, with the title and
line of the first. Anywhere in the file, across sections too.

## Why is this bad?
One of the two entries sends readers to another paper: an id copied from the entry above,
a search result pasted into the wrong entry (`FitVid` tagged `[arXiv 2021]` linking the
2024 Sora survey's id). Nothing else shows it: both links work.

## Example
```markdown
- [2024/03] **Sora: A Review on Background, Technology, Limitations, and Opportunities** [[Paper](https://arxiv.org/abs/2402.17177)]
- [2021/06] **FitVid: Overfitting in Pixel-Level Video Prediction** [[Paper](https://arxiv.org/abs/2402.17177)]
```
Use instead:
```markdown
- [2021/06] **FitVid: Overfitting in Pixel-Level Video Prediction** [[Paper](https://arxiv.org/abs/2106.13195)]
```

## Fix safety
Not fixable: the right id has to be looked up.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.escape import unescape
from paperlint.rule import Finding, Fixability, Rule, Severity, excerpt
from paperlint.titles import same_paper


def check(context: Context) -> Iterator[Finding]:
    first_of: dict[str, list[tuple[int, str]]] = {}  # id -> (line, title) of each paper seen
    document = context.document
    for entry, arxiv in zip(context.paper_list.entries, context.arxiv, strict=True):
        if arxiv is None or arxiv.id is None or entry.title is None:
            continue
        title = unescape(entry.title.text)
        if not title:
            continue
        line = document.line_of(entry.span.start)
        papers = first_of.setdefault(arxiv.id.id, [])
        if any(same_paper(title, seen) for _, seen in papers):
            continue
        if papers:
            seen_line, seen_title = papers[0]
            message = (
                f'arXiv id {arxiv.id.id} is also the link of "{excerpt(seen_title, 50)}" on line '
                f"{seen_line}: one of them links the wrong paper"
            )
            yield Finding(entry.title.span, message)
        papers.append((line, title))


RULE = Rule.from_module(
    __doc__,
    code="PL402",
    name="arxiv-id-conflict",
    severity=Severity.ERROR,
    fixable=Fixability.NEVER,
    check=check,
)
