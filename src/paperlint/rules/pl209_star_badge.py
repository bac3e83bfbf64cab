r"""GitHub star badge names no repository, or another one than the entry's code link

## What it does
Checks every `img.shields.io/github/stars/OWNER/REPO` badge: its path must name a
repository and nothing more, and in an entry that has a GitHub code link, the same
repository as that link.

## Why is this bad?
shields.io answers a path with more segments (`.../stars/microsoft/muzic/tree/main/musicagent`)
with an error image, so the badge shows "invalid" instead of the stars. A badge that counts
another repository's stars than the one the entry links (copied from the entry above)
misleads the reader about the code.

## Example
```markdown
- [MusicAgent](https://arxiv.org/abs/2310.11954) [[code](https://github.com/microsoft/muzic)]
  ![](https://img.shields.io/github/stars/microsoft/muzic/tree/main/musicagent)
```
Use instead:
```markdown
- [MusicAgent](https://arxiv.org/abs/2310.11954) [[code](https://github.com/microsoft/muzic)]
  ![](https://img.shields.io/github/stars/microsoft/muzic)
```

## Fix safety
The fix cuts the badge's path after the repository, which is what shields.io can show: it
is safe. A badge of another repository is not fixable: which of the two is right has to be
checked.

## Options
None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.model import Link, LinkKind, Span
from paperlint.rule import Edit, Finding, Fix, Fixability, Rule, Severity

_STARS_RE = lazy_re.compile(
    r"(?i)\s*(?:https?://)?img\.shields\.io/github/stars/([\w.-]+)/([\w.-]+)((?:/[^?#\s]*)?)"
)
_GITHUB_RE = lazy_re.compile(
    r"(?i)\s*(?:https?://)?(?:www\.)?github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?(?:[/?#]|\s*$)"
)


def check(context: Context) -> Iterator[Finding]:
    for entry in context.paper_list.entries:
        if not entry.badges:
            continue
        code = next(
            (
                match
                for link in entry.links
                if link.kind is LinkKind.CODE and (match := _GITHUB_RE.match(link.url))
            ),
            None,
        )
        for badge in entry.badges:
            yield from _check(badge, code)
    for link in context.loose_links:
        if link.label_offset == 2 and link.url_offset > link.label_offset:  # an image
            yield from _check(link, None)


def _check(badge: Link, code: re.Match[str] | None) -> Iterator[Finding]:
    match = _STARS_RE.match(badge.url)
    if match is None:
        return
    start = badge.url_span.start
    extra = match.group(3).rstrip("/")
    if extra:
        span = Span(start + match.start(3), start + match.start(3) + len(extra))
        fix = Fix(
            f'Cut the badge path to "{match.group(1)}/{match.group(2)}"',
            (Edit(span.start, span.end, ""),),
        )
        yield Finding(
            span, "star badge path goes past the repository: shields.io shows an error", fix
        )
        return
    if code is not None:
        badge_repo = f"{match.group(1)}/{match.group(2)}"
        # A name on a code host never ends with "." or ",": one there is the URL rules'
        # finding (copied with the sentence), not another repository.
        code_repo = f"{code.group(1)}/{code.group(2)}".rstrip(".,;:")
        if badge_repo.lower() != code_repo.lower():
            span = Span(start + match.start(1), start + match.end(2))
            yield Finding(span, f"star badge counts {badge_repo}, but the code link is {code_repo}")


RULE = Rule.from_module(
    __doc__,
    code="PL209",
    name="star-badge",
    severity=Severity.WARNING,
    fixable=Fixability.SOMETIMES,
    check=check,
)
