"""arXiv URLs: the one-match reading of the usual Paper link agrees with the general one."""

from __future__ import annotations

import itertools

from paperlint.arxiv import _parse_any_url, parse_arxiv_url

HOSTS = ("http://", "https://", "https://www.", "http://export.", "https://foo.")
KINDS = ("abs", "pdf", "html", "format")
YEARS = ("00", "07", "14", "15", "19", "25", "90", "91", "99", "٢٥")
MONTHS = ("00", "01", "09", "10", "12", "13")
NUMBERS = ("1234", "12345", "123456")
VERSIONS = ("", "v0", "v1", "v12")
ENDINGS = ("", ".pdf", "/", ".pdf/", "x", " ")


def test_usual_urls_read_as_any_url() -> None:
    checked = 0
    for host, kind, year, month, number, version, ending in itertools.product(
        HOSTS, KINDS, YEARS, MONTHS, NUMBERS, VERSIONS, ENDINGS
    ):
        url = f"{host}arxiv.org/{kind}/{year}{month}.{number}{version}{ending}"
        assert parse_arxiv_url(url) == _parse_any_url(url), url
        checked += 1
    assert checked == 5 * 4 * 10 * 6 * 3 * 4 * 6


def test_usual_url() -> None:
    parsed = parse_arxiv_url("https://arxiv.org/pdf/2506.09634v2.pdf")
    assert parsed is not None and parsed.id is not None and parsed.problem is None
    assert (str(parsed.id), parsed.id.year, parsed.id.month) == ("2506.09634v2", 2025, 6)
    assert parsed.raw_id == "2506.09634v2"
