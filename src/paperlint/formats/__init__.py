"""The list formats paperlint reads: one profile per module, in one explicit registry.

A new format is one module and one line in ``PROFILES``. Detection
(``paperlint.formats.detect``) names the format a file was read as; a file with no paper
list (a README, a CHANGELOG) is ``none``, and gets no entries, so no entry-level rule runs
on it.
"""

from __future__ import annotations

from paperlint.formats import (
    generator,
    heading,
    link_title,
    multiline,
    numbered,
    prefixed,
    table,
    tagged,
)
from paperlint.formats.base import Profile
from paperlint.model import Detection

__all__ = [
    "FORMAT_NAMES",
    "MIN_CONFIDENCE",
    "NONE",
    "PROFILES",
    "Detection",
    "Profile",
    "find_profile",
]

PROFILES: tuple[Profile, ...] = (
    generator.PROFILE,
    tagged.PROFILE,
    prefixed.PROFILE,
    numbered.PROFILE,
    link_title.PROFILE,
    multiline.PROFILE,
    table.PROFILE,
    heading.PROFILE,
)
"""Every format; on equal scores the earlier one reads the file."""

FORMAT_NAMES = ("auto", *(profile.name for profile in PROFILES))
"""What the ``format`` setting accepts."""

NONE = "none"
"""The name of the outcome "no paper list here"."""

MIN_CONFIDENCE = 0.5
"""Below this mean score of the entries read, a file holds no list."""


def find_profile(name: str) -> Profile:
    for profile in PROFILES:
        if profile.name == name:
            return profile
    known = ", ".join(profile.name for profile in PROFILES)
    raise ValueError(f'unknown list format "{name}"; choose from auto, {known}')
