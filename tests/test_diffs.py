"""Unified diffs (``--diff``, ``add --dry-run``): what difflib writes for a change made line
for line, without difflib's search (which took minutes on a large list), and always a diff
that turns the old text into the new one."""

from __future__ import annotations

import difflib
import random
import re

import pytest

from paperlint.diffs import unified_diff

_HUNK_RE = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@\n")
_NO_NEWLINE = "\n\\ No newline at end of file\n"


def _difflib(path: str, before: str, after: str) -> str:
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(line if line.endswith(("\n", "\r")) else line + _NO_NEWLINE for line in lines)


def _apply(before: str, diff: str) -> str:
    """The text the diff makes of ``before``, checking every line it says ``before`` holds."""
    old = before.splitlines(keepends=True)
    body = diff.replace(_NO_NEWLINE, "\n\0\n")  # a marked last line: its break is not the text's
    rows = body.splitlines(keepends=True)
    assert rows[0].startswith("--- ") and rows[1].startswith("+++ ")
    result: list[str] = []
    position = 0  # lines of ``old`` copied or consumed so far
    number = 2
    while number < len(rows):
        header = _HUNK_RE.fullmatch(rows[number])
        assert header is not None, rows[number]
        first = int(header.group(1)) - (0 if header.group(2) != "0" else -1)
        result.extend(old[position : first - 1])
        position = first - 1
        number += 1
        while number < len(rows) and not rows[number].startswith("@@"):
            row = rows[number]
            line = row[1:]
            if number + 1 < len(rows) and rows[number + 1] == "\0\n":
                line = line[:-1]  # "\ No newline at end of file" followed it
                number += 1
            if row[0] in " -":
                assert old[position] == line
                position += 1
            if row[0] in " +":
                result.append(line)
            number += 1
    result.extend(old[position:])
    return "".join(result)


def _texts(rng: random.Random, alphabet: str) -> tuple[str, str]:
    count = rng.randint(1, 40)
    ending = rng.choice(["\n", "\r\n"])
    old = [f"{rng.choice(alphabet)}{ending}" for _ in range(count)]
    if rng.random() < 0.3:
        old[-1] = old[-1].rstrip("\r\n")
    new = list(old)
    for _ in range(rng.randint(1, 6)):
        index = rng.randrange(count)
        new[index] = rng.choice(alphabet) + new[index]
    return "".join(old), "".join(new)


@pytest.mark.parametrize("seed", range(4))
def test_a_change_line_for_line_reads_as_difflib_writes_it(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        before, after = _texts(rng, "abcdefgh")
        # Numbered lines: no line twice, so difflib has one alignment to find.
        before = "".join(f"{n} {line}" for n, line in enumerate(before.splitlines(True)))
        after = "".join(f"{n} {line}" for n, line in enumerate(after.splitlines(True)))
        assert unified_diff("f.md", before, after) == _difflib("f.md", before, after)


@pytest.mark.parametrize("seed", range(4))
def test_every_diff_turns_the_old_text_into_the_new(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(500):
        before, after = _texts(rng, "ab")  # the same lines again and again
        if rng.random() < 0.3:  # lines added or removed: difflib's path
            after = after + "added\n" if rng.random() < 0.5 else after.partition("\n")[2]
        diff = unified_diff("f.md", before, after)
        assert (diff == "") == (before == after)
        if diff:
            assert _apply(before, diff) == after


def test_names_and_no_change() -> None:
    assert unified_diff("f.md", "a\n", "a\n") == ""
    assert unified_diff("/tmp/f.md", "a\n", "b\n").startswith("--- /tmp/f.md\n+++ /tmp/f.md\n")
    assert unified_diff("f.md", "a", "b") == (
        f"--- a/f.md\n+++ b/f.md\n@@ -1 +1 @@\n-a{_NO_NEWLINE}+b{_NO_NEWLINE}"
    )
