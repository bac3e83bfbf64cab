"""The ``paperlint export`` command: a list's papers as BibTeX or CSL-JSON."""

from __future__ import annotations

import json

import click

from paperlint.files import FileError, read_document
from paperlint.parse import parse

__all__ = ["export_command"]

EXIT_ERROR = 2


@click.command("export")
@click.argument("format_name", metavar="FORMAT", type=click.Choice(["bibtex", "csl-json"]))
@click.argument("path", metavar="LIST")
@click.pass_context
def export_command(ctx: click.Context, format_name: str, path: str) -> None:
    """Print the papers of LIST as BibTeX or CSL-JSON, in the list's order.

    Keys are stable across runs (first title word and year); arXiv papers are @misc
    entries with eprint and archivePrefix, as arXiv exports them.
    """
    from paperlint.export import bibtex, csl_json

    try:
        paper_list = parse(read_document(path))
    except FileError as exc:
        click.echo(f"paperlint: error: {exc}", err=True)
        ctx.exit(EXIT_ERROR)
    if paper_list.format.name == "none":
        click.echo(f"paperlint: error: {path}: no paper list found (paperlint detect)", err=True)
        ctx.exit(EXIT_ERROR)
    if format_name == "bibtex":
        click.echo(bibtex(paper_list), nl=False)
    else:
        click.echo(json.dumps(csl_json(paper_list), ensure_ascii=False, indent=2))
