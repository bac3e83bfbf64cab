"""The list page's stylesheet and script, put on the page by the extension itself where no
host adds them.

The MkDocs plugin copies ``paperlist.css`` and ``paperlist.js`` into the site and links them
from every page; the Sphinx extension adds them to ``_static``. Zensical runs Python-Markdown
extensions but no MkDocs plugins, and a bare ``markdown.markdown(text, extensions=["paperlist"])``
has no site at all: there the extension's option ``assets = "inline"`` (the default) writes a
``<style>`` before and a ``<script>`` after the page's content, once per page, and only on pages
where it renders a list. The plugin and the directive set ``assets = "external"``.

Both are written after the HTML sanitizer has run (it rightly removes every ``<style>`` and
``<script>``), so only these two, read from the package, ever get past it.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Final, Protocol

from markdown import Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

__all__ = ["ASSETS", "ASSET_MODES", "SCRIPT", "STYLESHEET", "inline_assets", "register"]

ASSETS: Final = Path(__file__).parent / "assets"
STYLESHEET: Final = "paperlist.css"
SCRIPT: Final = "paperlist.js"
ASSET_MODES: Final = ("inline", "external")
"""``inline``: the extension writes the CSS and JS into each list page; ``external``: the
host links the shipped files (the MkDocs plugin and the Sphinx extension do)."""


class _Extension(Protocol):
    """What the inliner needs of the paperlist extension."""

    def getConfig(self, key: str, default: object = "") -> object: ...

    def renders_a_list(self) -> bool: ...


@cache
def _read(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    # "</" would end the element early ("</script>" in a string): "<\/" means the same in
    # a JavaScript string and in a CSS string or comment, the only places "<" appears.
    return text.replace("</", "<\\/")


def inline_assets() -> tuple[str, str]:
    """The ``<style>`` and ``<script>`` elements written into a page, as HTML."""
    return (
        f'<style data-paperlist="css">\n{_read(STYLESHEET)}</style>',
        f'<script data-paperlist="js">\n{_read(SCRIPT)}</script>',
    )


class _Inliner:
    """The state of one conversion: the token its two markers carry."""

    def __init__(self, extension: _Extension) -> None:
        self.extension = extension
        self.token = ""


class _MarkTreeprocessor(Treeprocessor):
    """Marks where the assets go: a paragraph first and one last, which the sanitizer
    keeps as they are (plain text in a ``<p>``)."""

    def __init__(self, md: Markdown, inliner: _Inliner) -> None:
        super().__init__(md)
        self.inliner = inliner

    def run(self, root: ET.Element) -> None:
        inliner = self.inliner
        inliner.token = ""
        extension = inliner.extension
        mode = extension.getConfig("assets")
        if mode not in ASSET_MODES:
            choices = ", ".join(ASSET_MODES)
            raise ValueError(f"paperlist: assets must be one of {choices}, not {mode!r}")
        if mode != "inline" or not extension.renders_a_list():
            return
        inliner.token = f"paperlistassets{secrets.token_hex(6)}"
        first = ET.Element("p")
        first.text = f"{inliner.token}css"
        first.tail = "\n"
        last = ET.Element("p")
        last.text = f"{inliner.token}js"
        if len(root):
            root[-1].tail = (root[-1].tail or "").rstrip("\n") + "\n"
        root.insert(0, first)
        root.append(last)


class _InlinePostprocessor(Postprocessor):
    def __init__(self, md: Markdown, inliner: _Inliner) -> None:
        super().__init__(md)
        self.inliner = inliner

    def run(self, text: str) -> str:
        token = self.inliner.token
        # toc runs the postprocessors on each heading's text too: those hold no marker.
        if not token or token not in text:
            return text
        style, script = inline_assets()
        marker = re.compile(rf"<p>{token}(css|js)</p>")
        return marker.sub(lambda match: style if match.group(1) == "css" else script, text)


def register(md: Markdown, extension: _Extension) -> None:
    """Register the processors that inline the assets on the pages ``extension`` renders a
    list on: the marks after the extension's tree work, the assets after sanitizing."""
    inliner = _Inliner(extension)
    md.treeprocessors.register(_MarkTreeprocessor(md, inliner), "paperlist-assets", 1)
    md.postprocessors.register(_InlinePostprocessor(md, inliner), "paperlist-assets", 0.5)
