"""Decoding, line tables, positions and hidden regions."""

from __future__ import annotations

import pytest

from paperlint.document import DecodeError, Document


def test_positions_are_one_based_and_count_code_points() -> None:
    document = Document("ab\n论文🌟x\n")
    assert document.position(0) == (1, 1)
    assert document.position(3) == (2, 1)
    assert document.position(document.text.index("x")) == (2, 4)
    assert document.position(len(document.text)) == (3, 1)
    assert document.offset(2, 4) == document.text.index("x")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    document = Document(f"one{newline}two{newline}three")
    assert document.line_count == 3
    assert [document.line(n) for n in (1, 2, 3)] == ["one", "two", "three"]
    assert document.position(document.text.index("two")) == (2, 1)


def test_mixed_line_endings_and_newline_choice() -> None:
    document = Document("a\r\nb\nc\r\nd")
    assert [document.line(n) for n in range(1, 5)] == ["a", "b", "c", "d"]
    assert document.newline() == "\r\n"


def test_bom_is_remembered_and_not_part_of_the_text() -> None:
    document = Document.from_bytes(b"\xef\xbb\xbf# Title\n")
    assert document.bom
    assert document.text == "# Title\n"
    assert document.position(2) == (1, 3)


def test_binary_and_non_utf8_input_are_clear_errors() -> None:
    with pytest.raises(DecodeError, match="binary file"):
        Document.from_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(DecodeError, match=r"not valid UTF-8 \(byte 0xe9 on line 2\)"):
        Document.from_bytes(b"# ok\ncaf\xe9\n")


def test_fenced_code_and_comments_are_masked_with_offsets_kept() -> None:
    text = (
        "before\n"
        "```markdown\n"
        "- [25/06] **Inside a fence**\n"
        "```\n"
        "<!-- a comment\n"
        "## not a heading -->after\n"
        "~~~~\n"
        "~~~\n"
        "still fenced\n"
        "~~~~\n"
        "end"
    )
    document = Document(text)
    masked = document.masked
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    assert "Inside" not in masked
    assert "not a heading" not in masked
    assert "after" in masked
    assert "still fenced" not in masked
    assert masked.startswith("before\n") and masked.endswith("end")
    (comment,) = document.comments
    assert comment.body == " a comment\n## not a heading "
    assert comment.closed


def test_unclosed_fence_and_comment_run_to_the_end() -> None:
    assert Document("```\n## x\n").masked.strip() == ""
    document = Document("a <!-- open\n## x\n")
    assert document.masked.strip() == "a"
    assert not document.comments[0].closed


def test_backtick_fence_with_backtick_in_info_is_not_a_fence() -> None:
    document = Document("``` a`b\n## heading\n")
    assert "## heading" in document.masked
