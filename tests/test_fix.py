"""--fix: repairs that lose nothing (encoding, BOM, line endings, final newline, other bytes),
written atomically, idempotent; --diff and stdin."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperlint.api import fix
from paperlint.cli import cli
from paperlint.document import Document
from paperlint.engine import applicable, fix_document, lint_document
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

from conftest import CORPUS, CORPUS_LISTS

ALL_TARGETS = Settings(targets=TARGETS)
LIST = (
    "# Papers\n"
    "- [25/06] **HSENet: Hybrid Spatial Encoding Network**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/YanzhaoShi/HSENet.)]"
    " [[TLDR/Notes](#hsenet--hybrid-spatial-encoding-network)]\n"
    "\n# TLDR/Notes\n## hsenet--hybrid-spatial-encoding-network\n### Abstract\nText.\n"
)
FIXED = LIST.replace("HSENet.)", "HSENet)").replace("hsenet--hybrid", "hsenet-hybrid")


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


def test_fix_api() -> None:
    result = fix(LIST, ALL_TARGETS)
    assert result.text == FIXED
    assert result.fixed == 2  # the URL, and the anchor on mkdocs (github and pymdownx keep "--")
    assert result.remaining == []


@pytest.mark.parametrize(
    ("prefix", "newline", "final"),
    [
        (b"", b"\n", True),
        (b"", b"\r\n", True),
        (b"\xef\xbb\xbf", b"\r\n", False),
        (b"\xef\xbb\xbf", b"\n", False),
    ],
    ids=["lf", "crlf", "bom-crlf-no-final-newline", "bom-lf-no-final-newline"],
)
def test_fix_keeps_bom_line_endings_and_final_newline(
    tmp_path: Path, prefix: bytes, newline: bytes, final: bool
) -> None:
    def encode(text: str) -> bytes:
        data = text.encode().replace(b"\n", newline)
        return prefix + (data if final else data.rstrip(newline))

    path = tmp_path / "list.md"
    path.write_bytes(encode(LIST))
    result = run("--fix", "--target", "github", "--target", "mkdocs", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == encode(FIXED)
    assert result.stdout.splitlines()[-1] == "Fixed 2 findings; All checks passed (1 file)"


def test_mixed_line_endings_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mixed.md"
    data = LIST.encode().replace(b"Text.\n", b"Text.\r\n").replace(b"# Papers\n", b"# Papers\r\n")
    path.write_bytes(data)
    assert run("--fix", str(path)).exit_code == 0
    assert path.read_bytes() == data.replace(b"HSENet.)", b"HSENet)")


def test_fix_changes_only_the_reported_spans(tmp_path: Path) -> None:
    for source in CORPUS_LISTS:
        document = Document.from_bytes(source.read_bytes())
        diagnostics = lint_document(document, ALL_TARGETS)
        spans = [e for d in diagnostics if applicable(d, unsafe=True) for e in d.fix.edits]  # type: ignore[union-attr]
        result = fix_document(document, ALL_TARGETS, unsafe=True)
        # Replay the reported edits by hand: every byte outside them must be unchanged.
        untouched = []
        position = 0
        for edit in sorted(spans, key=lambda e: e.start):
            if edit.start >= position:
                untouched.append(document.text[position : edit.start])
                position = edit.end
        untouched.append(document.text[position:])
        remainder = result.text
        for piece in untouched:
            index = remainder.find(piece)
            assert index >= 0, f"{source.name}: text outside the reported spans changed"
            remainder = remainder[index + len(piece) :]


def test_writes_are_atomic_and_keep_permissions(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    path.chmod(0o640)
    inode = path.stat().st_ino
    assert run("--fix", str(path)).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # replaced by rename, not rewritten in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]  # no temporary left


def test_unwritable_file_is_an_error_and_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("--fix", str(path))
    assert result.exit_code == 2
    assert (
        f"paperlint: error: {path}: permission denied: cannot write the fixed file" in result.stderr
    )
    assert path.read_text(encoding="utf-8") == LIST
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.md"]


def test_second_fix_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    run("--fix", "--unsafe-fixes", "--target", "mkdocs", str(path))
    once = path.read_bytes()
    second = run("--fix", "--unsafe-fixes", "--target", "mkdocs", str(path))
    assert path.read_bytes() == once
    assert second.stdout.startswith("Fixed 0 findings")


def test_diff_writes_nothing_and_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    result = run("--diff", str(path))
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == LIST
    assert f"--- {path}" in result.stdout and f"+++ {path}" in result.stdout
    assert (
        "-[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/YanzhaoShi/HSENet.)]"
        in result.stdout
    )
    assert "1 file would be changed" in result.stderr
    path.write_text(FIXED, encoding="utf-8")
    clean = run("--diff", "--target", "mkdocs", str(path))
    assert (clean.exit_code, clean.stdout) == (0, "")


def test_fix_from_stdin_prints_the_fixed_text(tmp_path: Path) -> None:
    result = run("--fix", "-", input=LIST)
    assert result.exit_code == 0
    assert result.stdout == LIST.replace("HSENet.)", "HSENet)")
    assert "Fixed 1 finding" in result.stderr


def test_unsafe_fixes_need_the_flag(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    text = LIST.replace(
        "https://github.com/YanzhaoShi/HSENet.", "https://sites.google.com/view/mr-steve."
    )
    path.write_text(text, encoding="utf-8")
    result = run("--fix", str(path))
    assert path.read_text(encoding="utf-8") == text
    assert result.exit_code == 1
    assert run("--fix", "--unsafe-fixes", str(path)).exit_code == 0
    assert "mr-steve)]" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CORPUS_LISTS, ids=lambda p: p.name)
def test_corpus_fixed_leaves_no_fixable_finding_and_no_broken_anchor(path: Path) -> None:
    document = Document.from_bytes(path.read_bytes())
    result = fix_document(document, ALL_TARGETS, unsafe=True)
    assert [d for d in result.remaining if d.fix is not None] == []
    assert [d for d in result.remaining if d.name == "unresolved-anchor"] == []
    again = fix_document(Document(result.text), ALL_TARGETS, unsafe=True)
    assert again.text == result.text


def test_mojibake_lines_restored_exactly() -> None:
    clean = (CORPUS / "mllm-medical.md").read_text(encoding="utf-8").splitlines()
    mangled = (CORPUS / "mllm-medical-mojibake.md").read_text(encoding="utf-8")
    result = fix(mangled, Settings(select=("mojibake",)))
    fixed = result.text.splitlines()
    before = mangled.splitlines()
    restored = [
        n for n, (a, b) in enumerate(zip(fixed, clean, strict=True)) if a == b and before[n] != b
    ]
    assert len(restored) >= 10
    for line, (after, original, old) in enumerate(zip(fixed, clean, before, strict=True), 1):
        assert "\ufffd" not in after or "\ufffd" in old, f"line {line} gained U+FFFD"
        if old == original:
            assert after == original, f"line {line} was clean and changed"
