"""Dates as paper lists write them: ``25/06``, ``2025/06``, ``2024/04/17``, ``2025.06``,
``2013-12-20``, ``Sep 2024``, ``08 March 2025``, ``ICLR'25``, ``CVPR 2024``.

``read_date`` finds the first date in a short text and says how precise it is; nothing here
raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

from paperlint import lazy_re
from paperlint.record import NamedTuple

TYPE_CHECKING = False  # not typing's: a check does not import typing
if TYPE_CHECKING:
    from paperlint.model import DateTag

__all__ = ["MONTHS", "DateValue", "century", "order_key", "read_date", "runs_newest_first"]

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_NUMERIC_RE = lazy_re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d\d|\d\d)\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})"
    r"(?:\s*(?P=sep)\s*(?P<d>\d{1,2}))?(?![\d])"
)
_DAY_MONTH_YEAR_RE = lazy_re.compile(
    r"(?i)(?<!\w)(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    + _MONTH
    + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)"
)
_YEAR_RE = lazy_re.compile(r"(?<![\w.])(?P<y>(?:19|20)\d\d)(?![\w.])")
_SHORT_YEAR_RE = lazy_re.compile(r"['’‘](?P<y>\d\d)(?!\d)")


class DateValue(NamedTuple):
    """A date read from text: ``month`` and ``day`` are None where the text has no such
    precision. ``start``/``end`` are offsets into the text read."""

    year: int
    month: int | None
    day: int | None
    start: int
    end: int


def century(two_digits: int) -> int:
    """The full year of a two-digit one: arXiv began in 1991, so 91 to 99 are the 1990s."""
    return 1900 + two_digits if two_digits >= 91 else 2000 + two_digits


def read_date(text: str, *, numeric: bool = True, short_year: bool = True) -> DateValue | None:
    """The first date in ``text``, the most precise form found first: ``2024/04/17``,
    ``25/06``, ``2025.06``, ``08 March 2025``, ``Sep 2024``, then a bare year (``2024``)
    or a venue's ``'25``. ``numeric=False`` skips the ``YY/MM`` forms (for text where a
    fraction or version number may stand)."""
    if numeric:
        match = _NUMERIC_RE.search(text)
        if match is not None:
            year_text = match.group("y")
            month = int(match.group("m"))
            if 1 <= month <= 12 or len(year_text) == 4:
                year = int(year_text) if len(year_text) == 4 else century(int(year_text))
                day = int(match.group("d")) if match.group("d") else None
                return DateValue(year, month, day, match.start(), match.end())
    match = _DAY_MONTH_YEAR_RE.search(text)
    if match is not None:
        day = int(match.group("d")) if match.group("d") else None
        month = MONTHS[match.group("mon").lower()]
        return DateValue(int(match.group("y")), month, day, match.start(), match.end())
    match = _YEAR_RE.search(text)
    if match is not None:
        return DateValue(int(match.group("y")), None, None, match.start(), match.end())
    if short_year:
        match = _SHORT_YEAR_RE.search(text)
        if match is not None:
            return DateValue(century(int(match.group("y"))), None, None, match.start(), match.end())
    return None


def order_key(date: DateTag | None) -> tuple[int, int, int] | None:
    """A date as lists are ordered by: ``(year, month, day)`` with 0 for what the date does
    not say (a day counts only with a month); None without a year."""
    if date is None or date.year is None:
        return None
    month = date.month if date.month is not None and 1 <= date.month <= 12 else 0
    day = date.day if month and date.day is not None and 1 <= date.day <= 31 else 0
    return date.year, month, day


def runs_newest_first(runs: Iterable[Sequence[tuple[int, int, int] | None]]) -> bool:
    """Whether entries whose ``order_key`` values these are (one sequence per section) run
    newest first: as most neighbouring pairs of dated entries run, newest first on a tie
    (the usual order of a paper list)."""
    down = up = 0
    for keys in runs:
        for before, after in pairwise(keys):
            if before is None or after is None or before == after:
                continue
            if before > after:
                down += 1
            else:
                up += 1
    return down >= up
