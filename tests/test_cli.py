"""The command line, through click's runner: options, formats and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperlint.cli import cli, main

from conftest import CORPUS

CLEAN = (
    "# Papers\n"
    "- [25/06] **Lingshu: A Generalist Foundation Model**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.07044v4)] [[Code/Page](https://github.com/o/lingshu)]"
    " [[TLDR/Notes](#lingshu-a-generalist-foundation-model)]\n"
    "\n# TLDR/Notes\n## lingshu-a-generalist-foundation-model\nNotes.\n"
)
DEFECTIVE = CLEAN.replace("o/lingshu)", "o/lingshu.)")


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.md"
    path.write_text(CLEAN, encoding="utf-8")
    return path


@pytest.fixture
def defective(tmp_path: Path) -> Path:
    path = tmp_path / "defective.md"
    path.write_text(DEFECTIVE, encoding="utf-8")
    return path


def test_clean_file_exits_zero(clean: Path) -> None:
    result = run(str(clean))
    assert result.exit_code == 0, result.output
    assert result.stdout == "All checks passed (1 file)\n"


def test_findings_exit_one_with_positions(defective: Path) -> None:
    result = run(str(defective))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == f'{defective}:3:87: PL201 [url-trailing-punctuation] Code/Page URL ends with "."'
    )
    assert lines[-1] == ("1 finding found (1 warning) in 1 file; 1 fixable with --fix")


def test_check_subcommand_is_the_default(defective: Path) -> None:
    assert run("check", str(defective)).stdout == run(str(defective)).stdout


NO_CODE = CLEAN.replace("https://github.com/o/lingshu", "")
"""A clean list but for one empty Code/Page link: one info finding."""


@pytest.fixture
def no_code(tmp_path: Path) -> Path:
    path = tmp_path / "no-code.md"
    path.write_text(NO_CODE, encoding="utf-8")
    return path


def test_info_findings_do_not_fail(no_code: Path) -> None:
    result = run("--show-info", str(no_code))
    assert result.exit_code == 0
    assert "PL104 [empty-code-link] Code/Page link is empty" in result.stdout


def test_info_findings_are_hidden_from_text_and_counted(no_code: Path, defective: Path) -> None:
    result = run(str(no_code), str(defective))
    assert result.exit_code == 1
    assert "PL104" not in result.stdout
    assert result.stdout.splitlines() == [
        f'{defective}:3:87: PL201 [url-trailing-punctuation] Code/Page URL ends with "."',
        "1 finding found (1 warning) in 2 files; 1 fixable with --fix;"
        " 1 info finding hidden (--show-info shows them)",
    ]
    shown = run("--show-info", str(no_code), str(defective))
    assert f"{no_code}:3:46: PL104 [empty-code-link] Code/Page link is empty" in shown.stdout
    assert shown.stdout.splitlines()[-1] == (
        "2 findings found (1 warning, 1 info) in 2 files; 1 fixable with --fix"
    )
    alone = run(str(no_code))
    assert (alone.exit_code, alone.stdout) == (
        0,
        "All checks passed (1 file); 1 info finding hidden (--show-info shows them)\n",
    )


def test_info_findings_are_hidden_from_github_output(no_code: Path) -> None:
    assert run("--format", "github", str(no_code)).stdout == ""
    shown = run("--format", "github", "--show-info", str(no_code)).stdout
    assert shown.startswith(f"::notice file={no_code},line=3,col=46,")


def test_info_findings_are_hidden_from_statistics(no_code: Path) -> None:
    assert run("--statistics", str(no_code)).stdout == (
        "All checks passed (1 file); 1 info finding hidden (--show-info shows them)\n"
    )
    shown = run("--statistics", "--show-info", str(no_code)).stdout
    assert shown.splitlines()[0].split() == ["1", "PL104", "empty-code-link"]


def test_show_info_config_key(
    no_code: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "paperlint.toml").write_text("show-info = true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "PL104 [empty-code-link]" in run(str(no_code)).stdout
    config = run("config")
    assert json.loads(config.stdout)["show-info"] is True
    (tmp_path / "paperlint.toml").write_text("show-info = 1\n", encoding="utf-8")
    broken = run(str(no_code))
    assert broken.exit_code == 2
    assert 'key "show-info": Input should be a valid boolean' in broken.stderr


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_and_sarif_keep_info_findings(no_code: Path, output_format: str) -> None:
    result = run("--format", output_format, str(no_code))
    assert result.exit_code == 0
    if output_format == "json":
        (item,) = json.loads(result.stdout)
        assert (item["code"], item["severity"]) == ("PL104", "info")
    else:
        (item,) = json.loads(result.stdout)["runs"][0]["results"]
        assert (item["ruleId"], item["level"]) == ("PL104", "note")
    assert result.stderr == "1 finding found (1 info) in 1 file\n"


def test_exit_zero(defective: Path) -> None:
    assert run("--exit-zero", str(defective)).exit_code == 0


@pytest.mark.parametrize(
    "selection",
    [
        ["--select", "PL201"],
        ["--select", "url-trailing-punctuation"],
        ["--select", "PL2"],
        ["--select", "pl201,PL301"],
        ["--ignore", "PL1,PL3,PL4,PL5"],
    ],
)
def test_select_and_ignore(defective: Path, selection: list[str]) -> None:
    result = run(*selection, str(defective))
    assert result.exit_code == 1
    assert "PL201" in result.stdout


def test_ignore_silences(defective: Path) -> None:
    result = run("--ignore", "url-trailing-punctuation", str(defective))
    assert result.exit_code == 0


@pytest.mark.parametrize("bad", ["PL999", "no-such-rule", "P"])
def test_unknown_rule_is_a_usage_error(defective: Path, bad: str) -> None:
    result = run("--select", bad, str(defective))
    assert result.exit_code == 2
    assert f'unknown rule "{bad}"' in result.stderr
    assert "Traceback" not in result.output


def test_targets(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(
        CLEAN.replace("lingshu-a-generalist", "lingshu--a-generalist"), encoding="utf-8"
    )
    assert run(str(path), "--target", "github").exit_code == 0
    result = run(str(path), "--target", "github", "--target", "mkdocs")
    assert result.exit_code == 1
    assert 'does not resolve on mkdocs: MkDocs collapses "--"' in result.stdout
    assert run(str(path), "--target", "hugo").exit_code == 2


def test_json_format(defective: Path) -> None:
    result = run("--format", "json", str(defective))
    assert result.exit_code == 1
    (item,) = json.loads(result.stdout)
    assert item == {
        "path": str(defective),
        "line": 3,
        "column": 87,
        "end_line": 3,
        "end_column": 88,
        "code": "PL201",
        "name": "url-trailing-punctuation",
        "severity": "warning",
        "message": 'Code/Page URL ends with "."',
        "help": "paperlint rule PL201",
        "fix": {
            "title": 'Remove the trailing "."',
            "applicability": "safe",
            "edits": [{"line": 3, "column": 87, "end_line": 3, "end_column": 88, "content": ""}],
        },
    }


def test_json_help_leads_to_the_rule_documentation(defective: Path) -> None:
    (item,) = json.loads(run("--format", "json", str(defective)).stdout)
    program, *arguments = item["help"].split()
    assert program == "paperlint"
    shown = run(*arguments)
    assert shown.exit_code == 0
    assert shown.stdout.startswith("# url-trailing-punctuation (PL201)\n")
    assert "## Fix safety" in shown.stdout


def test_json_format_clean_is_an_empty_list(clean: Path) -> None:
    result = run("--format", "json", str(clean))
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_concise_format(defective: Path) -> None:
    result = run("--format", "concise", str(defective))
    assert result.stdout == f'{defective}:3:87: PL201 Code/Page URL ends with "."\n'


def test_stdin(defective: Path) -> None:
    result = run("-", "--stdin-filename", "papers.md", input=DEFECTIVE)
    assert result.exit_code == 1
    assert result.stdout.startswith("papers.md:3:87: PL201")
    assert run("-", input=CLEAN).exit_code == 0


def test_folders_are_searched_for_markdown(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "b.markdown").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.md").write_text(DEFECTIVE, encoding="utf-8")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1].endswith("in 2 files; 1 fixable with --fix")
    assert str(tmp_path / "sub" / "a.md") in result.stdout


@pytest.mark.parametrize("given", ["./lists//", "lists/./", "lists", ""])
def test_files_found_in_a_folder_are_named_as_pathlib_writes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    (tmp_path / "lists" / "sub").mkdir(parents=True)
    (tmp_path / "lists" / "sub" / "a.md").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "lists" / "..md").write_text(DEFECTIVE, encoding="utf-8")  # its suffix: .md
    (tmp_path / "lists" / ".md").write_text(DEFECTIVE, encoding="utf-8")  # no suffix
    monkeypatch.chdir(tmp_path if given else tmp_path / "lists")  # "" is the current folder
    named = sorted({line.split(":")[0] for line in run(given).stdout.splitlines()[:-1]})
    assert named == (["lists/..md", "lists/sub/a.md"] if given else ["..md", "sub/a.md"])


def test_whole_corpus_folder() -> None:
    result = run(str(CORPUS))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert (
        result.stdout.splitlines()[-1].endswith(
            "in 9 files; 54 fixable with --fix; 6 more with --unsafe-fixes"
        )
        or "in 9 files" in result.stdout.splitlines()[-1]
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04\x00\x00binary", "binary file (contains NUL bytes), not a Markdown text"),
        (b"# caf\xe9\n", "not valid UTF-8 (byte 0xe9 on line 1); convert the file to UTF-8 first"),
    ],
)
def test_bad_input_is_a_one_line_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    result = run(str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"paperlint: error: {path}: {message}"
    assert "Traceback" not in result.output


def test_missing_file_and_other_files_still_linted(tmp_path: Path, defective: Path) -> None:
    missing = tmp_path / "missing.md"
    result = run(str(missing), str(defective))
    assert result.exit_code == 2
    assert f"paperlint: error: {missing}: no such file or directory" in result.stderr
    assert "PL201" in result.stdout


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    result = run(str(link))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr


def test_rules_and_rule_commands() -> None:
    listing = run("rules")
    assert listing.exit_code == 0
    assert listing.stdout.splitlines()[1].split()[:4] == [
        "PL101",
        "invalid-date-tag",
        "error",
        "sometimes",
    ]
    for key in ("PL201", "url-trailing-punctuation", "pl201"):
        shown = run("rule", key)
        assert shown.exit_code == 0
        assert shown.stdout.startswith("# url-trailing-punctuation (PL201)\n")
        for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix safety"):
            assert heading in shown.stdout
    assert run("rule", "nope").exit_code == 2


def test_rules_listing_has_a_header_row() -> None:
    lines = run("rules").stdout.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "fixable", "summary"]
    # The columns line up under their headings.
    first = lines[1]
    for heading, value in zip(lines[0].split(), first.split(maxsplit=4), strict=True):
        assert lines[0].index(heading) == first.index(value)


def test_statistics_explain_the_fixable_marks(defective: Path, no_code: Path) -> None:
    assert run("--statistics", str(defective)).stdout.splitlines() == [
        "     1  PL201  [*] url-trailing-punctuation",
        "[*] every finding has a fix, [-] some do; --fix applies the safe ones,"
        " --unsafe-fixes the rest",
        "1 finding found (1 warning) in 1 file; 1 fixable with --fix",
    ]
    # No mark, no legend.
    unmarked = run("--statistics", "--show-info", str(no_code)).stdout.splitlines()
    assert unmarked == ["     1  PL104      empty-code-link", "1 finding found (1 info) in 1 file"]


def test_fix_summary_counts_what_unsafe_fixes_would_fix(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    unsafe = DEFECTIVE.replace("https://github.com/o/lingshu.", "https://sites.google.com/v/l.")
    path.write_text(unsafe, encoding="utf-8")
    assert run(str(path)).stdout.splitlines()[-1] == (
        "1 finding found (1 warning) in 1 file; 1 more with --unsafe-fixes"
    )
    fixed = run("--fix", str(path))
    assert fixed.exit_code == 1
    assert fixed.stdout.splitlines()[-1] == (
        "Fixed 0 findings; 1 finding remaining (1 warning) in 1 file; 1 more with --unsafe-fixes"
    )
    assert run("--fix", "--unsafe-fixes", str(path)).stdout == (
        "Fixed 1 finding; All checks passed (1 file)\n"
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("paperlint, version ")
    assert "paperlint [check] [PATHS]" in run("--help").stdout
    assert "--target" in run("check", "--help").stdout


def test_main_returns_exit_codes(
    defective: Path, clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(clean)]) == 0
    assert main([str(defective)]) == 1
    assert main(["--select", "nope", str(clean)]) == 2
    assert main(["--no-such-option"]) == 2
    capsys.readouterr()


def test_no_markdown_files_in_the_current_folder_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run()
    assert result.exit_code == 0
    assert "paperlint: warning: no Markdown files found" in result.stderr


def test_named_folder_without_markdown_is_an_error(tmp_path: Path, defective: Path) -> None:
    empty = tmp_path / "typo"
    empty.mkdir()
    (empty / "notes.txt").write_text(DEFECTIVE, encoding="utf-8")
    result = run(str(empty))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"paperlint: error: {empty}: no Markdown file (*.md, *.markdown) in this folder"
    )
    assert result.stdout == "No file checked; 1 error\n"
    both = run(str(empty), str(defective))
    assert both.exit_code == 2
    assert "PL201" in both.stdout


def test_missing_file_alone_says_no_file_checked(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nosuch.md"))
    assert result.exit_code == 2
    assert result.stdout == "No file checked; 1 error\n"


def test_error_beside_clean_files_does_not_say_all_checks_passed(
    tmp_path: Path, clean: Path
) -> None:
    result = run(str(clean), str(tmp_path / "nosuch.md"))
    assert result.exit_code == 2
    assert result.stdout == "No finding in 1 file; 1 error\n"


def test_unsafe_fixes_without_fix_or_diff_says_it_does_nothing(defective: Path) -> None:
    result = run("--unsafe-fixes", str(defective))
    assert result.exit_code == 1
    assert result.stderr == (
        "paperlint: warning: --unsafe-fixes does nothing without --fix or --diff\n"
    )
    for mode in ("--fix", "--diff"):
        assert "does nothing" not in run(mode, "--unsafe-fixes", str(defective)).stderr


@pytest.mark.parametrize(
    "arguments",
    [
        ["defective.md"],
        ["check", "defective.md", "clean.md"],
        ["missing.md", "clean.md"],
        ["empty-folder"],
        ["."],
        [],
        ["-"],
    ],
    ids=lambda arguments: " ".join(arguments) or "no-arguments",
)
def test_a_check_without_options_runs_as_click_runs_it(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
    arguments: list[str],
) -> None:
    # main() runs such a check without click (start-up time); it must answer alike.
    (tmp_path / "defective.md").write_text(DEFECTIVE, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "empty-folder").mkdir()
    monkeypatch.chdir(tmp_path)
    with (tmp_path / "defective.md").open(encoding="utf-8") as stdin:
        monkeypatch.setattr("sys.stdin", stdin)
        code = main(arguments)
    printed = capfd.readouterr()
    through_click = CliRunner().invoke(cli, arguments, input=DEFECTIVE)
    assert (code, printed.out, printed.err) == (
        through_click.exit_code,
        through_click.stdout,
        through_click.stderr,
    )
