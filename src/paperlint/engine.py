"""Run the rules over a paper list, check what they report, and apply their fixes."""

from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from itertools import pairwise
from operator import attrgetter, itemgetter

from paperlint.context import Context
from paperlint.document import Document
from paperlint.model import PaperList, Span
from paperlint.parse import parse
from paperlint.record import NamedTuple, Record, python_class
from paperlint.rule import Applicability, Edit, Finding, Fix, Rule, Severity
from paperlint.rules import pl901_unused_suppression, select_rules
from paperlint.settings import Settings
from paperlint.suppress import Suppressions

__all__ = [
    "Diagnostic",
    "FixResult",
    "FixRun",
    "InternalRuleError",
    "fix_and_keep",
    "fix_document",
    "lint_document",
    "lint_paper_list",
]

_MAX_FIX_PASSES = 10


@python_class
class InternalRuleError(RuntimeError):
    """A rule reported something impossible: a bug in paperlint, not in the input."""


class Diagnostic(Record):
    """A finding placed in its file: 1-based positions, the end exclusive. Read-only by
    convention (not frozen, to be cheap to make: see paperlint.model)."""

    __slots__ = (
        "column",
        "end",
        "end_column",
        "end_line",
        "fix",
        "line",
        "message",
        "rule",
        "severity",
        "start",
    )

    rule: Rule
    severity: Severity
    start: int
    """Character offset of the start in the text."""
    end: int
    """Character offset just past the end."""
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Fix | None

    def __init__(
        self,
        rule: Rule,
        severity: Severity,
        start: int,
        end: int,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        message: str,
        fix: Fix | None,
    ) -> None:
        self.rule = rule
        self.severity = severity
        self.start = start
        self.end = end
        self.line = line
        self.column = column
        self.end_line = end_line
        self.end_column = end_column
        self.message = message
        self.fix = fix

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def name(self) -> str:
        return self.rule.name


def lint_document(document: Document, settings: Settings | None = None) -> list[Diagnostic]:
    """Every finding of the selected rules, sorted by position then code."""
    chosen = settings or Settings()
    paper_list = parse(document, format=chosen.format, labels=chosen.labels, columns=chosen.columns)
    return lint_paper_list(paper_list, settings)


def lint_paper_list(paper_list: PaperList, settings: Settings | None = None) -> list[Diagnostic]:
    """``lint_document`` for a document already parsed (by a caller that needs the model
    too, such as the MkDocs plugin)."""
    # Linting allocates many small objects and no reference cycles: pausing the cyclic
    # garbage collector keeps it from rescanning the whole model again and again.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _lint(paper_list, settings or Settings())
    finally:
        if paused:
            gc.enable()


def _lint(paper_list: PaperList, settings: Settings) -> list[Diagnostic]:
    document = paper_list.document
    context = Context(paper_list, settings)
    rules = select_rules(settings.select, settings.ignore)
    suppressions = None
    if document.comments:
        entry_lines = {
            document.line_of(entry.span.start): document.line_of(entry.span.end)
            for entry in context.paper_list.entries
        }
        suppressions = Suppressions(document, entry_lines)
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        severity = settings.severities.get(rule.code, rule.severity)
        for finding in rule.check(context):
            _validate(rule, finding, document)
            diagnostics.append(_place(rule, severity, finding, document))
    if suppressions is not None:
        kept = suppressions.kept(diagnostics)
        diagnostics = [d for d, keep in zip(diagnostics, kept, strict=True) if keep]
    unused_rule = pl901_unused_suppression.RULE
    if suppressions is not None and unused_rule in rules:
        enabled = {rule.code for rule in rules}
        severity = settings.severities.get(unused_rule.code, unused_rule.severity)
        for finding in pl901_unused_suppression.unused(suppressions, enabled):
            diagnostics.append(_place(unused_rule, severity, finding, document))
    # By (start, end, code, message), in stable passes from the least significant key: no
    # key tuple is made per finding (a large list has tens of thousands).
    diagnostics.sort(key=attrgetter("message"))
    diagnostics.sort(key=attrgetter("rule.code"))
    diagnostics.sort(key=attrgetter("end"))
    diagnostics.sort(key=attrgetter("start"))
    return diagnostics


def _validate(rule: Rule, finding: Finding, document: Document) -> None:
    size = len(document.text)
    problem = None
    span = finding.span
    message = finding.message
    if not 0 <= span.start <= span.end <= size:
        problem = f"span {span} outside 0..{size}"
    elif not message or message[-1] == "." or "\n" in message:
        problem = f"message {message!r} is empty, multi-line or ends with a period"
    elif finding.fix is not None:
        edits = finding.fix.edits
        if len(edits) > 1:
            edits = tuple(sorted(edits, key=lambda edit: edit.start))
        for edit in edits:
            if not 0 <= edit.start <= edit.end <= size:
                problem = f"edit {edit} outside 0..{size}"
        for before, after in pairwise(edits):
            if before.end > after.start:
                problem = f"edits {before} and {after} overlap"
    if problem:
        raise InternalRuleError(f"{rule.code} ({rule.name}): {problem}")


def _place(rule: Rule, severity: Severity, finding: Finding, document: Document) -> Diagnostic:
    span = finding.span
    line, column = document.position(span.start)
    if span.end <= document.line_ends[line - 1]:  # most findings end on their first line
        end_line, end_column = line, column + span.end - span.start
    else:
        end_line, end_column = document.position(span.end)
    return Diagnostic(
        rule,
        severity,
        span.start,
        span.end,
        line,
        column,
        end_line,
        end_column,
        finding.message,
        finding.fix,
    )


# -- fixing --------------------------------------------------------------------------------


class FixResult(NamedTuple):
    text: str
    """The fixed text (the input when nothing applied)."""
    fixed: int
    """How many findings had their fix applied."""
    remaining: list[Diagnostic]
    """The findings of the fixed text."""

    def changed(self, original: str) -> bool:
        return self.text != original


def applicable(diagnostic: Diagnostic, *, unsafe: bool) -> bool:
    fix = diagnostic.fix
    if fix is None:
        return False
    return unsafe or fix.applicability is Applicability.SAFE


def fix_document(
    document: Document, settings: Settings | None = None, *, unsafe: bool = False
) -> FixResult:
    """Apply fixes until none applies (at most a few passes), re-linting after each pass.

    Within a pass, fixes are taken in order of position and code; a fix whose edits overlap
    an edit already taken waits for the next pass, where it is recomputed on the new text.
    Identical fixes reported by several findings (or several targets) are applied once and
    count for each finding.

    Only what the first lint reported is changed: a later pass applies a fix only where
    every edit lies within the text that the first report's fixes cover (followed through
    the edits made since). A finding that appears only because of an earlier fix is left
    for the user to see, never applied unseen.
    """
    return fix_and_keep(document, settings, unsafe=unsafe).result


class FixRun(NamedTuple):
    """A fix run with what it built on the way, for the command line: the fixed text's
    ``Document`` (to write and report) and the findings of the text as given (what
    ``--diff`` reports), so that neither is made twice (0.08 s and a whole lint, 1.5 s, on
    the 20k bench list)."""

    result: FixResult
    document: Document
    """The fixed text's document (the one given, when nothing was fixed)."""
    found: list[Diagnostic]
    """The first lint's findings: those of the text as given."""


def fix_and_keep(
    document: Document, settings: Settings | None = None, *, unsafe: bool = False
) -> FixRun:
    """``fix_document``, with the documents and findings it built (``FixRun``)."""
    settings = settings or Settings()
    fixed = 0
    diagnostics = found = lint_document(document, settings)
    allowed: list[tuple[int, int]] | None = None  # the reported regions, as they move
    for _ in range(_MAX_FIX_PASSES):
        candidates = [d for d in diagnostics if applicable(d, unsafe=unsafe)]
        if allowed is None:
            allowed = _regions(edit for d in candidates for edit in d.fix.edits)  # type: ignore[union-attr]
        else:
            candidates = [d for d in candidates if _within(d.fix.edits, allowed)]  # type: ignore[union-attr]
        if not candidates:
            break
        edits, count = _choose(candidates)
        if not edits:
            break
        text = _apply(document.text, edits)
        if text == document.text:
            break
        fixed += count
        allowed = _moved(allowed, edits)
        document = Document(text, bom=document.bom)
        diagnostics = lint_document(document, settings)
    return FixRun(FixResult(document.text, fixed, diagnostics), document, found)


def _regions(edits: Iterable[Edit]) -> list[tuple[int, int]]:
    """The spans of edits merged into sorted, disjoint regions (touching ones joined)."""
    regions: list[tuple[int, int]] = []
    for start, end in sorted((edit.start, edit.end) for edit in edits):
        if regions and start <= regions[-1][1]:
            if end > regions[-1][1]:
                regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    return regions


def _within(edits: Sequence[Edit], regions: list[tuple[int, int]]) -> bool:
    """Whether every edit lies inside one region (its ends included)."""
    for edit in edits:
        index = bisect_right(regions, edit.start, key=_FIRST) - 1
        if index < 0 or edit.end > regions[index][1]:
            return False
    return True


def _moved(regions: list[tuple[int, int]], edits: list[Edit]) -> list[tuple[int, int]]:
    """The regions after applying edits that each lie inside one of them."""
    moved: list[tuple[int, int]] = []
    shift = 0
    pending = sorted(edits, key=_POSITION)
    at = 0
    for start, end in regions:
        growth = 0
        while at < len(pending) and pending[at].start <= end:
            edit = pending[at]
            growth += len(edit.content) - (edit.end - edit.start)
            at += 1
        moved.append((start + shift, end + shift + growth))
        shift += growth
    return moved


_FIRST = itemgetter(0)


def _choose(candidates: Sequence[Diagnostic]) -> tuple[list[Edit], int]:
    taken = _TakenEdits()
    taken_sets: set[tuple[Edit, ...]] = set()
    count = 0
    ordered = sorted(candidates, key=lambda d: (min(e.start for e in d.fix.edits), d.code))  # type: ignore[union-attr]
    for diagnostic in ordered:
        assert diagnostic.fix is not None
        edits = tuple(sorted(diagnostic.fix.edits, key=lambda e: (e.start, e.end)))
        if edits in taken_sets:
            count += 1
            continue
        if any(taken.overlaps(edit) for edit in edits):
            continue
        for edit in edits:
            taken.add(edit)
        taken_sets.add(edits)
        count += 1
    return taken.edits, count


class _TakenEdits:
    """The edits chosen so far in a pass, sorted, answering "does this one overlap any?"
    in logarithmic time (a list of 100,000 entries has tens of thousands of fixes).

    Taken edits never overlap one another, so sorted by (start, end) their ends never
    decrease either: only the neighbours of a new edit's position need a look.
    """

    def __init__(self) -> None:
        self.edits: list[Edit] = []

    def overlaps(self, edit: Edit) -> bool:
        edits = self.edits
        index = bisect_left(edits, edit.start, key=_START)
        before = index - 1
        while before >= 0 and edits[before].end > edit.start:
            if _overlaps(edit, edits[before]):
                return True
            before -= 1
        after = index
        while after < len(edits) and edits[after].start <= edit.end:
            if _overlaps(edit, edits[after]):
                return True
            after += 1
        return False

    def add(self, edit: Edit) -> None:
        insort(self.edits, edit, key=_POSITION)


_START = attrgetter("start")
_POSITION = attrgetter("start", "end")


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.start == a.end == b.start == b.end:
        return True  # two insertions at one place: order would be ambiguous
    return (a.start < b.end and b.start < a.end) or (a.start == b.start and a.end == b.end)


def _apply(text: str, edits: Iterable[Edit]) -> str:
    pieces: list[str] = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[position : edit.start])
        pieces.append(edit.content)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)
