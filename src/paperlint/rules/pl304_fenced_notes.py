r"""Notes written as Markdown but wrapped in a code fence

## What it does
Checks the sections of the `# TLDR/Notes` part for a fenced code block without a language
(or marked `markdown`) that holds Markdown headings (`##` or deeper): notes that a
generator wrapped in a fence, so that GitHub and every site show them as raw code.

## Why is this bad?
The notes' headings, lists and emphasis show as literal `###`, `-` and `**`, in a box that
scrolls sideways on a phone; nobody can read them.

## Example
````markdown
# TLDR/Notes
## lingshu
```
### 🌟 Summary
- **Idea**: one model for every medical image
```
````

## Fix safety
Safe: the fix empties the two fence lines and touches nothing else, so the notes show as the
Markdown they are. The page renderer (`mkdocs_paperlist`) shows such notes as Markdown
already (its `unwrap_notes` option).

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity

__all__ = ["RULE"]


def check(context: Context) -> Iterator[Finding]:
    paper_list = context.paper_list
    if not paper_list.notes:
        return
    document = paper_list.document
    starts, ends = document.line_starts, document.line_ends
    for opening, closing in context.wrapped_fences:
        # The fence lines become blank lines: the file keeps its line count and endings.
        edits = tuple(Edit(starts[line - 1], ends[line - 1], "") for line in (opening, closing))
        fence = document.line(opening).strip()
        yield Finding(
            Span(starts[opening - 1], ends[opening - 1]),
            f"notes wrapped in a code fence ({fence} on lines {opening}-{closing}) show as code",
            Fix("Remove the fence", edits),
        )


RULE = Rule.from_module(
    __doc__,
    code="PL304",
    name="fenced-notes",
    severity=Severity.WARNING,
    fixable=Fixability.ALWAYS,
    check=check,
)
