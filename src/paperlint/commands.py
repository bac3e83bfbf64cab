"""The click commands of ``paperlint``: options, help and usage errors. Each command hands
its parsed options to the code in ``paperlint.cli``, which ``paperlint.cli.main`` runs."""

from __future__ import annotations

import importlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from paperlint import __version__
from paperlint.cli import EXIT_ERROR, run_check
from paperlint.config import ConfigError, ConfigFinder
from paperlint.report import FORMATS
from paperlint.rules import ALL_RULES, UnknownRuleError, find_rule, select_rules
from paperlint.slugs import TARGETS

__all__ = ["cli"]


# Subcommands imported only when used, so that linting does not pay for their imports.
_LAZY_COMMANDS = {
    "import": ("paperlint.import_cli", "import_command"),
    "detect": ("paperlint.detect_cli", "detect_command"),
    "export": ("paperlint.export_cli", "export_command"),
    "add": ("paperlint.add_cli", "add_command"),
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
    paperlint add LIST SOURCE...   add papers to a list, in the list's own format

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
    /,
    paths: tuple[str, ...],
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    **options: Any,
) -> None:
    """Lint paper lists: files, folders (searched for *.md) or - for standard input."""
    chosen, extended, ignored = _split(select), _split(extend_select), _split(ignore)
    try:
        select_rules(chosen or ("ALL",), ignored)
        select_rules(extended, ())
    except UnknownRuleError as exc:
        raise click.UsageError(str(exc)) from None
    # The other options go to run_check as click parsed them, by the same names.
    ctx.exit(run_check(paths, select=chosen, extend_select=extended, ignore=ignored, **options))


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


def _fail(ctx: click.Context, message: str) -> NoReturn:
    click.echo(f"paperlint: error: {message}", err=True)
    ctx.exit(EXIT_ERROR)
    raise AssertionError("unreachable")  # ctx.exit raises


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
