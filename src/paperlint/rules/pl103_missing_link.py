r"""Entry lacks a Paper, Code/Page or TLDR/Notes link that the list's format has

## What it does
Checks that every entry carries the links its list's format has: `[[Paper](...)]`,
`[[Code/Page](...)]` and `[[TLDR/Notes](#...)]`. The format is read from the list itself:
a label is expected when at least half of the entries have it, and TLDR/Notes whenever
the list has a `# TLDR/Notes` part. An empty Paper or TLDR/Notes link counts as missing;
an empty Code/Page link is reported by `empty-code-link` instead. In a list of another
format (`paperlint detect` names it), a link's role comes from its label and host
(`pdf`, `arXiv` and `📝 Paper` are paper links), and only the paper link is expected: a
paper without code is no defect there; where the title itself is a link (to a project
page, say), it counts as the entry's paper link, and an empty link is `empty-link`'s
finding.

## Why is this bad?
A paper list is only as useful as its links: an entry without its Paper link cannot be
read, one without its TLDR/Notes link hides the notes that were written for it.

## Example
```markdown
- [25/06] **QoQ-Med: Building Multimodal Clinical Foundation Models**
[[Code/Page](https://github.com/DDVD233/QoQ_Med)]
```
Use instead:
```markdown
- [25/06] **QoQ-Med: Building Multimodal Clinical Foundation Models**
[[Paper](http://arxiv.org/pdf/2506.00711v1)] [[Code/Page](https://github.com/DDVD233/QoQ_Med)]
```

## Fix safety
Not fixable: the URL has to come from the author.

## Options
`labels` (a list of `Paper`, `Code/Page`, `TLDR/Notes`; default: read from the list): the
links every entry must carry.

```toml
[tool.paperlint.rules.missing-link]
labels = ["Paper", "Code/Page"]
```
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Entry, LinkKind, Span
from paperlint.rule import Finding, Fixability, Rule, Severity

_ORDER = (LinkKind.PAPER, LinkKind.CODE, LinkKind.NOTES)


def check(context: Context) -> Iterator[Finding]:
    expected = context.expected_kinds
    for entry in context.paper_list.entries:
        for kind in _ORDER:
            if kind not in expected or (kind is not LinkKind.PAPER and entry.format != "generator"):
                # Only the generator's format promises a Code/Page and a notes link on every
                # entry; elsewhere a paper without code is no defect.
                continue
            link = entry.link(kind)
            if link is None and kind is LinkKind.PAPER and _title_is_a_link(entry):
                continue  # a list whose titles are links: the title links to the paper's page
            if link is None:
                where = entry.links[-1].span if entry.links else _first_line(context, entry.span)
                yield Finding(where, f"entry has no {kind.value} link")
            elif link.is_empty and kind is not LinkKind.CODE and entry.format == "generator":
                yield Finding(link.span, f"{kind.value} link is empty")


def _title_is_a_link(entry: Entry) -> bool:
    return (
        entry.title is not None
        and entry.title.kind in ("link", "heading")
        and any(link.start <= entry.title.start < link.end for link in entry.links)
    )


def _first_line(context: Context, span: Span) -> Span:
    line = context.document.line_of(span.start)
    return Span(span.start, min(span.end, context.document.line_ends[line - 1]))


RULE = Rule.from_module(
    __doc__,
    code="PL103",
    name="missing-link",
    severity=Severity.WARNING,
    fixable=Fixability.NEVER,
    check=check,
)
