"""The ``paperlint`` command: parses arguments, calls the API, returns an exit code.

Exit codes: 0 clean, 1 findings (of severity error or warning) or changes under ``--diff``,
2 usage, configuration or I/O error.
"""

from __future__ import annotations

import difflib
import errno
import importlib
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, NoReturn, TextIO

import click

from paperlint import __version__
from paperlint.config import ConfigError, ConfigFinder
from paperlint.document import Document
from paperlint.engine import fix_document, lint_document
from paperlint.files import (
    STDIN,
    FileError,
    NotRegularFileError,
    OutputError,
    discover,
    encode,
    lose_stdout,
    os_reason,
    read_document,
    read_source,
    stdout_problem,
    write_document,
    write_stdout,
)
from paperlint.report import FORMATS, LINE_FORMATS, FileResult, Report, render_chunks
from paperlint.report.text import summary
from paperlint.rules import ALL_RULES, UnknownRuleError, find_rule, select_rules
from paperlint.slugs import TARGETS

__all__ = ["cli", "main"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


# Subcommands imported only when used, so that linting does not pay for their imports.
_LAZY_COMMANDS = {
    "import": ("paperlint.import_cli", "import_command"),
    "detect": ("paperlint.detect_cli", "detect_command"),
}


class _DefaultGroup(click.Group):
    """``paperlint PATHS`` means ``paperlint check PATHS``; some commands load lazily."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = args and (args[0] in self.commands or args[0] in _LAZY_COMMANDS)
        if not known and (not args or args[0] not in {"--help", "--version"}):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in _LAZY_COMMANDS and name not in self.commands:
            module, attribute = _LAZY_COMMANDS[name]
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, name)
        return super().get_command(ctx, name)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["--help"]})
@click.version_option(__version__, "--version", prog_name="paperlint")
def cli() -> None:
    """Lint and fix Markdown paper lists.

    \b
    paperlint [check] [PATHS]...   lint files, folders (*.md, recursively) or - for stdin
    paperlint rules                list the rules
    paperlint rule NAME            show a rule's documentation
    paperlint config [PATH]        show the configuration that applies to PATH
    paperlint import FORMAT FILE   turn paper search results into a clean list

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
@click.option("--extend-select", multiple=True, help="Rules to run on top of the selection.")
@click.option("--ignore", multiple=True, help="Rules to skip: codes, prefixes or names.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file to use instead of the nearest one.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@click.option(
    "--show-info",
    is_flag=True,
    help="Show info findings in text, GitHub and --statistics output (JSON, SARIF, JUnit: always).",
)
@click.option(
    "--output-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file instead of standard output.",
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
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: Path | None,
    output_format: str,
    statistics: bool,
    show_info: bool,
    output_file: Path | None,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    exit_zero: bool,
    stdin_filename: str | None,
) -> None:
    """Lint paper lists: files, folders (searched for *.md) or - for standard input."""
    overrides = {
        "select": _split(select),
        "extend_select": _split(extend_select),
        "ignore": _split(ignore),
        "targets": tuple(dict.fromkeys(targets)),
    }
    try:
        select_rules(overrides["select"] or ("ALL",), overrides["ignore"])
        select_rules(overrides["extend_select"], ())
    except UnknownRuleError as exc:
        raise click.UsageError(str(exc)) from None
    fixing = fix or diff
    if unsafe_fixes and not fixing:
        click.echo(
            "paperlint: warning: --unsafe-fixes does nothing without --fix or --diff", err=True
        )
    try:
        finder = ConfigFinder(config_path)
        show_info = show_info or finder.for_path(None).show_info
    except ConfigError as exc:
        _fail(ctx, str(exc))
    line_format = statistics or output_format in LINE_FORMATS
    report = Report(fix_mode=fix, unsafe_fixes=unsafe_fixes, show_info=show_info or not line_format)
    named = set(paths or ["."])
    found = list(_discover(paths, report))
    if output_file is not None and any(_same_file(output_file, path) for path in found):
        _fail(ctx, f"--output-file {output_file} is one of the files to check; choose another")
    fixed_stdout: bytes | None = None
    diff_chunks: list[str] = []
    for path in found:
        is_stdin = path == STDIN
        shown = (stdin_filename or "-") if is_stdin else path
        location = Path(shown) if not is_stdin or stdin_filename else None
        try:
            configuration = finder.for_path(location)
            if location is not None and configuration.is_excluded(location):
                continue
            settings = configuration.settings_for(location, **overrides)
            source = read_source(path) if fix else None
            document = source.document if source else read_document(path)
            if not fixing:
                report.files.append(FileResult(shown, document, lint_document(document, settings)))
                continue
            result = fix_document(document, settings, unsafe=unsafe_fixes)
            fixed = Document(result.text, bom=document.bom)
            if diff:
                diff_chunks.append(_unified_diff(shown, document.text, result.text))
                report.files.append(FileResult(shown, document, lint_document(document, settings)))
                continue
            if is_stdin:
                fixed_stdout = encode(fixed)
            elif result.text != document.text:
                write_document(path, fixed, source.snapshot if source else None)
            report.files.append(FileResult(shown, fixed, result.remaining, result.fixed))
        except ConfigError as exc:
            _fail(ctx, str(exc))
        except NotRegularFileError as exc:
            if path in named:  # asked for by name: that it cannot be checked is an error
                report.errors.append(str(exc))
                click.echo(f"paperlint: error: {exc}", err=True)
            else:
                click.echo(f"paperlint: warning: {exc}; skipped", err=True)
        except FileError as exc:
            report.errors.append(str(exc))
            click.echo(f"paperlint: error: {exc}", err=True)

    if not report.files and not report.errors:
        click.echo("paperlint: warning: no Markdown files found", err=True)

    if diff:
        changes = "".join(diff_chunks)
        _to_stdout(ctx, lambda stream: stream.write(changes), instead="")
        would = sum(1 for chunk in diff_chunks if chunk)
        click.echo(f"{would} file{'s' if would != 1 else ''} would be changed", err=True)
        ctx.exit(EXIT_ERROR if report.errors else EXIT_FINDINGS if changes else EXIT_CLEAN)

    chunks = (render_statistics(report),) if statistics else render_chunks(report, output_format)
    if fixed_stdout is not None:
        _to_stdout(ctx, fixed_stdout, instead="")
        _write_chunks(chunks, sys.stderr)
    elif output_file is not None:
        try:
            with output_file.open("w", encoding="utf-8", newline="") as stream:
                _write_chunks(chunks, stream)
        except OSError as exc:
            _fail(ctx, f"{output_file}: cannot write the report: {os_reason(exc)}")
        click.echo(summary(report), err=True)
    else:
        _to_stdout(
            ctx,
            lambda stream: _write_chunks(chunks, stream),
            instead="write the report with --output-file",
        )
        has_findings = any(result.diagnostics for result in report.files)
        if output_format != "text" and not statistics and (report.errors or has_findings):
            click.echo(summary(report), err=True)

    if report.errors:
        ctx.exit(EXIT_ERROR)
    failing = any(d.severity.fails for _, d in report.iter_diagnostics())
    ctx.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _discover(paths: Sequence[str], report: Report) -> Iterator[str]:
    """The files to lint; a folder named on the command line that holds no Markdown file is
    an error, so that a mistyped or emptied folder does not pass CI green."""
    if not paths:
        yield from discover(["."])
        return
    for given in paths:
        found = False
        for path in discover([given]):
            found = True
            yield path
        if not found:
            error = f"{given}: no Markdown file (*.md, *.markdown) in this folder"
            report.errors.append(error)
            click.echo(f"paperlint: error: {error}", err=True)


def _same_file(output: Path, path: str) -> bool:
    if path == STDIN:
        return False
    try:
        return os.path.samefile(output, path)
    except OSError:  # either does not exist (yet): not the same file
        return False


def _to_stdout(
    ctx: click.Context, content: bytes | Callable[[TextIO], object], *, instead: str
) -> None:
    try:
        write_stdout(content, instead=instead)
    except OutputError as exc:
        _fail(ctx, str(exc))


def _write_chunks(chunks: Iterable[str], stream: TextIO) -> None:
    """Write a report as it is made, a few thousand lines at a time."""
    batch: list[str] = []
    for chunk in chunks:
        batch.append(chunk)
        if len(batch) >= 2048:
            stream.write("".join(batch))
            batch.clear()
    stream.write("".join(batch))
    stream.flush()


def _fail(ctx: click.Context, message: str) -> NoReturn:
    click.echo(f"paperlint: error: {message}", err=True)
    ctx.exit(EXIT_ERROR)
    raise AssertionError("unreachable")  # ctx.exit raises


def render_statistics(report: Report) -> str:
    """Findings per rule, most frequent first, as ruff's --statistics prints them."""
    counts: Counter[str] = Counter()
    rules = {}
    fixable: Counter[str] = Counter()
    for _, d in report.iter_shown():
        counts[d.code] += 1
        rules[d.code] = d.rule
        if d.fix is not None:
            fixable[d.code] += 1
    lines = []
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = "[*]" if fixable[code] == count else "[-]" if fixable[code] else "   "
        lines.append(f"{count:>6}  {code}  {mark} {rules[code].name}")
    if fixable:
        # The marks are ruff's, but not every reader knows ruff.
        lines.append(
            "[*] every finding has a fix, [-] some do; --fix applies the safe ones,"
            " --unsafe-fixes the rest"
        )
    lines.append(summary(report))
    return "\n".join(lines) + "\n"


@cli.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Configuration file to use instead of the nearest one.",
)
@click.pass_context
def config_command(ctx: click.Context, path: Path | None, config_path: Path | None) -> None:
    """Print the configuration that applies to PATH (default: the current folder) as JSON."""
    try:
        finder = ConfigFinder(config_path)
        target = path if path is None or not path.is_dir() else path / "_"
        configuration = finder.for_path(target)
    except ConfigError as exc:
        _fail(ctx, str(exc))
    click.echo(json.dumps(configuration.describe(), indent=2, ensure_ascii=False))


def _unified_diff(path: str, before: str, after: str) -> str:
    if before == after:
        return ""
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


@cli.command("rules")
def rules_command() -> None:
    """List every rule: code, name, severity, fixability and summary."""
    width = max(len(rule.name) for rule in ALL_RULES)
    click.echo(f"{'code':<5}  {'name':<{width}}  {'severity':<8}  {'fixable':<9}  summary")
    for rule in ALL_RULES:
        click.echo(
            f"{rule.code:<5}  {rule.name:<{width}}  {rule.severity.value:<8}  "
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
    _fill_closed_streams()
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        sys.stdout = _ClosedOutput()
    try:
        result = cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
        sys.stdout.flush()  # a full standard output fails here, not at exit
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:  # usage errors included: one line, not click's block
        message = " ".join(exc.format_message().split()).rstrip(".")
        click.echo(f"paperlint: error: {message}", err=True)
        return EXIT_ERROR
    except click.Abort:
        click.echo("paperlint: aborted", err=True)
        return EXIT_ERROR
    except OSError as exc:
        # Reading and writing the lists is guarded where it happens; what gets here is
        # printing to standard output (help, rules, a rule's page) that failed.
        if exc.errno not in _OUTPUT_ERRORS:
            return _internal_error(exc)
        lose_stdout()
        click.echo(f"paperlint: error: {stdout_problem(exc)}", err=True)
        return EXIT_ERROR
    except Exception as exc:
        return _internal_error(exc)
    return result if isinstance(result, int) else EXIT_CLEAN


_OUTPUT_ERRORS = frozenset(
    {errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG}
)


def _internal_error(exc: Exception) -> int:
    """A bug in paperlint: one line, the traceback on request."""
    if os.environ.get("PAPERLINT_DEBUG"):
        raise exc
    click.echo(
        f"paperlint: internal error: {type(exc).__name__}: {exc} "
        "(set PAPERLINT_DEBUG=1 to see the traceback, and please report it)",
        err=True,
    )
    return EXIT_ERROR


class _ClosedOutput(io.TextIOBase):
    """Standard output for a process started without one: every write fails as a write
    to a closed descriptor does, so that it is reported instead of silently lost."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "Bad file descriptor")

    @property
    def buffer(self) -> BinaryIO:
        raise OSError(errno.EBADF, "Bad file descriptor")


def _fill_closed_streams() -> None:
    """Open the null device on a closed standard descriptor (0, 1 or 2), so that a file
    paperlint opens later does not get that number and receive output meant for it."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
