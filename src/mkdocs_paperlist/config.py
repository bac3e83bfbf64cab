"""The MkDocs plugin's typed configuration."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

__all__ = ["PaperListConfig"]


# (MkDocs' Config.__init_subclass__ has no annotations, so mypy --strict flags the class.)
class PaperListConfig(base.Config):  # type: ignore[no-untyped-call]
    enabled = c.Type(bool, default=True)
    pages = c.ListOfItems(c.Type(str), default=[])
    """Globs of pages that are paper lists; empty means every page with at least one entry.
    Front matter ``paperlist: true`` or ``false`` decides for one page."""
    collapse_notes = c.Type(bool, default=True)
    badges = c.Choice(("inline", "shields"), default="inline")
    toc = c.Type(bool, default=True)
    filter = c.Type(bool, default=True)
    sort = c.Choice(("as-written", "newest", "oldest"), default="as-written")
    group = c.Choice(("auto", "sections", "month", "year", "none"), default="auto")
    """auto: the author's sections when entries sit under two headings or more, else by
    month or year as the dates allow."""
    bibtex = c.Type(bool, default=True)
    """A BibTeX block under each paper, with a copy button."""
    feed = c.Type(bool, default=True)
    """Write an Atom feed of each list's newest papers next to its page and link it."""
    feed_limit = c.Type(int, default=50)
    unwrap_notes = c.Type(bool, default=True)
    """Show notes that a generator wrapped in a code fence as Markdown (fenced-notes, which
    reports them, is then an info finding on this site)."""
    sanitize = c.Type(bool, default=True)
    """Sanitize the HTML rendered from list pages' Markdown; off only for trusted authors."""
    targets = c.ListOfItems(c.Choice(("github", "mkdocs", "pymdownx")), default=["github"])
    """Renderers the source's anchors are linted for (the rendered page's anchors always work)."""
    lint = c.DictOfItems(c.Choice(("error", "warning", "info", "off")), default={})
    """Level per rule (code or name): error and warning fail ``mkdocs build --strict``."""
