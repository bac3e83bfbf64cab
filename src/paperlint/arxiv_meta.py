"""arXiv papers' metadata for ``paperlint add``: from a saved arXiv API response, from a JSON
cache, or (only when asked) from the arXiv API itself, whose answer then fills the cache.

The API answers ``GET {api}?id_list=ID,ID&max_results=N`` with an Atom feed, one entry per
id (``paperlint.importers.arxiv_atom`` reads it).
"""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from paperlint.arxiv import ArxivId, parse_arxiv_id
from paperlint.importers import arxiv_atom
from paperlint.importers.model import ImportFailure, Paper

__all__ = [
    "DEFAULT_API",
    "MetadataError",
    "fetch",
    "load_cache",
    "lookup",
    "parse_response",
    "save_cache",
]

DEFAULT_API = "https://export.arxiv.org/api/query"
_CACHE_VERSION = 1
_TIMEOUT = 30.0


class MetadataError(Exception):
    """Metadata cannot be had; the message is one line."""


def parse_response(text: str) -> dict[str, Paper]:
    """The papers of an arXiv API response, by id without version."""
    try:
        result = arxiv_atom.read(text)
    except ImportFailure as exc:
        raise MetadataError(f"arXiv response: {exc}") from None
    return {paper.arxiv.id: paper for paper in result.papers if paper.arxiv is not None}


def _to_json(paper: Paper) -> dict[str, Any]:
    return {
        "id": str(paper.arxiv) if paper.arxiv is not None else None,
        "title": paper.title,
        "authors": list(paper.authors),
        "abstract": paper.abstract,
        "published": paper.published.isoformat() if paper.published is not None else None,
        "urls": list(paper.urls),
    }


def _from_json(key: str, record: Mapping[str, Any], where: str) -> Paper:
    arxiv = parse_arxiv_id(str(record.get("id") or key))
    title = record.get("title")
    if not isinstance(arxiv, ArxivId) or not isinstance(title, str) or not title:
        raise MetadataError(f"{where}: record {key!r} has no valid id or title")
    published = None
    if isinstance(record.get("published"), str):
        try:
            published = datetime.date.fromisoformat(record["published"])
        except ValueError:
            published = None
    return Paper(
        title,
        str(record.get("abstract") or ""),
        arxiv,
        published,
        where,
        urls=tuple(str(url) for url in record.get("urls") or ()),
        authors=tuple(str(name) for name in record.get("authors") or ()),
    )


def load_cache(path: Path) -> dict[str, Paper]:
    """The papers of a cache file; an absent file is an empty cache."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise MetadataError(f"{path}: cannot read the cache: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MetadataError(f"{path}: not a paperlint cache: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("papers"), dict):
        raise MetadataError(f'{path}: not a paperlint cache: no "papers" object')
    return {
        key: _from_json(key, record, str(path))
        for key, record in data["papers"].items()
        if isinstance(record, dict)
    }


def save_cache(path: Path, papers: Mapping[str, Paper]) -> None:
    """Write the cache atomically, its records sorted by id (a stable file to commit)."""
    data = {
        "version": _CACHE_VERSION,
        "papers": {key: _to_json(papers[key]) for key in sorted(papers)},
    }
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise MetadataError(f"{path}: cannot write the cache: {exc.strerror or exc}") from None


def fetch(ids: Iterable[str], api_url: str = DEFAULT_API) -> str:
    """The arXiv API's response for the ids (the network is used here, and only here)."""
    from urllib.error import URLError
    from urllib.parse import urlencode
    from urllib.request import Request, urlopen

    if not api_url.lower().startswith(("http://", "https://")):
        raise MetadataError(f"arXiv API {api_url}: not an http(s) URL")
    wanted = list(ids)
    query = urlencode({"id_list": ",".join(wanted), "max_results": str(len(wanted))})
    request = Request(f"{api_url}?{query}", headers={"User-Agent": "paperlint"})
    try:
        with urlopen(request, timeout=_TIMEOUT) as response:
            data: bytes = response.read()
    except (URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise MetadataError(f"arXiv API {api_url}: {reason}") from None
    return data.decode("utf-8", errors="replace")


def lookup(
    ids: Iterable[ArxivId],
    *,
    response: str | None = None,
    cache: Path | None = None,
    allow_fetch: bool = False,
    api_url: str = DEFAULT_API,
) -> dict[str, Paper]:
    """Each id's paper, by id without version: from the response, else the cache, else (with
    ``allow_fetch``) the API, whose answer is added to the cache."""
    wanted = list(dict.fromkeys(arxiv.id for arxiv in ids))
    known: dict[str, Paper] = {}
    if response is not None:
        known.update(parse_response(response))
    cached = load_cache(cache) if cache is not None else {}
    found = {key: known.get(key) or cached.get(key) for key in wanted}
    missing = [key for key, paper in found.items() if paper is None]
    if missing and allow_fetch:
        fetched = parse_response(fetch(missing, api_url))
        for key in missing:
            found[key] = fetched.get(key)
        if cache is not None and fetched:
            save_cache(cache, {**cached, **fetched})
        missing = [key for key, paper in found.items() if paper is None]
    if missing:
        how = (
            "the arXiv API has no such paper"
            if allow_fetch
            else ("not in the response or cache; pass --fetch to ask the arXiv API")
        )
        raise MetadataError(f"arXiv {missing[0]}: {how}")
    return {key: paper for key, paper in found.items() if paper is not None}
