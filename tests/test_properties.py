"""Property-based tests over mutations of the corpus: no crash, findings in range, fixes
idempotent and confined to their spans, CRLF and BOM variants fixed like their LF form."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuzzing import changed_only_where_reported
from paperlint.document import Document
from paperlint.engine import _overlaps, _TakenEdits, applicable, fix_document, lint_document
from paperlint.rule import Edit
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

from conftest import CORPUS_LISTS

ALL = Settings(targets=TARGETS)
SOURCES = [path.read_bytes().decode("utf-8") for path in CORPUS_LISTS]
FRAGMENTS = [
    "**",
    "[[",
    "](",
    ")]",
    ")",
    "(",
    "[",
    "]",
    "#",
    "## ",
    "# TLDR/Notes\n",
    "- [25/06] ",
    "[YY/MM]",
    "[25/00]",
    "```\n",
    "~~~\n",
    "<!--",
    "-->",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    ".",
    ",",
    "}{",
    "\\href",
    "$",
    "javascript:",
    "http://arxiv.org/pdf/2506.0963v1",
    "â€”",
    "ðŸŒŸ",
    "è®º",
    "\u00a0",
    "\ufeff",
    "论文",
    "🌟",
    "--",
    "?",
    "!",
]


@st.composite
def mutated_lists(draw: st.DrawFn) -> str:
    source = draw(st.sampled_from(SOURCES))
    lines = source.splitlines(keepends=True)
    start = draw(st.integers(0, max(0, len(lines) - 1)))
    size = draw(st.integers(1, 80))
    text = "".join(lines[start : start + size])
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(FRAGMENTS)) + text[position:]
        elif action == "delete":
            length = draw(st.integers(1, 12))
            text = text[:position] + text[position + length :]
        else:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end + 1
            text = text[:line_end] + text[line_start:line_end] + text[line_end:]
    return text


PROPERTY_SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(mutated_lists())
def test_findings_are_in_range_and_positions_consistent(text: str) -> None:
    document = Document(text)
    for d in lint_document(document, ALL):
        assert 0 <= d.span.start <= d.span.end <= len(text)
        assert (d.line, d.column) == document.position(d.span.start)
        assert (d.end_line, d.end_column) == document.position(d.span.end)
        assert d.line >= 1 and d.column >= 1
        assert d.message and not d.message.endswith(".")
        if d.fix is not None:
            for edit in d.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)
                assert "\ufffd" not in edit.content


@PROPERTY_SETTINGS
@given(mutated_lists(), st.booleans())
def test_fix_is_idempotent_and_leaves_nothing_fixable(text: str, unsafe: bool) -> None:
    once = fix_document(Document(text), ALL, unsafe=unsafe)
    twice = fix_document(Document(once.text), ALL, unsafe=unsafe)
    assert twice.text == once.text
    assert [d for d in once.remaining if applicable(d, unsafe=unsafe)] == []


# Found by seed 4 of the random profile before the fix loop kept to the report: a heading
# renamed in the first pass made a second pass guess a "nearest heading" nobody was shown.
_RENAMED_HEADING_THEN_GUESS = (
    "- [25/06] **Doctor Approved: Skin Images through AI-Expert Feedback**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.12323v1)] [[Code/Page]()] "
    "[[TLDR/Notes](#- [25/06] doctor-approved--skin-images-through-ai-expert-feedback)]\n"
    "[[Paper](http://arxiv.org/pdf/2506.12323v1)] [[Code/Page]()] "
    "[[TLDR/Notes](#doctor-approved--skin-images-through-ai-expert-feedback)]\n\n"
    "# TLDR/Notes\n"
    "## doctor-approved--skin-images-through-ai-expert-feedback\n"
)


@PROPERTY_SETTINGS
@given(mutated_lists())
@example(_RENAMED_HEADING_THEN_GUESS)
def test_fix_changes_only_reported_spans(text: str) -> None:
    document = Document(text)
    diagnostics = lint_document(document, ALL)
    edits = [e for d in diagnostics if applicable(d, unsafe=True) for e in d.fix.edits]  # type: ignore[union-attr]
    result = fix_document(document, ALL, unsafe=True)
    assert changed_only_where_reported(text, result.text, edits)


@PROPERTY_SETTINGS
@given(mutated_lists(), st.booleans())
def test_crlf_and_bom_variants_fix_like_lf(text: str, unsafe: bool) -> None:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lf = fix_document(Document(text), ALL, unsafe=unsafe)
    crlf_document = Document.from_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    crlf = fix_document(crlf_document, ALL, unsafe=unsafe)
    assert crlf.text == lf.text.replace("\n", "\r\n")
    assert [(d.line, d.column, d.code) for d in crlf.remaining] == [
        (d.line, d.column, d.code) for d in lf.remaining
    ]


def test_every_corpus_file_crlf_and_bom_fixed_like_lf() -> None:
    for source in SOURCES:
        lf = fix_document(Document(source), ALL, unsafe=True)
        crlf = fix_document(
            Document.from_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode()),
            ALL,
            unsafe=True,
        )
        assert crlf.text == lf.text.replace("\n", "\r\n")


# -- choosing non-overlapping edits ---------------------------------------------------------

_edit_ranges = st.tuples(st.integers(0, 40), st.integers(0, 6)).map(
    lambda start_length: Edit(start_length[0], start_length[0] + start_length[1], "x")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_edit_ranges, max_size=30))
def test_taken_edits_answer_like_a_scan_of_every_edit(edits: list[Edit]) -> None:
    # The sorted structure that keeps --fix linear must agree with the plain definition.
    taken = _TakenEdits()
    chosen: list[Edit] = []
    for edit in edits:
        expected = any(_overlaps(edit, other) for other in chosen)
        assert taken.overlaps(edit) is expected
        if not expected:
            taken.add(edit)
            chosen.append(edit)
    assert sorted(taken.edits, key=lambda e: (e.start, e.end)) == sorted(
        chosen, key=lambda e: (e.start, e.end)
    )
