"""The rendered list page as docutils nodes, for Sphinx.

The extension renders a list to HTML (sanitized, the extension's own elements held out);
this module turns that HTML into document nodes so that Sphinx sees the list as part of the
document: headings become nested ``section`` nodes with their ids (the sidebar, the local
table of contents and the search index list them, ``#anchors`` keep working), paragraphs,
lists, links, emphasis and code become their docutils nodes, so the text, LaTeX and other
builders write the list as text. Elements docutils has no node for (``article``, ``details``,
``span`` with classes) become ``PaperListBlock`` / ``PaperListInline``: containers and inlines
everywhere, written back as the very element, with its ``data-*`` attributes, by the HTML
builders (the script filters on them). The controls (filter form, chips) and icons are
``raw`` HTML nodes: HTML builders show them, other builders skip them.

The HTML is read with the standard library's parser: what it reads is the sanitizer's output
and the extension's own serialized elements, both well formed.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from typing import Any

from docutils import nodes

__all__ = [
    "PaperListBlock",
    "PaperListInline",
    "PaperListRun",
    "PaperListSection",
    "PaperListTextOnly",
    "PaperListTitle",
    "depart_html_element",
    "depart_html_section",
    "depart_nothing",
    "html_to_nodes",
    "skip",
    "visit_html_element",
    "visit_html_section",
    "visit_nothing",
]


class PaperListBlock(nodes.container):
    """An HTML block element with no docutils counterpart (article, details, nav, table
    parts): a container for every builder, the element itself in HTML."""


class PaperListInline(nodes.inline):
    """An HTML inline element with no docutils counterpart (span, time, mark)."""


class PaperListSection(nodes.section):
    """A heading's section that was an HTML element with attributes (``<section
    data-group>``): a section for the table of contents, the element itself in HTML."""


class PaperListTitle(nodes.title):
    """A section's title that was a heading with attributes (``data-group``) or a count
    (``<span class="paperlist-group-count">``): a title everywhere; HTML builders write the
    attributes and the count in the heading."""


class PaperListTextOnly(nodes.inline):
    """Text for builders other than HTML: a space between two of the list's elements, an
    image's alternative text."""


class PaperListRun(nodes.paragraph):
    """Inline content directly inside an HTML block: a paragraph for the text builders,
    nothing around it in HTML, so the page keeps the markup it was rendered with."""


# -- HTML -> a small element tree ---------------------------------------------------------

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


class _Element:
    __slots__ = ("attributes", "children", "tag")

    def __init__(self, tag: str, attributes: dict[str, str]) -> None:
        self.tag = tag
        self.attributes = attributes
        self.children: list[_Element | str] = []

    def html(self) -> str:
        """The element serialized again (for raw HTML nodes)."""
        attributes = "".join(
            f' {name}="{escape(value)}"' if value != "" or name not in _BOOLEAN else f" {name}"
            for name, value in self.attributes.items()
        )
        if self.tag in _VOID:
            return f"<{self.tag}{attributes}>"
        inner = "".join(
            child.html()
            if isinstance(child, _Element)
            else child  # a script's or style's text is not escaped in HTML
            if self.tag in _RAW_TEXT
            else escape(child, quote=False)
            for child in self.children
        )
        return f"<{self.tag}{attributes}>{inner}</{self.tag}>"

    def text(self) -> str:
        return "".join(
            child.text() if isinstance(child, _Element) else child for child in self.children
        )

    def classes(self) -> list[str]:
        return self.attributes.get("class", "").split()

    def elements(self) -> list[_Element]:
        return [child for child in self.children if isinstance(child, _Element)]


_BOOLEAN = frozenset({"hidden", "open", "checked", "disabled", "selected", "required"})


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("body", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = _Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching element; a stray end tag closes nothing.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def _parse(html: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# -- element tree -> docutils nodes -------------------------------------------------------

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_INLINE_NODES: dict[str, type[nodes.TextElement]] = {
    "em": nodes.emphasis,
    "i": nodes.emphasis,
    "strong": nodes.strong,
    "b": nodes.strong,
    "code": nodes.literal,
    "kbd": nodes.literal,
    "samp": nodes.literal,
    "tt": nodes.literal,
    "sub": nodes.subscript,
    "sup": nodes.superscript,
    "abbr": nodes.abbreviation,
}
_INLINE_TAGS = frozenset(
    {*_INLINE_NODES, "a", "span", "img", "br", "wbr", "time", "mark", "small", "cite", "q"}
    | {"u", "s", "del", "ins", "label", "data", "var", "dfn", "bdi", "bdo"}
)
_RAW_TEXT = frozenset({"script", "style"})
_RAW_TAGS = frozenset(
    {"form", "svg", "math", "input", "select", "button", "output", "textarea", "iframe"}
    | {"video", "audio", "object", "canvas", "noscript", "template", *_RAW_TEXT}
)
"""Elements only a browser can show (or that a trusting site let through): HTML only."""
_RAW_CLASSES = frozenset({"paperlist-controls", "paperlist-filter", "paperlist-icon"})
"""The controls (filter form, chips) and icons: HTML builders only."""
_SECTION_TAGS = frozenset({"div", "section", "article", "details"})
"""Blocks that become a section when a heading opens them (``<section><h2>``)."""
_SPACE_RE = re.compile(r"\s+")


def html_to_nodes(html: str) -> list[nodes.Node]:
    """The document nodes for a rendered list page's HTML."""
    return _Flow().run(_parse(html).children)


def _raw(element: _Element) -> nodes.raw:
    html = element.html()
    return nodes.raw(html, html, format="html")


def _attributes(element: _Element) -> dict[str, str]:
    """The attributes written back in HTML, besides the id and classes docutils writes."""
    return {
        name: value for name, value in element.attributes.items() if name not in {"id", "class"}
    }


def _common(node: nodes.Element, element: _Element) -> nodes.Element:
    ident = element.attributes.get("id")
    if ident:
        node["ids"].append(ident)
    node["classes"].extend(element.classes())
    return node


def _is_count(child: _Element | str) -> bool:
    return isinstance(child, _Element) and "paperlist-group-count" in child.classes()


def _is_raw(element: _Element) -> bool:
    return element.tag in _RAW_TAGS or not _RAW_CLASSES.isdisjoint(element.classes())


def _opening_heading(element: _Element) -> tuple[_Element, list[_Element | str]] | None:
    """The heading that opens a block (``<section><h2>`` or ``<details><summary><h2>``),
    and what follows it; None for a block that is no section."""
    if element.tag not in _SECTION_TAGS:
        return None
    children = [c for c in element.children if not (isinstance(c, str) and not c.strip())]
    if not children or not isinstance(children[0], _Element):
        return None
    first = children[0]
    if first.tag in _HEADINGS:
        return first, children[1:]
    if element.tag == "details" and first.tag == "summary":
        inner = [c for c in first.children if not (isinstance(c, str) and not c.strip())]
        if len(inner) == 1 and isinstance(inner[0], _Element) and inner[0].tag in _HEADINGS:
            return inner[0], children[1:]
    return None


class _Flow:
    """Places blocks at the document level: headings open sections, nested by level."""

    def __init__(self) -> None:
        self.out: list[nodes.Node] = []
        self.stack: list[tuple[int, nodes.section]] = []

    def run(self, children: list[_Element | str]) -> list[nodes.Node]:
        self._flow(children)
        return self.out

    def _add(self, node: nodes.Node) -> None:
        if self.stack:
            self.stack[-1][1].append(node)
        else:
            self.out.append(node)

    def _open(self, heading: _Element, section: nodes.section) -> None:
        level = _HEADINGS[heading.tag]
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        # A count the script keeps up to date is no part of the title the sidebar, the
        # search index and the text builders show: HTML builders write it in the heading.
        counts = [c for c in heading.children if _is_count(c)]
        children = [c for c in heading.children if not _is_count(c)]
        # The sidebar and the search index show a title's text: no surrounding space.
        if children and isinstance(children[0], str):
            children[0] = children[0].lstrip()
        if children and isinstance(children[-1], str):
            children[-1] = children[-1].rstrip()
        title = PaperListTitle("", "", *_inlines(children))
        title["classes"].extend(heading.classes())
        title["html_attributes"] = _attributes(heading)
        title["html_after"] = "".join(f" {c.html()}" for c in counts if isinstance(c, _Element))
        ident = heading.attributes.get("id") or nodes.make_id(heading.text())
        section["ids"].insert(0, ident)
        section.insert(0, title)
        self._add(section)
        self.stack.append((level, section))

    def _flow(self, children: list[_Element | str]) -> None:
        for block in _blocks(children):
            if isinstance(block, nodes.Node):
                self._add(block)
                continue
            if block.tag in _HEADINGS:
                self._open(block, nodes.section())
                continue
            opened = None if _is_raw(block) else _opening_heading(block)
            if opened is None:
                for node in _block(block):
                    self._add(node)
                continue
            heading, rest = opened
            section = PaperListSection()
            section["classes"].extend(block.classes())
            # A details element would hide its heading in a summary-less box.
            section["html_tag"] = block.tag if block.tag in {"section", "article"} else "section"
            section["html_attributes"] = _attributes(block)
            if block.attributes.get("id"):
                section["ids"].append(block.attributes["id"])
            self._open(heading, section)
            position = len(self.stack) - 1
            self._flow(rest)
            # What follows the block belongs to the block's parent section.
            del self.stack[position:]


def _blocks(children: list[_Element | str]) -> list[_Element | nodes.Node]:
    """Children grouped into blocks: runs of inline content become one paragraph node."""
    blocks: list[_Element | nodes.Node] = []
    run: list[_Element | str] = []

    def flush() -> None:
        if any(isinstance(c, _Element) or c.strip() for c in run):
            blocks.append(PaperListRun("", "", *_inlines(run)))
        run.clear()

    for child in children:
        if isinstance(child, str) or (child.tag in _INLINE_TAGS and not _is_raw(child)):
            run.append(child)
        else:
            flush()
            blocks.append(child)
    flush()
    return blocks


def _body(children: list[_Element | str]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for block in _blocks(children):
        out += [block] if isinstance(block, nodes.Node) else _block(block)
    return out


def _block(element: _Element) -> list[nodes.Node]:
    tag = element.tag
    if _is_raw(element):
        return [_raw(element)]
    if tag == "p":
        return [_common(nodes.paragraph("", "", *_inlines(element.children)), element)]
    if tag in _HEADINGS:
        # A heading inside a block (a paper's title heading, a note's heading): no section
        # can open there; a rubric keeps its text and its id.
        return [_common(nodes.rubric("", "", *_inlines(element.children)), element)]
    if tag in {"ul", "ol"}:
        items = [
            _common(nodes.list_item("", *_body(item.children)), item)
            for item in element.elements()
            if item.tag == "li"
        ]
        if tag == "ul":
            listing: nodes.Element = nodes.bullet_list("", *items, bullet="-")
        else:
            listing = nodes.enumerated_list("", *items, enumtype="arabic", prefix="", suffix=".")
        return [_common(listing, element)]
    if tag == "blockquote":
        return [_common(nodes.block_quote("", *_body(element.children)), element)]
    if tag == "pre":
        text = element.text()
        return [_common(nodes.literal_block(text, text), element)]
    if tag == "table":
        table = _table(element)
        if table is not None:
            return [table]
    if tag == "hr":
        return [nodes.raw("<hr>", "<hr>", format="html")]
    if tag == "dl":
        terms: list[nodes.definition_list_item] = []
        definitions: list[nodes.definition] = []
        for child in element.elements():
            if child.tag == "dt":
                term = nodes.term("", "", *_inlines(child.children))
                definitions.append(nodes.definition())
                terms.append(nodes.definition_list_item("", term, definitions[-1]))
            elif child.tag == "dd" and definitions:
                definitions[-1].extend(_body(child.children))
        return [_common(nodes.definition_list("", *terms), element)]
    block = PaperListBlock("", *_body(element.children))
    block["html_tag"] = tag
    block["html_attributes"] = _attributes(element)
    return [_common(block, element)]


def _table(element: _Element) -> nodes.table | None:
    """A docutils table for a regular HTML table (no spanned cells); None otherwise, and
    the table stays an HTML element."""
    head: list[_Element] = []
    body: list[_Element] = []
    for child in element.elements():
        if child.tag == "thead":
            head += [row for row in child.elements() if row.tag == "tr"]
        elif child.tag in {"tbody", "tfoot"}:
            body += [row for row in child.elements() if row.tag == "tr"]
        elif child.tag == "tr":
            body.append(child)
    cells = [[c for c in row.elements() if c.tag in {"th", "td"}] for row in head + body]
    spanned = any(
        cell.attributes.get(name, "1") != "1"
        for row in cells
        for cell in row
        for name in ("colspan", "rowspan")
    )
    columns = max((len(row) for row in cells), default=0)
    if spanned or not columns or not body:
        return None
    group = nodes.tgroup(cols=columns)
    group.extend(nodes.colspec(colwidth=width) for width in _widths(cells, columns))

    def rows(part: list[_Element]) -> list[nodes.row]:
        built = []
        for row in part:
            entries = [
                _common(nodes.entry("", *_body(cell.children)), cell)
                for cell in row.elements()
                if cell.tag in {"th", "td"}
            ]
            entries += [nodes.entry() for _ in range(columns - len(entries))]
            built.append(nodes.row("", *entries))
        return built

    if head:
        group += nodes.thead("", *rows(head))
    group += nodes.tbody("", *rows(body))
    table = nodes.table("", group)
    _common(table, element)
    return table


def _widths(cells: list[list[_Element]], columns: int) -> list[int]:
    """Column widths in characters, as the text builder uses them: the column's text up to
    40 characters, and never less than its longest word (which the text builder would
    otherwise break), with room for the marks it writes around strong text."""
    widths = [3] * columns
    for row in cells:
        for index, cell in enumerate(row):
            text = _SPACE_RE.sub(" ", _shown_text(cell)).strip()
            longest = max((len(word) for word in text.split(" ")), default=0)
            widths[index] = max(widths[index], min(len(text), 40) + 4, longest + 4)
    return widths


def _shown_text(element: _Element) -> str:
    """The text the text builder writes for an element, images' alternative text included."""
    if element.tag == "img":
        alt = element.attributes.get("alt", "").strip()
        return f"[{alt}]" if alt else ""
    return "".join(
        _shown_text(child) if isinstance(child, _Element) else child for child in element.children
    )


def _inlines(children: list[_Element | str]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    previous: _Element | str = ""
    for child in children:
        if isinstance(child, str):
            if child:
                out.append(nodes.Text(child))
            previous = child
            continue
        if _styled(previous) and _styled(child):
            # Badges and meta fields sit side by side with no space between them: CSS
            # spaces them in HTML, text builders need a space.
            out.append(PaperListTextOnly(" ", " "))
        out += _inline(child)
        previous = child
    return out


def _styled(child: _Element | str) -> bool:
    return isinstance(child, _Element) and any(
        name.startswith("paperlist-") for name in child.classes()
    )


def _inline(element: _Element) -> list[nodes.Node]:
    tag = element.tag
    if _is_raw(element):
        return [_raw(element)]
    if tag in {"br", "wbr"}:
        return [nodes.Text("\n")] if tag == "br" else []
    if tag == "img":
        # HTML shows the image as written; no image node, which would make builders that
        # embed images (LaTeX) fetch remote ones or copy local ones the list does not own.
        alt = element.attributes.get("alt", "").strip()
        text = [PaperListTextOnly(f"[{alt}]", f"[{alt}]")] if alt else []
        return [_raw(element), *text]
    children = _inlines(element.children)
    if tag == "a":
        href = element.attributes.get("href", "")
        reference = nodes.reference("", "", *children)
        if href.startswith("#") and len(href) > 1:
            reference["refid"] = href[1:]
        elif href:
            reference["refuri"] = href
        else:
            inline = PaperListInline("", "", *children)
            inline["html_tag"] = "a"
            inline["html_attributes"] = _attributes(element)
            return [_common(inline, element)]
        return [_common(reference, element)]
    known = _INLINE_NODES.get(tag)
    if known is not None:
        node = known("", "", *children)
        if tag == "abbr" and element.attributes.get("title"):
            node["explanation"] = element.attributes["title"]
        return [_common(node, element)]
    inline = PaperListInline("", "", *children)
    inline["html_tag"] = tag if tag in _INLINE_TAGS else "span"
    inline["html_attributes"] = _attributes(element)
    return [_common(inline, element)]


# -- HTML builders: the elements written back as they were --------------------------------


def visit_html_element(translator: Any, node: nodes.Element) -> None:
    # No line break after the start tag: it would be part of the element's text.
    tag = node.get("html_tag", "div")
    attributes: dict[str, str] = node.get("html_attributes", {})
    translator.body.append(translator.starttag(node, tag, "", **attributes))


def depart_html_element(translator: Any, node: nodes.Element) -> None:
    translator.body.append(f"</{node.get('html_tag', 'div')}>")


def visit_html_section(translator: Any, node: nodes.Element) -> None:
    translator.section_level += 1
    tag = node.get("html_tag", "section")
    translator.body.append(translator.starttag(node, tag, **node.get("html_attributes", {})))


def depart_html_section(translator: Any, node: nodes.Element) -> None:
    translator.section_level -= 1
    translator.body.append(f"</{node.get('html_tag', 'section')}>\n")


def visit_html_title(translator: Any, node: nodes.Element) -> None:
    translator.visit_title(node)
    attributes: dict[str, str] = node.get("html_attributes", {})
    start = translator.body[-1] if translator.body else ""
    if attributes and isinstance(start, str) and re.match(r"<h[1-6]\b", start):
        extra = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
        translator.body[-1] = start[:3] + extra + start[3:]


def depart_html_title(translator: Any, node: nodes.Element) -> None:
    translator.body.append(node.get("html_after", ""))
    translator.depart_title(node)


def skip(translator: Any, node: nodes.Element) -> None:
    """Not written in HTML."""
    raise nodes.SkipNode


def visit_nothing(translator: Any, node: nodes.Element) -> None:
    """A run of inline content: HTML writes its content only."""


def depart_nothing(translator: Any, node: nodes.Element) -> None:
    pass
