"""The list formats paperlint reads: one profile per module, in one explicit registry.

A new format is one module and one line in ``PROFILES``. ``detect`` names the format a parsed
file was read as; a file with no paper list (a README, a CHANGELOG) is ``none``, and gets no
entries, so no entry-level rule runs on it.
"""

from __future__ import annotations

from paperlint.formats import generator
from paperlint.formats.base import Profile
from paperlint.model import Detection

__all__ = ["MIN_CONFIDENCE", "NONE", "PROFILES", "Detection", "Profile", "find_profile"]

PROFILES: tuple[Profile, ...] = (generator.PROFILE,)
"""Every format, the one tried first first."""

NONE = "none"
"""The name of the outcome "no paper list here"."""

MIN_CONFIDENCE = 0.5
"""Below this share of entries that carry their format's marks, a file holds no list."""


def find_profile(name: str) -> Profile:
    for profile in PROFILES:
        if profile.name == name:
            return profile
    known = ", ".join(profile.name for profile in PROFILES)
    raise ValueError(f'unknown list format "{name}"; choose from auto, {known}')
