"""arXiv identifiers and URLs: new-style (``2506.09634v1``) and old-style (``math/0007129``)."""

from __future__ import annotations

from paperlint import lazy_re
from paperlint.record import NamedTuple
from paperlint.urls import split_url

__all__ = ["ArxivId", "ArxivUrl", "is_arxiv_url", "parse_arxiv_id", "parse_arxiv_url"]

_ARXIV_HOSTS = frozenset({"arxiv.org", "www.arxiv.org", "export.arxiv.org"})
# The shape of nearly every Paper link, matched without a full URL parse.
_FAST_URL_RE = lazy_re.compile(
    r"https?://(?:www\.|export\.)?arxiv\.org(/(?:abs|pdf|html)/[\w./-]+)"
)
# The usual Paper link of a paper since 2015, read in one match: two thirds of the time of
# reading the path and then the id (0.03 s of a 1.5 s lint of the 20k bench list).
# (The ranges of year and month are checked after the match: written in the pattern, they
# made it cost 0.3 ms to compile, a start-up cost for small lists.)
_USUAL_URL_RE = lazy_re.compile(
    r"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/"
    r"(([0-9]{2})([0-9]{2})\.[0-9]{5}(?:v([0-9]+))?)(?:\.pdf)?/?"
)
# "/abs/ID", "/pdf/ID.pdf", and the old mirror path "/ftp/arxiv/papers/YYMM/ID.pdf".
_PATH_RE = lazy_re.compile(r"/(abs|pdf|html|format|ftp/arxiv/papers/\d{4})/(.+?)(?:\.pdf)?/?")
_NEW_ID_RE = lazy_re.compile(r"(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?")
_OLD_ID_RE = lazy_re.compile(
    r"([a-z]+(?:-[a-z]+)*)(?:\.([A-Z]{2}))?/(\d{2})(\d{2})(\d{3})(?:v(\d+))?"
)


class ArxivId(NamedTuple):
    """A well-formed arXiv identifier."""

    id: str
    """Without version: ``2506.09634`` or ``math/0007129``."""
    version: int | None
    year: int
    month: int

    def __str__(self) -> str:
        return self.id if self.version is None else f"{self.id}v{self.version}"

    @property
    def abs_url(self) -> str:
        return f"https://arxiv.org/abs/{self}"


class ArxivUrl(NamedTuple):
    """An arXiv URL: its id when well-formed, otherwise why it is not."""

    id: ArxivId | None
    raw_id: str
    """The id part of the path as written (empty when the path has none)."""
    problem: str | None


def _year(two_digits: int) -> int:
    return 1900 + two_digits if two_digits >= 91 else 2000 + two_digits


def parse_arxiv_id(text: str) -> ArxivId | str:
    """A well-formed id, or a message saying what is wrong with it."""
    new = _NEW_ID_RE.fullmatch(text)
    if new:
        yy, mm, number, version = new.groups()
        year, month = _year(int(yy)), int(mm)
        if not 1 <= month <= 12:
            return f'month {mm} of arXiv id "{text}" does not exist'
        if year < 2007 or (year == 2007 and month < 4):
            return f'arXiv id "{text}" has the new form, which started in 2007/04'
        digits = 5 if year >= 2015 else 4
        if len(number) != digits:
            return f'arXiv id "{text}" should have {digits} digits after the dot for {yy}{mm}'
        return ArxivId(f"{yy}{mm}.{number}", int(version) if version else None, year, month)
    old = _OLD_ID_RE.fullmatch(text)
    if old:
        archive, subject, yy, mm, number, version = old.groups()
        year, month = _year(int(yy)), int(mm)
        if not 1 <= month <= 12:
            return f'month {mm} of arXiv id "{text}" does not exist'
        if year > 2007 or (year == 2007 and month > 3):
            return f'arXiv id "{text}" has the old form, which ended in 2007/03'
        base = f"{archive}.{subject}" if subject else archive
        ident = f"{base}/{yy}{mm}{number}"
        return ArxivId(ident, int(version) if version else None, year, month)
    if not text:
        return "arXiv URL has no paper id"
    return f'"{text}" is not an arXiv id'


def is_arxiv_url(url: str) -> bool:
    if "arxiv.org" not in url.lower():  # the common case, without parsing the URL
        return False
    try:
        host = split_url(url.strip()).hostname
    except ValueError:
        return False
    return host in _ARXIV_HOSTS


def parse_arxiv_url(url: str) -> ArxivUrl | None:
    """The paper id of an arXiv URL; None when the URL is not on arxiv.org."""
    usual = _USUAL_URL_RE.fullmatch(url)
    if usual is not None:
        raw, yy, mm, version = usual.groups()
        year, month = 2000 + int(yy), int(mm)
        if 2015 <= year < 2091 and 1 <= month <= 12:
            # (Read as below would read it: no other check can fail on this shape.)
            identifier = ArxivId(raw[:10], int(version) if version else None, year, month)
            return ArxivUrl(identifier, raw, None)
    return _parse_any_url(url)


def _parse_any_url(url: str) -> ArxivUrl | None:
    fast = _FAST_URL_RE.fullmatch(url)
    if fast:
        path = fast.group(1)
    elif not is_arxiv_url(url):
        return None
    else:
        path = split_url(url.strip()).path
    match = _PATH_RE.fullmatch(path)
    if not match:
        return ArxivUrl(None, "", f'arXiv URL path "{path}" does not name a paper')
    raw = match.group(2)
    parsed = parse_arxiv_id(raw)
    if isinstance(parsed, str):
        return ArxivUrl(None, raw, parsed)
    return ArxivUrl(parsed, raw, None)
