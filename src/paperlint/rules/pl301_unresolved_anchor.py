r"""TLDR/Notes anchor does not resolve to a heading id on a target renderer

## What it does
Checks that every in-page link of an entry (`[[TLDR/Notes](#anchor)]`) equals the id that
each configured target renderer (`--target`, default `github`) gives some heading of the
file, duplicates included (GitHub suffixes `-1`, Python-Markdown `_1`). Targets:

- `github`: GitHub's ids, as the `github-slugger` 2.0.0 package computes them: lower case,
  punctuation such as `? ( ) ! $ & + [ ] ; /` dropped, `--` kept, Unicode letters kept;
- `mkdocs`: Python-Markdown's default `toc` slugify, as MkDocs uses it: also collapses
  `--` to `-` and drops non-ASCII letters;
- `pymdownx`: `pymdownx.slugs.slugify(case="lower")`.

The message says why the anchor fails (`"?" is dropped by GitHub`, `MkDocs collapses "--"`)
and names the heading it was meant for, or the nearest one.

## Why is this bad?
A generator that builds anchors with `re.sub(r'[,:.?"\']', ' ', title)` makes
`#medseg-r--reasoning-...` for `MedSeg-R: Reasoning ...`: it works on GitHub but leads
nowhere on an MkDocs site, and an anchor with `?` or `(` leads nowhere on GitHub either.

## Example
With `--target mkdocs`:
```markdown
[[TLDR/Notes](#medseg-r--reasoning-segmentation)]

## medseg-r--reasoning-segmentation
```
Use instead:
```markdown
[[TLDR/Notes](#medseg-r-reasoning-segmentation)]

## medseg-r-reasoning-segmentation
```

## Fix safety
When the heading the anchor was meant for gets the same id on every target, the fix points
the anchor at that id. When the targets disagree and the heading is itself a slug (no
spaces), the fix renames the heading and rewrites the anchor together, to a slug that every
target keeps as it is. It never renames a heading that another link also uses, nor a heading
written as a title. Both fixes are safe; note that links from other sites to the old id of a
renamed heading stop working.

When the anchor matches no heading at all and the message names the nearest one by
spelling, pointing the anchor there is an unsafe fix: it is a guess. Such a heading is never
renamed.

## Options
None.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from paperlint.context import Context
from paperlint.model import Heading, Span
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity
from paperlint.slugs import TARGET_LABELS, TARGETS, is_stable_slug, slugify

_IN_PAGE_LINK_RE = re.compile(r"\]\(#([^)\s]*)\)")
_WHITESPACE_RE = re.compile(r"\s")
_PUNCTUATION_RE = re.compile(r"[^\w-]")  # neither a letter, a digit, "_" nor "-"
# Every target, the most restrictive first (a new target must be placed here).
_STRICTNESS = tuple(sorted(TARGETS, key=("mkdocs", "pymdownx", "github").index))


def check(context: Context) -> Iterator[Finding]:
    anchors = context.anchors
    targets = context.settings.targets
    references: Counter[int] | None = None
    for entry in context.paper_list.entries:
        for link in entry.links:
            fragment = link.fragment
            if fragment is None:
                continue
            failing = [t for t in targets if not anchors.resolves(fragment, t)]
            if not failing:
                continue
            decoded = anchors.decode(fragment)
            heading = context.link_headings.get(link.start)
            intended = heading is not None
            if heading is None:
                heading = anchors.nearest(fragment)
            span = link.url_span
            fix = None
            if heading is not None:
                if references is None:
                    references = _references(context)
                fix = _fix(context, span, fragment, heading, references, intended=intended)
            for target in failing:
                message = _message(context, fragment, decoded, heading, intended, target)
                yield Finding(span, message, fix)


def _message(
    context: Context,
    fragment: str,
    decoded: str,
    heading: Heading | None,
    intended: bool,
    target: str,
) -> str:
    head = f'anchor "#{fragment}" does not resolve on {target}'
    if heading is None:
        return f"{head}: no heading has this id"
    heading_id = context.anchors.id_of(heading, target)
    if not intended:
        nearest = f'the nearest, on line {heading.line}, is "{heading_id}"'
        return f"{head}: no heading has this id; {nearest}"
    reasons = _reasons(decoded, heading_id, target)
    where = f'the heading on line {heading.line} gets the id "{heading_id}"'
    return f"{head}: {'; '.join(reasons) if reasons else 'the ids differ'}; {where}"


def _reasons(fragment: str, heading_id: str, target: str) -> list[str]:
    label = TARGET_LABELS[target]
    reasons = []
    dropped: list[str] = []
    if _PUNCTUATION_RE.search(fragment):  # most anchors are letters, digits and hyphens
        extra = set(fragment).difference(heading_id)
        dropped = sorted(c for c in extra if not c.isalnum() and c not in "-_")
    if dropped:
        listed = " ".join(f'"{char}"' for char in dropped)
        reasons.append(f"{listed} {'is' if len(dropped) == 1 else 'are'} dropped by {label}")
    if "--" in fragment and "--" not in heading_id:
        reasons.append(f'{label} collapses "--"')
    if fragment != fragment.lower() and heading_id == heading_id.lower():
        reasons.append(f"{label} ids are lower case")
    if (
        not fragment.isascii()
        and heading_id.isascii()
        and any(c.isalnum() for c in fragment if not c.isascii())
    ):
        reasons.append(f"{label} drops non-ASCII letters")
    return reasons


def _references(context: Context) -> Counter[int]:
    """How many in-page links of the whole file point at each heading (by text offset)."""
    anchors = context.anchors
    counts: Counter[int] = Counter()
    for match in _IN_PAGE_LINK_RE.finditer(context.document.masked):
        heading = anchors.intended(match.group(1))
        if heading is not None:
            counts[heading.start] += 1
    return counts


def _fix(
    context: Context,
    span: Span,
    fragment: str,
    heading: Heading,
    references: Counter[int],
    *,
    intended: bool,
) -> Fix | None:
    anchors = context.anchors
    targets = context.settings.targets
    ids = {anchors.id_of(heading, target) for target in targets}
    if len(ids) == 1:
        (common,) = ids
        if common and common != fragment:
            edit = Edit(span.start, span.end, f"#{common}")
            # A heading found only by its spelling is a guess: the curator must confirm it.
            applicability = Applicability.SAFE if intended else Applicability.UNSAFE
            return Fix(f'Point the anchor at "#{common}"', (edit,), applicability)
        return None
    if not intended:
        return None
    text = heading.text
    if _WHITESPACE_RE.search(text) or references[heading.start] > 1:
        return None
    slug = _stable_slug(context, text)
    if slug is None or _collides(context, slug, heading):
        return None
    edits = (
        Edit(span.start, span.end, f"#{slug}"),
        Edit(heading.start, heading.text_span.end, slug),
    )
    return Fix("Rename the heading and its anchor to a slug every target keeps", edits)


def _stable_slug(context: Context, text: str) -> str | None:
    """A slug that every target keeps unchanged as a heading's id."""
    tried: set[str] = set()
    # The most restrictive slugify first: its output usually passes the others unchanged.
    for source in _STRICTNESS:
        candidate = context.anchors.slug(text, source)
        if not candidate or candidate in tried:
            continue
        tried.add(candidate)
        if is_stable_slug(candidate) or all(
            slugify(candidate, target) == candidate for target in _STRICTNESS
        ):
            return candidate
    return None


def _collides(context: Context, slug: str, heading: Heading) -> bool:
    """Whether another heading already has ``slug`` as its id on some target."""
    anchors = context.anchors
    for target in context.settings.targets:
        others = anchors.id_counts(target)[slug] - (anchors.id_of(heading, target) == slug)
        if others > 0:
            return True
    return False


RULE = Rule.from_module(
    __doc__,
    code="PL301",
    name="unresolved-anchor",
    severity=Severity.ERROR,
    fixable=Fixability.SOMETIMES,
    check=check,
)
