"""Unified diffs of a file before and after a change (``--diff``, ``add --dry-run``)."""

from __future__ import annotations

__all__ = ["unified_diff"]

_CONTEXT = 3  # lines of context around a change, as diff and difflib give by default


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff, "" when there is none; a last line without a line
    break is marked as diff marks it."""
    if before == after:
        return ""
    old = before.splitlines(keepends=True)
    new = after.splitlines(keepends=True)
    fromfile = path if path.startswith("/") else f"a/{path}"
    tofile = path if path.startswith("/") else f"b/{path}"
    if len(old) == len(new):
        lines = _line_for_line(old, new, fromfile, tofile)
    else:
        import difflib  # only when a diff is shown and lines were added or removed

        lines = list(difflib.unified_diff(old, new, fromfile=fromfile, tofile=tofile))
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


def _line_for_line(old: list[str], new: list[str], fromfile: str, tofile: str) -> list[str]:
    """The diff of two texts with as many lines, each line changed in place (what fixes do:
    they never add or join lines), as difflib writes such a change. difflib's own search for
    the longest matching blocks took 190 s on the 20k bench list's 6,886 fixes; comparing
    line with line takes a fraction of a second."""
    changed = [index for index, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
    # Changes with at most twice the context of unchanged lines between them share a hunk.
    groups: list[list[int]] = []
    for index in changed:
        if groups and index - groups[-1][-1] - 1 <= 2 * _CONTEXT:
            groups[-1].append(index)
        else:
            groups.append([index])
    lines = [f"--- {fromfile}\n", f"+++ {tofile}\n"]
    for group in groups:
        start = max(group[0] - _CONTEXT, 0)
        stop = min(group[-1] + 1 + _CONTEXT, len(old))
        span = _range(start, stop)
        lines.append(f"@@ -{span} +{span} @@\n")
        index = start
        while index < stop:
            if old[index] == new[index]:
                lines.append(" " + old[index])
                index += 1
                continue
            run = index
            while run < stop and old[run] != new[run]:
                run += 1
            lines.extend("-" + line for line in old[index:run])
            lines.extend("+" + line for line in new[index:run])
            index = run
    return lines


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it: ``first,count``, or ``first`` alone for
    one line."""
    length = stop - start
    return str(start + 1) if length == 1 else f"{start + 1},{length}"
