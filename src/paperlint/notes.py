"""Notes that a generator wrapped in a code fence: Markdown that every renderer shows as
code. ``fenced-notes`` removes such fences; the other rules read their bodies as the
Markdown they are, so that what they hold is reported in the same run as that fix."""

from __future__ import annotations

from paperlint import lazy_re
from paperlint.model import PaperList

__all__ = ["wrapped_fences"]

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
