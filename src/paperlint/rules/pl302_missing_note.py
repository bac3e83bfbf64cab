r"""Entry links to a notes section that does not exist

## What it does
In a list with a `# TLDR/Notes` part, checks that every entry's TLDR/Notes anchor belongs
to one of its `##` notes sections: one the anchor resolves to on a target, or whose heading
text is the anchor, or has the same letters and digits.

## Why is this bad?
The entry promises notes that are not there, usually because the notes section was never
generated or was renamed by hand.

## Example
```markdown
- [25/06] **HSENet** [[TLDR/Notes](#hsenet)]

# TLDR/Notes
## lingshu
```

## Fix safety
Not fixable: the notes have to be written.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import LinkKind
from paperlint.rule import Finding, Fixability, Rule, Severity


def check(context: Context) -> Iterator[Finding]:
    if not context.paper_list.has_notes_part:
        return
    sections = context.sections_by_heading
    link_headings = context.link_headings
    for entry in context.paper_list.entries:
        link = entry.link(LinkKind.NOTES)
        if link is None or link.start not in link_headings:  # no in-page anchor
            continue
        heading = link_headings[link.start]
        if heading is None or heading.start not in sections:
            yield Finding(link.url_span, f'no notes section for anchor "#{link.fragment}"')


RULE = Rule.from_module(
    __doc__,
    code="PL302",
    name="missing-note",
    severity=Severity.WARNING,
    fixable=Fixability.NEVER,
    check=check,
)
