"""The long fuzzing run: mutated real lists through lint and fix, every promise checked.

    python tools/fuzz.py --count 20000 --jobs 2 --seed 1

Each input is checked for crashes and for the fixer's promises (nothing fixable left after
--fix --unsafe-fixes on all targets, a second run changes nothing, only reported spans
change, byte order mark and line endings kept), and timed (no input under 100 KB may take
over 2 s). Failing inputs are written to --out. Inputs are drawn from ``seed`` with
random.Random, so a run is reproducible: input N of seed S is the same on every machine.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import FRAGMENTS, SOURCES, check, mutate

_SLOW = 2.0
_SMALL = 100_000


def _run(seed: int, count: int, out: Path | None, show: bool) -> dict[str, object]:
    rng = random.Random(seed)
    refused = 0
    failures: Counter[str] = Counter()
    slow: list[tuple[float, int]] = []
    slowest = (0.0, 0, 0)
    for number in range(count):
        data = mutate(rng, rng.choice(SOURCES))
        if show and number == count - 1:
            print(repr(data))
        started = time.perf_counter()
        outcome = check(data)
        seconds = time.perf_counter() - started
        refused += outcome.refused
        if seconds > slowest[0]:
            slowest = (seconds, number, len(data))
        if seconds > _SLOW and len(data) < _SMALL:
            slow.append((seconds, number))
        for problem in outcome.problems:
            failures[problem.split(":")[0]] += 1
            if out is not None:
                (out / f"seed{seed}-input{number}.md").write_bytes(data)
                (out / f"seed{seed}-input{number}.txt").write_text(problem + "\n")
    return {
        "seed": seed,
        "count": count,
        "refused": refused,
        "failures": dict(failures),
        "slow": slow,
        "slowest": slowest,
    }


def _long_lines(size: int) -> int:
    """Time lint and fix of one line of ``size`` characters for every fragment repeated,
    and for random mixtures: every line-level step must be linear."""
    rng = random.Random(0)
    contents = [(repr(fragment)[:24], fragment) for fragment in FRAGMENTS if fragment.strip()]
    contents += [(f"mixture {n}", "".join(rng.choices(FRAGMENTS, k=400))) for n in range(8)]
    worst = (0.0, "")
    for name, unit in contents:
        line = unit.replace("\n", " ").replace("\r", " ") * (size // max(1, len(unit)) + 1)
        for text in (line[:size], "## " + line[:size], "- [25/06] **" + line[:size]):
            started = time.perf_counter()
            check(text.encode("utf-8", "surrogatepass"))
            seconds = time.perf_counter() - started
            worst = max(worst, (seconds, name))
    print(f"long lines of {size:,} characters: {len(contents) * 3} lines, slowest {worst[0]:.2f} s")
    print(f"  ({worst[1]}; lint, fix and a second fix on all targets)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000, help="inputs per seed")
    parser.add_argument("--seed", type=int, default=1, help="first seed")
    parser.add_argument("--seeds", type=int, default=1, help="how many seeds (one job each)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("/tmp/paperlint-fuzz"))
    parser.add_argument("--show", action="store_true", help="print the last input")
    parser.add_argument(
        "--long-lines", type=int, metavar="SIZE", help="time lines of SIZE characters instead"
    )
    args = parser.parse_args()
    if args.long_lines:
        return _long_lines(args.long_lines)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    seeds = range(args.seed, args.seed + args.seeds)
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(
            pool.map(_run, seeds, [args.count] * len(seeds), [args.out] * len(seeds),
                     [args.show] * len(seeds))
        )  # fmt: skip
    total = sum(int(r["count"]) for r in results)  # type: ignore[call-overload]
    refused = sum(int(r["refused"]) for r in results)  # type: ignore[call-overload]
    failures: Counter[str] = Counter()
    for result in results:
        failures.update(result["failures"])  # type: ignore[arg-type]
    slow = [s for r in results for s in r["slow"]]  # type: ignore[attr-defined]
    slowest = max(r["slowest"] for r in results)  # type: ignore[type-var]
    elapsed = time.perf_counter() - started
    print(f"inputs: {total} ({refused} refused as not UTF-8 text) in {elapsed:.0f} s")
    print(f"failures: {sum(failures.values())} {dict(failures)}")
    print(f"inputs under {_SMALL} bytes over {_SLOW} s: {len(slow)}")
    print(f"slowest: {slowest[0]:.2f} s (input {slowest[1]}, {slowest[2]} bytes)")
    return 1 if failures or slow else 0


if __name__ == "__main__":
    sys.exit(main())
