"""MkDocs glue: the ``paperlist`` plugin. Hooks only; rendering lives in the extension."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from mkdocs_paperlist.config import PaperListConfig
from mkdocs_paperlist.extension import PaperListExtension, anchors_made_to_work
from mkdocs_paperlist.render import ASSETS
from paperlint.api import (
    Diagnostic,
    Document,
    PaperList,
    Settings,
    UnknownRuleError,
    atom,
    find_rule,
    lint_paper_list,
)
from paperlint.api import parse_document as parse

__all__ = ["PaperListPlugin"]

log = get_plugin_logger(__name__)
_ASSET_DIR = "assets/paperlist"


# (MkDocs' BasePlugin.__init_subclass__ has no annotations, so mypy --strict flags it.)
class PaperListPlugin(BasePlugin[PaperListConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.extension: PaperListExtension | None = None
        self.levels: dict[str, str] = {}
        self.linted = 0
        self.feeds: dict[str, str] = {}
        """Each list's Atom feed by its path in the built site."""

    def on_config(self, config: Any) -> Any:
        self.linted = 0  # state is per build, also across `mkdocs serve` rebuilds
        self.feeds = {}
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
            sort=self.config.sort,
            group=self.config.group,
            unwrap_notes=self.config.unwrap_notes,
            bibtex=self.config.bibtex,
            sanitize=self.config.sanitize,
            assets="external",  # linked below, not written into each page
        )
        fenced = find_rule("fenced-notes").code
        if self.config.unwrap_notes and fenced not in self.levels:
            # This site shows such notes as Markdown: a defect for GitHub, not here.
            self.levels[fenced] = "info"
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

    def _chosen(self, page: Any) -> bool | None:
        """Whether the configuration says the page is a list; None when only its content
        can tell (it is one when it has entries)."""
        chosen = page.meta.get("paperlist")
        if chosen is not None:
            return bool(chosen)
        if self.config.pages:
            path = page.file.src_uri
            return any(fnmatch.fnmatchcase(path, pattern) for pattern in self.config.pages)
        return None

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        if self.extension is None:
            return markdown
        chosen = self._chosen(page)
        # Parsed once here, to decide and to lint; the extension reuses the model when
        # Python-Markdown hands it the same text.
        paper_list = parse(Document(markdown)) if chosen is not False else None
        is_list = paper_list is not None and (chosen or bool(paper_list.entries))
        self.extension.setConfig("enabled", is_list)
        self.extension.prepared = paper_list if is_list else None
        self.extension.setConfig("feed_url", "")
        if paper_list is not None and is_list:
            self._lint(paper_list, page)
            if self.config.feed and paper_list.entries:
                self._feed(paper_list, page, config)
        return markdown

    def _feed(self, paper_list: PaperList, page: Any, config: Any) -> None:
        """The list's Atom feed, written beside its page at the end of the build, and the
        page's link to it."""
        dest = page.file.dest_uri
        directory, _, name = dest.rpartition("/")
        feed_name = "feed.xml" if name == "index.html" else name.rsplit(".", 1)[0] + ".xml"
        feed_dest = f"{directory}/{feed_name}" if directory else feed_name
        site_url = (config.site_url or "").rstrip("/")
        text = atom(
            paper_list,
            name=page.title or page.file.name,
            limit=self.config.feed_limit,
            feed_url=f"{site_url}/{feed_dest}" if site_url else None,
            site_url=f"{site_url}/{page.url}" if site_url else None,
        )
        self.feeds[feed_dest] = text
        assert self.extension is not None
        self.extension.setConfig("feed_url", feed_name)

    def on_post_build(self, config: Any) -> None:
        for dest, text in self.feeds.items():
            path = Path(config.site_dir) / dest
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def _lint(self, paper_list: PaperList, page: Any) -> None:
        # Front matter was removed from `markdown`; lines are counted in the source file.
        offset = _front_matter_lines(page.file.abs_src_path)
        targets = tuple(self.config.targets)
        self.linted += 1
        for d in _site_findings(paper_list, targets):
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


_SITE_TARGETS = frozenset({"mkdocs", "pymdownx"})
_UNRESOLVED = "PL301"


def _site_findings(paper_list: PaperList, targets: tuple[str, ...]) -> list[Diagnostic]:
    """The findings, with what the page itself repairs taken out: an entry's anchor to
    its notes works on this site (the page gives the notes the id the anchor names),
    so it is reported only for the targets that are not this site (GitHub's README)."""
    found = lint_paper_list(paper_list, Settings(targets=targets))
    repaired = anchors_made_to_work(paper_list) if _SITE_TARGETS & set(targets) else set()
    if not any(d.code == _UNRESOLVED and (d.line, d.column) in repaired for d in found):
        return found
    elsewhere = tuple(target for target in targets if target not in _SITE_TARGETS)
    others = (
        {
            (d.line, d.column): d
            for d in lint_paper_list(paper_list, Settings(targets=elsewhere, select=(_UNRESOLVED,)))
        }
        if elsewhere
        else {}
    )
    kept: list[Diagnostic] = []
    for d in found:
        if d.code == _UNRESOLVED and (d.line, d.column) in repaired:
            if (other := others.get((d.line, d.column))) is not None:
                kept.append(other)
            continue
        kept.append(d)
    return kept


def _front_matter_lines(path: str | None) -> int:
    """How many lines the page's YAML front matter takes in its source file (0 without)."""
    if not path:
        return 0
    try:
        with open(path, encoding="utf-8-sig") as source:
            if source.readline().strip() != "---":
                return 0
            for number, line in enumerate(source, 2):
                if line.strip() in {"---", "..."}:
                    return number
    except (OSError, UnicodeDecodeError):
        return 0
    return 0
