"""The format-agnostic rules on every list format: a defect put into an entry of each
format's fixture is reported where it stands, and the fix gives the text back."""

from __future__ import annotations

from pathlib import Path

import pytest

from paperlint.api import fix, lint, parse
from paperlint.model import Entry, Link
from paperlint.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
CASES = sorted(path.name for path in FIXTURES.iterdir() if (path / "input.md").is_file())


def _text(name: str) -> str:
    return (FIXTURES / name / "input.md").read_text(encoding="utf-8")


def _web_link(text: str) -> tuple[Entry, Link]:
    """The first entry link to an https page whose URL ends in a letter or a digit."""
    for entry in parse(text).entries:
        for link in entry.links:
            url = link.url
            if url.startswith("https://") and url[-1].isalnum() and "\n" not in url:
                return entry, link
    raise AssertionError("no such link in the fixture")


@pytest.mark.parametrize("name", CASES)
def test_trailing_punctuation_is_found_in_every_format(name: str) -> None:
    text = _text(name)
    _, link = _web_link(text)
    end = link.url_span.end
    broken = text[:end] + "," + text[end:]
    settings = Settings(select=("url-trailing-punctuation",))
    found = [(d.code, d.span.start) for d in lint(broken, settings)]
    before = len(lint(text, settings))  # a fixture may hold such a defect already
    assert ("PL201", end) in found and len(found) == before + 1
    assert fix(broken, settings, unsafe=True).text == fix(text, settings, unsafe=True).text


@pytest.mark.parametrize("name", CASES)
def test_latex_residue_is_found_in_every_format(name: str) -> None:
    text = _text(name)
    _, link = _web_link(text)
    end = link.url_span.end
    broken = text[:end] + "}{here}" + text[end:]
    settings = Settings(select=("url-latex-residue",))
    found = [(d.code, d.span.start) for d in lint(broken, settings)]
    before = len(lint(text, settings))  # a fixture may hold such a defect already
    assert ("PL202", end) in found and len(found) == before + 1
    assert fix(broken, settings, unsafe=True).text == fix(text, settings, unsafe=True).text


@pytest.mark.parametrize("name", CASES)
def test_a_paper_listed_twice_in_a_section_is_found_in_every_format(name: str) -> None:
    text = _text(name)
    paper_list = parse(text)
    document = paper_list.document
    entry = paper_list.entries[0]
    first = document.line_starts[document.line_of(entry.start) - 1]
    last = document.line_ends[document.line_of(entry.end) - 1]
    block = text[first:last] + "\n"
    doubled = text[:first] + block + ("\n" if entry.format != "table" else "") + text[first:]
    found = lint(doubled, Settings(select=("duplicate-paper",)))
    assert found and found[0].code == "PL105"
    assert found[0].span.start > last  # the second copy is reported, not the first
    assert "as the entry on line" in found[0].message


@pytest.mark.parametrize("name", CASES)
def test_a_placeholder_and_a_missing_scheme_are_found_in_every_format(name: str) -> None:
    text = _text(name)
    _, link = _web_link(text)
    span = link.url_span
    for url, code, rule in (
        ("https://example.com/paper", "PL206", "placeholder-url"),
        ("www.example-conference.org/paper", "PL205", "url-missing-scheme"),
    ):
        broken = text[: span.start] + url + text[span.end :]
        settings = Settings(select=(rule,))
        found = [(d.code, d.span.start) for d in lint(broken, settings)]
        assert (code, span.start) in found, (rule, found)


@pytest.mark.parametrize("order", ["newest-first", "oldest-first"])
@pytest.mark.parametrize("name", CASES)
def test_sorting_entries_only_permutes_them_in_every_format(name: str, order: str) -> None:
    text = _text(name)
    settings = Settings(
        select=("unsorted-entries",), options={"unsorted-entries": {"order": order}}
    )
    fixed = fix(text, settings).text
    assert lint(fixed, settings) == []
    before = sorted(text[entry.start : entry.end] for entry in parse(text).entries)
    assert sorted(fixed[entry.start : entry.end] for entry in parse(fixed).entries) == before
    assert fix(fixed, settings).text == fixed
