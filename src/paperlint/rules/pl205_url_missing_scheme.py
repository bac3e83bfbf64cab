r"""URL is a host name without its scheme, so the page links to a relative path

## What it does
Checks that no link's destination starts with a host name but no scheme:
`www.wsdm-conference.org`, `hengfenghe.com`, `eladrich.github.io/pixel2style2pixel`.

## Why is this bad?
Without `https://` a browser reads the destination as a path on the list's own site: on
GitHub the link leads to `github.com/owner/repo/blob/main/hengfenghe.com`, a 404. Relative
links to files (`./citations/nerf.txt`, `paper.pdf`, `docs/usage.md`) are not reported.
A destination is judged as `url-latex-residue` and `url-trailing-punctuation` leave it
(`hengfenghe.com.`, `hengfenghe.com}{Homepage}`), so that their fixes and this one come in
one run.

## Example
```markdown
- [Homepage](hengfenghe.com) [[Conference](www.wsdm-conference.org)]
```
Use instead:
```markdown
- [Homepage](https://hengfenghe.com) [[Conference](https://www.wsdm-conference.org)]
```

## Fix safety
The fix adds `https://`. It is unsafe: a site may serve only `http://`, which the author
has to check.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity, excerpt
from paperlint.urls import missing_scheme


def check(context: Context) -> Iterator[Finding]:
    for link in context.all_links():
        url = link.url
        if link.is_empty or not missing_scheme(url):
            continue
        start = link.anchor_start
        stripped = url.strip()
        fix = Fix("Add https://", (Edit(start, start, "https://"),), Applicability.UNSAFE)
        message = f'URL "{excerpt(stripped)}" has no scheme: it links to a path of this site'
        yield Finding(Span(start, start + len(stripped)), message, fix)


RULE = Rule.from_module(
    __doc__,
    code="PL205",
    name="url-missing-scheme",
    severity=Severity.ERROR,
    fixable=Fixability.ALWAYS,
    check=check,
)
