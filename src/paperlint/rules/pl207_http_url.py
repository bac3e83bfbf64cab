r"""URL uses http:// for a site that serves https://

## What it does
Off by default (select `http-url` or `PL207` to use it). Checks for `http://` links to
sites that serve, and redirect to, `https://`: arXiv, GitHub and `*.github.io`, Hugging
Face, OpenReview, the ACL Anthology, DOI, CVF, NeurIPS, PMLR, ACM, IEEE, Springer,
YouTube, Google Drive and Colab.

## Why is this bad?
It is a matter of style: the link works through a redirect. But the redirect costs a
round trip, some networks block plain `http`, and a list that writes `https` everywhere
reads as kept.

## Example
```markdown
[[Paper](http://arxiv.org/pdf/2506.09634v1)]
```
Use instead:
```markdown
[[Paper](https://arxiv.org/pdf/2506.09634v1)]
```

## Fix safety
The fix writes `https`. It is safe: these sites serve the same page over https.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Span
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity
from paperlint.urls import scheme, serves_https


def check(context: Context) -> Iterator[Finding]:
    for link in context.all_links():
        url = link.url
        if scheme(url) != "http" or not serves_https(url):
            continue
        start = link.anchor_start
        fix = Fix("Use https", (Edit(start, start + 4, "https"),))
        yield Finding(Span(start, start + 5), "http:// URL for a site that serves https", fix)


RULE = Rule.from_module(
    __doc__,
    code="PL207",
    name="http-url",
    severity=Severity.WARNING,
    fixable=Fixability.ALWAYS,
    check=check,
    default=False,
)
