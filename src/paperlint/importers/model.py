"""The typed records an importer produces: papers, records it skipped, and its result."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from paperlint.arxiv import ArxivId

__all__ = ["ImportFailure", "Paper", "ReadResult", "Skipped", "collapse"]


class ImportFailure(Exception):
    """The input cannot be imported at all; the message is one line."""


# Control characters that are not whitespace, and lone surrogates (JSON can spell them):
# no renderer shows them, a NUL makes the list a binary file paperlint refuses, and a
# surrogate cannot be written as UTF-8.
_UNWRITABLE_RE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")


def collapse(text: str) -> str:
    """The text with every run of whitespace (line breaks included) made one space, and
    the characters no list can hold (control characters, lone surrogates) dropped."""
    return " ".join(_UNWRITABLE_RE.sub("", text).split())


@dataclass(frozen=True, slots=True)
class Paper:
    """One paper read from a source, before it is written as an entry and a note."""

    title: str
    """As written, whitespace collapsed."""
    abstract: str
    """Whitespace collapsed."""
    arxiv: ArxivId | None
    """The arXiv id with its version when the source names one."""
    published: datetime.date | None
    """The date the source gives; used for the date tag when there is no arXiv id."""
    where: str
    """Where the record starts in the input (``line 13``, ``entry 2``), for messages."""
    paper_url: str | None = None
    """A Paper link that is not on arXiv (from a JSON record's ``url``)."""
    urls: tuple[str, ...] = ()
    """URLs the source gives besides the abstract's (arXiv's comment), searched for a
    Code/Page link after the abstract's."""
    authors: tuple[str, ...] = ()
    """The authors' names in order, when the source gives them."""
    venue: str | None = None
    """Where the paper appeared (a BibTeX ``journal`` or ``booktitle``), when known."""
    precision: str = "day"
    """How much of ``published`` the source gives: ``day``, ``month`` (the day is the
    1st) or ``year`` (January 1)."""

    @property
    def paper_link(self) -> str:
        """The Paper link: arXiv's PDF for the id, else the source's URL, else empty."""
        if self.arxiv is not None:
            return f"https://arxiv.org/pdf/{self.arxiv}"
        return self.paper_url or ""

    @property
    def year_month(self) -> tuple[int, int]:
        """The year and month of the date tag: the arXiv id's, else the published date's."""
        if self.arxiv is not None:
            return self.arxiv.year, self.arxiv.month
        if self.published is not None:
            return self.published.year, self.published.month
        raise ValueError(f"{self.where}: paper {self.title!r} has neither an arXiv id nor a date")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that could not be read; the rest of the input is still imported."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ReadResult:
    """What a reader made of its input."""

    papers: list[Paper] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    """Papers imported on an assumption the user should check (a date taken from the
    page rather than the paper)."""

    def add(self, record: Paper | Skipped) -> None:
        """Keep a record a reader made: a paper, or the reason it was skipped."""
        if isinstance(record, Skipped):
            self.skipped.append(record)
        else:
            self.papers.append(record)
