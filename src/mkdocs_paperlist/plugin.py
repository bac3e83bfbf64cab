"""MkDocs glue: the ``paperlist`` plugin. Hooks only; rendering lives in the extension."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from mkdocs_paperlist.config import PaperListConfig
from mkdocs_paperlist.extension import PaperListExtension
from mkdocs_paperlist.render import ASSETS
from paperlint.document import Document
from paperlint.engine import lint_document
from paperlint.parse import parse
from paperlint.rules import UnknownRuleError, find_rule
from paperlint.settings import Settings

__all__ = ["PaperListPlugin"]

log = get_plugin_logger(__name__)
_ASSET_DIR = "assets/paperlist"


class PaperListPlugin(BasePlugin[PaperListConfig]):
    def __init__(self) -> None:
        self.extension: PaperListExtension | None = None
        self.levels: dict[str, str] = {}
        self.linted = 0

    def on_config(self, config: Any) -> Any:
        self.linted = 0  # state is per build, also across `mkdocs serve` rebuilds
        if not self.config.enabled:
            return config
        try:
            self.levels = {find_rule(key).code: level for key, level in self.config.lint.items()}
        except UnknownRuleError as exc:
            raise PluginError(f"paperlist: lint: {exc}") from None
        self.extension = PaperListExtension(
            enabled=False,
            collapse_notes=self.config.collapse_notes,
            badges=self.config.badges,
            toc=self.config.toc,
            filter=self.config.filter,
        )
        config.markdown_extensions.append(self.extension)
        config.extra_css.append(f"{_ASSET_DIR}/paperlist.css")
        config.extra_javascript.append(f"{_ASSET_DIR}/paperlist.js")
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        if not self.config.enabled:
            return files
        for name in ("paperlist.css", "paperlist.js"):
            files.append(
                File.generated(config, f"{_ASSET_DIR}/{name}", abs_src_path=str(ASSETS / name))
            )
        return files

    def _is_list(self, markdown: str, page: Any) -> bool:
        chosen = page.meta.get("paperlist")
        if chosen is not None:
            return bool(chosen)
        if self.config.pages:
            path = page.file.src_uri
            return any(fnmatch.fnmatchcase(path, pattern) for pattern in self.config.pages)
        return bool(parse(Document(markdown)).entries)

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        if self.extension is None:
            return markdown
        is_list = self._is_list(markdown, page)
        self.extension.setConfig("enabled", is_list)
        if is_list:
            self._lint(markdown, page)
        return markdown

    def _lint(self, markdown: str, page: Any) -> None:
        # Front matter was removed from `markdown`; lines are counted in the source file.
        offset = _front_matter_lines(page.file.abs_src_path)
        settings = Settings(targets=tuple(self.config.targets))
        self.linted += 1
        for d in lint_document(Document(markdown), settings):
            level = self.levels.get(d.code, d.severity.value)
            if level == "off":
                continue
            text = (
                f"{page.file.src_uri}:{d.line + offset}:{d.column}: {d.code} [{d.name}] {d.message}"
            )
            if level == "info":
                log.info(text)
            else:
                log.warning(text)


def _front_matter_lines(path: str | None) -> int:
    if not path:
        return 0
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return 0
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], 2):
        if line.strip() in {"---", "..."}:
            return number
    return 0
