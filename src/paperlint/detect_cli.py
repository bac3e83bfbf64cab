"""The ``paperlint detect`` command: which list format each file was read as."""

from __future__ import annotations

from pathlib import Path

import click

from paperlint.config import ConfigError, ConfigFinder
from paperlint.files import FileError, NotRegularFileError, discover, read_document
from paperlint.parse import parse

__all__ = ["detect_command"]

EXIT_ERROR = 2


@click.command("detect")
@click.argument("paths", nargs=-1)
@click.pass_context
def detect_command(ctx: click.Context, paths: tuple[str, ...]) -> None:
    """Print, for each file, the list format it is read as, how surely, and its entries.

    A file that holds no paper list (a README, a CHANGELOG) is "none": no entry-level rule
    runs on it. A file that mixes formats names the main one, then each section's. A format
    the configuration names for a file (format, per-file-format) is marked "configured".
    """
    rows: list[tuple[str, str, str, str]] = []
    mixed: dict[int, list[str]] = {}  # per row, the lines of its sections' formats
    errors = 0
    named = set(paths or ["."])
    try:
        finder = ConfigFinder()
    except ConfigError as exc:
        click.echo(f"paperlint: error: {exc}", err=True)
        ctx.exit(EXIT_ERROR)
    for path in discover(paths or ["."]):
        try:
            settings = finder.for_path(Path(path)).settings_for(Path(path))
            document = read_document(path)
            detection = parse(
                document, format=settings.format, labels=settings.labels, columns=settings.columns
            ).format
        except NotRegularFileError as exc:
            if path in named:  # asked for by name, as "paperlint check" does: an error
                click.echo(f"paperlint: error: {exc}", err=True)
                errors += 1
            else:
                click.echo(f"paperlint: warning: {exc}; skipped", err=True)
            continue
        except (FileError, ConfigError) as exc:
            click.echo(f"paperlint: error: {exc}", err=True)
            errors += 1
            continue
        if detection.sections:
            mixed[len(rows)] = [
                f"  line {section.line}: {section.name}, {section.entries} "
                f"entr{'y' if section.entries == 1 else 'ies'}"
                + (f" ({section.heading})" if section.heading else "")
                for section in detection.sections
            ]
        rows.append(
            (
                path,
                detection.name + (" (configured)" if settings.format != "auto" else ""),
                f"{detection.confidence:.2f}",
                f"{detection.entries} entr{'y' if detection.entries == 1 else 'ies'}",
            )
        )
    if rows:
        widths = [max(len(row[column]) for row in rows) for column in range(3)]
        for number, row in enumerate(rows):
            click.echo(
                f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}"
            )
            for line in mixed.get(number, ()):
                click.echo(line)
    if errors:
        ctx.exit(EXIT_ERROR)
