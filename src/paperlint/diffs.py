"""Unified diffs of a file before and after a change (``--diff``, ``add --dry-run``)."""

from __future__ import annotations

__all__ = ["unified_diff"]


def unified_diff(path: str, before: str, after: str) -> str:
    """The change as a unified diff, "" when there is none; a last line without a line
    break is marked as diff marks it."""
    if before == after:
        return ""
    import difflib  # only when a diff is shown

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=path if path.startswith("/") else f"a/{path}",
        tofile=path if path.startswith("/") else f"b/{path}",
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )
