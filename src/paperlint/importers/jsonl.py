"""Read JSON Lines: one paper a line, with ``title``, ``url`` or ``pdf_url``, ``summary`` and
an optional ``published`` date (``2025-06-18`` or a full ISO timestamp)."""

from __future__ import annotations

import datetime
import json
import re
from typing import Any

from paperlint.arxiv import ArxivId, parse_arxiv_url
from paperlint.importers.model import Paper, ReadResult, Skipped, collapse
from paperlint.urls import recover, scheme

__all__ = ["read"]

_YEAR_MONTH_RE = re.compile(r"(\d{4})-(\d{2})")


def _published(value: Any) -> datetime.date | str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        return f"published {json.dumps(value)} is not a date"
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        pass
    month = _YEAR_MONTH_RE.fullmatch(value.strip())
    if month and 1 <= int(month.group(2)) <= 12:
        return datetime.date(int(month.group(1)), int(month.group(2)), 1)
    return f'published "{value}" is not a date'


def _link(record: dict[str, Any]) -> tuple[ArxivId | None, str | None] | str:
    """The arXiv id or the other Paper URL of a record, or why its URL cannot be used."""
    value = record.get("url") or record.get("pdf_url")
    if value is None or value == "":
        return None, None
    if not isinstance(value, str) or scheme(value) not in {"http", "https"}:
        return f"url {json.dumps(value)} is not an http(s) URL"
    url = recover(value.strip())
    if any(character.isspace() for character in url):
        return f'url "{value}" contains whitespace'
    parsed = parse_arxiv_url(url)
    if parsed is None:
        return None, url
    if parsed.id is None:
        return f'url "{value}": {parsed.problem}'
    return parsed.id, None


def _lone_surrogate(record: dict[str, Any]) -> str | None:
    """The first lone surrogate (``\\ud800``, valid JSON but no character) in a field that
    is read, as an escape; it could not be written as UTF-8."""
    for key in ("title", "summary", "url", "pdf_url", "published"):
        value = record.get(key)
        if not isinstance(value, str):
            continue
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f'\\u{ord(value[exc.start]):04x} in "{key}"'
    return None


def _paper(line: str, where: str) -> Paper | Skipped:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(where, f"skipped a line that is not JSON: {exc.msg}")
    except RecursionError:  # the decoder recurses once per level of arrays and objects
        return Skipped(where, "skipped a line nested too deeply to read")
    except ValueError:  # Python refuses to convert an integer of more than 4300 digits
        return Skipped(where, "skipped a line with a number too long to read")
    if not isinstance(record, dict):
        return Skipped(where, "skipped a line that is not a JSON object")
    surrogate = _lone_surrogate(record)
    if surrogate is not None:
        return Skipped(where, f"skipped a line with a lone surrogate ({surrogate})")
    title = record.get("title")
    if not isinstance(title, str) or not collapse(title):
        return Skipped(where, 'skipped a record without a "title"')
    title = collapse(title)
    summary = record.get("summary")
    if not isinstance(summary, str) or not collapse(summary):
        return Skipped(where, f'skipped "{title}": no "summary"')
    link = _link(record)
    if isinstance(link, str):
        return Skipped(where, f'skipped "{title}": {link}')
    published = _published(record.get("published"))
    if isinstance(published, str):
        return Skipped(where, f'skipped "{title}": {published}')
    arxiv, paper_url = link
    if arxiv is None and published is None:
        return Skipped(where, f'skipped "{title}": neither an arXiv URL nor "published"')
    return Paper(title, collapse(summary), arxiv, published, where, paper_url=paper_url)


def read(text: str, *, year: int | None = None) -> ReadResult:
    """The papers of a JSON Lines text; ``year`` is unused (dates are complete)."""
    del year
    result = ReadResult()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        result.add(_paper(line, f"line {number}"))
    return result
