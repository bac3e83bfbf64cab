"""What rules see: the parsed list, the settings, and facts computed once for all rules."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping
from functools import cached_property
from itertools import accumulate

from paperlint.anchors import AnchorIndex
from paperlint.arxiv import ArxivUrl, parse_arxiv_url
from paperlint.document import Document
from paperlint.formats.fields import link_from
from paperlint.inline import LinkSyntax, SourceLink, in_page_links, scan
from paperlint.model import DateSource, Entry, Heading, Link, LinkKind, NoteSection, PaperList
from paperlint.notes import wrapped_fences
from paperlint.settings import Settings
from paperlint.urls import RESIDUE_CHARACTERS, missing_scheme, recover

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from typing import Any

__all__ = ["Context"]

_CORE_KINDS = (LinkKind.PAPER, LinkKind.CODE, LinkKind.NOTES)


class Context:
    """Shared, lazily computed facts about one paper list, for the rules that need them."""

    prefilter = True
    """Whether rules may pass over links by a cheap test of what they report first
    (``links_with``, and such tests in the rules): the tests that check that these tests
    miss nothing turn it off."""

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

    def entry_links(self) -> Iterator[Link]:
        """Every link and badge of every entry, in order, whatever the list's format."""
        for entry in self.paper_list.entries:
            yield from entry.links
            yield from entry.badges

    def all_links(self) -> Iterator[Link]:
        """Every link of the file with a URL written in it: the entries' links and badges,
        then ``loose_links``."""
        yield from self.entry_links()
        yield from self.loose_links

    def links_with(self, *needles: str, ignore_case: bool = False) -> list[Link]:
        """The links of ``all_links``, in order, whose URL holds one of ``needles`` (``\\0``
        in a needle stands for the URL's end): a URL rule's necessary condition, looked for
        with ``str.find`` in all the URLs at once, joined by NULs (which no file read holds).
        On the 20,000-entry bench list a URL rule walking all 60,000 links took 0.02 to
        0.09 s; finding its candidates so takes about 1 ms a needle. ``ignore_case`` needs
        the needles in lower case."""
        haystack = self._url_haystack if self.prefilter else None
        if haystack is None:
            return list(self.all_links())
        joined, lowered, starts, links = haystack
        text = lowered if ignore_case else joined
        if text is None:  # lower() changed the length: offsets no longer match
            return list(self.all_links())
        found: set[int] = set()
        for needle in needles:
            position = text.find(needle)
            while position >= 0:
                index = bisect_right(starts, position) - 1
                found.add(index)
                position = text.find(needle, starts[index + 1])
        return [links[index] for index in sorted(found)]

    @cached_property
    def _url_haystack(self) -> tuple[str, str | None, list[int], list[Link]] | None:
        links = list(self.all_links())
        urls = [link.url for link in links]
        joined = "\0".join(urls) + "\0"
        if joined.count("\0") != len(urls):
            return None  # a NUL in a URL (text given as a string, not read from a file)
        lower = joined.lower()
        lowered = lower if len(lower) == len(joined) else None  # "İ" lowers to two characters
        # Where each URL starts in ``joined``, and one past the last NUL (a sentinel).
        starts = [0, *accumulate(len(url) + 1 for url in urls)]
        return joined, lowered, starts, links

    @cached_property
    def loose_links(self) -> list[Link]:
        """The links of the file that no entry reads: tables of contents, prose, notes,
        reference definitions, autolinks, HTML links, images, and the links in an entry that
        its profile does not read (a generator entry's prose). Reference links are left out
        (their URL is their definition's, checked there)."""
        document = self.paper_list.document
        entries = self.paper_list.entries
        if document.links_found or not entries:
            found = document.links.links
        else:
            # The generator's parse needs no link inventory: scan only the text between
            # entries that may hold a link, not the whole file (0.15 s of a 20,000-entry
            # list's lint when every line between entries was scanned, 0.05 s so).
            masked = document.masked
            starts, ends = document.line_starts, document.line_ends
            lines: list[int] = []
            low = 0
            for entry in (*entries, None):
                high = entry.start if entry is not None else len(masked)
                if high > low and (
                    masked.find("]", low, high) >= 0 or masked.find("<", low, high) >= 0
                ):
                    lines.extend(range(document.line_of(low) - 1, document.line_of(high)))
                if entry is None:
                    break
                low = max(low, entry.end)
                if masked.count("](", entry.start, entry.end) > len(entry.links) + len(
                    entry.badges
                ) or (masked.find("<", entry.start, entry.end) >= 0):
                    # A link the generator does not read (prose in the entry): scan it too.
                    lines.extend(
                        range(document.line_of(entry.start) - 1, document.line_of(entry.end))
                    )
            chosen = sorted(set(lines))  # a gap and an entry may share a line
            found = scan(
                document.text,
                masked,
                [starts[index] for index in chosen],
                [ends[index] for index in chosen],
            ).links
        found = [*found, *self._fenced_notes_links()]
        if not found:
            return []  # (the usual generator list: 0.03 s of a 20k lint went to ``read``)
        read: set[int] = set()  # where the entries' links start, as the inventory sees them
        for link in self.entry_links():
            read.add(link.start)
            if link.group:
                read.add(link.start + 1)  # "[[Label](url)]": the link is "[Label](url)"
        return [
            link_from(document, link)
            for link in found
            if link.syntax is not LinkSyntax.REFERENCE
            and link.url_start >= 0
            and link.start not in read
        ]

    @cached_property
    def wrapped_fences(self) -> list[tuple[int, int]]:
        """The fences that wrap Markdown notes (``paperlint.notes.wrapped_fences``)."""
        return wrapped_fences(self.paper_list)

    @cached_property
    def fenced_notes(self) -> list[tuple[int, Document]]:
        """The bodies of the notes wrapped in a fence, as the Markdown that fenced-notes'
        fix makes of them: where each starts in the file, and its own document (what it
        hides is its code spans). Rules read them so as to report what they hold in the
        same run as that fix."""
        document = self.paper_list.document
        starts, ends = document.line_starts, document.line_ends
        return [
            (starts[opening], Document(document.text[starts[opening] : ends[closing - 2]]))
            for opening, closing in self.wrapped_fences
            if closing - opening >= 2  # not an empty fence
        ]

    def _fenced_notes_links(self) -> list[SourceLink]:
        """The links of ``fenced_notes``: the URL rules check them too."""
        if not self.fenced_notes:
            return []
        document = self.paper_list.document
        text, masked = document.text, document.masked
        pieces: list[str] = []  # the file's masked text, each body masked as Markdown
        kept = 0
        line_starts: list[int] = []
        line_ends: list[int] = []
        for low, body in self.fenced_notes:
            pieces.append(masked[kept:low])
            pieces.append(body.masked)
            kept = low + len(body.text)
            line_starts.extend(low + start for start in body.line_starts)
            line_ends.extend(low + end for end in body.line_ends)
        pieces.append(masked[kept:])
        found = scan(text, "".join(pieces), line_starts, line_ends).links
        lows = [low for low, _ in self.fenced_notes]  # in the file's order
        kept_links: list[SourceLink] = []
        for link in found:  # the bodies' links, not the file's reference definitions
            index = bisect_right(lows, link.start) - 1
            if index >= 0 and link.start < lows[index] + len(self.fenced_notes[index][1].text):
                kept_links.append(link)
        return kept_links

    @cached_property
    def entry_sections(self) -> list[int]:
        """Per entry, the index of the heading of the section it sits in (-1 before the
        first heading): the nearest heading above it of a lower level than the entry's own
        heading, for a list with a heading per paper."""
        headings = [heading for heading in self.paper_list.headings if not heading.quoted]
        document = self.paper_list.document
        sections: list[int] = []
        stack: list[Heading] = []  # the open headings, levels increasing
        position = 0
        for entry in self.paper_list.entries:
            while position < len(headings) and headings[position].start <= entry.start:
                heading = headings[position]
                while stack and stack[-1].level >= heading.level:
                    stack.pop()
                stack.append(heading)
                position += 1
            # A list with a heading per paper: the entry starts on its own heading's line.
            own = (
                headings[position]
                if position < len(headings)
                and headings[position].line == document.line_of(entry.start)
                else None
            )
            enclosing = [heading for heading in stack if own is None or heading.level < own.level]
            sections.append(enclosing[-1].index if enclosing else -1)
        return sections

    @cached_property
    def in_page_links(self) -> list[tuple[int, int]]:
        """The ``#...`` destinations of the file's links into the same page that no entry
        reads (tables of contents, prose, notes, HTML, reference definitions), as offsets
        (``paperlint.inline.in_page_links``), found once for all rules."""
        document = self.paper_list.document
        read = {
            link.anchor_start
            for entry in self.paper_list.entries
            for link in entry.links
            if link.fragment is not None
        }
        return in_page_links(
            document.masked,
            document.line_starts,
            document.line_ends,
            self.settings.filename,
            read,
        )

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
            if (parsed is not None and parsed.id is None) or (
                parsed is None and (url.lstrip()[:1] in RESIDUE_CHARACTERS or missing_scheme(url))
            ):
                # Junk after the id ("2308.09830)"), residue before the scheme
                # ("\\https://arxiv.org/...") or no scheme ("arxiv.org/abs/...") is the URL
                # rules' finding: read the id the author meant, so the date rules see it in
                # the same run.
                meant_url = recover(url)
                if missing_scheme(meant_url):
                    meant_url = "https://" + meant_url
                meant = parse_arxiv_url(meant_url)
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
        its entries open with a ``[YY/MM]`` or ``[YYYY/MM]`` tag (or the placeholder). A
        list that writes ``[CVPR 2024]``, ``[2024/04/17]``, dates in a table column or no
        date at all is held to no such form."""
        entries = self.paper_list.entries
        tagged = sum(
            1
            for entry in entries
            if entry.date is not None
            # Only a tag opening the entry: a venue's year or a date in the text is no tag.
            and entry.date.source is DateSource.TAG
            and (entry.date.style is not None or entry.date.is_placeholder)
        )
        return bool(entries) and 2 * tagged >= len(entries)

    @cached_property
    def titles_are_bold(self) -> bool:
        """Whether the list's own convention is a bold title: at least half of its entries
        have one (a list whose titles are links or plain text is held to no such form)."""
        entries = self.paper_list.entries
        bold = sum(1 for entry in entries if entry.title is not None and entry.title.kind == "bold")
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
