"""Python-Markdown glue: the ``paperlist`` extension.

    markdown.markdown(text, extensions=["paperlist", "toc"])

A preprocessor parses the page with paperlint (one parser, one model, every list format)
and writes each entry as marked pieces of Markdown: its title, authors, venue and badge
images as paragraphs, its note and the rest of its text as blocks (``render.pieces``).
The site's own Markdown renders them, extensions included (math, emoji, abbreviations).
A treeprocessor, running before ``toc``, builds each entry from its rendered pieces
(``render.build_entry``), moves each notes section under the entry that links to it
(the section keeps the id the entry links to), orders and groups the entries
(``render.plan``), and puts the filter and the compact table of contents before them.
A second treeprocessor, after ``toc``, gives section groups the ids ``toc`` gave their
headings. A postprocessor sanitizes the page's HTML (``sanitize``, on by default);
only the controls, built here from escaped text, are held out of it.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as ET
from bisect import bisect_left
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from mkdocs_paperlist.assets import register as register_assets
from mkdocs_paperlist.render import (
    GROUPS,
    SORTS,
    Pieces,
    Plan,
    RenderOptions,
    build_controls,
    build_entry,
    display_title,
    is_plain,
    pieces,
    plan,
    shown,
    slug,
)
from mkdocs_paperlist.sanitize import drop_unsafe_urls, sanitize
from paperlint.api import (
    AnchorIndex,
    Document,
    Entry,
    Heading,
    PaperList,
    bibtex_entries,
    wrapped_fences,
)
from paperlint.api import parse_document as parse

__all__ = ["PaperListExtension", "makeExtension"]

_INLINE = {"t": "title", "a": "authors", "v": "venue", "g": "images"}
_BLOCKS = {"n": "note", "x": "rest"}
_LEVELS = {f"h{level}": level for level in range(1, 7)}


class PaperListExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "enabled": [True, "Render paper lists; the MkDocs plugin sets it per page"],
            "collapse_notes": [True, "Show each paper's notes closed until clicked or linked"],
            "badges": ["inline", "inline (self-contained) or shields (shields.io images)"],
            "toc": [True, "Add the compact table of contents (group chips with counts)"],
            "filter": [True, "Add the filter bar"],
            "bibtex": [True, "A BibTeX block under each paper, with a copy button"],
            "feed_url": ["", "Address of the list's Atom feed, for a subscribe link"],
            "sort": ["as-written", "Order of entries: " + ", ".join(SORTS)],
            "group": ["auto", "Groups of entries: " + ", ".join(GROUPS)],
            "unwrap_notes": [
                True,
                "Show notes that a generator wrapped whole in a code fence as Markdown",
            ],
            "sanitize": [
                True,
                "Sanitize the HTML rendered from the list's Markdown (entries, notes, prose); "
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
        self.cuts: dict[int, Pieces] = {}
        self.citations: dict[int, str] = {}
        self.lines: list[str] = []
        self.sources: dict[int, tuple[int, int]] = {}
        """Each entry's first and last line in ``lines``, to put its source back where a
        raw HTML block (``<details>`` around a list) keeps its marked pieces from Markdown."""
        self.kept: list[str] = []
        """The controls as HTML, held out of sanitizing (see _keep)."""
        self.plan: Plan | None = None
        self.prepared: PaperList | None = None
        """A model of the page made by the caller (the MkDocs plugin), used when its text
        is the one the preprocessor receives."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.preprocessors.register(_EntryPreprocessor(md, self), "paperlist", 28)
        # Before toc (5): entry headings, group headings and moved notes get their ids.
        md.treeprocessors.register(_PaperListTreeprocessor(md, self), "paperlist", 6)
        md.treeprocessors.register(_GroupIdTreeprocessor(md, self), "paperlist_ids", 4)
        # After raw HTML is put back (raw_html, 30) and "&" fixed (amp_substitute, 20).
        md.postprocessors.register(_SanitizingPostprocessor(md, self), "paperlist", 1)
        register_assets(md, self)  # paperlist assets hook

    def renders_a_list(self) -> bool:  # paperlist assets hook
        """Whether the page being converted holds a list the extension renders."""
        return self.paper_list is not None

    def reset(self) -> None:
        self.paper_list = None
        self.token = ""
        self.cuts = {}
        self.citations = {}
        self.lines = []
        self.sources = {}
        self.kept = []
        self.plan = None

    def options(self) -> RenderOptions:
        sort = str(self.getConfig("sort"))
        group = str(self.getConfig("group"))
        if sort not in SORTS:
            raise ValueError(f"paperlist: sort must be one of {', '.join(SORTS)}, not {sort!r}")
        if group not in GROUPS:
            raise ValueError(f"paperlist: group must be one of {', '.join(GROUPS)}, not {group!r}")
        return RenderOptions(
            collapse_notes=bool(self.getConfig("collapse_notes")),
            badges=str(self.getConfig("badges")),
            toc=bool(self.getConfig("toc")),
            filter=bool(self.getConfig("filter")),
            sort=sort,
            group=group,
            bibtex=bool(self.getConfig("bibtex")),
            feed_url=str(self.getConfig("feed_url")),
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
        extension.options()  # a bad option fails here, once
        source = "\n".join(lines)
        prepared = extension.prepared
        # Python-Markdown appends blank lines; every offset before them is the same.
        if prepared is not None and prepared.document.text.rstrip("\n") == source.rstrip("\n"):
            paper_list = prepared
        else:
            paper_list = parse(Document(source))
        if not paper_list.entries:
            return lines
        fences = wrapped_fences(paper_list) if extension.getConfig("unwrap_notes") else []
        if fences:
            # A fence line becomes a blank line: the notes inside show as Markdown, and
            # every line keeps its number. The page is read again, for the model to know
            # the headings the fences held.
            lines = list(lines)
            for opening, closing in fences:
                lines[opening - 1] = lines[closing - 1] = ""
            paper_list = parse(Document("\n".join(lines)))
        document = paper_list.document
        extension.paper_list = paper_list
        extension.token = token = f"paperlist{secrets.token_hex(6)}"
        if extension.getConfig("bibtex"):
            extension.citations = bibtex_entries(paper_list)
        lines = _without_emptied_table_heads(lines, paper_list)
        output: list[str] = []
        next_line = 0
        for entry in paper_list.entries:
            first = document.line_of(entry.start) - 1
            last = document.line_of(entry.end) - 1
            if first < next_line:  # (entries never overlap; a guard, not a case)
                continue
            output.extend(lines[next_line:first])
            cut = pieces(document, entry, table=entry.format == "table")
            extension.cuts[entry.index] = cut
            extension.sources[entry.index] = (first, last)
            output += _marked(token, entry.index, cut)
            next_line = last + 1
        output.extend(lines[next_line:])
        extension.lines = lines
        return output


_DELIMITER_ROW_RE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")


def _without_emptied_table_heads(lines: list[str], paper_list: PaperList) -> list[str]:
    """The lines with the header and delimiter rows of each table whose every row is an
    entry made blank: the entries become articles, and the header alone would show as an
    empty table (the column names are what the articles' parts say)."""
    document = paper_list.document
    rows = {
        document.line_of(entry.start) - 1 for entry in paper_list.entries if entry.format == "table"
    }
    if not rows:
        return lines
    result = lines
    for row in sorted(rows):
        delimiter = row - 1
        if delimiter < 1 or not _DELIMITER_ROW_RE.fullmatch(lines[delimiter]):
            continue
        end = row
        while end < len(lines) and "|" in lines[end] and lines[end].strip():
            end += 1
        if all(number in rows for number in range(row, end)):
            if result is lines:
                result = list(lines)
            result[delimiter - 1] = result[delimiter] = ""
    return result


def _marked(token: str, index: int, cut: Pieces) -> list[str]:
    """The entry's pieces as Markdown, each behind a marker the treeprocessor finds."""
    lines = ["", f"{token}e{index}", ""]
    if cut.heading_line:
        lines += [cut.heading_line, ""]
    for code, name in _INLINE.items():
        text = getattr(cut, name)
        if text and not is_plain(text):
            lines += [f"{token}p{index}{code} {text}", ""]
    for code, name in _BLOCKS.items():
        text = getattr(cut, name)
        if text:
            lines += [
                f"{token}b{index}{code}",
                "",
                *text.split("\n"),
                "",
                f"{token}/b{index}{code}",
                "",
            ]
    return lines


class _PaperListTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: PaperListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        extension = self.extension
        paper_list = extension.paper_list
        if paper_list is None:
            return
        options = extension.options()
        marker = re.compile(rf"{extension.token}(e|p|b|/b)(\d+)([a-z]?)(?: |$)")
        entries = paper_list.entries
        self._restore_raw_blocks()
        built: dict[int, ET.Element] = {}
        used: set[str] = set()
        for parent in list(root.iter()):
            if any(_marker(child, marker) is not None for child in parent):
                built.update(self._assemble(parent, marker, entries, options, used))
        self._strip_stray_markers(root, marker)
        children = list(root)
        titles = _title_headings(paper_list)
        own = {heading.index for heading in titles.values()}
        headings = [heading for heading in paper_list.headings if heading.index not in own]
        matched = _match_headings(children, headings)
        by_index = {heading.index: element for element, heading in matched.items()}
        notes = {section.heading.index for section in paper_list.notes}
        sections = _sections(paper_list, headings, notes, titles)
        layout = plan(entries, sections, options)
        extension.plan = layout
        levels = {
            index: _LEVELS.get(by_index[index].tag, 2) if index in by_index else 1
            for index in {section for section in sections if section is not None}
        }
        base = min(levels.values(), default=1)
        self._move_notes(
            root,
            paper_list,
            matched,
            built,
            options,
            base + (1 if layout.mode == "sections" else 2),
        )
        # Entries at the top level are ordered and grouped; one the site's Markdown put
        # elsewhere (inside an HTML block with markdown="1") stays where it is.
        top = {id(element) for element in root}
        at_root = {index for index, element in built.items() if id(element) in top}
        venues = [built[index].get("data-venue", "") for index in sorted(built)]
        if layout.mode == "sections":
            _mark_sections(layout, built, by_index)
        controls = build_controls(entries, venues, layout.groups, options)
        if layout.mode == "sections":
            _place_sections(root, layout, built, at_root, by_index, controls)
        elif at_root:
            _place_timeline(root, layout, built, at_root, controls, f"h{min(6, base + 1)}")
        drop_unsafe_urls(root)

    def _assemble(
        self,
        root: ET.Element,
        marker: re.Pattern[str],
        entries: list[Entry],
        options: RenderOptions,
        used: set[str],
    ) -> dict[int, ET.Element]:
        """Replace each entry's marked pieces among a parent's children by its article."""
        cuts = self.extension.cuts
        built: dict[int, ET.Element] = {}
        children = list(root)
        rebuilt: list[ET.Element] = []
        at = 0
        while at < len(children):
            element = children[at]
            found = _marker(element, marker)
            if found is None or found[0] != "e":
                rebuilt.append(element)
                at += 1
                continue
            index = found[1]
            entry, cut = entries[index], cuts[index]
            rendered: dict[str, ET.Element] = {}
            at += 1
            if cut.heading_line and at < len(children) and children[at].tag in _LEVELS:
                rendered["heading"] = children[at]
                at += 1
            while at < len(children):
                part = _marker(children[at], marker)
                if part is None or part[1] != index:
                    break
                kind, _, code = part
                if kind == "p" and code in _INLINE:
                    paragraph = children[at]
                    paragraph.text = (
                        (paragraph.text or "").split(" ", 1)[1]
                        if " " in (paragraph.text or "")
                        else ""
                    )
                    rendered[_INLINE[code]] = paragraph
                    at += 1
                elif kind == "b" and code in _BLOCKS:
                    end = at + 1
                    while end < len(children) and _marker(children[end], marker) != (
                        "/b",
                        index,
                        code,
                    ):
                        end += 1
                    if end == len(children):
                        break  # the block swallowed its end marker: left as it is
                    holder = ET.Element("div")
                    holder.extend(children[at + 1 : end])
                    rendered[_BLOCKS[code]] = holder
                    at = end + 1
                else:
                    break
            for name in _INLINE.values():
                text = getattr(cut, name)
                if text and name not in rendered and is_plain(text):
                    rendered[name] = plain = ET.Element("p")
                    plain.text = text
            ident = _unique(f"paper-{slug(display_title(entry))}", used)
            line = self.extension.paper_list.document.line_of(entry.start)  # type: ignore[union-attr]
            article = build_entry(
                entry, cut, rendered, ident, line, options, self.extension.citations.get(index)
            )
            built[index] = article
            rebuilt.append(article)
        root[:] = rebuilt
        return built

    def _restore_raw_blocks(self) -> None:
        """Put each entry's source back into the raw HTML blocks that hold its pieces:
        Python-Markdown shows such a block as written, so the page shows the entry as the
        site would without this extension."""
        extension = self.extension
        stash = self.md.htmlStash.rawHtmlBlocks
        token = extension.token
        entry_marker = re.compile(rf"{token}e(\d+)$", re.MULTILINE)
        for number, block in enumerate(stash):
            if not isinstance(block, str) or token not in block:
                continue
            # Last entry first: "...e5" is a prefix of "...e50", never the reverse.
            held = sorted({int(index) for index in entry_marker.findall(block)}, reverse=True)
            for index in held:
                marked = "\n".join(_marked(token, index, extension.cuts[index])[1:-1])
                first, last = extension.sources[index]
                block = block.replace(marked, "\n".join(extension.lines[first : last + 1]))
            stash[number] = block

    @staticmethod
    def _strip_stray_markers(root: ET.Element, marker: re.Pattern[str]) -> None:
        """A marker the assembly did not use (its entry sat where the pieces could not be
        gathered) leaves no trace: its text stays, the marker goes."""
        for parent in root.iter():
            for child in list(parent):
                found = _marker(child, marker)
                if found is None:
                    continue
                text = child.text or ""
                rest = text.split(" ", 1)[1] if found[0] == "p" and " " in text else ""
                if found[0] == "p":
                    child.text = rest
                elif not len(child):
                    parent.remove(child)
                else:
                    child.text = ""

    def _move_notes(
        self,
        root: ET.Element,
        paper_list: PaperList,
        matched: dict[ET.Element, Heading],
        built: dict[int, ET.Element],
        options: RenderOptions,
        level: int,
    ) -> None:
        """Move each notes section under the entry that links to it, in a details element
        that keeps the id the entry links to, with a way back to the paper."""
        if not paper_list.notes:
            return
        anchors = AnchorIndex(paper_list, ("github", "mkdocs", "pymdownx"))
        owner: dict[int, tuple[str, str, int]] = {}
        for entry in paper_list.entries:
            for link in entry.links:
                fragment = link.fragment
                if not fragment:
                    continue
                heading = anchors.intended(fragment)
                if heading is not None and heading.start not in owner:
                    owner[heading.start] = (
                        anchors.decode(fragment),
                        display_title(entry),
                        entry.index,
                    )
        notes = {section.heading.index for section in paper_list.notes}
        children = list(root)
        rebuilt: list[ET.Element] = []
        at = 0
        while at < len(children):
            element = children[at]
            heading = matched.get(element)
            target = (
                owner.get(heading.start) if heading is not None and heading.index in notes else None
            )
            if heading is None or target is None or target[2] not in built:
                rebuilt.append(element)
                at += 1
                continue
            fragment, title, index = target
            end = at + 1
            while end < len(children):
                tag = _LEVELS.get(children[end].tag)
                if (tag is not None and tag <= heading.level) or children[end].tag == "article":
                    break
                end += 1
            article = built[index]
            element.set("id", fragment)
            # The section's headings move down together, under the entry's group.
            shift = level - heading.level
            for moved in children[at:end]:
                for inner in moved.iter():
                    if inner.tag in _LEVELS:
                        inner.tag = f"h{max(1, min(6, _LEVELS[inner.tag] + shift))}"
            element.text = shown(title)
            for child in list(element):
                element.remove(child)
            details = ET.SubElement(article, "details", {"class": "paperlist-notes"})
            if not options.collapse_notes:
                details.set("open", "open")
            ET.SubElement(details, "summary").text = "TLDR/Notes"
            details.extend(children[at:end])
            back = ET.SubElement(details, "p", {"class": "paperlist-back"})
            ET.SubElement(back, "a", {"href": f"#{article.get('id')}"}).text = "Back to the paper"
            at = end
        root[:] = rebuilt


class _GroupIdTreeprocessor(Treeprocessor):
    """After toc: a section group takes its heading's id, the chips link to it, each
    group title shows its count, and the controls are held out of sanitizing."""

    def __init__(self, md: Markdown, extension: PaperListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        extension = self.extension
        layout = extension.plan
        if extension.paper_list is None or layout is None:
            return
        renamed: dict[str, str] = {}
        counts: dict[str, int] = {group.ident: len(group.members) for group in layout.groups}
        for element in root.iter():
            group = element.get("data-group")
            if group is None or element.tag not in _LEVELS:
                continue
            ident = element.get("id") or group
            element.set("id", ident)
            renamed[group] = ident
            count = ET.SubElement(element, "span", {"class": "paperlist-group-count"})
            count.text = str(counts.get(group, 0))
            count.tail = None
            if len(element) == 1 and element.text:
                element.text = element.text.rstrip() + " "
        for parent in root.iter():
            for number, child in enumerate(list(parent)):
                group = child.get("data-group")
                if group in renamed:
                    child.set("data-group", renamed[group])
                if child.tag == "div" and child.get("class") == "paperlist-controls":
                    for chip in child.iter("a"):
                        old = chip.get("data-group")
                        if old in renamed:
                            chip.set("data-group", renamed[old])
                            chip.set("href", f"#{renamed[old]}")
                    parent[number] = self._keep(child)

    def _keep(self, element: ET.Element) -> ET.Element:
        """A placeholder for the controls, which the postprocessor puts back after
        sanitizing: they are built safe (etree text, no URL but in-page anchors) and are
        what the sanitizer rightly refuses to a page's Markdown (form controls)."""
        extension = self.extension
        extension.kept.append(self.md.serializer(element))
        placeholder = ET.Element("p")
        placeholder.text = f"{extension.token}keep{len(extension.kept) - 1}"
        return placeholder


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


def _mark_sections(
    layout: Plan, built: dict[int, ET.Element], by_index: dict[int, ET.Element]
) -> None:
    """Each heading that holds entries marks its group (label, data-group), and so do its
    entries; a group whose heading the page does not show as one is no group."""
    for group in layout.groups:
        section = int(group.ident.removeprefix("section-")) if group.ident else None
        element = by_index.get(section) if section is not None else None
        if element is None:
            group.ident = ""
            continue
        element.set("data-group", group.ident)
        element.set("class", _with_class(element.get("class"), "paperlist-section"))
        group.label = " ".join("".join(element.itertext()).split())
        for index in group.members:
            built[index].set("data-group", group.ident)


def _place_sections(
    root: ET.Element,
    layout: Plan,
    built: dict[int, ET.Element],
    at_root: set[int],
    by_index: dict[int, ET.Element],
    controls: ET.Element,
) -> None:
    """The author's sections stay; the entries of each take their order within it (in
    the places they held), and the controls go before the first heading that holds
    entries (before the first entry under a page title)."""
    children = list(root)
    position = {id(element): number for number, element in enumerate(children)}
    for group in layout.groups:
        members = [index for index in group.members if index in at_root]
        slots = sorted(position[id(built[index])] for index in members)
        for slot, index in zip(slots, members, strict=True):
            children[slot] = built[index]
    first = next(
        (by_index[int(g.ident.removeprefix("section-"))] for g in layout.groups if g.ident),
        None,
    )
    anchor = first if first is not None and _LEVELS[first.tag] >= 2 else None
    if anchor is None and at_root:
        anchor = children[min(position[id(built[index])] for index in at_root)]
    root[:] = children
    if anchor is not None:
        root.insert(children.index(anchor), controls)


def _place_timeline(
    root: ET.Element,
    layout: Plan,
    built: dict[int, ET.Element],
    at_root: set[int],
    controls: ET.Element,
    level: str,
) -> None:
    """The entries leave their places for one run of date groups (or one run of entries,
    mode none), with the controls first, where the first entry was."""
    children = list(root)
    moved = {id(built[index]) for index in at_root}
    start = min(number for number, element in enumerate(children) if id(element) in moved)
    kept = [element for element in children if id(element) not in moved]
    timeline: list[ET.Element] = [controls]
    for group in layout.groups:
        if layout.mode == "none":
            timeline += [built[index] for index in group.members if index in at_root]
            continue
        wrapper = ET.Element("section", {"class": "paperlist-group", "data-group": group.ident})
        title = ET.SubElement(
            wrapper,
            level,
            {"class": "paperlist-group-title", "id": group.ident, "data-group": group.ident},
        )
        title.text = shown(group.label)
        for index in group.members:
            if index in at_root:
                built[index].set("data-group", group.ident)
                wrapper.append(built[index])
        timeline.append(wrapper)
    before = sum(1 for element in children[:start] if id(element) not in moved)
    root[:] = kept[:before] + timeline + kept[before:]


def _marker(element: ET.Element, marker: re.Pattern[str]) -> tuple[str, int, str] | None:
    if element.tag != "p" or not element.text:
        return None
    found = marker.match(element.text)
    if found is None:
        return None
    return found.group(1), int(found.group(2)), found.group(3)


def _unique(ident: str, used: set[str]) -> str:
    candidate, number = ident, 1
    while candidate in used:
        number += 1
        candidate = f"{ident}-{number}"
    used.add(candidate)
    return candidate


def _with_class(classes: str | None, name: str) -> str:
    return f"{classes} {name}" if classes else name


def _title_headings(paper_list: PaperList) -> dict[int, Heading]:
    """The heading of each entry that is a heading (by entry index): the first heading in
    its span. One sorted list of offsets for all entries, not one per entry (a list with
    a heading per paper has as many headings as entries)."""
    headings = paper_list.headings
    starts = [heading.start for heading in headings]
    found: dict[int, Heading] = {}
    for entry in paper_list.entries:
        if entry.title is None or entry.title.kind != "heading":
            continue
        at = bisect_left(starts, entry.start)
        if at < len(headings) and headings[at].start < entry.end:
            found[entry.index] = headings[at]
    return found


def _sections(
    paper_list: PaperList,
    headings: list[Heading],
    notes: set[int],
    titles: dict[int, Heading],
) -> list[int | None]:
    """The heading (model index) each entry sits under: the last heading before it that
    is not a notes heading and, for an entry that is itself a heading, of a higher rank."""
    candidates = [
        heading for heading in headings if heading.index not in notes and not heading.quoted
    ]
    starts = [heading.start for heading in candidates]
    result: list[int | None] = []
    for entry in paper_list.entries:
        at = bisect_left(starts, entry.start) - 1
        own = titles[entry.index].level if entry.index in titles else None
        while at >= 0 and own is not None and candidates[at].level >= own:
            at -= 1
        result.append(candidates[at].index if at >= 0 else None)
    return result


def _match_headings(
    children: list[ET.Element], headings: list[Heading]
) -> dict[ET.Element, Heading]:
    """The heading of the model that each top-level heading element renders.

    Matched by position, not by text: a heading's rendered text holds Python-Markdown's
    placeholders for inline HTML and entities (``## a &amp; b``). The k-th heading
    element is the model's next heading of the same level; a heading the renderer does
    not show as one (inside an HTML block) is skipped that way, and one in a block quote
    is no top-level element. The extension's own headings are not the list's.
    """
    matched: dict[ET.Element, Heading] = {}
    headings = [heading for heading in headings if not heading.quoted]  # not top-level
    position = 0
    for element in children:
        level = _LEVELS.get(element.tag)
        if level is None or "paperlist-" in (element.get("class") or ""):
            continue
        while position < len(headings) and headings[position].level != level:
            position += 1
        if position == len(headings):
            break
        matched[element] = headings[position]
        position += 1
    return matched


def anchors_made_to_work(paper_list: PaperList) -> set[tuple[int, int]]:
    """Where (line, column of the ``#``) the entries link to notes that the page moves
    under them with the id the link names: anchors that work on the rendered page
    whatever the site's slugify makes of the notes headings."""
    if not paper_list.notes:
        return set()
    index = AnchorIndex(paper_list, ("github", "mkdocs", "pymdownx"))
    notes = {section.heading.index for section in paper_list.notes}
    document = paper_list.document
    found: set[tuple[int, int]] = set()
    for entry in paper_list.entries:
        for link in entry.links:
            if link.fragment:
                heading = index.intended(link.fragment)
                if heading is not None and heading.index in notes:
                    found.add(document.position(link.anchor_start))
    return found


def makeExtension(**kwargs: Any) -> PaperListExtension:
    return PaperListExtension(**kwargs)
