"""Read a BibTeX file: one paper per entry, with its authors, year, month and venue."""

from __future__ import annotations

import datetime
import re

from paperlint.arxiv import ArxivId, parse_arxiv_id, parse_arxiv_url
from paperlint.dates import MONTHS
from paperlint.importers.links import find_urls
from paperlint.importers.model import ImportFailure, Paper, ReadResult, Skipped, collapse

__all__ = ["read"]

# What LaTeX markup a title or a name keeps in BibTeX: {Protected} words, \emph{...}, \"o.
_COMMAND_RE = re.compile(r"\\[a-zA-Z]+\s*(?=\{)")
_ACCENT_RE = re.compile(r"\\[`'^\"~=.]\{?([a-zA-Z])\}?")
_BRACES_RE = re.compile(r"[{}]")


def _latex_text(value: str) -> str:
    """A field's value as text: accents folded onto their letter, commands and braces
    dropped, ``--`` made a dash, whitespace collapsed."""
    value = _ACCENT_RE.sub(r"\1", value)
    value = _COMMAND_RE.sub("", value)
    value = _BRACES_RE.sub("", value).replace("---", "—").replace("--", "–")
    return collapse(value.replace("\\&", "&").replace("~", " "))


def _author(name: str) -> str:
    """``Last, First`` as ``First Last``; other names as written."""
    name = _latex_text(name)
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        return f"{first} {last}".strip()
    return name


def _arxiv(fields: dict[str, str]) -> ArxivId | None:
    prefix = fields.get("archiveprefix", "").lower()
    eprint = fields.get("eprint", "").strip()
    if eprint and prefix in {"", "arxiv"}:
        parsed = parse_arxiv_id(eprint.removeprefix("arXiv:"))
        if isinstance(parsed, ArxivId):
            return parsed
    for key in ("url", "journal", "note"):
        for url in find_urls(fields.get(key, "")) if key != "url" else [fields.get(key, "")]:
            found = parse_arxiv_url(url.strip())
            if found is not None and found.id is not None:
                return found.id
    match = re.search(r"arXiv:(\S+)", fields.get("journal", ""), re.IGNORECASE)
    if match:
        parsed = parse_arxiv_id(match.group(1).rstrip(".,"))
        if isinstance(parsed, ArxivId):
            return parsed
    return None


def _date(fields: dict[str, str]) -> tuple[datetime.date | None, bool]:
    year_text = _latex_text(fields.get("year", ""))
    if not re.fullmatch(r"\d{4}", year_text):
        return None, False
    month_text = _latex_text(fields.get("month", "")).lower().rstrip(".")
    month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text, 0)
    if 1 <= month <= 12:
        return datetime.date(int(year_text), month, 1), True
    return datetime.date(int(year_text), 1, 1), False


def _paper(fields: dict[str, str], where: str) -> Paper | Skipped:
    title = _latex_text(fields.get("title", ""))
    if not title:
        return Skipped(where, "skipped an entry without a title")
    arxiv = _arxiv(fields)
    published, month_known = _date(fields)
    if arxiv is None and published is None:
        return Skipped(where, f'skipped "{title}": neither an arXiv id nor a year')
    authors = tuple(
        _author(name)
        for name in re.split(r"\s+and\s+", fields.get("author", "").strip())
        if name.strip() and name.strip() != "others"
    )
    url = fields.get("url", "").strip()
    doi = fields.get("doi", "").strip()
    paper_url = url or (f"https://doi.org/{doi}" if doi else None)
    if paper_url is not None and parse_arxiv_url(paper_url) is not None:
        paper_url = None  # the arXiv id gives the Paper link
    venue = _latex_text(fields.get("booktitle", "") or fields.get("journal", "")) or None
    if venue is not None and venue.lower().startswith("arxiv"):
        venue = None
    return Paper(
        title,
        _latex_text(fields.get("abstract", "")),
        arxiv,
        published,
        where,
        paper_url=paper_url,
        urls=tuple(find_urls(fields.get("note", ""))),
        authors=authors,
        venue=venue,
        precision="month" if month_known or arxiv is not None else "year",
    )


def read(text: str, *, year: int | None = None) -> ReadResult:
    """The papers of a BibTeX file; ``year`` is unused (BibTeX entries give theirs).

    bibtexparser reads the syntax (string macros, nested braces, comments, ``@string``),
    which is more than a regular expression can do right."""
    del year
    import bibtexparser  # here: only this format needs it

    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    if library.failed_blocks and not library.entries:
        block = library.failed_blocks[0]
        raise ImportFailure(f"line {(block.start_line or 0) + 1}: not valid BibTeX")
    result = ReadResult()
    for block in library.failed_blocks:
        result.skipped.append(Skipped(f"line {(block.start_line or 0) + 1}", "not valid BibTeX"))
    for entry in library.entries:
        fields = {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}
        result.add(_paper(fields, f"line {(entry.start_line or 0) + 1} ({entry.key})"))
    return result
