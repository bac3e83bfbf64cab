"""A short, deterministic run of the mutational fuzzer (tools/fuzz.py runs the long one):
no crash, and every promise of the fixer kept on every input."""

from __future__ import annotations

import random

import pytest

from fuzzing import SOURCES, check, mutate

_SEEDS = range(12)
_PER_SEED = 100


@pytest.mark.parametrize("seed", _SEEDS)
def test_mutated_lists_keep_every_promise(seed: int) -> None:
    rng = random.Random(seed)
    for number in range(_PER_SEED):
        data = mutate(rng, rng.choice(SOURCES))
        outcome = check(data)
        assert not outcome.problems, (
            f"input {number} of seed {seed}: {outcome.problems}; "
            f"reproduce: python tools/fuzz.py --seed {seed} --count {number + 1} --show"
        )
