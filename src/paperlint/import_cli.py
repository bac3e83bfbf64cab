"""The ``paperlint import`` command: paper search results -> a new or extended paper list."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import click

from paperlint.document import Document
from paperlint.files import (
    STDIN,
    FileError,
    OutputError,
    encode,
    os_reason,
    read_document,
    read_source,
    write_document,
    write_stdout,
)
from paperlint.importers import (
    DEFAULT_TITLE,
    FORMATS,
    ImportFailure,
    Written,
    append,
    new_list,
    read,
)

__all__ = ["import_command"]

EXIT_ERROR = 2


def _fail(ctx: click.Context, message: str) -> NoReturn:
    click.echo(f"paperlint: error: {message}", err=True)
    ctx.exit(EXIT_ERROR)
    raise AssertionError("unreachable")  # ctx.exit raises


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@click.command("import", context_settings={"help_option_names": ["--help"]})
@click.argument("format_name", metavar="FORMAT")
@click.argument("file", metavar="FILE")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The list to write (a new file), or to extend with --append. Default: stdout.",
)
@click.option("--append", "append_", is_flag=True, help="Add the papers to the existing OUTPUT.")
@click.option("--title", help=f'Title of a new list (default "{DEFAULT_TITLE}").')
@click.option(
    "--year",
    type=click.IntRange(1991, 9999),
    help='Year of dates written without one (hf-papers: "Feb 6" on this year\'s page).',
)
@click.pass_context
def import_command(
    ctx: click.Context,
    format_name: str,
    file: str,
    output: Path | None,
    append_: bool,
    title: str | None,
    year: int | None,
) -> None:
    """Turn paper search results in FILE (- for stdin) into a paper list.

    \b
    FORMAT is one of:
      hf-papers    text copied from a Hugging Face "Daily Papers" search page
      arxiv-atom   a response of the arXiv API (Atom XML)
      jsonl        one JSON object a line: title, url or pdf_url, summary, published
      bibtex       a BibTeX file (arXiv papers by eprint, others by url or doi)

    Papers the list already has (same arXiv id or title) are skipped; records that cannot
    be read are skipped with a warning. A summary goes to standard error.
    """
    if format_name not in FORMATS:
        _fail(ctx, f'unknown format "{format_name}"; choose from {", ".join(FORMATS)}')
    if append_ and output is None:
        _fail(ctx, "--append needs the list to extend: give it with -o")
    if append_ and title is not None:
        _fail(ctx, "--title names a new list; it cannot be used with --append")
    if output is not None and not append_ and output.exists():
        _fail(ctx, f"{output}: exists; pass --append to add to it, or write another file")

    shown = "<stdin>" if file == STDIN else file
    try:
        source = read_document(file)
    except FileError as exc:
        _fail(ctx, str(exc))
    if not source.text.strip():
        _fail(ctx, f"{shown}: empty file")
    try:
        result = read(format_name, source.text, year=year)
    except ImportFailure as exc:
        _fail(ctx, f"{shown}: {exc}")
    for notice in (*result.skipped, *result.warnings):
        click.echo(f"paperlint: warning: {shown}: {notice}", err=True)
    if not result.papers:
        _fail(ctx, f"{shown}: no paper found in it as {format_name}")

    written: Written
    try:
        if append_ and output is not None:
            target = read_source(str(output))
            written = append(target.document, result.papers)
            if written.added:
                fixed = Document(written.text, bom=target.document.bom)
                write_document(str(output), fixed, target.snapshot)
        else:
            written = new_list(result.papers, title or DEFAULT_TITLE)
            data = encode(Document(written.text))
            if output is None:
                write_stdout(data, instead="give the list with -o")
            else:
                _create(output, data)
    except (FileError, OutputError) as exc:
        _fail(ctx, str(exc))

    without_paper = sum(1 for paper in written.added if not paper.paper_link)
    click.echo(
        f"paperlint: imported {_plural(len(written.added), 'paper')}; skipped "
        f"{len(written.duplicates)} as duplicates, {len(result.skipped)} as unreadable; "
        f"{without_paper} without a Paper link",
        err=True,
    )


def _create(path: Path, data: bytes) -> None:
    try:
        with path.open("xb") as stream:
            stream.write(data)
    except FileExistsError:
        raise FileError(str(path), "exists; pass --append to add to it") from None
    except OSError as exc:
        raise FileError(str(path), f"cannot write: {os_reason(exc)}") from None
