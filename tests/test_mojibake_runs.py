"""Mojibake detection and exact repair, on the corpus and on hand-made cases."""

from __future__ import annotations

from itertools import pairwise

import pytest

from paperlint.mojibake import MojibakeRun, find_mojibake

from conftest import CORPUS, CORPUS_LISTS

CLEAN = (CORPUS / "mllm-medical.md").read_text(encoding="utf-8").splitlines()
MANGLED = (CORPUS / "mllm-medical-mojibake.md").read_text(encoding="utf-8").splitlines()


def repaired(line: str, runs: list[MojibakeRun]) -> str:
    pieces, position = [], 0
    for run in runs:
        pieces += [line[position : run.start], run.repaired or line[run.start : run.end]]
        position = run.end
    return "".join(pieces) + line[position:]


@pytest.mark.parametrize(
    ("mangled", "original", "codec"),
    [
        ("â€”", "—", "cp1252"),
        ("Ã©tÃ©", "été", "cp1252"),
        ("ðŸŒŸ", "🌟", "cp1252"),
        ("ğŸŒŸ", "🌟", "cp1254"),
        ("è®ºæ–‡è§£è¯»", "论文解读", "cp1252"),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", "cp1252"),
        ("Å¼Ã³Å‚w", "żółw", "cp1252"),
    ],
)
def test_exact_repairs(mangled: str, original: str, codec: str) -> None:
    line = f"before {mangled} after"
    runs = find_mojibake(line)
    assert repaired(line, runs) == f"before {original} after"
    assert {run.codec for run in runs} == {codec}


def test_lost_bytes_are_reported_without_a_repair() -> None:
    # 突 is E7 AA 81; cp1252 has no character for 0x81, so it was dropped: "çª" stays.
    line = "新çªç\xa0´"  # 新 repaired already; 突 lost a byte; 破 intact
    runs = find_mojibake(line)
    assert [(line[r.start : r.end], r.repaired) for r in runs] == [("çª", None), ("ç\xa0´", "破")]


def test_a_repair_that_would_read_as_new_mojibake_is_withdrawn() -> None:
    # Restoring "â€œ" gives "“" (0x93 in cp1252), which would complete the leftover "ç°".
    line = "å®ç°â€œå›¾"
    runs = find_mojibake(line)
    fixed = repaired(line, runs)
    assert not [run for run in find_mojibake(fixed) if run.repaired is not None]
    assert "簓" not in fixed


CLEAN_TEXT = [
    "Gödel, Åström, Müller, Ångström, naïve café, crème brûlée",
    "SÃO PAULO",
    "©®™°±µ — “quotes” ‘single’ «café» «été» … • €5",
    "Fuß–Größe—Straße",
    "Привет, мир! Ёлка «ёж»",
    "Ελληνικά κείμενα",
    "Zażółć gęślą jaźń",
    "Příliš žluťoučký kůň úpěl ďábelské ódy",
    "İstanbul'da güzel ağaçlar ÇĞİÖŞÜ",
    "Tiếng Việt có dấu",
    "مرحبا بالعالم",
    "שלום עולם",
    "नमस्ते दुनिया",
    "论文 🌟 👩‍👩‍👧 👍🏽 🇫🇷 ＡＢＣ：全角",
    "∑ ≤ ∞ ½ ² ³ ¼",
    "Ⓐⓑ ✓ ✗ → ← ↑",
]


@pytest.mark.parametrize("text", CLEAN_TEXT)
def test_no_false_positive_on_clean_text(text: str) -> None:
    assert find_mojibake(text) == []


@pytest.mark.parametrize(
    "path", [p for p in CORPUS_LISTS if "mojibake" not in p.name], ids=lambda p: p.name
)
def test_no_false_positive_on_the_corpus(path) -> None:  # type: ignore[no-untyped-def]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [n for n, line in enumerate(lines, 1) if find_mojibake(line)] == []


def test_every_mangled_line_is_found_and_repairs_are_exact() -> None:
    assert len(CLEAN) == len(MANGLED)
    restored = partially = 0
    for number, (original, mangled) in enumerate(zip(CLEAN, MANGLED, strict=True), 1):
        runs = find_mojibake(mangled)
        if original == mangled:
            assert runs == [], number
            continue
        assert runs, f"line {number} is mangled but not found"
        for run in runs:
            assert 0 <= run.start < run.end <= len(mangled)
            assert run.repaired is None or "\ufffd" not in run.repaired
        assert all(a.end <= b.start for a, b in pairwise(runs))
        fixed = repaired(mangled, runs)
        if fixed == original:
            restored += 1
        else:
            partially += 1
            # What was repaired is the original text: every repaired character is there.
            for run in runs:
                assert run.repaired is None or run.repaired in original, (number, run)
        again = find_mojibake(fixed)
        assert [run for run in again if run.repaired is not None] == [], number
    assert restored >= 10
    assert restored + partially == 163
