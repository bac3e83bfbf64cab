"""The ``paperlint`` command: parses arguments, calls the API, returns an exit code.

Exit codes: 0 clean, 1 findings (of severity error or warning) or changes under ``--diff``,
2 usage, configuration or I/O error.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence

import click

from paperlint import __version__
from paperlint.engine import fix_document, lint_document
from paperlint.files import STDIN, FileError, discover, encode, read_document, write_document
from paperlint.report import FORMATS, FileResult, Report, render
from paperlint.report.text import summary
from paperlint.rules import ALL_RULES, UnknownRuleError, find_rule, select_rules
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

__all__ = ["cli", "main"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
_COMMANDS = ("check", "rule", "rules")


class _DefaultGroup(click.Group):
    """``paperlint PATHS`` means ``paperlint check PATHS``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in {"--help", "--version"}):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["--help"]})
@click.version_option(__version__, "--version", prog_name="paperlint")
def cli() -> None:
    """Lint and fix Markdown paper lists.

    \b
    paperlint [check] [PATHS]...   lint files, folders (*.md, recursively) or - for stdin
    paperlint rules                list the rules
    paperlint rule NAME            show a rule's documentation

    Run "paperlint check --help" for the options.
    """


def _split(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


@cli.command("check")
@click.argument("paths", nargs=-1)
@click.option(
    "--target",
    "targets",
    multiple=True,
    type=click.Choice(TARGETS),
    help="Renderer whose heading ids anchors must resolve on (repeatable; default github).",
)
@click.option("--select", multiple=True, help="Rules to run: codes, prefixes (PL2), names, ALL.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--fix", is_flag=True, help="Apply safe fixes in place.")
@click.option("--unsafe-fixes", is_flag=True, help="Also apply fixes that might change meaning.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--exit-zero", is_flag=True, help="Exit with 0 even when there are findings.")
@click.option("--stdin-filename", help="The name to report for standard input.")
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[str, ...],
    targets: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    output_format: str,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    exit_zero: bool,
    stdin_filename: str | None,
) -> None:
    """Lint paper lists: files, folders (searched for *.md) or - for standard input."""
    try:
        settings = Settings(
            targets=tuple(dict.fromkeys(targets)) or ("github",),
            select=_split(select) or ("ALL",),
            ignore=_split(ignore),
        )
        select_rules(settings.select, settings.ignore)
    except UnknownRuleError as exc:
        raise click.UsageError(str(exc)) from None
    report = Report(fix_mode=fix, unsafe_fixes=unsafe_fixes)
    fixing = fix or diff
    fixed_stdout: str | None = None
    diff_chunks: list[str] = []
    for path in discover(paths or ["."]):
        shown = (stdin_filename or "-") if path == STDIN else path
        try:
            document = read_document(path)
            if not fixing:
                report.files.append(FileResult(shown, document, lint_document(document, settings)))
                continue
            result = fix_document(document, settings, unsafe=unsafe_fixes)
            fixed = type(document)(result.text, bom=document.bom)
            if diff:
                diff_chunks.append(_unified_diff(shown, document.text, result.text))
                report.files.append(FileResult(shown, document, lint_document(document, settings)))
                continue
            if path == STDIN:
                fixed_stdout = encode(fixed).decode("utf-8")
            elif result.text != document.text:
                write_document(path, fixed)
            report.files.append(FileResult(shown, fixed, result.remaining, result.fixed))
        except FileError as exc:
            report.errors.append(str(exc))
            click.echo(f"paperlint: error: {exc}", err=True)

    if diff:
        changes = "".join(diff_chunks)
        click.echo(changes, nl=False)
        would = sum(1 for chunk in diff_chunks if chunk)
        click.echo(f"{would} file{'s' if would != 1 else ''} would be changed", err=True)
        ctx.exit(EXIT_ERROR if report.errors else EXIT_FINDINGS if changes else EXIT_CLEAN)

    if fixed_stdout is not None:
        sys.stdout.write(fixed_stdout)
        sys.stdout.flush()
        click.echo(render(report, output_format), nl=False, err=True)
    else:
        click.echo(render(report, output_format), nl=False)
        if output_format != "text" and (report.errors or report.diagnostics):
            click.echo(summary(report), err=True)

    if report.errors:
        ctx.exit(EXIT_ERROR)
    failing = any(d.severity.fails for _, d in report.diagnostics)
    ctx.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _unified_diff(path: str, before: str, after: str) -> str:
    if before == after:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    return "".join(
        line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
        for line in lines
    )


@cli.command("rules")
def rules_command() -> None:
    """List every rule: code, name, severity, fixability and summary."""
    width = max(len(rule.name) for rule in ALL_RULES)
    for rule in ALL_RULES:
        click.echo(
            f"{rule.code}  {rule.name:<{width}}  {rule.severity.value:<7}  "
            f"{rule.fixable.value:<9}  {rule.summary}"
        )


@cli.command("rule")
@click.argument("name")
def rule_command(name: str) -> None:
    """Show the documentation of a rule, by code or name."""
    try:
        rule = find_rule(name)
    except UnknownRuleError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(f"# {rule.name} ({rule.code})\n")
    click.echo(f"{rule.summary}\n")
    click.echo(f"Severity: {rule.severity.value}. Fixable: {rule.fixable.value}.\n")
    click.echo(rule.doc)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    try:
        result = cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.UsageError as exc:
        exc.show()
        return EXIT_ERROR
    except click.ClickException as exc:
        exc.show()
        return EXIT_ERROR
    except click.Abort:
        click.echo("paperlint: aborted", err=True)
        return EXIT_ERROR
    except Exception as exc:  # a bug in paperlint: one line, the traceback on request
        if os.environ.get("PAPERLINT_DEBUG"):
            raise
        click.echo(
            f"paperlint: internal error: {type(exc).__name__}: {exc} "
            "(set PAPERLINT_DEBUG=1 to see the traceback, and please report it)",
            err=True,
        )
        return EXIT_ERROR
    return result if isinstance(result, int) else EXIT_CLEAN
