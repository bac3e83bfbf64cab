"""Configuration files, their discovery and validation, and inline suppressions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from paperlint.cli import cli

LIST = (
    "- [25/06] **HSENet**  \n"
    "[[Paper](http://arxiv.org/pdf/2506.09634v1)] [[Code/Page](https://github.com/o/r.)]\n"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "papers.md").write_text(LIST, encoding="utf-8")
    return tmp_path


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.split()[1] for line in result.stdout.splitlines() if ": PL" in line]


def test_pyproject_table_is_found_walking_up(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.paperlint]\nignore = ["url-trailing-punctuation"]\n',
        encoding="utf-8",
    )
    result = run(str(project / "docs" / "papers.md"))
    assert "PL201" not in codes(result)
    assert result.exit_code == 0


def test_pyproject_without_table_is_skipped(project: Path) -> None:
    (project / "docs" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "paperlint.toml").write_text('ignore = ["PL2"]\n', encoding="utf-8")
    assert run(str(project / "docs" / "papers.md")).exit_code == 0


def test_another_tool_s_broken_pyproject_is_passed_over(project: Path) -> None:
    # A pyproject.toml that never names paperlint is not read as TOML: its errors are for
    # the tools it configures, and a check of a list goes on with the defaults.
    (project / "pyproject.toml").write_text('[project\nname = "x"\n', encoding="utf-8")
    result = run(str(project / "docs" / "papers.md"))
    assert result.exit_code == 1
    assert "PL201" in codes(result)


def test_a_broken_pyproject_that_names_paperlint_is_an_error(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.paperlint\nignore = []\n", encoding="utf-8")
    result = run(str(project / "docs" / "papers.md"))
    assert result.exit_code == 2
    assert "pyproject.toml: invalid TOML" in result.output


def test_a_table_named_with_an_escape_is_found(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool."paper\\u006cint"]\nignore = ["url-trailing-punctuation"]\n', encoding="utf-8"
    )
    result = run(str(project / "docs" / "papers.md"))
    assert "PL201" not in codes(result)
    assert result.exit_code == 0


def test_dot_file_wins_in_one_folder(project: Path) -> None:
    (project / "paperlint.toml").write_text('ignore = ["PL2"]\n', encoding="utf-8")
    (project / ".paperlint.toml").write_text('select = ["PL201"]\n', encoding="utf-8")
    assert codes(run(str(project / "docs"))) == ["PL201"]


def test_explicit_config_and_cli_overrides(project: Path) -> None:
    config = project / "ci.toml"
    config.write_text(
        'select = ["PL104"]\nextend-select = ["PL201"]\n[severity]\nempty-code-link = "error"\n',
        encoding="utf-8",
    )
    assert codes(run("--config", str(config), str(project))) == ["PL201"]
    assert codes(run("--config", str(config), "--select", "PL104", str(project))) == []
    assert run("--config", str(config), "--ignore", "PL201", str(project)).exit_code == 0


def test_severity_override_changes_the_exit_code(project: Path) -> None:
    (project / "docs" / "papers.md").write_text(
        LIST.replace("https://github.com/o/r.", ""), encoding="utf-8"
    )
    assert run(str(project)).exit_code == 0  # empty-code-link is info
    (project / "paperlint.toml").write_text('[severity]\nPL104 = "error"\n', encoding="utf-8")
    assert run(str(project)).exit_code == 1


def test_per_file_ignores_and_exclude(project: Path) -> None:
    (project / "docs" / "draft.md").write_text(LIST, encoding="utf-8")
    (project / "paperlint.toml").write_text(
        'exclude = ["draft.md"]\n[per-file-ignores]\n"docs/papers.md" = ["PL201"]\n',
        encoding="utf-8",
    )
    result = run(str(project))
    assert result.exit_code == 0
    assert "draft.md" not in result.output


def test_targets_and_rule_options(project: Path) -> None:
    (project / "paperlint.toml").write_text(
        'target = ["mkdocs"]\n'
        '[rules.missing-link]\nlabels = ["Paper", "Code/Page", "TLDR/Notes"]\n',
        encoding="utf-8",
    )
    result = run("--select", "missing-link", str(project))
    assert result.exit_code == 1
    assert "entry has no TLDR/Notes link" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('selectt = ["PL201"]\n', 'configuration key "selectt": Extra inputs are not permitted'),
        ('select = "PL201"\n', 'configuration key "select": Input should be a valid list'),
        ('select = ["PL999"]\n', 'configuration: unknown rule "PL999"'),
        ('target = ["hugo"]\n', 'configuration key "target.0": Input should be'),
        ('[severity]\nPL201 = "fatal"\n', 'configuration key "severity.PL201": Input should be'),
        (
            "[rules.url-trailing-punctuation]\nx = 1\n",
            'rule "url-trailing-punctuation" has no options',
        ),
        ('[rules.missing-link]\nlabels = ["Slides"]\n', 'key "rules.missing-link.labels.0"'),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_configuration_is_a_one_line_error(project: Path, content: str, message: str) -> None:
    config = project / "paperlint.toml"
    config.write_text(content, encoding="utf-8")
    result = run(str(project))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"paperlint: error: {config}: ")
    assert message in line
    assert "Traceback" not in result.output


def test_bad_pyproject_names_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.paperlint]\nignore = 3\n", encoding="utf-8")
    result = run(str(project))
    assert result.exit_code == 2
    assert '[tool.paperlint] key "ignore"' in result.stderr


def test_missing_or_directory_config(project: Path) -> None:
    assert "no such file" in run("--config", str(project / "nope.toml"), str(project)).stderr
    result = run("--config", str(project), str(project))
    assert result.exit_code == 2


def test_config_command(project: Path) -> None:
    (project / "paperlint.toml").write_text(
        'ignore = ["PL104"]\ntarget = ["mkdocs", "github"]\n', encoding="utf-8"
    )
    result = run("config", str(project / "docs"))
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["source"] == str(project / "paperlint.toml")
    assert shown["ignore"] == ["PL104"]
    assert shown["target"] == ["mkdocs", "github"]
    assert "PL104" not in shown["enabled-rules"] and "PL201" in shown["enabled-rules"]


def test_statistics_and_output_file(project: Path, tmp_path: Path) -> None:
    result = run("--statistics", str(project))
    assert result.stdout.splitlines()[0].split() == [
        "1",
        "PL201",
        "[*]",
        "url-trailing-punctuation",
    ]
    output = tmp_path / "report.json"
    result = run("--format", "json", "--output-file", str(output), str(project))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(output.read_text(encoding="utf-8"))[0]["code"] == "PL201"


def test_inline_suppressions(project: Path) -> None:
    path = project / "docs" / "papers.md"
    path.write_text("<!-- paperlint-disable-next-line PL201 -->\n" + LIST, encoding="utf-8")
    assert run(str(path)).exit_code == 0
    path.write_text(
        "<!-- paperlint-disable-file url-trailing-punctuation -->\n" + LIST, encoding="utf-8"
    )
    assert run(str(path)).exit_code == 0
    path.write_text("<!-- paperlint-disable-file PL201 PL104 -->\n" + LIST, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 1
    assert codes(result) == ["PL901"]
    assert "paperlint-disable-file PL104 suppresses nothing" in result.stdout


def test_a_named_format_reads_a_file_that_detection_leaves_alone(project: Path) -> None:
    # Two bold bullets are no paper list to detection; named a generator list, they are
    # two entries with the same title.
    (project / "docs" / "papers.md").write_text("- **Same**\n- **Same**\n", encoding="utf-8")
    assert run("--select", "duplicate-paper", str(project)).exit_code == 0
    (project / "paperlint.toml").write_text(
        '[per-file-format]\n"docs/*.md" = "generator"\n', encoding="utf-8"
    )
    result = run("--select", "duplicate-paper", str(project))
    assert result.exit_code == 1
    assert codes(result) == ["PL105"]
    shown = json.loads(run("config", str(project)).stdout)
    assert (shown["format"], shown["per-file-format"]) == ("auto", {"docs/*.md": "generator"})


def test_an_unknown_format_is_a_one_line_error(project: Path) -> None:
    (project / "paperlint.toml").write_text('format = "tabel"\n', encoding="utf-8")
    result = run(str(project))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert 'key "format": unknown list format "tabel"; choose from auto, generator' in line


def test_labels_give_a_list_s_own_link_labels_their_role(project: Path) -> None:
    (project / "docs" / "papers.md").write_text(
        "- [25/06] **HSENet**  \n[[Slides](https://example.org/hsenet)]\n", encoding="utf-8"
    )
    (project / "paperlint.toml").write_text(
        '[rules.missing-link]\nlabels = ["Paper"]\n', encoding="utf-8"
    )
    assert "entry has no Paper link" in run("--select", "missing-link", str(project)).stdout
    (project / "paperlint.toml").write_text(
        '[labels]\nSlides = "paper"\n[rules.missing-link]\nlabels = ["Paper"]\n', encoding="utf-8"
    )
    assert run("--select", "missing-link", str(project)).exit_code == 0


def test_columns_say_what_a_table_s_own_headers_hold(project: Path) -> None:
    (project / "docs" / "papers.md").write_text(
        "# Papers\n\n| When | Paper name | PDF |\n|---|---|---|\n"
        "| 2025.01 | **A** | [link](https://arxiv.org/abs/2502.00001) |\n"
        "| 2025.02 | **B** | [link](https://arxiv.org/abs/2502.00002) |\n",
        encoding="utf-8",
    )
    assert run("--select", "date-arxiv-mismatch", str(project)).exit_code == 0
    (project / "paperlint.toml").write_text('[columns]\nWhen = "date"\n', encoding="utf-8")
    result = run("--select", "date-arxiv-mismatch", str(project))
    assert codes(result) == ["PL401"]
    assert 'date "2025.01" is before arXiv id 2502.00001' in result.stdout
