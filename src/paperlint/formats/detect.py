"""Detection: which profile reads a file, or each of its sections, and the reading itself.

Every profile scores a sample of the candidate blocks of each section (a level-1 or level-2
heading and what follows it). The profile with the highest total over the file reads it; a
section where another profile scores clearly higher (and finds a few entries) is read with
that one, so a file that mixes formats is read right. The confidence is the mean score of
the entries read; below ``MIN_CONFIDENCE`` the file holds no paper list, and gets no entries.
"""

from __future__ import annotations

from paperlint.formats import MIN_CONFIDENCE, NONE, PROFILES, find_profile
from paperlint.formats.base import Block, Profile
from paperlint.model import Detection, Entry, Heading, PaperList, SectionFormat

__all__ = ["find_profile", "read_entries"]

SAMPLE = 48
"""Blocks scored per profile and section: detection costs the same on a 100,000-entry list
as on a 100-entry one."""
_OVERRIDE = 1.5
"""How much more a section's best profile must score than the file's to read it."""
_MIN_SECTION_ENTRIES = 3


def _strength(profile: Profile, blocks: list[Block], document: object) -> tuple[float, float]:
    """A profile's total score over a section's blocks and the number of entries it reads,
    both estimated from an evenly spread sample."""
    kinds = profile.kinds
    candidates = [block for block in blocks if block.kind in kinds]
    if not candidates:
        return 0.0, 0.0
    if len(candidates) > SAMPLE:
        step = len(candidates) / SAMPLE
        sample = [candidates[int(number * step)] for number in range(SAMPLE)]
    else:
        sample = candidates
    total = 0.0
    count = 0
    pending = list(reversed(sample))
    score = profile.score
    while pending:
        block = pending.pop()
        value = score(document, block)  # type: ignore[arg-type]
        if value > 0:
            total += value
            count += 1
        elif block.children:
            pending.extend(reversed(block.children))
    scale = len(candidates) / len(sample)
    return total * scale, count * scale


def read_entries(
    result: PaperList,
    regions: list[list[Block]],
    headings: list[Heading | None],
    forced: Profile | None = None,
) -> None:
    """Choose the profile of each section and read its entries into ``result``."""
    document = result.document
    profiles = (forced,) if forced is not None else PROFILES
    strengths = [
        [_strength(profile, blocks, document) for blocks in regions] for profile in profiles
    ]
    totals = [sum(strength for strength, _ in per_region) for per_region in strengths]
    best = max(range(len(profiles)), key=lambda number: (totals[number], -number))
    if totals[best] <= 0:
        result.format = Detection(NONE, 1.0, 0)
        return
    chosen: list[int] = []
    for region in range(len(regions)):
        pick = best
        file_strength = strengths[best][region][0]
        for number in range(len(profiles)):
            strength, count = strengths[number][region]
            if (
                number != best
                and count >= _MIN_SECTION_ENTRIES
                # Blocks that merely resemble another format's entries (bold news bullets
                # where the file's profile finds none) do not make the section that format.
                and strength >= MIN_CONFIDENCE * count
                and strength > _OVERRIDE * file_strength
                and strength > strengths[pick][region][0]
            ):
                pick = number
        chosen.append(pick)

    entries: list[Entry] = result.entries
    total_score = 0.0
    per_region: list[int] = []
    for region, blocks in enumerate(regions):
        profile = profiles[chosen[region]]
        before = len(entries)
        total_score += _read(profile, blocks, document, entries)
        per_region.append(len(entries) - before)
    if not entries:
        result.format = Detection(NONE, 1.0, 0)
        return
    confidence = total_score / len(entries)
    if confidence < MIN_CONFIDENCE and forced is None:
        # No paper list here (a README, a CHANGELOG): no entries, no entry-level rule.
        result.entries = []
        result.format = Detection(NONE, round(1.0 - confidence, 3), 0)
        return
    used = {chosen[region] for region in range(len(regions)) if per_region[region]}
    names = {number: profiles[number].name for number in used}
    main = max(
        used,
        key=lambda number: sum(
            count for region, count in enumerate(per_region) if chosen[region] == number
        ),
    )
    sections: tuple[SectionFormat, ...] = ()
    if len(used) > 1:
        sections = tuple(
            SectionFormat(
                headings[region].line if headings[region] is not None else 1,  # type: ignore[union-attr]
                headings[region].text if headings[region] is not None else "",  # type: ignore[union-attr]
                names[chosen[region]],
                count,
            )
            for region, count in enumerate(per_region)
            if count
        )
    result.format = Detection(names[main], round(confidence, 3), len(entries), sections)


def _read(profile: Profile, blocks: list[Block], document: object, entries: list[Entry]) -> float:
    kinds = profile.kinds
    score, read = profile.score, profile.read
    name = profile.name
    total = 0.0
    pending: list[Block] = []
    for root in blocks:
        if root.kind not in kinds:
            continue
        pending.append(root)
        while pending:
            block = pending.pop()
            value = score(document, block)  # type: ignore[arg-type]
            if value > 0:
                entry = read(document, block, len(entries))  # type: ignore[arg-type]
                entry.format = name
                entries.append(entry)
                total += value
            elif block.children:
                pending.extend(reversed(block.children))
    return total
