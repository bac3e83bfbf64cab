r"""In-page link does not resolve to a heading or anchor on a target renderer

## What it does
Checks that every link into the same page resolves on each configured target renderer
(`--target`, default `github`): the entries' anchors (`[[TLDR/Notes](#anchor)]`), tables of
contents and other `[text](#anchor)` links, HTML `<a href="#anchor">` and reference
definitions (`[toc]: #anchor`). A fragment resolves when it equals the id that the target
gives some heading of the file (headings in block quotes too; duplicates included: GitHub
suffixes `-1`, Python-Markdown `_1`), or an HTML `id=`/`name=` anchor. On `github`,
fragments match case-insensitively, as GitHub resolves them, and `#top` goes to the top of
the page; on `mkdocs` and `pymdownx` they must match exactly. A `README.md#anchor` link to
the file itself is not checked yet. Targets:

- `github`: GitHub's ids, as the `github-slugger` 2.0.0 package computes them: lower case,
  punctuation such as `? ( ) ! $ & + [ ] ; /` dropped, `--` kept, Unicode letters kept;
- `mkdocs`: Python-Markdown's default `toc` slugify, as MkDocs uses it: also collapses
  `--` to `-` and drops non-ASCII letters;
- `pymdownx`: `pymdownx.slugs.slugify(case="lower")`.

The message says why the anchor fails (`"?" is dropped by GitHub`, `MkDocs collapses "--"`)
and names the heading it was meant for, or the nearest one (for an entry's anchor, the
nearest notes heading; for other links, the nearest heading of the file).

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
One finding per anchor names every target it fails on.

When the heading the anchor was meant for gets the same id on every target, the fix points
the anchor at that id. When the targets disagree and the heading is itself a slug (no
spaces), the fix renames the heading to a slug that every target keeps as it is, and
rewrites every in-page link of the file that points at it in the same edit, so no link is
left behind. Headings that share one text get distinct stable ids (`slug`, `slug-1`, ...,
as GitHub numbers them); when as many links as such headings all point at the first one,
the links are paired with the headings in order. A heading written as a title, or one
that an HTML `href` points at, is never renamed. These fixes are safe; note that links
from other sites to the old id of a renamed heading stop working.

When the anchor matches no heading at all and the message names the nearest one by
spelling, pointing the anchor there is an unsafe fix: it is a guess. It is never offered
for a heading that another link already points at, and such a heading is never renamed.

## Options
None.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from operator import attrgetter

from paperlint import lazy_re
from paperlint.context import Context
from paperlint.model import Heading, Span
from paperlint.rule import Applicability, Edit, Finding, Fix, Fixability, Rule, Severity, excerpt
from paperlint.slugs import TARGET_LABELS, TARGETS, is_stable_slug, slugify

_WHITESPACE_RE = lazy_re.compile(r"\s")
_SHOWN = 160  # anchors and ids are quoted whole (to be searched for), up to this length
_PUNCTUATION_RE = lazy_re.compile(r"[^\w-]")  # neither a letter, a digit, "_" nor "-"
# Every target, the most restrictive first (a new target must be placed here).
_STRICTNESS = tuple(sorted(TARGETS, key=("mkdocs", "pymdownx", "github").index))


def check(context: Context) -> Iterator[Finding]:
    anchors = context.anchors
    targets = context.settings.targets
    plan: _Plan | None = None
    for entry in context.paper_list.entries:
        for link in entry.links:
            fragment = link.fragment
            if fragment is None:
                continue
            failing = [t for t in targets if not anchors.resolves(fragment, t)]
            if not failing:
                continue
            if plan is None:
                plan = _Plan(context)
            heading = context.link_headings.get(link.start)
            yield _finding(context, plan, link.url_span, fragment, heading, failing)
    # Every other in-page link of the file: tables of contents, links in prose and notes,
    # HTML <a href="#...">, reference definitions.
    text = context.text
    for start, end in context.in_page_links:
        if end == start + 1:
            continue  # "#" alone goes nowhere on purpose or is an empty link: another rule's
        fragment = text[start + 1 : end]
        failing = [t for t in targets if not anchors.resolves(fragment, t)]
        if not failing:
            continue
        if plan is None:
            plan = _Plan(context)
        heading = anchors.intended(fragment)
        yield _finding(
            context, plan, Span(start, end), fragment, heading, failing, any_heading=True
        )


def _finding(
    context: Context,
    plan: _Plan,
    span: Span,
    fragment: str,
    heading: Heading | None,
    failing: list[str],
    *,
    any_heading: bool = False,
) -> Finding:
    """The finding for an anchor that fails on ``failing``; ``heading`` is the one it was
    written for, when known for sure. Entries' anchors are meant for notes headings; other
    links (a table of contents) for ``any_heading``."""
    anchors = context.anchors
    intended = heading is not None
    if heading is None:
        heading = anchors.nearest(fragment, any_heading=any_heading)
    fix = None if heading is None else plan.fix(span, fragment, heading, intended=intended)
    message = _message(context, fragment, anchors.decode(fragment), heading, intended, failing)
    return Finding(span, message, fix)


def _message(
    context: Context,
    fragment: str,
    decoded: str,
    heading: Heading | None,
    intended: bool,
    failing: list[str],
) -> str:
    head = f'anchor "#{excerpt(fragment, _SHOWN)}" does not resolve on {", ".join(failing)}'
    if heading is None:
        return f"{head}: no heading has this id"
    ids = {target: context.anchors.id_of(heading, target) for target in failing}
    if len(set(ids.values())) == 1:
        shown = f'"{excerpt(ids[failing[0]], _SHOWN)}"'
    else:
        shown = ", ".join(
            f'"{excerpt(id_, _SHOWN)}" on {TARGET_LABELS[t]}' for t, id_ in ids.items()
        )
    if not intended:
        return f"{head}: no heading has this id; the nearest, on line {heading.line}, is {shown}"
    # The same reason on several targets is said once, naming them all.
    reasons: dict[tuple[str, str], list[str]] = {}
    for target in failing:
        for reason in _reasons(decoded, ids[target]):
            reasons.setdefault(reason, []).append(TARGET_LABELS[target])
    said = "; ".join(_say(kind, detail, labels) for (kind, detail), labels in reasons.items())
    where = f"the heading on line {heading.line} gets the id {shown}"
    return f"{head}: {said or 'the ids differ'}; {where}"


def _reasons(fragment: str, heading_id: str) -> list[tuple[str, str]]:
    """Why an anchor differs from a heading's id: (kind, detail) pairs."""
    reasons: list[tuple[str, str]] = []
    if _PUNCTUATION_RE.search(fragment):  # most anchors are letters, digits and hyphens
        extra = set(fragment).difference(heading_id)
        dropped = sorted(c for c in extra if not c.isalnum() and c not in "-_")
        if dropped:
            listed = " ".join(f'"{char}"' for char in dropped[:8])
            reasons.append(("dropped", f"{listed} {'is' if len(dropped) == 1 else 'are'}"))
    if "--" in fragment and "--" not in heading_id:
        reasons.append(("collapses", ""))
    if fragment != fragment.lower() and heading_id == heading_id.lower():
        reasons.append(("lower", ""))
    if (
        not fragment.isascii()
        and heading_id.isascii()
        and any(c.isalnum() for c in fragment if not c.isascii())
    ):
        reasons.append(("non-ascii", ""))
    return reasons


def _say(kind: str, detail: str, labels: list[str]) -> str:
    names = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
    one = len(labels) == 1
    if kind == "dropped":
        return f"{detail} dropped by {names}"
    if kind == "collapses":
        if labels == ["GitHub"]:  # GitHub keeps "--": the heading's text has no such pair
            return 'the heading\'s id has "-" where the anchor has "--"'
        return f'{names} {"collapses" if one else "collapse"} "--"'
    if kind == "lower":
        return f"{names} ids are lower case"
    return f"{names} {'drops' if one else 'drop'} non-ASCII letters"


class _Plan:
    """The fixes of one file, decided together: which heading each in-page link points at,
    and the stable ids that headings get when the targets disagree on theirs."""

    def __init__(self, context: Context) -> None:
        self.context = context
        anchors = context.anchors
        # Every in-page link of the file: the offset of its "#" -> (end, heading index).
        # The entries' links come from the model; the others (in prose, tables of contents,
        # notes) from a scan of the text.
        self.references: dict[int, tuple[int, int | None]] = {}
        self.entry_references: set[int] = set()
        for entry in context.paper_list.entries:
            for link in entry.links:
                if link.fragment is None:
                    continue
                start = link.anchor_start
                heading = context.link_headings.get(link.start)
                end = start + 1 + len(link.fragment)
                self.references[start] = (end, None if heading is None else heading.index)
                self.entry_references.add(start)
        text = context.text
        for start, end in context.in_page_links:  # the other in-page links
            if start not in self.references:
                heading = anchors.intended(text[start + 1 : end])
                self.references[start] = (end, None if heading is None else heading.index)
        self.by_heading: defaultdict[int, list[int]] = defaultdict(list)
        for start, (_, index) in self.references.items():
            if index is not None:
                self.by_heading[index].append(start)
        # Headings that share a text with an earlier one, by text ("Abstract" under every
        # paper): most texts are unique, and a list per heading of a 20k list cost 4 MB.
        first: dict[str, int] = {}
        self.shared: dict[str, list[int]] = {}
        for heading in context.paper_list.headings:
            earlier = first.setdefault(heading.text, heading.index)
            if earlier != heading.index:
                self.shared.setdefault(heading.text, [earlier]).append(heading.index)
        self.first_with_text = first
        self.group_fixes: dict[str, tuple[Fix | None, Collection[int]]] = {}
        self.new_ids: set[str] = set()

    def fix(self, span: Span, fragment: str, heading: Heading, *, intended: bool) -> Fix | None:
        anchors = self.context.anchors
        ids = {anchors.id_of(heading, target) for target in self.context.settings.targets}
        if len(ids) == 1:
            (common,) = ids
            if not common or common == fragment:
                return None
            if not intended and self.by_heading.get(heading.index):
                return None  # a guess never takes a heading that another link points at
            edit = Edit(span.start, span.end, f"#{common}")
            # A heading found only by its spelling is a guess: the curator must confirm it.
            applicability = Applicability.SAFE if intended else Applicability.UNSAFE
            return Fix(f'Point the anchor at "#{common}"', (edit,), applicability)
        if not intended or _WHITESPACE_RE.search(heading.text):
            return None
        text = heading.text
        if text not in self.group_fixes:
            self.group_fixes[text] = self._group_fix(text)
        group_fix, covered = self.group_fixes[text]
        url = self.context.text[span.start : span.end]
        if span.start + len(url) - len(url.lstrip()) not in covered:
            return None  # the rename would leave this very link behind
        return group_fix

    def _group_fix(self, text: str) -> tuple[Fix | None, Collection[int]]:
        """Rename every heading with this text to a stable id, and every link to them."""
        context = self.context
        headings = context.paper_list.headings
        members = self.shared.get(text) or [self.first_with_text[text]]
        slug = _stable_slug(context, text)
        if slug is None:
            return None, ()
        if len(members) == 1:  # the usual case, without the pairing below
            return self._single_fix(members[0], slug)
        new_ids = [slug, *(f"{slug}-{number}" for number in range(1, len(members)))]
        for new_id in new_ids:
            if new_id in self.new_ids or _collides(context, new_id, members):
                return None, ()
        references = sorted(start for index in members for start in self.by_heading[index])
        target_of: dict[int, str] = {}
        first = members[0]
        if (
            len(members) > 1
            and len(references) == len(members)
            and all(self.references[start][1] == first for start in references)
            and all(start in self.entry_references for start in references)
        ):
            # As many entries' links as headings, all landing on the first: one note per
            # entry. (A link in prose or a table of contents keeps its heading.)
            target_of = dict(zip(references, new_ids, strict=True))
        else:
            position = {index: number for number, index in enumerate(members)}
            for start in references:
                index = self.references[start][1]
                assert index is not None
                target_of[start] = new_ids[position[index]]
        edits = [
            Edit(headings[index].start, headings[index].text_span.end, new_id)
            for index, new_id in zip(members, new_ids, strict=True)
            if headings[index].text != new_id
        ]
        for start, new_id in target_of.items():
            end = self.references[start][0]
            if context.text[start + 1 : end] != new_id:
                edits.append(Edit(start, end, f"#{new_id}"))
        self.new_ids.update(new_ids)
        title = "Rename the heading and its anchors to a slug every target keeps"
        fix = Fix(title, tuple(sorted(edits, key=lambda edit: edit.start)))
        return fix, frozenset(target_of)

    def _single_fix(self, index: int, slug: str) -> tuple[Fix | None, Collection[int]]:
        """``_group_fix`` for a heading whose text no other heading has."""
        context = self.context
        heading = context.paper_list.headings[index]
        if slug in self.new_ids or _collides(context, slug, [index]):
            return None, ()
        references = self.by_heading[index]
        edits = []
        if heading.text != slug:
            edits.append(Edit(heading.start, heading.text_span.end, slug))
        text = context.text
        for start in references:
            end = self.references[start][0]
            if text[start + 1 : end] != slug:
                edits.append(Edit(start, end, f"#{slug}"))
        self.new_ids.add(slug)
        edits.sort(key=_EDIT_START)
        title = "Rename the heading and its anchors to a slug every target keeps"
        return Fix(title, tuple(edits)), references  # one or two links: a list is enough


_EDIT_START = attrgetter("start")


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


def _collides(context: Context, slug: str, members: list[int]) -> bool:
    """Whether a heading other than ``members`` has ``slug`` as its id on some target."""
    anchors = context.anchors
    headings = context.paper_list.headings
    for target in context.settings.targets:
        own = sum(anchors.id_of(headings[index], target) == slug for index in members)
        if anchors.id_counts(target)[slug] - own > 0:
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
