"""Decoding, line tables, positions and hidden regions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from paperlint.document import CODE_FILLER, DecodeError, Document


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
    document = Document("<!-- open\n\n## x\n")
    assert document.masked.strip() == ""
    assert not document.comments[0].closed


def test_an_inline_comment_closes_in_its_paragraph_or_is_text() -> None:
    # As in CommonMark: "<!--" inside a paragraph with no "-->" before the paragraph ends
    # is literal text, and the heading after it is a heading.
    document = Document("a <!-- open\n## x\n")
    assert document.masked == document.text
    assert document.comments == []


def test_inline_code_spans_are_masked_not_blanked() -> None:
    text = "A `ðŸŒŸ è®º` and ``a ` b`` and `` ` `` end\n`open only\n"
    document = Document(text)
    masked = document.masked
    assert len(masked) == len(text)
    assert "ðŸŒŸ" not in masked and "a ` b" not in masked
    assert masked.startswith("A " + CODE_FILLER * len("`ðŸŒŸ è®º`") + " and ")
    assert masked.endswith(" end\n`open only\n")  # an unmatched run is literal


def test_a_code_span_spans_the_lines_of_its_paragraph_only() -> None:
    document = Document("text `one\ntwo` more\n\n`three\n\nfour`\n")
    masked = document.masked
    assert "one" not in masked and "two" not in masked
    assert "three" in masked and "four" in masked


def test_escaped_backtick_does_not_open_code() -> None:
    document = Document("\\`not code and `code`\n")
    assert "not code" in document.masked
    assert document.masked.endswith(" and " + CODE_FILLER * 6 + "\n")


def test_comments_inside_code_are_not_comments_and_code_inside_comments_is_hidden() -> None:
    document = Document("`<!-- paperlint-disable -->` <!-- `real` -->\n")
    (comment,) = document.comments
    assert comment.body == " `real` "


def test_indented_code_blocks_are_masked_but_list_continuations_are_not() -> None:
    text = (
        "para\n"
        "    continues the paragraph\n"
        "\n"
        "    indented code ðŸŒŸ\n"
        "\n"
        "- [2024/10] **Title**\n"
        "    [Paper](http://arxiv.org/pdf/2410.06555v1)\n"
        "\n"
        "  still in the item\n"
        "\n"
        "      code in the item\n"
    )
    masked = Document(text).masked
    assert "continues the paragraph" in masked
    assert "indented code" not in masked
    assert "[Paper](http" in masked
    assert "still in the item" in masked
    assert "code in the item" not in masked


def test_masking_is_linear_on_pathological_lines() -> None:
    # Many unmatched backtick runs of different lengths, and many comment openers.
    text = "".join("`" * (n % 50 + 1) + " x " for n in range(20_000)) + "<!--" * 20_000
    document = Document(text)
    assert len(document.masked) == len(text)


def test_backtick_fence_with_backtick_in_info_is_not_a_fence() -> None:
    document = Document("``` a`b\n## heading\n")
    assert "## heading" in document.masked


@pytest.mark.parametrize(
    ("text", "hidden", "shown"),
    [
        # A four-space-indented "```" under a paragraph continues it: no fence opens.
        ("Some text\n    ```\n[a](#x)\n", [], ["[a](#x)"]),
        # A four-space-indented "```" inside a fence does not close it.
        ("```\n    ```\n[a](#x)\n```\n", ["[a](#x)"], []),
        # A fence opened on a list item's line, closed in the item.
        ("1. ```\n   code [a](#x)\n   ```\n- [b](#y)\n", ["code"], ["[b](#y)"]),
        # A tab after spaces makes an indented code block too.
        ("Para\n\n  \tcode [x](#y)\n", ["code"], []),
        # A fence in a block quote, and one that ends with the quote.
        ("> ~~~\n> [[TLDR/Notes](#a--b)]\n> ~~~\nafter\n", ["TLDR"], ["after"]),
        ("> ~~~\n> inside\nnot quoted\n", ["inside"], ["not quoted"]),
        # An unclosed fence in a list item ends with the item.
        ("- item\n  ```\n  code\nnot in the item\n", ["code"], ["not in the item"]),
        # A heading (never a lazy continuation) ends the list: the fence after it is the
        # page's, and closes where it closes.
        ("3.\n## h\n```\ncode\n```\nafter\n", ["code"], ["after"]),
        ("- item\n```\ncode\n```\nafter\n", ["code"], ["after"]),
    ],
)
def test_fences_follow_block_structure(text: str, hidden: list[str], shown: list[str]) -> None:
    masked = Document(text).masked
    assert len(masked) == len(text)
    for part in hidden:
        assert part not in masked
    for part in shown:
        assert part in masked


def _code_spans(text: str) -> list[str]:
    """The contents of the code spans ``Document.masked`` hides, as CommonMark gives them."""
    masked = Document(text).masked
    spans: list[str] = []
    position = masked.find(CODE_FILLER)
    while position >= 0:
        end = position
        while end < len(masked) and masked[end] == CODE_FILLER:
            end += 1
        raw = text[position:end]
        fence = len(raw) - len(raw.lstrip("`"))
        body = raw[fence : len(raw) - fence]
        if body.startswith(" ") and body.endswith(" ") and body.strip(" "):
            body = body[1:-1]
        spans.append(body)
        position = masked.find(CODE_FILLER, end)
    return spans


_COMMONMARK = MarkdownIt("commonmark")
_INLINE_PIECES = ["`", "``", "\\", "[", "]", "(", ")", "!", '"', "<", ">", " ", "a", "x.org/"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_INLINE_PIECES), max_size=16).map("".join))
def test_code_spans_are_the_ones_commonmark_finds(text: str) -> None:
    # Backticks, escapes, links and their destinations in one paragraph: an inline link's
    # destination takes the backticks in it ("[pdf](https://x.org/a`b)"), as in CommonMark.
    text = "a" + text  # a paragraph's text, never a block's marker
    tokens = _COMMONMARK.parseInline(text)[0].children or []
    assert _code_spans(text) == [t.content for t in tokens if t.type == "code_inline"]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("[pdf](https://x.org/a`b) and `c`", ["c"]),  # the link takes the first backtick
        ("[a](x`y z` more", ["y z"]),  # no link (a blank in the destination): code
        ("`[a](b`c)`", ["[a](b"]),  # the code span opens first
        ('[a](x "t`") `z`', ["z"]),  # a title's backtick too
        ("x](a`b) `c`", ["b) "]),  # no "[": no link
    ],
)
def test_a_link_destination_takes_its_backticks(text: str, spans: list[str]) -> None:
    assert _code_spans(text) == spans
