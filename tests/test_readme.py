"""The README's first screen is what a newcomer needs, no relative link in it or in docs/
leads nowhere (file or heading), and docs/usage.md names every command and option there is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from paperlint.cli import cli
from paperlint.slugs import heading_ids

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
USAGE = ROOT / "docs" / "usage.md"
# What a terminal or a repository page shows before one scrolls.
FIRST_SCREEN = 40
SET_UP_COMMANDS = ("./run demo", "./run test")
# A scheme (https:, mailto:) makes a link absolute; everything else is a path in the repository.
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def _tokens(path: Path) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))


def _links(tokens: list[Token]) -> Iterator[tuple[int, str, str]]:
    """(first line of the block, 0-based; "link" or "image"; destination) for every link."""
    for token in tokens:
        line = token.map[0] if token.map else -1
        for child in token.children or ():
            if child.type == "link_open":
                yield line, "link", str(child.attrs["href"])
            elif child.type == "image":
                yield line, "image", str(child.attrs["src"])


def _heading_ids(path: Path) -> set[str]:
    """The ids GitHub gives the headings of a Markdown file."""
    tokens = _tokens(path)
    texts = [
        "".join(child.content for child in inline.children or ())
        for opening, inline in pairwise(tokens)
        if opening.type == "heading_open"
    ]
    return set(heading_ids(texts, "github"))


def _markdown_files() -> list[Path]:
    return [README, *sorted((ROOT / "docs").rglob("*.md"))]


def test_first_screen_shows_the_picture_and_the_two_set_up_commands() -> None:
    tokens = _tokens(README)
    commands = [
        token.content.strip()
        for token in tokens
        if token.type == "fence" and token.map and token.map[1] <= FIRST_SCREEN
    ]
    for command in SET_UP_COMMANDS:
        assert command in commands, (
            f"README.md's first {FIRST_SCREEN} lines have no code block with {command!r}"
        )
    pictures = [
        src for line, kind, src in _links(tokens) if kind == "image" and 0 <= line < FIRST_SCREEN
    ]
    assert pictures, f"README.md's first {FIRST_SCREEN} lines show no picture"
    for src in pictures:
        assert not _SCHEME.match(src), f"the README's picture {src} is not in the repository"
        picture = ROOT / src
        assert picture.is_file(), f"the README's picture {src} is missing"
        assert picture.stat().st_size < 300_000, f"{src} is over 300 KB: ./run screenshots"


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs the first code block after the marker: it must stay `./run test`."""
    text = README.read_text(encoding="utf-8")
    assert "<!-- test-command -->" in text
    after = text.split("<!-- test-command -->", 1)[1]
    block = re.search(r"^```[a-z]*\n(.*?)^```", after, re.MULTILINE | re.DOTALL)
    assert block is not None
    assert block.group(1).strip() == "./run test"


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_relative_links_resolve(path: Path) -> None:
    """Every relative link leads to a file and, in a Markdown file, to one of its headings."""
    broken = []
    for line, _kind, destination in _links(_tokens(path)):
        if _SCHEME.match(destination):
            continue
        parts = urlsplit(destination)
        target = unquote(parts.path)
        if not target:
            file = path
        elif target.startswith("/"):
            file = ROOT / target.lstrip("/")
        else:
            file = path.parent / target
        if not file.is_file():
            broken.append(f"line {line + 1}: {destination} (no such file)")
        elif parts.fragment and file.suffix == ".md" and parts.fragment not in _heading_ids(file):
            broken.append(f"line {line + 1}: {destination} (no such heading)")
    assert broken == [], f"{path.relative_to(ROOT)} has links that lead nowhere: {broken}"


def test_usage_names_every_command_and_option() -> None:
    """docs/usage.md is written by hand: a new command or option must be added to it."""
    usage = USAGE.read_text(encoding="utf-8")
    context = click.Context(cli)
    missing = []
    for name in cli.list_commands(context):
        command = cli.get_command(context, name)
        assert command is not None
        if f"paperlint {name}" not in usage:
            missing.append(f"paperlint {name}")
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--") and not re.search(rf"{option}(?![\w-])", usage):
                    missing.append(f"paperlint {name} {option}")
    assert missing == [], f"docs/usage.md does not mention {missing}"
