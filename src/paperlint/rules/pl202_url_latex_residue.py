r"""URL contains LaTeX residue such as `}{\underline{...}}`, `\href` or `$`

## What it does
Checks that no link URL contains `{`, `}`, `\` or `$`, the remains of LaTeX markup such as
`\href{URL}{text}` or `\url{URL}` in the abstract or BibTeX entry a list was generated from.

## Why is this bad?
`https://github.com/db-Lee/Multi-RM}{\underline{\small\texttt{https://github.com/db-Lee/Multi-RM}}}`
is not an address any browser can open: the link is dead.

## Example
```markdown
[[Code/Page](https://huggingface.co/a-m-team/AM-Thinking-v1}{Hugging)]
[[Code/Page](https://github.com/DataScienceUIBK/DeAR-Reranking.}.)]
```
Use instead:
```markdown
[[Code/Page](https://huggingface.co/a-m-team/AM-Thinking-v1)]
[[Code/Page](https://github.com/DataScienceUIBK/DeAR-Reranking)]
```

## Fix safety
The fix cuts the URL where the residue starts and then drops the sentence punctuation left
before it (as `url-trailing-punctuation` does). Cutting at `{`, `}` or `\` is safe: these
characters are never legal in a URL, so the address cannot have gone on past them. The
punctuation before the cut follows `url-trailing-punctuation`'s safety. `$` is legal in
URLs, so a cut there is unsafe. A URL that is nothing but residue is not fixable: nothing
would be left of it.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import (
    Applicability,
    Edit,
    Finding,
    Fix,
    Fixability,
    Rule,
    Severity,
    excerpt,
)
from paperlint.urls import (
    RESIDUE_CHARACTERS,
    leading_residue,
    recover,
    residue_index,
    residue_removal_is_safe,
    trailing_junk,
    trailing_removal_is_safe,
)

_SHOWN = 40
# (An HTML attribute may hold a line break: a fix never joins lines.)
_LINE_BREAK_RE = lazy_re.compile(r"[\r\n]")


def check(context: Context) -> Iterator[Finding]:
    # Residue before the scheme or in the URL: one of its characters somewhere.
    for link in context.links_with(*RESIDUE_CHARACTERS):
        url = link.url
        if link.is_empty or link.fragment is not None:
            continue
        lead = leading_residue(url)
        offset = 0  # where the URL proper starts, after blanks and residue before its scheme
        if lead:
            # "\https://..." ("\href" leftovers): only the characters before the scheme
            # go; a backslash there is never part of a URL.
            offset = len(url) - len(url.lstrip()) + len(lead)
            start = link.url_span.start + offset - len(lead)
            span = Span(start, start + len(lead))
            remove = Fix(f'Remove the "{lead}" before the URL', (Edit(span.start, span.end, ""),))
            yield Finding(span, f'{link.name} URL starts with LaTeX residue "{lead}"', remove)
            url = url[offset:]
        cut = residue_index(url)
        if cut is None:
            continue
        intended = recover(url)
        span = Span(link.url_span.start + offset + len(intended), link.url_span.end)
        residue = url[cut:]
        shown = excerpt(residue, _SHOWN)
        safe = residue_removal_is_safe(url)
        before_cut = url[len(intended) : cut]
        if safe and before_cut:
            safe = trailing_removal_is_safe(intended, before_cut + trailing_junk(residue))
        fix = (
            Fix(
                f'Cut the URL to "{intended}"',
                (Edit(span.start, span.end, ""),),
                Applicability.SAFE if safe else Applicability.UNSAFE,
            )
            if intended.strip() and not _LINE_BREAK_RE.search(url, len(intended))
            else None  # nothing would be left of the URL, or of its line: the author's
        )
        yield Finding(span, f'{link.name} URL contains LaTeX residue "{shown}"', fix)


RULE = Rule.from_module(
    __doc__,
    code="PL202",
    name="url-latex-residue",
    severity=Severity.WARNING,
    fixable=Fixability.SOMETIMES,
    check=check,
)
