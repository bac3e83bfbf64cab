"""The URL rules look for their candidates in all the URLs at once (``Context.links_with``,
and cheap tests before their checks): what they report must be what checking every link
reports, on every real list, every rule fixture and fuzzer-mutated lists."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from fuzzing import ALL_TARGETS, FRAGMENTS, SOURCES, mutate
from paperlint.context import Context
from paperlint.document import Document
from paperlint.engine import Diagnostic, lint_document

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
RULE_INPUTS = sorted(FIXTURES.glob("*/*.md"))


def _findings(text: str, prefilter: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    monkeypatch.setattr(Context, "prefilter", prefilter)
    found: list[Diagnostic] = lint_document(Document(text), ALL_TARGETS)
    return [(d.code, d.start, d.end, d.message, d.fix) for d in found]


def _same(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    searched = _findings(text, True, monkeypatch)
    every = _findings(text, False, monkeypatch)
    assert searched == every


@pytest.mark.parametrize("number", range(len(SOURCES)))
def test_real_lists(number: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _same(SOURCES[number], monkeypatch)


@pytest.mark.parametrize("path", RULE_INPUTS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_rule_fixtures(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _same(path.read_text(encoding="utf-8"), monkeypatch)


def test_urls_of_every_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fuzzer fragment as a URL, alone and around a real one, in upper case too."""
    urls = [
        f"{before}{fragment}{after}"
        for fragment in [*FRAGMENTS, "İ", "EXAMPLE.COM", "ArXiv.Org/abs/1", "TODO", "Your-Name"]
        for before, after in (("", ""), ("https://a.org/", ""), ("", "https://a.org/x"))
    ]
    lines = [
        f"- [25/06] **T{n}** [[Paper]({url})] [[Code/Page]({url})]" for n, url in enumerate(urls)
    ]
    prose = [f"See [it]({url}) and <{url}> and ![b]({url})." for url in urls]
    _same("\n".join([*lines, "", *prose]) + "\n", monkeypatch)


@pytest.mark.parametrize("seed", range(4))
def test_mutated_lists(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        text = mutate(rng, rng.choice(SOURCES)).decode("utf-8", errors="replace")
        _same(text.replace("\0", ""), monkeypatch)
