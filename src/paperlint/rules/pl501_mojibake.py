r"""Text is mojibake: UTF-8 that was read as a Windows code page and saved again

## What it does
Finds runs of text such as `ðŸŒŸ è®ºæ–‡` (for `🌟 论文`) or `â€”` (for `—`): the bytes of
UTF-8 text decoded with cp1252 or another single-byte Windows code page and written back
as UTF-8. One finding per line, spanning its mangled runs. Text inside code spans, code
blocks and HTML comments is never reported: that is where a list quotes mojibake on purpose.
Notes that a generator wrapped in a code fence are Markdown all the same (`fenced-notes`
unwraps them), so they are checked.

## Why is this bad?
The text is unreadable, and every later round trip mangles it further.

## Example
```markdown
### ðŸŒŸ è®ºæ–‡è§£è¯»
```
Use instead:
```markdown
### 🌟 论文解读
```

## Fix safety
The fix restores each run whose bytes round-trip exactly: encoding the run with the code
page gives bytes that are valid UTF-8. That repair is exact, so it is safe. Where bytes were
lost on the way (cp1252 has no characters for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, which are
dropped or turned into `?`), the original cannot be known: the run is left as it is and the
message says so. A fix never introduces U+FFFD.

## Options
None.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.document import Document
from paperlint.model import Span
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from paperlint.mojibake import MojibakeRun

_NON_ASCII_RE = lazy_re.compile(r"[^\x00-\x7f]")
_SHOWN = 24


def check(context: Context) -> Iterator[Finding]:
    document = context.document
    if document.text.isascii():
        return
    # Never inside code or comments: a list may quote mojibake there.
    yield from _scan(document, 0)
    # Notes wrapped in a fence are Markdown that fenced-notes unwraps: read as the Markdown
    # they are, so that their mojibake is reported in the same run as that fix.
    for low, body in context.fenced_notes:
        if not body.text.isascii():
            yield from _scan(body, low)


def _scan(document: Document, offset: int) -> Iterator[Finding]:
    """The findings of a document's lines outside code and comments; its text starts at
    ``offset`` of the file."""
    from paperlint.mojibake import find_mojibake  # only lists with non-ASCII text pay for it

    text = document.masked
    starts, ends = document.line_starts, document.line_ends
    found = _NON_ASCII_RE.search(text)
    while found:  # from one line with a non-ASCII character to the next, skipping the rest
        number = bisect_right(starts, found.start()) - 1
        start, end = starts[number], ends[number]
        found = _NON_ASCII_RE.search(text, starts[number + 1]) if number + 1 < len(starts) else None
        line = text[start:end]
        runs = find_mojibake(line)
        if runs:
            yield _finding(offset + start, line, runs)


def _finding(start: int, line: str, runs: list[MojibakeRun]) -> Finding:
    """The finding of a line that starts at offset ``start`` and holds these runs."""
    edits = tuple(
        Edit(start + run.start, start + run.end, run.repaired)
        for run in runs
        if run.repaired is not None
    )
    lost = sum(1 for run in runs if run.repaired is None)
    first = runs[0]
    sample = line[first.start : first.end]
    sample = sample if len(sample) <= _SHOWN else sample[: _SHOWN - 1] + "…"
    if first.repaired is not None:
        shown = first.repaired if len(first.repaired) <= _SHOWN else first.repaired[:_SHOWN]
        message = f'mojibake: "{sample}" is "{shown}" read as {first.codec}'
    else:
        message = f'mojibake: "{sample}" is UTF-8 read as {first.codec}'
    if lost:
        message += f"; {lost} of {len(runs)} runs lost bytes on the way and cannot be restored"
    fix = Fix("Restore the original text", edits) if edits else None
    return Finding(Span(start + first.start, start + runs[-1].end), message, fix)


RULE = Rule.from_module(
    __doc__,
    code="PL501",
    name="mojibake",
    severity=Severity.ERROR,
    fixable=Fixability.SOMETIMES,
    check=check,
)
