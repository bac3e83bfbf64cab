"""The ``paperlint export`` command: a list's papers as BibTeX, CSL-JSON or an Atom feed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from paperlint.files import FileError, read_document
from paperlint.parse import parse

__all__ = ["export_command"]

EXIT_ERROR = 2


@click.command("export")
@click.argument("format_name", metavar="FORMAT", type=click.Choice(["bibtex", "csl-json", "atom"]))
@click.argument("path", metavar="LIST")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="atom: how many of the newest papers the feed holds.",
)
@click.option("--feed-url", help="atom: where the feed is published (its id and self link).")
@click.option("--site-url", help="atom: the page that shows the list (the alternate link).")
@click.pass_context
def export_command(
    ctx: click.Context,
    format_name: str,
    path: str,
    limit: int,
    feed_url: str | None,
    site_url: str | None,
) -> None:
    """Print the papers of LIST as BibTeX or CSL-JSON, in the list's order, or its newest
    papers as an Atom 1.0 feed.

    Keys are stable across runs (first title word and year); arXiv papers are @misc
    entries with eprint and archivePrefix, as arXiv exports them. The feed is the same on
    every run: entry ids are arXiv abs URLs or tag: URIs made from the titles, and its
    updated date is the newest paper's.
    """
    from paperlint.export import atom, bibtex, csl_json

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
    elif format_name == "atom":
        name = "" if path == "-" else Path(path).stem
        feed = atom(paper_list, name=name, limit=limit, feed_url=feed_url, site_url=site_url)
        click.echo(feed, nl=False)
    else:
        click.echo(json.dumps(csl_json(paper_list), ensure_ascii=False, indent=2))
