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


CODE_PAGES = ["cp1252", "cp1254", "cp1250", "cp1257"]  # the Latin ones find_mojibake reads


def test_lead_and_continuation_bytes_read_as_characters_of_few_ranges() -> None:
    # What lets find_mojibake pass over a line without a character of U+00C2-U+017E followed
    # by one of U+0080-U+02DD or U+2013-U+2122: in these code pages, every UTF-8 lead byte
    # (0xC2-0xF4) reads as one of the first, every continuation byte (0x80-0xBF; 0x80-0x9F
    # also as the C1 controls some decoders keep) as one of the others.
    for code_page in CODE_PAGES:
        leads = bytes(range(0xC2, 0xF5)).decode(code_page, errors="replace")
        continuations = bytes(range(0x80, 0xC0)).decode(code_page, errors="replace")
        continuations += bytes(range(0x80, 0xA0)).decode("latin-1")
        assert all("\u00c2" <= char <= "\u017e" for char in leads.replace("\ufffd", ""))
        assert all(
            "\u0080" <= char <= "\u02dd" or "\u2013" <= char <= "\u2122"
            for char in continuations.replace("\ufffd", "")
        )


@pytest.mark.parametrize("code_page", CODE_PAGES[:3])  # a cp1257 lead may be cp1250's byte
def test_every_lead_byte_of_a_code_page_is_seen(code_page: str) -> None:
    # A character for each UTF-8 lead byte, read through the code page: in a line of CJK
    # text (which is not mojibake), its mojibake is found.
    missed = []
    for lead in range(0xC2, 0xF5):
        length = 2 if lead <= 0xDF else 3 if lead <= 0xEF else 4
        for continuation in range(0x80, 0xC0):
            data = bytes([lead, continuation, *[0xA9] * (length - 2)])
            try:
                char, mangled = data.decode("utf-8"), data.decode(code_page)
            except UnicodeDecodeError:
                continue  # no such character, or a byte the code page lacks
            if char.isprintable() and not 0x700 <= ord(char) <= 0x7FF:
                line = f"中文 {mangled} 文"
                if not find_mojibake(line):
                    missed.append(f"{data.hex()} {char!r}")
                break  # one character per lead byte
    assert missed == []
