"""What rules see: the parsed list, the settings, and facts computed once for all rules."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any

from paperlint.anchors import AnchorIndex
from paperlint.arxiv import ArxivUrl, parse_arxiv_url
from paperlint.document import Document
from paperlint.inline import in_page_links
from paperlint.model import DateSource, DateTag, Entry, Heading, LinkKind, NoteSection, PaperList
from paperlint.settings import Settings
from paperlint.urls import recover

__all__ = ["Context"]

_CORE_KINDS = (LinkKind.PAPER, LinkKind.CODE, LinkKind.NOTES)


class Context:
    """Shared, lazily computed facts about one paper list, for the rules that need them."""

    def __init__(self, paper_list: PaperList, settings: Settings) -> None:
        self.paper_list = paper_list
        self.settings = settings
        self._arxiv_urls: dict[str, ArxivUrl | None] = {}

    @property
    def document(self) -> Document:
        return self.paper_list.document

    @property
    def text(self) -> str:
        return self.paper_list.document.text

    def options(self, rule_name: str) -> Mapping[str, Any]:
        return self.settings.options.get(rule_name, {})

    @cached_property
    def anchors(self) -> AnchorIndex:
        return AnchorIndex(self.paper_list, self.settings.targets)

    @cached_property
    def link_headings(self) -> dict[int, Heading | None]:
        """For each in-page link of an entry with a non-empty anchor (keyed by the link's
        start offset), the heading it was written for (``AnchorIndex.intended``), if any."""
        anchors = self.anchors
        headings: dict[int, Heading | None] = {}
        for entry in self.paper_list.entries:
            for link in entry.links:
                fragment = link.fragment
                if fragment:
                    headings[link.start] = anchors.intended(fragment)
        return headings

    @cached_property
    def in_page_links(self) -> list[tuple[int, int]]:
        """The ``#...`` destinations of the file's links into the same page, as offsets
        (``paperlint.inline.in_page_links``), found once for all rules."""
        document = self.paper_list.document
        return in_page_links(document.masked, document.line_starts, document.line_ends)

    @cached_property
    def sections_by_heading(self) -> dict[int, NoteSection]:
        """Notes sections keyed by the offset of their heading text."""
        return {section.heading.start: section for section in self.paper_list.notes}

    @cached_property
    def expected_kinds(self) -> frozenset[LinkKind]:
        """The link labels the list's format has: the configured ones, else those that at
        least half of the entries carry, and TLDR/Notes whenever the list has a notes part."""
        labels = self.options("missing-link").get("labels")
        if labels is not None:
            return frozenset(LinkKind(label) for label in labels)
        entries = self.paper_list.entries
        counts = dict.fromkeys(_CORE_KINDS, 0)
        for entry in entries:
            for kind in {link.kind for link in entry.links}:
                if kind in counts:
                    counts[kind] += 1
        expected = {kind for kind, count in counts.items() if entries and 2 * count >= len(entries)}
        if self.paper_list.has_notes_part:
            expected.add(LinkKind.NOTES)
        return frozenset(expected)

    @cached_property
    def arxiv(self) -> list[ArxivUrl | None]:
        """Per entry, its arXiv URL (the Paper link first, then any other link), if any."""
        return [self._entry_arxiv(entry) for entry in self.paper_list.entries]

    def arxiv_url(self, url: str) -> ArxivUrl | None:
        """``parse_arxiv_url``, computed once per URL for all rules."""
        try:
            return self._arxiv_urls[url]
        except KeyError:
            parsed = parse_arxiv_url(url)
            if parsed is not None and parsed.id is None:
                # Junk after the id ("2308.09830)") is the URL rules' finding: read the id
                # the author meant, so the date rules see it in the same run.
                meant = parse_arxiv_url(recover(url))
                if meant is not None and meant.id is not None:
                    parsed = meant
            self._arxiv_urls[url] = parsed
            return parsed

    def _entry_arxiv(self, entry: Entry) -> ArxivUrl | None:
        paper = entry.link(LinkKind.PAPER)
        if paper is not None:
            parsed = self.arxiv_url(paper.url)
            if parsed is not None:
                return parsed
        for link in entry.links:
            if link is not paper:
                parsed = self.arxiv_url(link.url)
                if parsed is not None:
                    return parsed
        return None

    @cached_property
    def dates_are_tags(self) -> bool:
        """Whether the list's own convention is the generator's date tag: at least half of
        its entries open with a ``[YY/MM]``-like tag (``[YYYY/MM]``, the placeholder). A
        list that writes ``[CVPR 2024]`` or no tag at all is held to no such form."""
        entries = self.paper_list.entries
        tagged = sum(1 for entry in entries if entry.date is not None and _numeric_tag(entry.date))
        return bool(entries) and 2 * tagged >= len(entries)

    @cached_property
    def titles_are_bold(self) -> bool:
        """Whether the list's own convention is a bold title: at least half of its entries
        have one (a list whose titles are links or plain text is held to no such form)."""
        entries = self.paper_list.entries
        bold = sum(1 for entry in entries if entry.title is not None)
        return bool(entries) and 2 * bold >= len(entries)

    @cached_property
    def date_style(self) -> str:
        """The configured tag style, else the one most entries use: ``YY/MM`` or ``YYYY/MM``."""
        configured = self.options("invalid-date-tag").get("style", "auto")
        if configured != "auto":
            return str(configured)
        short = long = 0
        for entry in self.paper_list.entries:
            if entry.date is not None and entry.date.style == "YY/MM":
                short += 1
            elif entry.date is not None and entry.date.style == "YYYY/MM":
                long += 1
        return "YYYY/MM" if long > short else "YY/MM"


def _numeric_tag(date: DateTag) -> bool:
    """A ``[YY/MM]``-like tag: a bracketed date of digits (or the placeholder), not a venue
    tag (``[CVPR 2024]``) nor a date read from a venue or the entry's text."""
    if date.source is not DateSource.TAG:
        return False
    if date.is_placeholder:
        return True
    return date.year is not None and not any(char.isalpha() for char in date.text)
