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
from functools import cache

from paperlint.record import NamedTuple

__all__ = ["MojibakeRun", "find_mojibake"]

# Latin code pages only: legitimate Cyrillic or Greek text, read through cp1251 or cp1253,
# would map to the same lead bytes and could decode as UTF-8 by chance.
_CODE_PAGES = ("cp1252", "cp1254", "cp1250", "cp1257")


class MojibakeRun(NamedTuple):
    start: int
    """0-based index of the first character of the run within the line."""
    end: int
    """Index one past its last character."""
    codec: str
    """The code page that explains the run, e.g. ``cp1252``."""
    repaired: str | None
    """The original text, when the run's bytes round-trip exactly; None when bytes were lost."""


@cache
def _tables() -> tuple[dict[str, tuple[int, str]], frozenset[str]]:
    """Character -> (byte, code page) for the bytes 0x80-0xFF of the Latin code pages (the
    first code page that has the character wins), and the characters of UTF-8 lead bytes
    (0xC2-0xF4): a line without one holds no mojibake."""
    table: dict[str, tuple[int, str]] = {}
    high = bytes(range(0x80, 0x100))
    for code_page in _CODE_PAGES:
        # One decode per code page, not per byte (6 ms less at the first non-ASCII line): a
        # byte the code page has no character for comes out as U+FFFD, which none maps to.
        for byte, char in zip(high, high.decode(code_page, errors="replace"), strict=True):
            if char != "\ufffd":
                table.setdefault(char, (byte, code_page))
    for byte in range(0x80, 0xA0):  # undefined bytes some decoders keep as C1 controls
        table.setdefault(chr(byte), (byte, "latin-1"))
    return table, frozenset(c for c, (b, _) in table.items() if 0xC2 <= b <= 0xF4)


@cache
def _marker() -> re.Pattern[str]:
    """A lead byte's character followed by a continuation byte's, the mark of mojibake."""
    table, leads = _tables()
    continuations = (c for c, (b, _) in table.items() if 0x80 <= b <= 0xBF)
    lead_class = "".join(re.escape(c) for c in table if c in leads)
    return re.compile(f"[{lead_class}][{''.join(re.escape(c) for c in continuations)}]")


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
    import unicodedata  # here: only text with mojibake's characters needs it

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
    for attempt in range(_MAX_ATTEMPTS):
        if not any(run.repaired is not None for run in runs):
            break
        repaired, placed = _apply(line, runs)
        conflicts = [run for run in _detect(repaired) if run.repaired is not None]
        if not conflicts:
            break
        # After a chain of conflicts, repair nothing rather than guess.
        last = attempt == _MAX_ATTEMPTS - 1
        withdrawn = set(placed) if last else _overlapping(placed, conflicts)
        if not withdrawn:
            break
        runs = [
            MojibakeRun(run.start, run.end, run.codec, None) if index in withdrawn else run
            for index, run in enumerate(runs)
        ]
    return runs


_MAX_ATTEMPTS = 8


def _overlapping(placed: dict[int, tuple[int, int]], conflicts: list[MojibakeRun]) -> set[int]:
    """The repaired runs (by index) that overlap a conflict; both lists are sorted and
    disjoint, so one sweep finds them all."""
    withdrawn: set[int] = set()
    spans = sorted(placed.items(), key=lambda item: item[1])
    at = 0
    for conflict in conflicts:
        while at < len(spans) and spans[at][1][1] <= conflict.start:
            at += 1
        ahead = at
        while ahead < len(spans) and spans[ahead][1][0] < conflict.end:
            withdrawn.add(spans[ahead][0])
            ahead += 1
    return withdrawn


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


# In the code pages above, a lead byte reads as one of U+00C2-U+017E and a continuation byte
# as one of U+0080-U+02DD or U+2013-U+2122 (tested): a line without such a pair is known
# clean before the code pages are imported and their tables built (0.8 ms of a 40 ms check
# of a list in Chinese with one "é").
_PAIR_RANGES_RE = re.compile(r"[\u00c2-\u017e][\u0080-\u02dd\u2013-\u2122]")


def _detect(line: str) -> list[MojibakeRun]:
    if line.isascii() or not _PAIR_RANGES_RE.search(line):
        return []
    table, leads = _tables()
    # Most non-ASCII lines (emoji, CJK, accents) hold no lead byte's character at all.
    if leads.isdisjoint(line) or not _marker().search(line):
        return []
    runs: list[MojibakeRun] = []
    for found in _byte_like_runs().finditer(line):
        runs.extend(_split_run(line, found.start(), found.end(), table))
    return runs


@cache
def _special_chars() -> re.Pattern[str]:
    """Byte-like characters that only a code page other than cp1252 explains."""
    table, _ = _tables()
    chars = (char for char, (_, page) in table.items() if page not in ("cp1252", "latin-1"))
    return re.compile(f"[{''.join(re.escape(char) for char in chars)}]")


@cache
def _byte_like_runs() -> re.Pattern[str]:
    table, _ = _tables()
    return re.compile(f"[{''.join(re.escape(char) for char in table)}]+")


def _split_run(
    line: str, start: int, end: int, table: dict[str, tuple[int, str]]
) -> list[MojibakeRun]:
    """Split a run of byte-like characters into repairable and lost parts."""
    data = line[start:end].translate(_to_latin1()).encode("latin-1")
    whole = _whole(data)
    if whole is not None:
        return [MojibakeRun(start, end, _run_codec(line, start, end, data, table), whole)]
    pieces: list[tuple[int, int, str | None]] = []  # (start, end, decoded or None) in run
    index = 0
    size = len(data)
    while index < size:
        length = _LENGTHS[data[index]]
        decoded = None
        if length and index + length <= size:
            chunk = data[index : index + length]
            decoded = _DECODED.get(chunk)
            if decoded is None and chunk not in _DECODED:
                decoded = _DECODED[chunk] = _decode_acceptable(chunk)
        if decoded is not None:
            pieces.append((index, index + length, decoded))
            index += length
            continue
        # A lead byte with the continuation bytes that survived: a sequence that lost bytes.
        follow = index + 1
        while follow < size and 0x80 <= data[follow] <= 0xBF and follow - index < 4:
            follow += 1
        if length and follow > index + 1:
            pieces.append((index, follow, None))
            index = follow
        else:
            index += 1  # a lone byte-like character: ordinary text, not mojibake
    has_repair = any(decoded is not None for _, _, decoded in pieces)
    # Adjacent pieces of one kind merge into one run. Their repairs are collected in lists
    # and joined once: adding strings one piece at a time was quadratic on a long line.
    merged: list[tuple[int, int, str, list[str] | None]] = []
    for piece_start, piece_end, decoded in pieces:
        if decoded is None and not has_repair and piece_end - piece_start < 3:
            continue  # "é»" alone is French punctuation far more often than lost bytes
        absolute_start, absolute_end = start + piece_start, start + piece_end
        codec = _codec(line[absolute_start:absolute_end], table)
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous[1] == absolute_start
            and (previous[3] is None) == (decoded is None)
        ):
            parts = previous[3]
            if parts is not None and decoded is not None:
                parts.append(decoded)
            codec = previous[2] if previous[2] == codec else _widest(previous[2], codec)
            merged[-1] = (previous[0], absolute_end, codec, parts)
        else:
            merged.append(
                (absolute_start, absolute_end, codec, None if decoded is None else [decoded])
            )
    return [
        MojibakeRun(run_start, run_end, codec, None if parts is None else "".join(parts))
        for run_start, run_end, codec, parts in merged
    ]


def _codec(text: str, table: dict[str, tuple[int, str]]) -> str:
    codec = _CODECS.get(text)
    if codec is None:
        used = {table[char][1] for char in text} - {"cp1252", "latin-1"}
        codec = _CODECS[text] = sorted(used)[0] if used else "cp1252"
    return codec


# Mojibake repeats the same few sequences: what each decodes to, and the code page of each
# run's text, are remembered (bounded by the 2^32 byte sequences and the pieces seen; both
# small in practice). With them and the byte translation below, a line of 100,000 mojibake
# characters is read in 0.12 s instead of 0.43 s.
_DECODED: dict[bytes, str | None] = {}
_CODECS: dict[str, str] = {}
_LENGTHS = bytes(
    2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
    for byte in range(256)
)


def _whole(data: bytes) -> str | None:
    """The run decoded, when every byte belongs to a sequence that decodes to an acceptable
    character: the usual mojibake run, repaired whole without splitting it sequence by
    sequence (a line of 1,000,000 mojibake characters: 0.2 s instead of 1.5 s)."""
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if all(_ACCEPTABLE_CHARS.get(char) or _acceptable_char(char) for char in set(decoded)):
        return decoded
    return None


_ACCEPTABLE_CHARS: dict[str, bool] = {}


def _acceptable_char(char: str) -> bool:
    accepted = _ACCEPTABLE_CHARS[char] = _acceptable(char)
    return accepted


def _run_codec(
    line: str, start: int, end: int, data: bytes, table: dict[str, tuple[int, str]]
) -> str:
    """The code page of a run repaired whole, as merging its sequences one by one names
    it: the code page of the first sequence that needs one other than cp1252."""
    special = _special_chars().search(line, start, end)
    if special is None:
        return "cp1252"
    first = special.start() - start
    index = 0
    while index + _LENGTHS[data[index]] <= first:
        index += _LENGTHS[data[index]]
    length = _LENGTHS[data[index]]
    return _codec(line[start + index : start + index + length], table)


def _decode_acceptable(chunk: bytes) -> str | None:
    try:
        decoded = chunk.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return decoded if _acceptable(decoded) else None


@cache
def _to_latin1() -> dict[int, int]:
    """``str.translate`` table: each byte-like character to the Latin-1 character of its
    byte, so that a run becomes its bytes with one ``encode``."""
    table, _ = _tables()
    return {ord(char): byte for char, (byte, _) in table.items()}


def _widest(first: str, second: str) -> str:
    return second if first == "cp1252" else first
