"""Literal text in Markdown: written so that every renderer shows it as it is, and read back.

Text from strangers (an abstract, a title) must render as its own characters: ``<eos>``
stays visible, ``<img onerror=...>`` and ``[x](javascript:...)`` stay text. Each character
that can be markup where it stands is written in a form that GitHub (CommonMark and GFM)
and Python-Markdown both show as the character: a backslash escape where both know it, else
a character reference, which both decode and neither reads as markup. The markup covered is
CommonMark and GFM (emphasis, code, links, images, raw HTML, references, strikethrough,
autolinks, ``$`` math) and Python-Markdown with the extensions sites commonly add
(``attr_list`` ``{...}``, ``abbr``, ``footnotes``, ``def_list``, ``admonition``, pymdownx
``tilde``, ``caret``, ``mark``, ``keys``, ``arithmatex``, ``details``, ``emoji``
``:name:``). URLs in the text become autolinks, whose text is the URL."""

from __future__ import annotations

import re
from collections.abc import Callable

from paperlint import lazy_re

__all__ = ["escape_heading", "escape_inline", "escape_paragraph", "escape_url", "unescape"]

# Markup characters escaped wherever they are: with a backslash, which CommonMark and
# Python-Markdown (its core ESCAPED_CHARS) both accept. "]" is left as it is: with every "["
# escaped it closes nothing, and "\\[" next to "\\]" is display math for pymdownx.arithmatex.
_ALWAYS = {char: f"\\{char}" for char in "\\`*{}["}
# Markup characters Python-Markdown takes no backslash for, escaped with a character
# reference, and only where they can be markup: a reference's letters and digits would
# otherwise be read as the title's (paperlint keys titles by them to find duplicates).
# "<" opens a tag, comment or autolink unless a space follows; "&" is markup only as the
# start of a reference ("&amp;"); "~", "$" and "^" only come in pairs (strikethrough and
# subscript, math, superscript); ">" needs a "<" before it, or a line's start.
_REFERENCES = {"&": "&amp;", "<": "&lt;", "~": "&#126;", "$": "&#36;", "^": "&#94;"}
_PAIRED_ONLY = frozenset("~$^")
# Python-Markdown (and a browser) read "&#12" as a reference even without its ";".
_ENTITY_LIKE_RE = lazy_re.compile(r"#|[A-Za-z0-9]+;")
_ESCAPED_RE = lazy_re.compile("[" + re.escape("".join(_ALWAYS) + "".join(_REFERENCES)) + "_]")
# Markup only in company: "_" unless inside a word (where neither renderer reads it as
# emphasis, and "snake_case" stays readable), ":name:" (emoji shortcodes), "==mark==",
# "++key++".
_EMOJI_OPEN_RE = lazy_re.compile(r":(?=[A-Za-z0-9_+-]+:)")
_PAIRED_RE = lazy_re.compile(r"(?:(?<==)=|=(?==))|(?:(?<=\+)\+|\+(?=\+))")
# What opens a block at the start of a line: a heading, list item, quote (already a
# reference), setext underline, table, definition, admonition ("!!!"), details ("???"),
# block ("///"), or an ordered list's "2024." / "1)".
_LINE_START = {
    ">": "&gt;",
    "#": "\\#",
    "+": "\\+",
    "-": "\\-",
    "!": "\\!",
    "=": "&#61;",
    "|": "&#124;",
    ":": "&#58;",
    "?": "&#63;",
    "/": "&#47;",
}
_ORDERED_RE = lazy_re.compile(r"(\d{1,9})([.)])")
# Python-Markdown drops a heading's closing run of "#" even without a space before it.
_CLOSING_HASHES_RE = lazy_re.compile(r"#+$")

# A URL in text, written as an autolink: GitHub links bare URLs itself, but splits one at
# an escape ("QoQ\\_Med") and links only the part before it. Inside "<...>" neither renderer
# reads escapes or markup, so the URL ends only at what ends an autolink ("<", ">", space),
# at what a reference would need ("&...;" or "&#"), at LaTeX residue ("{", "}", "\\", "$")
# and at what paperlint reads even there: "*" (a title's closing "**") and "[" "]" (links).
_URL_CHARS = r"[^\s<>{}\\$&\[\]`\"'|^*]"
_URL_RE = lazy_re.compile(
    rf"(https?://)(?=[^\W_]){_URL_CHARS}+(?:&(?![#\w]+;|#){_URL_CHARS}*)*", re.I
)
_URL_TRAILING = frozenset(".,;:!?_~")

# In a URL: what RFC 3986 never allows unescaped (browsers percent-encode it anyway), and
# what would end a Markdown link or start a new one.
_URL_UNSAFE_RE = lazy_re.compile(r"[\x00-\x20\x7f<>\"`\\{}|^\[\]]")
_PARENS_RE = lazy_re.compile(r"[()]")

# Backslash escapes of ASCII punctuation and character references (with their ";"), as
# CommonMark reads them.
_UNESCAPE_RE = lazy_re.compile(r"\\([!-/:-@\[-`{-~])")
_AUTOLINK_RE = lazy_re.compile(r"<(https?://[^\s<>]*)>", re.IGNORECASE)
_REFERENCE_RE = lazy_re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def _escaper(paired: frozenset[str]) -> Callable[[re.Match[str]], str]:
    """The replacement for one markup character; ``paired`` holds the pair-only characters
    that the whole text has more than one of."""

    def replace(match: re.Match[str]) -> str:
        char = match.group()
        text, at = match.string, match.start()
        if char in _ALWAYS:
            return _ALWAYS[char]
        if char == "_":
            inside_word = 0 < at < len(text) - 1 and text[at - 1].isalnum()
            return "_" if inside_word and text[at + 1].isalnum() else "\\_"
        if char == "&":
            return "&amp;" if _ENTITY_LIKE_RE.match(text, at + 1) else "&"
        if char == "<":
            return "<" if at + 1 < len(text) and text[at + 1].isspace() else "&lt;"
        return _REFERENCES[char] if char in paired else char

    return replace


def _escape_text(text: str, paired: frozenset[str]) -> str:
    escaped = _ESCAPED_RE.sub(_escaper(paired), text)
    escaped = _EMOJI_OPEN_RE.sub("&#58;", escaped)
    return _PAIRED_RE.sub(lambda m: "&#61;" if m.group() == "=" else "\\+", escaped)


def _url_end(text: str, start: int, end: int) -> int:
    """Where the URL found at ``text[start:end]`` ends: before trailing sentence
    punctuation and an unbalanced ``)``, as GitHub's autolinks end."""
    unbalanced = text.count(")", start, end) - text.count("(", start, end)
    while end > start:
        last = text[end - 1]
        if last == ")" and unbalanced > 0:
            unbalanced -= 1
        elif last not in _URL_TRAILING:
            break
        end -= 1
    return end


def escape_inline(text: str) -> str:
    """The text as Markdown inline content that renders as exactly these characters (on
    one line: the caller collapses line breaks); its http(s) URLs become autolinks
    (``<https://...>``), whose text is the URL itself."""
    paired = frozenset(char for char in _PAIRED_ONLY if text.count(char) > 1)
    pieces: list[str] = []
    done = 0
    for match in _URL_RE.finditer(text):
        end = _url_end(text, match.start(), match.end())
        if end - match.start() <= len(match.group(1)):
            continue  # a scheme without an address
        pieces += [
            _escape_text(text[done : match.start()], paired),
            f"<{text[match.start() : end]}>",
        ]
        done = end
    pieces.append(_escape_text(text[done:], paired))
    return "".join(pieces)


def _escape_line_start(text: str) -> str:
    if not text:
        return text
    ordered = _ORDERED_RE.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{ordered.group(2)}{text[ordered.end() :]}"
    first = _LINE_START.get(text[0])
    return text if first is None else first + text[1:]


def escape_paragraph(text: str) -> str:
    """The text as a one-line Markdown paragraph that renders as exactly these characters."""
    return _escape_line_start(escape_inline(text))


def escape_heading(text: str) -> str:
    """The text as the content of an ATX heading (after ``# ``) that renders as exactly
    these characters: a closing run of ``#`` would otherwise be dropped."""
    text = escape_inline(text)
    closing = _CLOSING_HASHES_RE.search(text)
    if closing is None:
        return text
    return text[: closing.start()] + closing.group().replace("#", "\\#")


def escape_url(url: str) -> str:
    """The URL as a Markdown link destination that keeps the ``[label](url)`` whole: the
    characters RFC 3986 forbids percent-encoded (as a browser would send them), and
    parentheses too when they do not pair up."""
    url = _URL_UNSAFE_RE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
    depth = 0
    for char in _PARENS_RE.findall(url):
        depth += 1 if char == "(" else -1
        if depth < 0:
            break
    if depth != 0:
        url = url.replace("(", "%28").replace(")", "%29")
    return url


def _decode_reference(match: re.Match[str]) -> str:
    import html  # here: few texts hold a reference, and importing html costs 1.4 ms

    return html.unescape(match.group())


def _unescape_text(text: str) -> str:
    pieces = _UNESCAPE_RE.split(text)
    # split() alternates text and escaped characters: references are decoded in the text
    # only, so "\\&amp;" stays "&amp;".
    return "".join(
        _REFERENCE_RE.sub(_decode_reference, piece) if index % 2 == 0 else piece
        for index, piece in enumerate(pieces)
    )


def unescape(text: str) -> str:
    """The characters of inline Markdown text that holds no markup but escapes, character
    references and autolinks, as a renderer shows them."""
    if "\\" not in text and "&" not in text and "<" not in text:
        return text
    pieces = _AUTOLINK_RE.split(text)
    # Odd pieces are the URLs inside "<...>", which are literal.
    return "".join(
        _unescape_text(piece) if index % 2 == 0 else piece for index, piece in enumerate(pieces)
    )
