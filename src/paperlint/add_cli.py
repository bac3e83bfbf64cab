"""The ``paperlint add`` command: papers (arXiv ids, search results, BibTeX) -> an existing
list, in the list's own format."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import click

from paperlint.arxiv import ArxivId, parse_arxiv_id, parse_arxiv_url
from paperlint.config import ConfigError, ConfigFinder
from paperlint.document import Document
from paperlint.files import FileError, read_document, read_source, write_document
from paperlint.importers import FORMATS, ImportFailure, Paper, read

__all__ = ["add_command"]

EXIT_ERROR = 2

# A source file's format, from its name when the name says it.
_SUFFIXES = {
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "arxiv-atom",
    ".atom": "arxiv-atom",
}


def _fail(ctx: click.Context, message: str) -> NoReturn:
    click.echo(f"paperlint: error: {message}", err=True)
    ctx.exit(EXIT_ERROR)
    raise AssertionError("unreachable")  # ctx.exit raises


def _arxiv_id(source: str) -> ArxivId | str:
    """The arXiv id a source names (``2506.09634``, ``arXiv:2506.09634v2``, an arXiv URL),
    or why it names none."""
    if "://" in source or source.startswith(("arxiv.org/", "www.arxiv.org/")):
        parsed = parse_arxiv_url(source if "://" in source else f"https://{source}")
        if parsed is None:
            return "not an arXiv URL"
        return parsed.id if parsed.id is not None else str(parsed.problem)
    return parse_arxiv_id(source.removeprefix("arXiv:").removeprefix("arxiv:"))


def _guess_format(path: str, text: str) -> str | None:
    by_name = _SUFFIXES.get(Path(path).suffix.lower())
    if by_name is not None:
        return by_name
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("<"):
        return "arxiv-atom"
    if start.startswith("@"):
        return "bibtex"
    if start.startswith("{"):
        return "jsonl"
    if Path(path).suffix.lower() == ".txt":
        return "hf-papers"
    return None


@click.command("add", context_settings={"help_option_names": ["--help"]})
@click.argument("path", metavar="LIST")
@click.argument("sources", metavar="SOURCE...", nargs=-1, required=True)
@click.option(
    "--section",
    metavar="NAME",
    help="The heading to add under (default: the year's section, else the first with entries).",
)
@click.option(
    "--from",
    "source_format",
    type=click.Choice(sorted(FORMATS)),
    help="Format of the SOURCE files (default: from their name or first character).",
)
@click.option(
    "--arxiv-response",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A saved arXiv API response (Atom XML) with the arXiv papers' metadata.",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A JSON cache of arXiv metadata: read first, written after a --fetch.",
)
@click.option("--fetch", is_flag=True, help="Ask the arXiv API for papers not found otherwise.")
@click.option(
    "--arxiv-api",
    default=None,
    metavar="URL",
    help="The arXiv API's address (default https://export.arxiv.org/api/query).",
)
@click.option("--dry-run", is_flag=True, help="Print the change as a unified diff; write nothing.")
@click.pass_context
def add_command(
    ctx: click.Context,
    path: str,
    sources: tuple[str, ...],
    section: str | None,
    source_format: str | None,
    arxiv_response: Path | None,
    cache: Path | None,
    fetch: bool,
    arxiv_api: str | None,
    dry_run: bool,
) -> None:
    """Add papers to the paper list LIST, each written as the list writes its entries.

    \b
    SOURCE is an arXiv id or URL (2506.09634, https://arxiv.org/abs/2506.09634v2), or a
    file of papers: BibTeX (.bib), an arXiv API response (.xml), JSON Lines (.jsonl) or
    text copied from a Hugging Face papers page (.txt); --from names the format.

    An arXiv paper's title, date, authors and abstract come from --arxiv-response, else
    --cache, else (only with --fetch) the arXiv API. Each paper goes to its date's place
    in the section --section names, else in the section of its year where the list has
    a section per year, else in the first section with entries. Papers the list already
    has (same arXiv id in any version, or same title) are skipped.
    """
    from paperlint.add import AddError, add_papers, arxiv_ids
    from paperlint.arxiv_meta import DEFAULT_API, MetadataError, lookup
    from paperlint.parse import parse

    try:
        configuration = ConfigFinder(None).for_path(Path(path))
        settings = configuration.settings_for(Path(path))
        target = read_source(path)
    except (ConfigError, FileError) as exc:
        _fail(ctx, str(exc))
    document = target.document
    paper_list = parse(
        document, format=settings.format, labels=settings.labels, columns=settings.columns
    )
    listed = arxiv_ids(paper_list)

    papers: list[Paper | ArxivId] = []
    skipped = 0
    for source in sources:
        if source != "-" and os.path.exists(source):
            papers.extend(_read_papers(ctx, source, source_format))
            continue
        arxiv = _arxiv_id(source)
        if isinstance(arxiv, str):
            _fail(ctx, f"{source}: no such file, and not an arXiv id or URL ({arxiv})")
        if arxiv.id in listed:  # no need to look it up
            click.echo(f"paperlint: skipped arXiv {arxiv.id}: the list has it", err=True)
            skipped += 1
            continue
        papers.append(arxiv)

    ids = [item for item in papers if isinstance(item, ArxivId)]
    try:
        response = read_document(str(arxiv_response)).text if arxiv_response else None
        found = (
            lookup(
                ids,
                response=response,
                cache=cache,
                allow_fetch=fetch,
                api_url=arxiv_api or DEFAULT_API,
            )
            if ids
            else {}
        )
    except (FileError, MetadataError) as exc:
        _fail(ctx, str(exc))
    resolved = [found[item.id] if isinstance(item, ArxivId) else item for item in papers]

    try:
        result = add_papers(paper_list, resolved, section=section, settings=settings)
    except AddError as exc:
        _fail(ctx, f"{path}: {exc}")

    for paper in result.duplicates:
        click.echo(f'paperlint: skipped "{paper.title}": the list has it', err=True)
    if dry_run:
        from paperlint.diffs import unified_diff

        click.echo(unified_diff(path, document.text, result.text), nl=False)
    elif result.added:
        try:
            write_document(path, Document(result.text, bom=document.bom), target.snapshot)
        except FileError as exc:
            _fail(ctx, str(exc))
    count = len(result.added)
    verb = "would add" if dry_run else "added"
    click.echo(
        f"paperlint: {verb} {count} paper{'' if count == 1 else 's'} to {path}; "
        f"skipped {len(result.duplicates) + skipped} the list has",
        err=True,
    )


def _read_papers(ctx: click.Context, source: str, source_format: str | None) -> list[Paper]:
    try:
        text = read_document(source).text
    except FileError as exc:
        _fail(ctx, str(exc))
    name = source_format or _guess_format(source, text)
    if name is None:
        _fail(ctx, f"{source}: cannot tell the file's format; name it with --from")
    try:
        result = read(name, text)
    except ImportFailure as exc:
        _fail(ctx, f"{source}: {exc}")
    for notice in (*result.skipped, *result.warnings):
        click.echo(f"paperlint: warning: {source}: {notice}", err=True)
    if not result.papers:
        _fail(ctx, f"{source}: no paper found in it as {name}")
    return result.papers
