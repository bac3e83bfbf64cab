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

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.model import PaperList, Span
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity

__all__ = ["RULE", "wrapped_fences"]

_FENCE_RE = lazy_re.compile(r" {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$")
# "## ": a shell or Python comment ("# x") in real code is no heading of the notes.
_HEADING_RE = lazy_re.compile(r" {0,3}#{2,6}\s+\S")
_MARKDOWN_INFO = frozenset({"", "markdown", "md"})


def wrapped_fences(paper_list: PaperList) -> list[tuple[int, int]]:
    """The fences (1-based lines of their opening and closing lines) that wrap Markdown
    notes: no language or ``markdown``, and a heading inside."""
    document = paper_list.document
    found: list[tuple[int, int]] = []
    text = document.text
    for section in paper_list.notes:
        if text.find("```", section.start, section.end) < 0 and (
            text.find("~~~", section.start, section.end) < 0
        ):
            continue  # no fence: most sections (0.06 s to 0.01 s on the 20k bench list)
        first = document.line_of(section.start) + 1  # the line after the heading
        last = document.line_of(max(section.start, section.end - 1))
        number = first
        while number <= last:
            opening = _FENCE_RE.fullmatch(document.line(number))
            if opening is None:
                number += 1
                continue
            fence = opening.group(1)
            closing = number + 1
            while closing <= last:
                line = document.line(closing).strip()
                if line and set(line) == {fence[0]} and len(line) >= len(fence):
                    break
                closing += 1
            if closing > last:
                break  # not closed within the section: left alone
            body = (document.line(n) for n in range(number + 1, closing))
            if opening.group(2).lower() in _MARKDOWN_INFO and any(
                _HEADING_RE.match(line) for line in body
            ):
                found.append((number, closing))
            number = closing + 1
    return found


def check(context: Context) -> Iterator[Finding]:
    paper_list = context.paper_list
    if not paper_list.notes:
        return
    document = paper_list.document
    starts, ends = document.line_starts, document.line_ends
    for opening, closing in wrapped_fences(paper_list):
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
