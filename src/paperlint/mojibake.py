"""Find and repair mojibake: UTF-8 text decoded with a Windows code page and saved again.

Each character of such text stands for one byte of the original UTF-8 (``è®º`` is E8 AE BA,
``论``). A run is repaired only when its bytes decode as UTF-8 exactly; where bytes were lost
on the way (cp1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D, so they are dropped
or replaced), the run is reported with no repair, never guessed.

Why not ftfy: it repairs whole strings with heuristics and does not report which spans it
changed or guarantee an exact byte round trip per span, which is what a linter's positions
and a fixer's "touch only what is reported" need.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

__all__ = ["MojibakeRun", "find_mojibake"]

# Latin code pages only: legitimate Cyrillic or Greek text, read through cp1251 or cp1253,
# would map to the same lead bytes and could decode as UTF-8 by chance.
_CODE_PAGES = ("cp1252", "cp1254", "cp1250", "cp1257")


@dataclass(frozen=True, slots=True)
class MojibakeRun:
    start: int
    """0-based index of the first character of the run within the line."""
    end: int
    """Index one past its last character."""
    codec: str
    """The code page that explains the run, e.g. ``cp1252``."""
    repaired: str | None
    """The original text, when the run's bytes round-trip exactly; None when bytes were lost."""


@cache
def _tables() -> tuple[dict[str, tuple[int, str]], re.Pattern[str]]:
    """Character -> (byte, code page) for the bytes 0x80-0xFF of the Latin code pages (the
    first code page that has the character wins), and a pattern that finds a lead byte's
    character followed by a continuation byte's, the mark of mojibake."""
    table: dict[str, tuple[int, str]] = {}
    for code_page in _CODE_PAGES:
        for byte in range(0x80, 0x100):
            try:
                char = bytes([byte]).decode(code_page)
            except UnicodeDecodeError:
                continue
            table.setdefault(char, (byte, code_page))
    for byte in range(0x80, 0xA0):  # undefined bytes some decoders keep as C1 controls
        table.setdefault(chr(byte), (byte, "latin-1"))
    leads = "".join(re.escape(c) for c, (b, _) in table.items() if 0xC2 <= b <= 0xF4)
    continuations = "".join(re.escape(c) for c, (b, _) in table.items() if 0x80 <= b <= 0xBF)
    return table, re.compile(f"[{leads}][{continuations}]")


def _sequence_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _acceptable(text: str) -> bool:
    """Decoded text that mojibake plausibly hides: no controls, no private use, and not
    only characters of the rarely written U+0700-U+07FF block (where a German ``ß`` or a
    Latin capital followed by a dash or a quote would land by chance)."""
    for char in text:
        category = unicodedata.category(char)
        if category in {"Cc", "Co", "Cs", "Cn"}:
            return False
    return not all(0x700 <= ord(char) <= 0x7FF for char in text)


def find_mojibake(line: str) -> list[MojibakeRun]:
    """The mojibake runs of one line (without its line ending), sorted, not overlapping.

    Repairs are checked on the repaired line: a restored character such as ``“`` is itself
    a cp1252 byte (0x93), and next to bytes left over from a lost sequence it could read as
    new mojibake (``ç°“`` as ``簓``). A repair that would create such a run is withdrawn, so
    that repairing is exact and a second pass finds nothing more to repair.
    """
    runs = _detect(line)
    while any(run.repaired is not None for run in runs):
        repaired, placed = _apply(line, runs)
        conflicts = [run for run in _detect(repaired) if run.repaired is not None]
        if not conflicts:
            break
        withdrawn = {
            index
            for conflict in conflicts
            for index, (start, end) in placed.items()
            if start < conflict.end and conflict.start < end
        }
        if not withdrawn:
            break
        runs = [
            MojibakeRun(run.start, run.end, run.codec, None) if index in withdrawn else run
            for index, run in enumerate(runs)
        ]
    return runs


def _apply(line: str, runs: list[MojibakeRun]) -> tuple[str, dict[int, tuple[int, int]]]:
    """The line with its repairs made, and where each repaired run landed in it."""
    pieces: list[str] = []
    placed: dict[int, tuple[int, int]] = {}
    position = length = 0
    for index, run in enumerate(runs):
        if run.repaired is None:
            continue
        pieces.append(line[position : run.start])
        length += run.start - position
        pieces.append(run.repaired)
        placed[index] = (length, length + len(run.repaired))
        length += len(run.repaired)
        position = run.end
    pieces.append(line[position:])
    return "".join(pieces), placed


def _detect(line: str) -> list[MojibakeRun]:
    if line.isascii():
        return []
    table, marker = _tables()
    if not marker.search(line):
        return []
    runs: list[MojibakeRun] = []
    position = 0
    size = len(line)
    while position < size:
        if line[position] not in table:
            position += 1
            continue
        start = position
        while position < size and line[position] in table:
            position += 1
        runs.extend(_split_run(line, start, position, table))
    return runs


def _split_run(
    line: str, start: int, end: int, table: dict[str, tuple[int, str]]
) -> list[MojibakeRun]:
    """Split a run of byte-like characters into repairable and lost parts."""
    data = bytes(table[char][0] for char in line[start:end])
    pieces: list[tuple[int, int, str | None]] = []  # (start, end, decoded or None) in run
    index = 0
    while index < len(data):
        length = _sequence_length(data[index])
        chunk = data[index : index + length] if length else b""
        decoded = None
        if length and len(chunk) == length:
            try:
                decoded = chunk.decode("utf-8")
            except UnicodeDecodeError:
                decoded = None
        if decoded is not None and _acceptable(decoded):
            pieces.append((index, index + length, decoded))
            index += length
            continue
        # A lead byte with the continuation bytes that survived: a sequence that lost bytes.
        follow = index + 1
        while follow < len(data) and 0x80 <= data[follow] <= 0xBF and follow - index < 4:
            follow += 1
        if length and follow > index + 1:
            pieces.append((index, follow, None))
            index = follow
        else:
            index += 1  # a lone byte-like character: ordinary text, not mojibake
    has_repair = any(decoded is not None for _, _, decoded in pieces)
    runs: list[MojibakeRun] = []
    for piece_start, piece_end, decoded in pieces:
        if decoded is None and not has_repair and piece_end - piece_start < 3:
            continue  # "é»" alone is French punctuation far more often than lost bytes
        absolute_start, absolute_end = start + piece_start, start + piece_end
        codec = _codec(line[absolute_start:absolute_end], table)
        previous = runs[-1] if runs else None
        if (
            previous is not None
            and previous.end == absolute_start
            and (previous.repaired is None) == (decoded is None)
        ):
            merged = None if decoded is None else (previous.repaired or "") + decoded
            codec = previous.codec if previous.codec == codec else _widest(previous.codec, codec)
            runs[-1] = MojibakeRun(previous.start, absolute_end, codec, merged)
        else:
            runs.append(MojibakeRun(absolute_start, absolute_end, codec, decoded))
    return runs


def _codec(text: str, table: dict[str, tuple[int, str]]) -> str:
    used = {table[char][1] for char in text} - {"cp1252", "latin-1"}
    return sorted(used)[0] if used else "cp1252"


def _widest(first: str, second: str) -> str:
    return second if first == "cp1252" else first
