r"""Link has an empty destination: `[Title]()`, `[[code]()]`, `[pdf](#)`

## What it does
Checks every link of the file, in any syntax, for a destination that is empty (`()`,
`(<>)`), `None`, or a bare `#`. The comment idiom `[//]: # (a comment)` is no link. The
generator's own `[[Code/Page]()]` and `[[Paper]()]` are its way of saying "no such link" and
are left to `missing-link` and `empty-code-link`.

## Why is this bad?
An empty link renders as a link to the page itself: a reader clicks the title or the
author's name and lands where they were. Usually a URL was lost while copying, or a
template's slot was never filled.

## Example
```markdown
- 2016-ICLR-[Learning both Weights and Connections]() [[code]()]
*[Yiran Xu](https://twizwei.github.io/), [Seoung Wug Oh]().*
```
Use instead:
```markdown
- 2016-ICLR-[Learning both Weights and Connections](https://arxiv.org/abs/1506.02626)
*[Yiran Xu](https://twizwei.github.io/), Seoung Wug Oh.*
```

## Fix safety
The fix keeps a link's text and drops the link around it (`[Seoung Wug Oh]()` becomes
`Seoung Wug Oh`, a linked badge its image). It is unsafe: the author may rather add the
missing URL. A group (`[[code]()]`) is not fixable: without the link it would show a stray
`[code]`; nor is an entry's title link (without it the entry would no longer be written in
its list's format), nor a link whose text holds brackets other than one image's.

## Options
None.
"""

from __future__ import annotations

from collections.abc import Iterator

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.model import Link
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity

_NOWHERE = frozenset({"", "<>", "#", "none"})
# A label holding brackets or a line break: unlinking it could make another link of it.
_NESTED = lazy_re.compile(r"[\[\]\n]")
_IMAGE = lazy_re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")  # a linked badge: its image stays


def check(context: Context) -> Iterator[Finding]:
    for entry in context.paper_list.entries:
        if entry.format == "generator":
            continue  # "[[Code/Page]()]" is the generator's "none": other rules' finding
        title = entry.title.start if entry.title is not None else -1
        for link in (*entry.links, *entry.badges):
            # Unlinking a title would change the entry's format: only the URL can mend it.
            finding = _empty(context, link, fixable=not link.start <= title < link.end)
            if finding is not None:
                yield finding
    for link in context.loose_links:
        finding = _empty(context, link, fixable=True)
        if finding is not None:
            yield finding


def _empty(context: Context, link: Link, *, fixable: bool) -> Finding | None:
    url = link.url.strip()
    if url.lower() not in _NOWHERE or link.closing not in (")", ")]"):
        return None
    text = context.text
    if text.startswith("]:", link.start + link.label_offset + len(link.label)):
        return None  # "[//]: # (a comment)": the Markdown comment idiom, no link
    what = f'goes nowhere ("{url}")' if url else "has no destination"
    fix = None
    label = link.label_span
    if (
        fixable
        and link.label_offset == 1
        and link.label
        and text.startswith("[", link.start)
        and text.startswith("](", label.end)
        and text.startswith(")", link.end - 1)
        and (not _NESTED.search(link.label) or _IMAGE.fullmatch(link.label) is not None)
    ):
        fix = Fix(
            "Keep the text, drop the empty link",
            (Edit(link.start, link.end, link.label),),
            Applicability.UNSAFE,
        )
    name = link.name
    return Finding(link.span, f"{name} {what}" if name == "Link" else f"{name} link {what}", fix)


RULE = Rule.from_module(
    __doc__,
    code="PL208",
    name="empty-link",
    severity=Severity.WARNING,
    fixable=Fixability.SOMETIMES,
    check=check,
)
