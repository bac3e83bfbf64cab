"""Time the pure-Python core against the mypyc-compiled copy of bench/mypyc_build.py.

    python bench/mypyc_build.py && python bench/mypyc_compare.py [--rounds 7]

Each round runs every command once pure and once compiled, alternating which goes first;
CPU time (user + system of the child, from ``wait4``), wall time and peak memory are
reported as median (min-max), with the compiled/pure CPU ratio taken within each round.
Both runs use the same `paperlint` script; the compiled one has the build first on
PYTHONPATH. Bytecode is written (PYTHONDONTWRITEBYTECODE unset), so neither pays for
compiling Python source. Timing lives here, never in the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
SCRIPT = str(Path(sys.executable).with_name("paperlint"))
SMALL = (
    ROOT / "tests" / "data" / "corpus" / "mllm-medical.md",
    ROOT
    / "tests"
    / "data"
    / "formats"
    / "puneet-chandna__awesome-LLM-papers__categories_all-papers.md",
)


def _run(command: list[str], cwd: Path, build: Path | None) -> tuple[float, float, float]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if build is not None:
        env["PYTHONPATH"] = str(build)
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - started, usage.ru_maxrss / 1024


def _shown(values: list[float], milliseconds: bool) -> str:
    scale, unit, digits = (1000, "ms", 1) if milliseconds else (1, "s", 3)
    low, mid, high = (
        round(v * scale, digits) for v in (min(values), statistics.median(values), max(values))
    )
    return f"{mid} {unit} ({low}-{high})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--build", type=Path, default=WORK / "mypyc")
    parser.add_argument("--list", type=Path, default=WORK / "list-20000.md")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    build: Path = args.build.resolve()
    big: Path = args.list.resolve()
    if not any(build.glob("*.so")):
        sys.exit(f"no compiled build in {build}: run bench/mypyc_build.py first")
    if not big.exists():
        generate = [sys.executable, str(ROOT / "bench" / "generate.py"), "20000", "-o", str(big)]
        subprocess.run(generate, check=True)
    scratch = Path(tempfile.mkdtemp(prefix="paperlint-mypyc-"))
    small = scratch / "small"  # an empty folder: no configuration file is found
    small.mkdir()
    for path in SMALL:
        shutil.copy(path, small)

    def fix() -> list[str]:
        copy = scratch / "fix.md"
        shutil.copy(big, copy)
        return [SCRIPT, "--fix", str(copy)]

    targets = ["--target", "github", "--target", "mkdocs"]
    cases: list[tuple[str, Callable[[], list[str]], Path, int, bool]] = [
        ("20k list, default target", lambda: [SCRIPT, str(big)], scratch, args.rounds, False),
        (
            "20k list, github + mkdocs",
            lambda: [SCRIPT, *targets, str(big)],
            scratch,
            args.rounds,
            False,
        ),
        ("20k list, --fix (a copy)", fix, scratch, args.rounds, False),
        *(
            (
                f"{path.name} (start-up)",
                lambda path=path: [SCRIPT, path.name],
                small,
                args.rounds * 3,
                True,
            )
            for path in SMALL
        ),
    ]
    for _ in range(2):  # bytecode written and caches warm before anything is timed
        for build_or_none in (None, build):
            _run([SCRIPT, SMALL[0].name], small, build_or_none)
    print(f"load average at the start: {' / '.join(f'{v:.1f}' for v in os.getloadavg())}")
    for name, command, cwd, rounds, milliseconds in cases:
        timed: dict[str, list[tuple[float, float, float]]] = {"pure": [], "compiled": []}
        for index in range(rounds):
            order = [("pure", None), ("compiled", build)]
            for label, build_or_none in order if index % 2 == 0 else reversed(order):
                timed[label].append(_run(command(), cwd, build_or_none))
        ratios = [c[0] / p[0] for p, c in zip(timed["pure"], timed["compiled"], strict=True)]
        print(f"{name}, {rounds} rounds")
        for label, runs in timed.items():
            cpu = _shown([run[0] for run in runs], milliseconds)
            wall = _shown([run[1] for run in runs], milliseconds)
            peak = statistics.median(run[2] for run in runs)
            print(f"  {label:9} CPU {cpu}, wall {wall}, peak {peak:.0f} MB")
        low, mid, high = min(ratios), statistics.median(ratios), max(ratios)
        print(f"  compiled / pure CPU: {mid:.2f} ({low:.2f}-{high:.2f})")
    print(f"load average at the end: {' / '.join(f'{v:.1f}' for v in os.getloadavg())}")
    shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
