"""Sphinx glue: a ``paperlist`` directive that renders a Markdown paper list, and build-time lint.

    extensions = ["mkdocs_paperlist.sphinx"]

    .. paperlist:: papers.md          (reStructuredText)

    ```{paperlist} papers.md          (MyST Markdown)
    ```

The list is rendered by the same Python-Markdown extension as the MkDocs plugin (badges,
generated table of contents, collapsible notes, anchors, filter bar) and its CSS and JS are
added to the build. Findings become Sphinx warnings of type ``paperlist`` with the rule name
as subtype, located at the list's file and line, so ``sphinx-build -W`` fails on them and
``suppress_warnings = ["paperlist.empty-code-link"]`` silences one rule.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from mkdocs_paperlist import doctree
from mkdocs_paperlist.assets import ASSETS, SCRIPT, STYLESHEET
from mkdocs_paperlist.doctree import html_to_nodes
from mkdocs_paperlist.render import GROUPS, SORTS
from paperlint import __version__
from paperlint.api import FileError, read_document

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["PaperListDirective", "setup"]

logger = logging.getLogger(__name__)
_LEVELS = ("error", "warning", "info", "off")


def _flag(value: str | None) -> bool:
    return directives.choice((value or "true").lower(), ("true", "false")) == "true"


def _sort(value: str | None) -> str:
    return str(directives.choice(value or "", SORTS))


def _group(value: str | None) -> str:
    return str(directives.choice(value or "", GROUPS))


class PaperListDirective(SphinxDirective):
    """``.. paperlist:: path/to/list.md``: render a paper list file in place."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "collapse-notes": _flag,
        "toc": _flag,
        "filter": _flag,
        "sort": _sort,
        "group": _group,
        "unwrap-notes": _flag,
    }

    def run(self) -> list[nodes.Node]:
        relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
        path = Path(absolute)
        self.env.note_dependency(relative)
        try:
            document = read_document(str(path))
        except FileError as exc:
            raise self.error(f"paperlist: {exc}") from None
        config = self.config
        _lint(path, document, config)
        options = {
            "collapse_notes": self.options.get("collapse-notes", config.paperlist_collapse_notes),
            "toc": self.options.get("toc", config.paperlist_toc),
            "filter": self.options.get("filter", config.paperlist_filter),
            "sort": self.options.get("sort", config.paperlist_sort),
            "group": self.options.get("group", config.paperlist_group),
            "unwrap_notes": self.options.get("unwrap-notes", config.paperlist_unwrap_notes),
            "badges": config.paperlist_badges,
            "sanitize": config.paperlist_sanitize,
            "assets": "external",
        }
        return html_to_nodes(_render(document.text, options))


def _render(text: str, options: dict[str, Any]) -> str:
    import markdown

    from mkdocs_paperlist.extension import PaperListExtension

    extension = PaperListExtension(**options)
    converter = markdown.Markdown(extensions=[extension, "toc", "tables", "fenced_code"])
    return converter.convert(text)


def _lint(path: Path, document: Any, config: Any) -> None:
    from paperlint.api import Settings, find_rule, lint_document

    levels = {find_rule(key).code: level for key, level in config.paperlist_lint.items()}
    settings = Settings(targets=tuple(config.paperlist_targets))
    for diagnostic in lint_document(document, settings):
        level = levels.get(diagnostic.code, diagnostic.severity.value)
        if level == "off":
            continue
        message = f"{diagnostic.code} [{diagnostic.name}] {diagnostic.message}"
        location = f"{path}:{diagnostic.line}"
        if level == "info":
            logger.info(message, location=location)
        else:
            logger.warning(message, location=location, type="paperlist", subtype=diagnostic.name)


def _check_config(app: Sphinx, config: Any) -> None:
    from sphinx.errors import ConfigError

    from paperlint.api import TARGETS, UnknownRuleError, find_rule

    for target in config.paperlist_targets:
        if target not in TARGETS:
            raise ConfigError(f"paperlist_targets: unknown target {target!r}")
    for name, value, choices in (
        ("paperlist_sort", config.paperlist_sort, SORTS),
        ("paperlist_group", config.paperlist_group, GROUPS),
        ("paperlist_badges", config.paperlist_badges, ("inline", "shields")),
    ):
        if value not in choices:
            raise ConfigError(f"{name}: {value!r} is not one of {', '.join(choices)}")
    for key, level in config.paperlist_lint.items():
        try:
            find_rule(key)
        except UnknownRuleError as exc:
            raise ConfigError(f"paperlist_lint: {exc}") from None
        if level not in _LEVELS:
            raise ConfigError(f"paperlist_lint[{key!r}]: {level!r} is not one of {_LEVELS}")


def _copy_assets(app: Sphinx, exception: Exception | None) -> None:
    """Copy the CSS and JS into the HTML build's ``_static``. Done at the end of the build,
    not by adding to ``html_static_path``: a configuration value changed by an extension
    differs from conf.py's on the next run, and Sphinx then re-read every document."""
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.builder.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for name in (STYLESHEET, SCRIPT):
        shutil.copyfile(ASSETS / name, static / name)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("paperlist_targets", ["github"], "env", [list])
    app.add_config_value("paperlist_lint", {}, "env", [dict])
    app.add_config_value("paperlist_collapse_notes", True, "env", [bool])
    app.add_config_value("paperlist_toc", True, "env", [bool])
    app.add_config_value("paperlist_filter", True, "env", [bool])
    app.add_config_value("paperlist_badges", "inline", "env", [str])
    app.add_config_value("paperlist_sanitize", True, "env", [bool])
    app.add_config_value("paperlist_sort", "as-written", "env", [str])
    app.add_config_value("paperlist_group", "auto", "env", [str])
    app.add_config_value("paperlist_unwrap_notes", True, "env", [bool])
    app.add_directive("paperlist", PaperListDirective)
    element = (doctree.visit_html_element, doctree.depart_html_element)
    app.add_node(doctree.PaperListBlock, html=element)
    app.add_node(doctree.PaperListInline, html=element)
    app.add_node(
        doctree.PaperListSection, html=(doctree.visit_html_section, doctree.depart_html_section)
    )
    app.add_node(doctree.PaperListRun, html=(doctree.visit_nothing, doctree.depart_nothing))
    app.add_node(doctree.PaperListTitle, html=(doctree.visit_html_title, doctree.depart_html_title))
    app.add_node(doctree.PaperListTextOnly, html=(doctree.skip, None))
    app.connect("config-inited", _check_config)
    app.connect("build-finished", _copy_assets)
    app.add_css_file(STYLESHEET)
    app.add_js_file(SCRIPT, defer="defer")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
