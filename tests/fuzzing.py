"""Mutational fuzzing of the linter and fixer: the inputs and the invariants.

Shared by the short deterministic run in the test suite (tests/test_fuzz.py) and the long
run (tools/fuzz.py). Inputs are slices of the real lists in tests/data/ (the generator's
corpus and the sixteen lists in other formats), mutated with what breaks Markdown parsers:
brackets, parentheses, emphasis markers, backtick runs, fences, HTML comments, setext
underlines, mixed line endings, a byte order mark, NUL bytes, invalid UTF-8 and long lines.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from paperlint.document import DecodeError, Document
from paperlint.engine import applicable, fix_document, lint_document
from paperlint.files import encode
from paperlint.rule import Edit
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

DATA = Path(__file__).parent / "data"
SOURCES = [
    path.read_bytes().decode("utf-8")
    for folder in ("corpus", "formats")
    for path in sorted((DATA / folder).glob("*.md"))
    if not path.name.startswith("SOURCE-")
]
ALL_TARGETS = Settings(targets=TARGETS)

FRAGMENTS = [
    "[", "]", "(", ")", "[[", "]]", "](", ")]", "](#", "[]()", "[[Paper]()]", "![x](",
    "*", "**", "_", "__", "***", "`", "``", "```", "\\", "\\`", "<", ">", "&amp;", "&#",
    "\n```\n", "\n~~~\n", "\n    ", "\t", "<!--", "-->", "<!-- paperlint-disable -->",
    "<!-- paperlint-disable-next-line PL301 -->\n", "\n---\n", "\n===\n", "---", "\n",
    "\r", "\r\n", "\ufeff", "#", "## ", "\n# TLDR/Notes\n", "\n## a--b\n", "- ", "1. ",
    "- [25/06] ", "[YY/MM]", "[2024/13]", "| a | b |\n|---|---|\n", "<br>", " \\\n",
    "<a href=\"#x\">", "<a name=\"x\"></a>", "http://arxiv.org/abs/2506.0963v1",
    "https://github.com/o/r.", "}{\\underline{", "javascript:", "www.example.com",
    "ðŸŒŸ", "â€”", "论文", "🌟", "\u00a0", "\u200b", "?", "!", ".", ",", "--", "$x^2$",
]  # fmt: skip


def mutate(rng: random.Random, source: str) -> bytes:
    """A mutated slice of a source list, as the bytes of a file."""
    lines = source.splitlines(keepends=True)
    start = rng.randrange(max(1, len(lines)))
    text = "".join(lines[start : start + rng.randint(1, 60)])
    for _ in range(rng.randint(0, 10)):
        position = rng.randint(0, len(text))
        action = rng.random()
        if action < 0.5:
            text = text[:position] + rng.choice(FRAGMENTS) + text[position:]
        elif action < 0.65:
            text = text[:position] + text[position + rng.randint(1, 20) :]
        elif action < 0.75:
            run = rng.choice("`*_[(<#-=~>|\\ ") * rng.randint(2, 400)
            text = text[:position] + run + text[position:]
        elif action < 0.85:
            line_start = text.rfind("\n", 0, position) + 1
            line_end = text.find("\n", position)
            line_end = len(text) if line_end < 0 else line_end + 1
            text = text[:line_end] + text[line_start:line_end] + text[line_end:]
        elif action < 0.9:
            newline = rng.choice(["\r\n", "\r", "\n"])
            text = text.replace("\r\n", "\n").replace("\n", newline)
        else:
            other = rng.choice(SOURCES)
            offset = rng.randint(0, len(other))
            text = text[:position] + other[offset : offset + rng.randint(1, 400)] + text[position:]
    data = text.encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.05:
        data = b"\xef\xbb\xbf" + data
    elif roll < 0.07:
        data = data[: len(data) // 2] + b"\x00" + data[len(data) // 2 :]
    elif roll < 0.09:
        data = data[: len(data) // 2] + b"\xff" + data[len(data) // 2 :]
    return data


@dataclass
class Outcome:
    """What one input did: refused as not a text, or its problems (empty when sound)."""

    refused: bool = False
    problems: list[str] = field(default_factory=list)


def _line_endings(text: str) -> list[str]:
    endings = []
    index = 0
    while True:
        cr = text.find("\r", index)
        lf = text.find("\n", index)
        if cr < 0 and lf < 0:
            return endings
        if cr >= 0 and (lf < 0 or cr < lf):
            ending = "\r\n" if text.startswith("\r\n", cr) else "\r"
            endings.append(ending)
            index = cr + len(ending)
        else:
            endings.append("\n")
            index = lf + 1


def changed_only_where_reported(original: str, result: str, edits: list[Edit]) -> bool:
    """Whether ``result`` keeps, in order, every piece of ``original`` that lies outside
    the reported edits (so any change is confined to what the report showed)."""
    untouched = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start >= position:
            untouched.append(original[position : edit.start])
        position = max(position, edit.end)
    untouched.append(original[position:])
    remainder = result
    for piece in untouched:
        index = remainder.find(piece)
        if index < 0:
            return False
        remainder = remainder[index + len(piece) :]
    return True


def check(data: bytes) -> Outcome:
    """Lint and fix (safe and unsafe, every target) and check every promise of the fixer."""
    outcome = Outcome()
    try:
        document = Document.from_bytes(data)
    except DecodeError:
        outcome.refused = True
        return outcome
    try:
        inventory = document.links
        for link in inventory.links:
            if not 0 <= link.start < link.end <= len(document.text):
                outcome.problems.append(f"link out of range: {link}")
        findings = lint_document(document, ALL_TARGETS)
        reported = [e for d in findings if applicable(d, unsafe=True) for e in d.fix.edits]  # type: ignore[union-attr]
        result = fix_document(document, ALL_TARGETS, unsafe=True)
        fixed = Document(result.text, bom=document.bom)
        output = encode(fixed)
        again = fix_document(Document.from_bytes(output), ALL_TARGETS, unsafe=True)
    except Exception as error:
        outcome.problems.append(f"crash: {type(error).__name__}: {error}")
        return outcome
    problems = outcome.problems
    left = [d for d in result.remaining if applicable(d, unsafe=True)]
    if left:
        problems.append(f"fixable finding left: {left[0].code} {left[0].message}")
    if again.text != result.text:
        problems.append("a second run changes the text")
    if not changed_only_where_reported(document.text, result.text, reported):
        problems.append("text outside the reported edits changed")
    if output.startswith(b"\xef\xbb\xbf") != data.startswith(b"\xef\xbb\xbf"):
        problems.append("byte order mark not kept")
    if _line_endings(result.text) != _line_endings(document.text):
        problems.append("line endings not kept")
    return outcome
