"""URL hygiene: what a generator left at the end of a URL, and the URL it meant."""

from __future__ import annotations

from paperlint import lazy_re
from paperlint.record import NamedTuple

__all__ = [
    "CODE_HOSTS",
    "HTTPS_HOSTS",
    "PLACEHOLDER_NEEDLES",
    "after_leading_residue",
    "is_repository_url",
    "leading_residue",
    "missing_scheme",
    "placeholder",
    "recover",
    "residue_index",
    "scheme",
    "serves_https",
    "split_url",
    "trailing_junk",
    "trailing_removal_is_safe",
]

TRAILING_PUNCTUATION = ".,;:?"
"""What a URL copied from a sentence ends with: its punctuation, and an empty query ``?``."""
RESIDUE_CHARACTERS = "{}\\$"
# Characters RFC 3986 never allows unescaped in a URL: cutting at them loses nothing.
_ILLEGAL_RESIDUE = "{}\\"

CODE_HOSTS = frozenset(
    {"github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "codeberg.org"}
)
_SEGMENT = r"[A-Za-z0-9_.-]+"
_REPOSITORY_PATH_RE = lazy_re.compile(
    rf"/(?:(?:datasets|spaces|models)/)?{_SEGMENT}(?:/{_SEGMENT})?/?(?:\.git)?"
)
_SCHEME_RE = lazy_re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")


class UrlParts(NamedTuple):
    """``urllib.parse.urlsplit``'s parts of a URL, and its host in lower case ("" for none)."""

    scheme: str
    netloc: str
    path: str
    query: str
    fragment: str
    hostname: str


# A URL as lists write them: a scheme, a host of letters, digits, dots and hyphens, no blanks.
_PLAIN_URL_RE = lazy_re.compile(
    r"([A-Za-z][A-Za-z0-9+.-]*)://([A-Za-z0-9.-]*)(/[^?#\s]*)?(?:\?([^#\s]*))?(?:#(\S*))?"
)


def split_url(url: str) -> UrlParts:
    """What ``urlsplit`` makes of a URL (``ValueError`` for what it rejects). A plain URL is
    split here: importing urllib.parse (and ipaddress, which it imports) costs 2.7 ms, 7% of
    a check of a small list that has a single URL to look into."""
    plain = _PLAIN_URL_RE.fullmatch(url)
    if plain:
        scheme, host, path, query, fragment = plain.groups(default="")
        return UrlParts(scheme.lower(), host, path, query, fragment, host.lower())
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return UrlParts(*parts, parts.hostname or "")


def scheme(url: str) -> str | None:
    """The URL's scheme in lower case, or None for a relative URL."""
    match = _SCHEME_RE.match(url.strip())
    return match.group(1).lower() if match else None


def trailing_junk(url: str) -> str:
    """The sentence punctuation and unbalanced ``)`` that end the URL (may be empty), with
    the blanks between them (``, .``: removing only the ``.`` would leave the ``,``)."""
    end = len(url)
    opened = url.count("(")
    closed = url.count(")")
    while end > 0:
        last = url[end - 1]
        if last in TRAILING_PUNCTUATION or (last.isspace() and 1 < end < len(url)):
            end -= 1
        elif last == ")" and closed > opened:
            closed -= 1
            end -= 1
        else:
            break
    return url[end:]


def residue_index(url: str) -> int | None:
    """Where LaTeX residue (``{ } \\ $``) starts in the URL, if it has any."""
    positions = [url.find(char) for char in RESIDUE_CHARACTERS]
    found = [position for position in positions if position >= 0]
    return min(found) if found else None


_LEADING_RESIDUE_RE = lazy_re.compile(r"[{}\\$]+(?=[A-Za-z][A-Za-z0-9+.-]*://)")


def leading_residue(url: str) -> str:
    r"""LaTeX residue before the URL's scheme (``\https://...``), or ""."""
    match = _LEADING_RESIDUE_RE.match(url.lstrip())
    return match.group() if match else ""


def after_leading_residue(url: str) -> str:
    r"""The URL without LaTeX residue before its scheme (``\https://...``), which is all
    url-latex-residue removes there; the URL itself when it has none."""
    lead = leading_residue(url)
    return url.lstrip()[len(lead) :] if lead else url


def recover(url: str) -> str:
    """The URL the author meant: without residue before its scheme, cut at LaTeX residue,
    then without trailing junk (blanks included: a blank left before the ``)`` makes the
    rest a link that ends early)."""
    url = after_leading_residue(url)
    while True:
        cut = residue_index(url)
        if cut is not None:
            url = url[:cut]
        junk = trailing_junk(url)
        if junk:
            url = url[: len(url) - len(junk)]
        kept = url.rstrip()
        blanks = len(kept) != len(url)
        url = kept
        if cut is None and not junk and not blanks:
            return url


def is_repository_url(url: str) -> bool:
    """A code host's owner or owner/repository page, e.g. ``https://github.com/o/r``."""
    try:
        parts = split_url(url)
    except ValueError:
        return False
    host = parts.hostname.removeprefix("www.")
    if host not in CODE_HOSTS or parts.query or parts.fragment:
        return False
    return bool(_REPOSITORY_PATH_RE.fullmatch(parts.path))


def _is_bare_origin(url: str) -> bool:
    try:
        parts = split_url(url)
    except ValueError:
        return False
    return bool(parts.netloc) and parts.path in {"", "/"} and not parts.query


def trailing_removal_is_safe(kept: str, removed: str) -> bool:
    """Whether dropping ``removed`` from the end of ``kept + removed`` keeps its meaning.

    Safe when Markdown already ends the link there (the junk starts with an unbalanced
    ``)``), when what is kept is a bare site (``https://x.github.io/.``), or when it is a
    repository on a code host, whose names cannot end with ``.``, ``,``, ``;`` or ``:``, or
    when only an empty query ``?`` goes from a URL of a site that serves https (arXiv,
    GitHub, the publishers). Anything else might be a real URL that ends with punctuation.
    """
    if removed.startswith(")"):
        return True
    if removed == "?" and serves_https(kept):
        return True  # an empty query: arXiv, GitHub and the publishers serve the same page
    return _is_bare_origin(kept) or is_repository_url(kept)


def residue_removal_is_safe(url: str) -> bool:
    """Whether cutting the URL at its LaTeX residue is safe: ``{ } \\`` are never legal in a
    URL, but ``$`` is, so a cut at ``$`` might change the address."""
    cut = residue_index(url)
    return cut is not None and url[cut] in _ILLEGAL_RESIDUE


# A destination that starts with a host name: "www.x.org", "hengfenghe.com",
# "eladrich.github.io/pixel2style2pixel". The last label is a top-level domain of letters.
_HOST_START_RE = lazy_re.compile(
    r"(?i)(www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,24})(?::\d{1,5})?(?=[/?#]|$)"
)
# File names a relative link names ("paper.pdf", "README.md"): no host, though they look it.
_FILE_EXTENSIONS = frozenset(
    [
        "md",
        "markdown",
        "txt",
        "pdf",
        "bib",
        "tex",
        "png",
        "jpg",
        "jpeg",
        "gif",
        "svg",
        "webp",
        "html",
        "htm",
        "json",
        "yml",
        "yaml",
        "toml",
        "py",
        "ipynb",
        "rs",
        "ppt",
        "pptx",
        "pt",
        "pth",
        "ckpt",
        "csv",
        "tsv",
        "zip",
        "gz",
        "tar",
        "mp4",
        "mov",
        "xml",
        "rst",
        "cfg",
        "ini",
        "sh",
        "js",
        "css",
    ]
)


def missing_scheme(url: str) -> bool:
    """Whether a link's destination is a host without its ``https://``: on the page it is a
    relative link that leads nowhere (``www.wsdm-conference.org``, ``hengfenghe.com``), also
    once LaTeX residue and trailing punctuation are gone (``hengfenghe.com.``)."""
    stripped = url.strip()
    if not stripped or stripped[0] in "/.#?~<" or stripped.startswith(("https://", "http://")):
        return False  # nearly every URL, without the work below
    meant = recover(stripped)  # as url-latex-residue and url-trailing-punctuation leave it
    if not meant or meant[0] in "/.#?~<" or scheme(meant) is not None:
        return False
    match = _HOST_START_RE.match(meant)
    if match is None:
        return False
    if match.group(1):  # "www." is always a host
        return True
    return match.group(2).lower() not in _FILE_EXTENSIONS


_PLACEHOLDER_HOST_RE = lazy_re.compile(
    r"(?i)^(?:[a-z][a-z0-9+.-]*://)?(?:[^/?#]*\.)?example\.(?:com|org|net)(?::\d+)?(?:[/?#]|$)"
)
_PLACEHOLDER_WORDS = frozenset(
    {"todo", "tbd", "tba", "url", "link", "xxx", "placeholder", "coming soon"}
)
# The words the placeholder patterns need: one of them is in every URL they match.
_PATTERN_WORDS = ("xxx", "todo", "tbd", "your", "<")
PLACEHOLDER_NEEDLES = ("example.", *_PATTERN_WORDS, *sorted(_PLACEHOLDER_WORDS))
"""A part, in lower case, of every URL that ``placeholder`` finds a placeholder in."""
_PLACEHOLDER_PART_RE = lazy_re.compile(
    r"(?i)(?:^|[/=.])(x{4}\.x{4,5}|x{3,}|todo|tbd|your[-_]?(?:user(?:name)?|repo|name)|<[^>]*>)(?:$|[/?#.])"
)


def placeholder(url: str) -> str | None:
    """The template placeholder a URL still holds (``example.com``, ``xxxx.xxxxx``, ``TODO``,
    ``your-username``), or None."""
    stripped = url.strip()
    lowered = stripped.lower()
    if lowered in _PLACEHOLDER_WORDS:
        return stripped
    # Each pattern runs only on a URL that holds its words (which no character but their
    # own matches case-insensitively): compiling the two costs 0.5 ms, and few URLs need them.
    if "example." in lowered:
        host = _PLACEHOLDER_HOST_RE.match(stripped)
        if host is not None:
            written = host.group().rstrip("/?#")  # "EXAMPLE.COM" too: the pattern ignores case
            return written[written.lower().rfind("example.") :]
    if any(word in lowered for word in _PATTERN_WORDS):
        part = _PLACEHOLDER_PART_RE.search(stripped)
        return part.group(1) if part is not None else None
    return None


HTTPS_HOSTS = frozenset(
    {
        "arxiv.org",
        "export.arxiv.org",
        "github.com",
        "gist.github.com",
        "raw.githubusercontent.com",
        "gitlab.com",
        "huggingface.co",
        "openreview.net",
        "aclanthology.org",
        "www.aclweb.org",
        "aclweb.org",
        "doi.org",
        "dx.doi.org",
        "openaccess.thecvf.com",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "proceedings.mlr.press",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "www.semanticscholar.org",
        "scholar.google.com",
        "www.youtube.com",
        "youtube.com",
        "youtu.be",
        "colab.research.google.com",
        "drive.google.com",
        "sites.google.com",
        "paperswithcode.com",
    }
)


def serves_https(url: str) -> bool:
    """Whether an ``http://`` URL's host is one that serves (and redirects to) https:
    arXiv, GitHub and ``*.github.io``, the publishers of most papers."""
    try:
        host = split_url(url.strip()).hostname
    except ValueError:  # urlsplit rejects a "[" that opens no IPv6 host: "http://[x"
        return False
    return host in HTTPS_HOSTS or host.endswith((".github.io", ".arxiv.org"))
