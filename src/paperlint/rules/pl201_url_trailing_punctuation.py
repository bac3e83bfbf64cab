r"""URL ends with sentence punctuation or an unbalanced `)` copied from an abstract

## What it does
Checks that no link URL ends with `.`, `,`, `;`, `:`, an empty query `?` or a `)` that has
no matching `(`.

## Why is this bad?
Generators take the first `https?://[^\s]+` of an abstract as the Code/Page URL, which keeps
the sentence's final `.` (`https://github.com/YanzhaoShi/HSENet.`): the link leads to a 404.
An unbalanced `)` ends the Markdown link early, so what follows it shows as stray text.

## Example
```markdown
[[Code/Page](https://github.com/YanzhaoShi/HSENet.)]
[[Code/Page](https://minedojo.org))]
```
Use instead:
```markdown
[[Code/Page](https://github.com/YanzhaoShi/HSENet)]
[[Code/Page](https://minedojo.org)]
```

## Fix safety
The fix removes the trailing characters. It is safe when the characters start with an
unbalanced `)` (Markdown already ends the link there, so the rendered link does not
change), when what remains is a bare site (`https://storm-bench.github.io/.`), or when it is
a repository on GitHub, GitLab, Hugging Face, Bitbucket or Codeberg, whose names cannot end
with these characters; and when only a `?` goes from a URL of arXiv, GitHub or a publisher
(see `http-url`), which serve the same page with or without an empty query. Elsewhere a URL
may really end with `.` or `,` (`https://sites.google.com/view/mr-steve.`), so the fix is
unsafe and needs `--unsafe-fixes`.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity
from paperlint.urls import (
    TRAILING_PUNCTUATION,
    after_leading_residue,
    residue_index,
    trailing_junk,
    trailing_removal_is_safe,
)

# What every URL that ``trailing_junk`` finds junk in ends with ("\0": the URL's end).
_ENDINGS = tuple(f"{char}\0" for char in TRAILING_PUNCTUATION + ")")


def check(context: Context) -> Iterator[Finding]:
    for link in context.links_with(*_ENDINGS):
        url = link.url
        if link.is_empty or link.fragment is not None:
            continue
        junk = trailing_junk(url)
        if not junk or not url[: len(url) - len(junk)].strip():
            continue  # nothing, or nothing but punctuation ("." is the folder itself)
        proper = after_leading_residue(url)  # "\https://...": url-latex-residue drops the "\"
        if residue_index(proper) is not None or "\n" in junk or "\r" in junk:
            continue  # url-latex-residue cuts before its residue; a fix never joins lines
        end = link.url_span.end
        span = Span(end - len(junk), end)
        kept = proper[: len(proper) - len(junk)]
        unbalanced = " (an unbalanced parenthesis)" if ")" in junk else ""
        applicability = (
            Applicability.SAFE if trailing_removal_is_safe(kept, junk) else Applicability.UNSAFE
        )
        fix = Fix(f'Remove the trailing "{junk}"', (Edit(span.start, span.end, ""),), applicability)
        yield Finding(span, f'{link.name} URL ends with "{junk}"{unbalanced}', fix)


RULE = Rule.from_module(
    __doc__,
    code="PL201",
    name="url-trailing-punctuation",
    severity=Severity.WARNING,
    fixable=Fixability.ALWAYS,
    check=check,
)
