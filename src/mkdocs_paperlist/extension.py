"""Python-Markdown glue: the ``paperlist`` extension.

    markdown.markdown(text, extensions=["paperlist", "toc"])

A preprocessor parses the page with paperlint (one parser, one model) and puts a placeholder
paragraph where each entry was; a treeprocessor, running before ``toc``, swaps in the
elements built by ``render`` and gives each notes heading the id its entries link to and the
paper's title as its text, so anchors work whatever ``toc`` slugify the site uses and the
table of contents shows titles, not slugs. A postprocessor sanitizes the HTML rendered from
the page's Markdown (``sanitize``, on by default), holding the extension's own elements out.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as ET
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from mkdocs_paperlist.assets import register as register_assets
from mkdocs_paperlist.render import (
    RenderOptions,
    display_title,
    group_id,
    render_entry,
    render_filter,
    render_toc,
)
from mkdocs_paperlist.sanitize import drop_unsafe_urls, sanitize
from paperlint.api import AnchorIndex, Document, Entry, Heading, PaperList
from paperlint.api import parse_document as parse

__all__ = ["PaperListExtension", "makeExtension"]


RENDERED_FORMATS = frozenset({"generator"})
"""The list formats whose entries the page re-renders (badges, table of contents, filter).
Entries of the other formats are left to Markdown exactly as written, so that nothing they
hold is lost, until the renderer reads every part of them."""


class PaperListExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "enabled": [True, "Render paper lists; the MkDocs plugin sets it per page"],
            "collapse_notes": [False, "Collapse each paper's notes in a details element"],
            "badges": ["inline", "inline (self-contained) or shields (shields.io images)"],
            "toc": [True, "Add a table of contents grouped by year and month"],
            "filter": [True, "Add the filter bar"],
            "sanitize": [
                True,
                "Sanitize the HTML rendered from the list's Markdown (notes, prose); "
                "off only for sites that trust their authors' raw HTML",
            ],
            # paperlist assets hook (mkdocs_paperlist.assets)
            "assets": [
                "inline",
                "inline: write the CSS and JS into each list page (Zensical, bare Markdown); "
                "external: the site links them (the MkDocs plugin and Sphinx set this)",
            ],
        }
        super().__init__(**kwargs)
        self.paper_list: PaperList | None = None
        self.token = ""
        self.kept: list[str] = []
        """The extension's own elements as HTML, held out of sanitizing (see _keep)."""
        self.prepared: PaperList | None = None
        """A model of the page made by the caller (the MkDocs plugin), used when its text
        is the one the preprocessor receives."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_EntryPreprocessor(md, self), "paperlist", 28)
        md.treeprocessors.register(_PaperListTreeprocessor(md, self), "paperlist", 6)
        # After raw HTML is put back (raw_html, 30) and "&" fixed (amp_substitute, 20).
        md.postprocessors.register(_SanitizingPostprocessor(md, self), "paperlist", 1)
        register_assets(md, self)  # paperlist assets hook

    def renders_a_list(self) -> bool:  # paperlist assets hook
        """Whether the page being converted holds a list the extension renders."""
        return self.paper_list is not None

    def reset(self) -> None:
        self.paper_list = None
        self.token = ""
        self.kept = []

    def options(self) -> RenderOptions:
        return RenderOptions(
            collapse_notes=bool(self.getConfig("collapse_notes")),
            badges=str(self.getConfig("badges")),
            toc=bool(self.getConfig("toc")),
            filter=bool(self.getConfig("filter")),
        )


class _EntryPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: PaperListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        extension = self.extension
        extension.reset()
        if not extension.getConfig("enabled"):
            return lines
        source = "\n".join(lines)
        prepared = extension.prepared
        # Python-Markdown appends blank lines; every offset before them is the same.
        if prepared is not None and prepared.document.text.rstrip("\n") == source.rstrip("\n"):
            paper_list = prepared
        else:
            paper_list = parse(Document(source))
        document = paper_list.document
        rendered = [entry for entry in paper_list.entries if entry.format in RENDERED_FORMATS]
        if not rendered:
            return lines
        extension.paper_list = paper_list
        extension.token = f"paperlist{secrets.token_hex(6)}"
        token = extension.token
        output: list[str] = []
        next_line = 0
        for position, entry in enumerate(rendered):
            first = document.line_of(entry.span.start) - 1
            last = document.line_of(entry.span.end) - 1
            output.extend(lines[next_line:first])
            if position == 0:
                output += ["", f"{token}top", ""]
            output += ["", f"{token}entry{entry.index}", ""]
            next_line = last + 1
        output.extend(lines[next_line:])
        return output


class _PaperListTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PaperListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        paper_list = self.extension.paper_list
        if paper_list is None:
            return
        options = self.extension.options()
        entries = paper_list.entries
        rendered = [entry for entry in entries if entry.format in RENDERED_FORMATS]
        text = paper_list.document.text
        token = self.extension.token
        seen_groups: set[str] = set()
        # Children are rebuilt a list at a time: removing and inserting one element at a
        # time would make a list of thousands of entries quadratic.
        for parent in list(root.iter()):
            children = list(parent)
            if not any(_is_placeholder(child, token) for child in children):
                continue
            rebuilt: list[ET.Element] = []
            for child in children:
                if not _is_placeholder(child, token):
                    rebuilt.append(child)
                    continue
                marker = (child.text or "")[len(token) :].strip()
                if marker == "top":
                    rebuilt += self._top(rendered, options)
                elif marker.startswith("entry"):
                    entry = entries[int(marker[5:])]
                    rebuilt += self._group_heading(entry, seen_groups)
                    venue = text[entry.venue.start : entry.venue.end] if entry.venue else None
                    entry_element = render_entry(entry, venue, options)
                    rebuilt.append(self._keep(_literal_ampersands(entry_element)))
            parent[:] = rebuilt
        self._notes(root, paper_list, options)
        drop_unsafe_urls(root)

    def _keep(self, element: ET.Element) -> ET.Element:
        """A placeholder for one of the extension's own elements, which the postprocessor
        puts back after sanitizing: they are built safe (etree text, checked URLs) and use
        what the sanitizer rightly refuses to notes (SVG icons, form controls, data-*)."""
        extension = self.extension
        extension.kept.append(self.md.serializer(element))
        placeholder = ET.Element("p")
        placeholder.text = f"{extension.token}keep{len(extension.kept) - 1}"
        return placeholder

    def _top(self, entries: list[Entry], options: RenderOptions) -> list[ET.Element]:
        elements: list[ET.Element] = []
        if options.toc:
            heading = ET.Element("h2", {"id": "papers-by-date", "class": "paperlist-toc-title"})
            heading.text = "Papers by date"
            # The heading stays an element for toc to list it.
            elements += [heading, self._keep(render_toc(entries))]
        if options.filter:
            elements.append(self._keep(render_filter(entries)))
        return elements

    def _group_heading(self, entry: Entry, seen: set[str]) -> list[ET.Element]:
        date = entry.date
        if date is None or date.year is None or date.month is None or not 1 <= date.month <= 12:
            return []
        ident = group_id(date.year, date.month)
        if ident in seen:
            return []
        seen.add(ident)
        heading = ET.Element("h3", {"id": ident, "class": "paperlist-group"})
        heading.text = f"{date.year:04d}-{date.month:02d}"
        return [heading]

    def _notes(self, root: ET.Element, paper_list: PaperList, options: RenderOptions) -> None:
        """Give notes headings their entries' anchors and titles; wrap each section."""
        if not paper_list.notes:
            return
        anchors = AnchorIndex(paper_list, ("github", "mkdocs", "pymdownx"))
        by_heading: dict[int, tuple[str, str]] = {}
        for entry in paper_list.entries:
            for link in entry.links:
                fragment = link.fragment
                if not fragment:
                    continue
                heading = anchors.intended(fragment)
                if heading is not None and heading.start not in by_heading:
                    title = display_title(entry) if entry.title is not None else heading.text
                    by_heading[heading.start] = (anchors.decode(fragment), title)
        notes = {section.heading.index for section in paper_list.notes}
        children = list(root)
        headings = _match_headings(children, paper_list.headings)
        rebuilt: list[ET.Element] = []
        index = 0
        while index < len(children):
            element = children[index]
            heading = headings.get(index)
            if heading is None or heading.index not in notes:
                rebuilt.append(element)
                index += 1
                continue
            target = by_heading.get(heading.start)
            if target is not None:
                fragment, title = target
                element.set("id", fragment)
                element.text = _LITERAL_AMPERSAND_RE.sub("&amp;", title)
                for child in list(element):
                    element.remove(child)
            end = index + 1
            while end < len(children) and children[end].tag not in {"h1", "h2"}:
                end += 1
            rebuilt.append(self._wrap(children[index:end], options))
            index = end
        root[:] = rebuilt

    @staticmethod
    def _wrap(section: list[ET.Element], options: RenderOptions) -> ET.Element:
        if options.collapse_notes:
            wrapper = ET.Element("details", {"class": "paperlist-notes"})
            summary = ET.SubElement(wrapper, "summary")
            section[0].tail = None
            summary.append(section[0])
            wrapper.extend(section[1:])
        else:
            wrapper = ET.Element("div", {"class": "paperlist-notes"})
            wrapper.extend(section)
        return wrapper


class _SanitizingPostprocessor(Postprocessor):
    def __init__(self, md: Markdown, extension: PaperListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        extension = self.extension
        if extension.paper_list is None:
            return text
        # toc runs the postprocessors on each heading too: text without a tag needs none.
        if extension.getConfig("sanitize") and "<" in text:
            text = sanitize(text)
        if extension.token not in text:
            return text
        kept = extension.kept
        placeholder = re.compile(rf"<p>{extension.token}keep(\d+)</p>")
        return placeholder.sub(lambda match: kept[int(match.group(1))], text)


# Python-Markdown's serializer leaves an "&" that starts a character reference as it is (its
# own entities are stashed that way), so the text "&lt;" would show as "<": such an "&" is
# written "&amp;" here, which the serializer then keeps.
_LITERAL_AMPERSAND_RE = re.compile(r"&(?=(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)


def _literal_ampersands(root: ET.Element) -> ET.Element:
    """The element, its text and its descendants' shown as they are by Python-Markdown."""
    for element in root.iter():
        if element.text and "&" in element.text:
            element.text = _LITERAL_AMPERSAND_RE.sub("&amp;", element.text)
        if element.tail and "&" in element.tail:
            element.tail = _LITERAL_AMPERSAND_RE.sub("&amp;", element.tail)
    return root


_LEVELS = {f"h{level}": level for level in range(1, 7)}


def _match_headings(children: list[ET.Element], headings: list[Heading]) -> dict[int, Heading]:
    """The heading of the model that each top-level heading element renders, by index.

    Matched by position, not by text: a heading's rendered text holds Python-Markdown's
    placeholders for inline HTML and entities (``## a &amp; b``), so comparing texts lost
    that heading and every one after it. The k-th heading element is the model's next
    heading of the same level; a heading the renderer does not show as one (inside an HTML
    block) is skipped that way, and one in a block quote is no top-level element. The
    extension's own headings are not the list's.
    """
    matched: dict[int, Heading] = {}
    headings = [heading for heading in headings if not heading.quoted]  # not top-level
    position = 0
    for index, element in enumerate(children):
        level = _LEVELS.get(element.tag)
        if level is None or "paperlist-" in (element.get("class") or ""):
            continue
        while position < len(headings) and headings[position].level != level:
            position += 1
        if position == len(headings):
            break
        matched[index] = headings[position]
        position += 1
    return matched


def _is_placeholder(element: ET.Element, token: str) -> bool:
    return element.tag == "p" and (element.text or "").startswith(token)


def makeExtension(**kwargs: Any) -> PaperListExtension:
    return PaperListExtension(**kwargs)
