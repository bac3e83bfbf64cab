"""The ``paperlint`` command: parses arguments, calls the API, returns an exit code.

The commands, their options and help are click's, in ``paperlint.commands``; this module
runs them, and runs a check without options itself, without importing click.

Exit codes: 0 clean, 1 findings (of severity error or warning) or changes under ``--diff``,
2 usage, configuration or I/O error.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from paperlint.config import ConfigError, ConfigFinder
from paperlint.engine import fix_and_keep, lint_document
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
from paperlint.report import LINE_FORMATS, FileResult, Report, render_chunks
from paperlint.report.text import summary

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any, BinaryIO, NoReturn, ParamSpec, TextIO

    from paperlint.commands import cli

    _P = ParamSpec("_P")

__all__ = ["cli", "main", "run_check"]

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def __getattr__(name: str) -> Any:
    if name == "cli":  # the click group (for click's test runner), imported when asked for
        from paperlint.commands import cli as group

        return group
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _exit_code(check: Callable[_P, int]) -> Callable[_P, int]:
    """Let ``check`` stop anywhere with ``_fail`` and still return its exit code."""

    @functools.wraps(check)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> int:
        try:
            return check(*args, **kwargs)
        except _Stop as stop:
            return stop.code

    return run


@_exit_code
def run_check(
    paths: Sequence[str],
    *,
    targets: tuple[str, ...] = (),
    select: tuple[str, ...] = (),
    extend_select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    config_path: Path | None = None,
    output_format: str = "text",
    statistics: bool = False,
    show_info: bool = False,
    output_file: Path | None = None,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    exit_zero: bool = False,
    stdin_filename: str | None = None,
) -> int:
    """``paperlint check``, its options already parsed and the rule selectors known to be
    valid: lint (or fix) the files and print the report; return the exit code."""
    overrides = {
        "select": select,
        "extend_select": extend_select,
        "ignore": ignore,
        "targets": tuple(dict.fromkeys(targets)),
    }
    fixing = fix or diff
    if unsafe_fixes and not fixing:
        _echo_stderr("paperlint: warning: --unsafe-fixes does nothing without --fix or --diff")
    try:
        finder = ConfigFinder(config_path)
        show_info = show_info or finder.for_path(None).show_info
    except ConfigError as exc:
        _fail(str(exc))
    line_format = statistics or output_format in LINE_FORMATS
    report = Report(fix_mode=fix, unsafe_fixes=unsafe_fixes, show_info=show_info or not line_format)
    named = set(paths or ["."])
    found = list(_discover(paths, report))
    if output_file is not None and any(_same_file(output_file, path) for path in found):
        _fail(f"--output-file {output_file} is one of the files to check; choose another")
    fixed_stdout: bytes | None = None
    diff_chunks: list[str] = []
    for path in found:
        is_stdin = path == STDIN
        shown = (stdin_filename or "-") if is_stdin else path
        location = shown if not is_stdin or stdin_filename else None
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
            result, fixed, as_given = fix_and_keep(document, settings, unsafe=unsafe_fixes)
            if diff:
                from paperlint.diffs import unified_diff  # only for --diff

                diff_chunks.append(unified_diff(shown, document.text, result.text))
                report.files.append(FileResult(shown, document, as_given))
                continue
            if is_stdin:
                fixed_stdout = encode(fixed)
            elif result.text != document.text:
                write_document(path, fixed, source.snapshot if source else None)
            report.files.append(FileResult(shown, fixed, result.remaining, result.fixed))
        except ConfigError as exc:
            _fail(str(exc))
        except NotRegularFileError as exc:
            if path in named:  # asked for by name: that it cannot be checked is an error
                report.errors.append(str(exc))
                _echo_stderr(f"paperlint: error: {exc}")
            else:
                _echo_stderr(f"paperlint: warning: {exc}; skipped")
        except FileError as exc:
            report.errors.append(str(exc))
            _echo_stderr(f"paperlint: error: {exc}")

    if not report.files and not report.errors:
        _echo_stderr("paperlint: warning: no Markdown files found")

    if diff:
        changes = "".join(diff_chunks)
        _to_stdout(lambda stream: stream.write(changes), instead="")
        would = sum(1 for chunk in diff_chunks if chunk)
        _echo_stderr(f"{would} file{'s' if would != 1 else ''} would be changed")
        return EXIT_ERROR if report.errors else EXIT_FINDINGS if changes else EXIT_CLEAN

    chunks = (render_statistics(report),) if statistics else render_chunks(report, output_format)
    if fixed_stdout is not None:
        _to_stdout(fixed_stdout, instead="")
        _write_chunks(chunks, sys.stderr)
    elif output_file is not None:
        try:
            with output_file.open("w", encoding="utf-8", newline="") as stream:
                _write_chunks(chunks, stream)
        except OSError as exc:
            _fail(f"{output_file}: cannot write the report: {os_reason(exc)}")
        _echo_stderr(summary(report))
    else:
        _to_stdout(
            lambda stream: _write_chunks(chunks, stream),
            instead="write the report with --output-file",
        )
        has_findings = any(result.diagnostics for result in report.files)
        if output_format != "text" and not statistics and (report.errors or has_findings):
            _echo_stderr(summary(report))

    if report.errors:
        return EXIT_ERROR
    failing = any(d.severity.fails for _, d in report.iter_diagnostics())
    return EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN


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
            _echo_stderr(f"paperlint: error: {error}")


def _same_file(output: Path, path: str) -> bool:
    if path == STDIN:
        return False
    try:
        return os.path.samefile(output, path)
    except OSError:  # either does not exist (yet): not the same file
        return False


def _to_stdout(content: bytes | Callable[[TextIO], object], *, instead: str) -> None:
    try:
        write_stdout(content, instead=instead)
    except OutputError as exc:
        _fail(str(exc))


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


class _Stop(Exception):
    """Ends a check early with an exit code."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _fail(message: str) -> NoReturn:
    _echo_stderr(f"paperlint: error: {message}")
    raise _Stop(EXIT_ERROR)


def _echo_stderr(message: str) -> None:
    """A line on standard error, written by click as every message of the command line
    is (imported here: a check that prints none does not import click)."""
    import click

    click.echo(message, err=True)


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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    _fill_closed_streams()
    if sys.stdout is None:  # started with standard output closed (``>&-``)
        sys.stdout = _ClosedOutput()
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        paths = _plain_check_paths(args)
        if paths is None:
            return _click_main(args)
        # A check without options, as pre-commit runs it, runs without click: importing
        # click and building the commands took 17 ms (19%) of an 88 ms run on 10 entries.
        try:
            result = run_check(paths)
        except (EOFError, KeyboardInterrupt):  # as click reports them
            _echo_stderr("")
            _echo_stderr("paperlint: aborted")
            return EXIT_ERROR
        sys.stdout.flush()  # a full standard output fails here, not at exit
        return result
    except OSError as exc:
        # Reading and writing the lists is guarded where it happens; what gets here is
        # printing to standard output (help, rules, a rule's page) that failed.
        if exc.errno not in _OUTPUT_ERRORS:
            return _internal_error(exc)
        lose_stdout()
        _echo_stderr(f"paperlint: error: {stdout_problem(exc)}")
        return EXIT_ERROR
    except Exception as exc:
        return _internal_error(exc)


_COMMANDS = frozenset({"add", "check", "config", "detect", "export", "import", "rule", "rules"})


def _plain_check_paths(args: list[str]) -> list[str] | None:
    """The paths of ``paperlint [check] PATHS...`` without any option, which click would
    read the same way; None for every other command line."""
    if args and args[0] == "check":
        args = args[1:]
    elif args and args[0] in _COMMANDS:
        return None
    if any(arg.startswith("-") and arg != "-" for arg in args):
        return None
    # Shell completion is click's, asked for through an environment variable.
    if any(name.endswith("_COMPLETE") for name in os.environ):
        return None
    return args


def _click_main(args: list[str]) -> int:
    import click

    from paperlint.commands import cli

    try:
        result = cli.main(args=args, standalone_mode=False)
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
    return result if isinstance(result, int) else EXIT_CLEAN


_OUTPUT_ERRORS = frozenset(
    {errno.EPIPE, errno.ENOSPC, errno.EBADF, errno.EIO, errno.EDQUOT, errno.EFBIG}
)


def _internal_error(exc: Exception) -> int:
    """A bug in paperlint: one line, the traceback on request."""
    if os.environ.get("PAPERLINT_DEBUG"):
        raise exc
    _echo_stderr(
        f"paperlint: internal error: {type(exc).__name__}: {exc} "
        "(set PAPERLINT_DEBUG=1 to see the traceback, and please report it)"
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
