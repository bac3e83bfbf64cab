r"""Notes section that no entry links to

## What it does
Checks that every `##` section of the `# TLDR/Notes` part is the target of some entry's
anchor (resolving on a target, or matching the heading's text or letters).

## Why is this bad?
Notes are left behind when an entry is deleted or its anchor is edited; they bloat the list
and the rendered page, and nobody can reach them from the list.

## Example
```markdown
- [25/06] **Lingshu** [[TLDR/Notes](#lingshu)]

# TLDR/Notes
## lingshu
## hsenet
```

## Fix safety
Not fixable: deleting notes would lose what someone wrote. Link them from an entry or
remove them by hand.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.rule import Finding, Fixability, Rule, Severity, excerpt


def check(context: Context) -> Iterator[Finding]:
    paper_list = context.paper_list
    if not paper_list.notes:
        return
    linked = {heading.start for heading in context.link_headings.values() if heading is not None}
    for section in paper_list.notes:
        heading = section.heading
        if heading.start not in linked:
            yield Finding(
                heading.text_span, f'no entry links to the notes "{excerpt(heading.text)}"'
            )


RULE = Rule.from_module(
    __doc__,
    code="PL303",
    name="orphan-note",
    severity=Severity.WARNING,
    fixable=Fixability.NEVER,
    check=check,
)
