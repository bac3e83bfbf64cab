"""The real ``paperlint`` on odd files and broken surroundings: --fix keeps what a file is
(link, owner, hard links, read-only, someone else's edit), and every bad input is one line
that names it while the other files are still checked."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from paperlint.document import Document
from paperlint.files import FileError, read_source, write_document

LIST = (
    "# Papers\n"
    "- [25/06] **HSENet: Hybrid Spatial Encoding Network**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/o/HSENet.)]"
    " [[TLDR/Notes](#hsenet-hybrid-spatial-encoding-network)]\n"
    "\n# TLDR/Notes\n## hsenet-hybrid-spatial-encoding-network\n### Abstract\nText.\n"
)
FIXED = LIST.replace("HSENet.)", "HSENet)")
FINDING = ': PL201 [url-trailing-punctuation] Code/Page URL ends with "."'
ROOT = os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="giving a file to another user needs root")


def paperlint(*args: object, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run the installed paperlint in a subprocess; a hang fails the test, it does not
    stall the suite."""
    options.setdefault("stdin", subprocess.DEVNULL)
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    command = [sys.executable, "-m", "paperlint", *map(str, args)]
    return subprocess.run(command, text=True, timeout=60, **options)


def in_shell(script: str, *args: object) -> subprocess.CompletedProcess[str]:
    """Run paperlint as ``$PAPERLINT`` under /bin/sh, for redirections Python cannot set
    up for a child as simply (``<&-``, ``>&-``)."""
    environment = {**os.environ, "PAPERLINT": f"{sys.executable} -m paperlint"}
    return subprocess.run(
        ["sh", "-c", script, "sh", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env=environment,
    )


def errors(result: subprocess.CompletedProcess[str]) -> list[str]:
    return result.stderr.splitlines()


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary files paperlint would have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- 5. a symbolic link ---------------------------------------------------------------------


def test_fix_through_a_symlink_fixes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    target = tmp_path / "lists" / "real.md"
    target.write_text(LIST, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(Path("lists") / "real.md")
    result = paperlint("--fix", link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("lists") / "real.md")
    assert target.read_text(encoding="utf-8") == FIXED
    assert leftovers(tmp_path) == leftovers(tmp_path / "lists") == []


# -- 6. owner, group, hard links, read-only -------------------------------------------------


def test_fix_keeps_hard_links(listing: Path) -> None:
    other = listing.with_name("other-name.md")
    os.link(listing, other)
    inode = listing.stat().st_ino
    result = paperlint("--fix", listing)
    assert result.returncode == 0, result.stderr
    assert listing.stat().st_ino == other.stat().st_ino == inode
    assert listing.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == FIXED
    assert leftovers(listing.parent) == []


@needs_root
def test_fix_as_root_keeps_owner_group_and_mode(listing: Path) -> None:
    os.chown(listing, 4321, 4322)
    listing.chmod(0o604)
    result = paperlint("--fix", listing)
    assert result.returncode == 0, result.stderr
    status = listing.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (4321, 4322, 0o604)
    assert listing.read_text(encoding="utf-8") == FIXED


# An unprivileged user may not give a file away; the interpreter lives where such a user may
# not read, so the child stays root and is refused chown as a user would be.
CANNOT_CHOWN = """
import os, sys
def refuse(*args):
    raise PermissionError(1, "Operation not permitted")
os.fchown = os.chown = refuse
from paperlint.cli import main
raise SystemExit(main(["--fix", sys.argv[1]]))
"""


@needs_root
def test_fix_by_a_user_who_cannot_give_the_file_away_keeps_its_owner(listing: Path) -> None:
    # A rename would make the file the fixer's: it is rewritten in place instead.
    os.chown(listing, 4321, 4321)
    inode = listing.stat().st_ino
    result = subprocess.run(
        [sys.executable, "-c", CANNOT_CHOWN, str(listing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (listing.stat().st_uid, listing.stat().st_gid) == (4321, 4321)
    assert listing.stat().st_ino == inode
    assert listing.read_text(encoding="utf-8") == FIXED
    assert leftovers(listing.parent) == []


def test_file_without_write_bits_is_read_only_even_for_root(listing: Path) -> None:
    listing.chmod(0o444)
    result = paperlint("--fix", listing)
    assert result.returncode == 2
    assert errors(result)[0] == (
        f"paperlint: error: {listing}: read-only (no write permission bits): not changed"
    )
    assert listing.read_text(encoding="utf-8") == LIST
    assert stat.S_IMODE(listing.stat().st_mode) == 0o444


# -- 7. an edit made while --fix runs --------------------------------------------------------

EDIT_WHILE_FIXING = """
import sys
import paperlint.cli as cli
path, edit = sys.argv[1], sys.argv[2]
fix_and_keep = cli.fix_and_keep
def fix_then_edit(*args, **kwargs):
    result = fix_and_keep(*args, **kwargs)
    with open(path, "a", encoding="utf-8") as stream:  # the user saves in an editor
        stream.write(edit)
    return result
cli.fix_and_keep = fix_then_edit
raise SystemExit(cli.main(["--fix", path]))
"""


@pytest.mark.parametrize("linked", [False, True], ids=["single", "hard-linked"])
def test_edit_made_while_fixing_is_kept_and_reported(listing: Path, linked: bool) -> None:
    if linked:
        os.link(listing, listing.with_name("other-name.md"))
    edit = "\nA line the user added.\n"
    result = subprocess.run(
        [sys.executable, "-c", EDIT_WHILE_FIXING, "list.md", edit],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=listing.parent,
    )
    assert result.returncode == 2
    assert errors(result)[0] == (
        "paperlint: error: list.md: changed since paperlint read it: "
        "left as it is, the fixed text is in list.md.fixed"
    )
    kept = listing.with_name("list.md.fixed")
    assert listing.read_text(encoding="utf-8") == LIST + edit
    assert kept.read_text(encoding="utf-8") == FIXED
    assert leftovers(listing.parent) == []


def test_edit_that_keeps_size_and_time_stamp_is_still_noticed(listing: Path) -> None:
    source = read_source(str(listing))
    before = listing.stat()
    listing.write_text(LIST.replace("Text.", "Txet."), encoding="utf-8")
    os.utime(listing, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(FileError, match="changed since paperlint read it"):
        write_document(str(listing), Document(FIXED), source.snapshot)
    assert "Txet." in listing.read_text(encoding="utf-8")
    (listing.parent / "list.md.fixed").write_text("taken", encoding="utf-8")
    # A second conflict does not overwrite the first one's fixed text.
    with pytest.raises(FileError, match=r"the fixed text is in .*list\.md\.fixed\.1$"):
        write_document(str(listing), Document(FIXED), source.snapshot)
    assert (listing.parent / "list.md.fixed").read_text(encoding="utf-8") == "taken"


# -- 8. --output-file --------------------------------------------------------------------------


def test_output_file_that_is_an_input_is_an_error(listing: Path) -> None:
    for args in (["--output-file", listing, listing], ["--output-file", listing, listing.parent]):
        result = paperlint(*args)
        assert result.returncode == 2
        assert errors(result) == [
            f"paperlint: error: --output-file {listing} is one of the files to check; "
            "choose another"
        ]
        assert listing.read_text(encoding="utf-8") == LIST
    report = listing.with_name("report.txt")
    assert paperlint("--output-file", report, listing).returncode == 1
    assert FINDING in report.read_text(encoding="utf-8")


# -- 9. one-line errors, and the run goes on ---------------------------------------------------


def test_symlink_loop_is_one_error_and_the_other_files_are_checked(listing: Path) -> None:
    folder = listing.parent
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    for args in ([folder / "a.md", listing], [folder]):
        result = paperlint(*args)
        assert result.returncode == 2
        loops = [line for line in errors(result) if "symbolic link loop" in line]
        assert loops[0] == (
            f"paperlint: error: {folder / 'a.md'}: "
            "symbolic link loop (too many levels of symbolic links)"
        )
        assert f"{listing}:3:86{FINDING}" in result.stdout


def test_closed_standard_input_is_one_error() -> None:
    result = in_shell("$PAPERLINT - <&-")
    assert result.returncode == 2
    assert errors(result)[0] == "paperlint: error: -: standard input is closed"


def test_endless_standard_input_of_zeros_ends() -> None:
    with open("/dev/zero", "rb") as zeros:
        result = paperlint("-", stdin=zeros)
    assert result.returncode == 2
    assert errors(result)[0] == (
        "paperlint: error: -: binary file (contains NUL bytes), not a Markdown text"
    )


@pytest.mark.parametrize("args", [["{list}"], ["rules"], ["import", "jsonl", "{jsonl}"]])
def test_closed_or_full_standard_output_is_one_error(
    listing: Path, tmp_path: Path, args: list[str]
) -> None:
    jsonl = tmp_path / "papers.jsonl"
    jsonl.write_text('{"title": "T", "summary": "S", "published": "2025-06-01"}\n', "utf-8")
    args = [arg.format(list=listing, jsonl=jsonl) for arg in args]
    with open("/dev/full", "w") as full:
        result = paperlint(*args, stdout=full)
    assert result.returncode == 2
    assert errors(result)[-1] == (
        "paperlint: error: cannot write to standard output: no space left on device"
    )
    closed = in_shell('$PAPERLINT "$@" >&-', *args)
    assert closed.returncode == 2
    assert errors(closed)[-1].startswith("paperlint: error: standard output is closed")


def test_fix_to_a_closed_standard_output_still_fixes(listing: Path) -> None:
    result = in_shell('$PAPERLINT --fix "$1" >&-', listing)
    assert result.returncode == 2
    assert errors(result) == [
        "paperlint: error: standard output is closed; write the report with --output-file"
    ]
    assert listing.read_text(encoding="utf-8") == FIXED


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_not_read(listing: Path, device: str) -> None:
    result = paperlint(device, listing)
    assert result.returncode == 2
    assert errors(result)[0] == (
        f"paperlint: error: {device}: not a regular file (a character device)"
    )
    assert f"{listing}:3:86{FINDING}" in result.stdout


def test_select_nested_5000_deep_is_a_configuration_error(listing: Path) -> None:
    config = listing.with_name("pyproject.toml")
    config.write_text(f"[tool.paperlint]\nselect = {'[' * 5000}{']' * 5000}\n", "utf-8")
    result = paperlint(listing, cwd=listing.parent)
    assert result.returncode == 2
    assert errors(result) == [
        f"paperlint: error: {config}: invalid TOML: arrays or tables nested too deeply"
    ]


def test_unreadable_json_lines_are_skipped_one_line_each(tmp_path: Path) -> None:
    good = {"title": "Readable", "summary": "S", "published": "2025-06-01"}
    lines = [
        "[" * 100_000 + "]" * 100_000,
        json.dumps({**good, "title": "Huge", "citations": 0}).replace("0}", "1" * 5000 + "}"),
        json.dumps({**good, "title": "Lone \ud800 surrogate"}),  # dumps escapes it as \\ud800
        json.dumps(good),
    ]
    path = tmp_path / "papers.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = paperlint("import", "jsonl", path)
    assert result.returncode == 0, result.stderr
    assert errors(result) == [
        f"paperlint: warning: {path}: line 1: skipped a line nested too deeply to read",
        f"paperlint: warning: {path}: line 2: skipped a line with a number too long to read",
        f"paperlint: warning: {path}: line 3: skipped a line with a lone surrogate "
        '(\\ud800 in "title")',
        "paperlint: imported 1 paper; skipped 0 as duplicates, 3 as unreadable; "
        "1 without a Paper link",
    ]
    assert "**Readable**" in result.stdout


# -- 10. named pipes ----------------------------------------------------------------------------


def test_named_pipe_given_is_an_error_not_a_hang(listing: Path) -> None:
    pipe = listing.with_name("pipe.md")
    os.mkfifo(pipe)
    result = paperlint(pipe, listing)
    assert result.returncode == 2
    assert errors(result)[0] == f"paperlint: error: {pipe}: not a regular file (a named pipe)"
    assert f"{listing}:3:86{FINDING}" in result.stdout


def test_named_pipe_in_a_folder_is_skipped_with_a_warning(listing: Path) -> None:
    pipe = listing.with_name("pipe.md")
    os.mkfifo(pipe)
    result = paperlint(listing.parent)
    assert result.returncode == 1
    assert errors(result) == [
        f"paperlint: warning: {pipe}: not a regular file (a named pipe); skipped"
    ]
    assert f"{listing}:3:86{FINDING}" in result.stdout


# -- 11. configuration, encodings, usage ---------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[tool]\npaperlint = 1\n", "[tool.paperlint] must be a table, not an integer"),
        # (A pyproject.toml that never names paperlint is another tool's: not read at all.)
        ('tool = "paperlint"\n', "[tool] must be a table, not a string"),
        (
            '[tool.paperlint]\nexclude = ["["]\n',
            '[tool.paperlint] key "exclude.0": invalid pattern "[": '
            'the "[" at character 1 is not closed by "]"',
        ),
        (
            '[tool.paperlint]\nexclude = ["docs/", "/"]\n',
            '[tool.paperlint] key "exclude.1": invalid pattern "/": it names no file',
        ),
        (
            '[tool.paperlint.per-file-ignores]\n"notes/[!]x.md" = ["PL201"]\n',
            '[tool.paperlint] key "per-file-ignores.notes/[!]x.md": invalid pattern '
            '"notes/[!]x.md": the "[" at character 7 is not closed by "]"',
        ),
    ],
)
def test_bad_configuration_shape_is_one_error(listing: Path, content: str, message: str) -> None:
    config = listing.with_name("pyproject.toml")
    config.write_text(content, encoding="utf-8")
    result = paperlint(listing, cwd=listing.parent)
    assert result.returncode == 2
    assert errors(result) == [f"paperlint: error: {config}: {message}"]


def test_valid_patterns_still_work(listing: Path) -> None:
    config = listing.with_name("pyproject.toml")
    config.write_text('[tool.paperlint]\nexclude = ["[!x]ist.md", "[]]"]\n', encoding="utf-8")
    result = paperlint(listing, cwd=listing.parent)
    assert result.returncode == 0
    assert "no Markdown files found" in result.stderr


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_wide_encodings_are_named(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / "list.md"
    path.write_bytes(LIST.replace("Text.", "Texte déjà vu — 文本").encode(encoding))
    result = paperlint(path)
    assert result.returncode == 2
    assert errors(result)[0] == f"paperlint: error: {path}: {name} text; convert it to UTF-8"


def test_binary_file_is_still_called_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(bytes(range(256)) * 4)
    result = paperlint(path)
    assert errors(result)[0] == (
        f"paperlint: error: {path}: binary file (contains NUL bytes), not a Markdown text"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "NOPE", "{list}"], 'unknown rule "NOPE"; "paperlint rules" lists them'),
        (
            ["--target", "bogus", "{list}"],
            "Invalid value for '--target': 'bogus' is not one of 'github', 'mkdocs', 'pymdownx'",
        ),
        (["--fixx", "{list}"], "No such option '--fixx'. Did you mean '--fix'?"),
        (["rule", "nope"], 'unknown rule "nope"; "paperlint rules" lists them'),
    ],
)
def test_usage_errors_are_one_line(listing: Path, args: list[str], message: str) -> None:
    result = paperlint(*(arg.format(list=listing) for arg in args))
    assert result.returncode == 2
    assert errors(result) == [f"paperlint: error: {message}"]
    assert result.stdout == ""
