"""Measure paperlint (and the MkDocs plugin) against the tools users would otherwise run, in
one run, side by side on the same files, and write bench/RESULTS.md.

    pip install -e '.[bench]'               # rumdl, from PyPI
    python bench/run.py                     # everything (markdownlint-cli2 comes from npm)
    python bench/run.py --quick             # fewer rounds
    python bench/run.py --only startup      # some sections; the others are kept as they were

The compared commands are timed in rounds, each command once a round in turn, so that the
machine's drift (other jobs on shared cores) falls on all of them alike; a ratio is taken
within each round, and its median, minimum and maximum over the rounds are reported. Wall
time is that of the whole command (start-up included); peak memory is the child's maximum
resident set size (``wait4``). Timing lives here, never in the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
NODE_PREFIX = WORK / "node"
MARKDOWNLINT_VERSION = "0.24.1"
SIZES = (1_000, 10_000, 20_000, 100_000)
TARGETS = ("--target", "github", "--target", "mkdocs")
SMALL_LISTS = (
    # (file in tests/data, what it is)
    ("corpus/mllm-medical.md", "10 entries, the seed list"),
    ("corpus/model-merging-no-notes.md", "100 entries, a real list"),
    (
        "formats/puneet-chandna__awesome-LLM-papers__categories_all-papers.md",
        "116 entries, a real list in another format (headings)",
    ),
)
STARTUP_TARGETS = {"mllm-medical.md": 0.035}
"""The issue's targets for paperlint's median wall time on the small lists, in seconds: 35 ms
on the seed list, 45 ms on a real list of about 120 entries (the default)."""
STARTUP_TARGET_REAL_LIST = 0.045
LARGE_TARGETS = {"default": 0.75, "two targets": 1.0, "fix / check": 1.4, "peak MB": 150}
"""The issue's targets on the 20k generator list: wall time with the default target and with
two, ``--fix`` as a multiple of a check, peak memory."""
LINEAR_TARGET = 10.5
"""The issue's target for time(100k) / time(10k)."""
FORMAT_LISTS = (
    # (file in bench/work, shape in bench/generate.py, what it is)
    ("list-20000.md", "generator", "the generator's format"),
    ("table-20000.md", "table", "Markdown tables, family G"),
    ("bullets-20000.md", "bullets", "link-title bullets, family E"),
)
SECTIONS = ("startup", "lint", "targets", "formats", "phases", "mkdocs")

sys.path.insert(0, str(HERE))
from generate import SHAPES, generate  # noqa: E402


@dataclass
class Series:
    """The wall times of one command over the rounds, and its peak memory."""

    label: str
    times: list[float | None] = field(default_factory=list)
    """Seconds per round; None for a round it did not run (stopped or not timed)."""
    peak_mb: float = 0.0
    timeout: float | None = None
    """Set when the command ran past the time-out (and was not run again)."""

    @property
    def measured(self) -> list[float]:
        return [t for t in self.times if t is not None]

    @property
    def median(self) -> float | None:
        return statistics.median(self.measured) if self.measured else None

    def time_text(self, spread: bool = False) -> str:
        if self.timeout is not None:
            return f"> {self.timeout:.0f} s (stopped)"
        if not self.measured:
            return "not run"
        text = _seconds(self.median or 0)
        if spread:
            text += f" ({_seconds(min(self.measured))}–{_seconds(max(self.measured))})"
        return text


def _seconds(value: float) -> str:
    if value < 1:
        return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def ratio_text(numerator: Series, denominator: Series) -> str:
    """numerator / denominator within each round both ran: median (min–max)."""
    if not numerator.times or not denominator.times:
        return "–"
    ratios = [
        a / b
        for a, b in zip(numerator.times, denominator.times, strict=False)
        if a is not None and b is not None and b > 0
    ]
    if numerator.timeout is not None and denominator.median:
        return f"> {numerator.timeout / denominator.median:.0f}×"
    if not ratios:
        return "–"
    digits = 2 if statistics.median(ratios) < 10 else 1
    return (
        f"{statistics.median(ratios):.{digits}f}× "
        f"({min(ratios):.{digits}f}–{max(ratios):.{digits}f})"
    )


# Peak memory comes from wait4's ru_maxrss, which Linux carries over from the process that
# spawns a command: measured straight from this runner (which holds generated lists), a
# command would report at least the runner's own peak. A small shim therefore spawns each
# command and reports its time and peak through a pipe.
_SHIM = """
import os, sys, time
report, command = int(sys.argv[1]), sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawnp(command[0], command, os.environ)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - started
os.write(report, f"{elapsed} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}".encode())
"""


def run_once(command: list[str], cwd: Path, timeout: float) -> tuple[float | None, float]:
    """Wall seconds (None on time-out) and peak RSS in MB of one run of a command."""
    read_end, write_end = os.pipe()
    os.set_inheritable(write_end, True)
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", _SHIM, str(write_end), *command],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
        start_new_session=True,
    )
    os.close(write_end)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(read_end)
        return None, 0.0
    with os.fdopen(read_end, "rb") as pipe:
        elapsed, max_rss_kb, _ = pipe.read().decode().split()
    return float(elapsed), int(max_rss_kb) / 1024


def measure_rounds(
    commands: dict[str, list[str]],
    cwd: Path,
    runs: int,
    timeout: float,
    max_runs: dict[str, int] | None = None,
    prepare: dict[str, Callable[[], None]] | None = None,
) -> dict[str, Series]:
    """Time the commands in ``runs`` rounds, each once a round in turn, after one untimed
    round that warms the file cache. ``max_runs`` caps a slow command's rounds; a command
    that times out is not run again; ``prepare`` has what to do (untimed) before each run of
    a command (restore the file a ``--fix`` run rewrites)."""
    series = {label: Series(label) for label in commands}
    prepare = prepare or {}
    for label, command in commands.items():
        prepare.get(label, lambda: None)()
        run_once(command, cwd, timeout)
    for round_number in range(runs):
        for label, command in commands.items():
            measured = series[label]
            if measured.timeout is not None or round_number >= (max_runs or {}).get(label, runs):
                measured.times.append(None)
                continue
            prepare.get(label, lambda: None)()
            seconds, peak_mb = run_once(command, cwd, timeout)
            measured.peak_mb = max(measured.peak_mb, peak_mb)
            measured.times.append(seconds)
            if seconds is None:
                measured.timeout = timeout
    return series


def install_markdownlint() -> Path:
    binary = NODE_PREFIX / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
    if not binary.exists():
        NODE_PREFIX.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(NODE_PREFIX),
                "--no-audit",
                "--no-fund",
                f"markdownlint-cli2@{MARKDOWNLINT_VERSION}",
            ],
            check=True,
        )
    return binary


def rumdl_command() -> list[str]:
    """rumdl (PyPI ``rumdl``) beside this Python, MD051 only, without its result cache
    (which would skip an unchanged file on the second run)."""
    found = shutil.which("rumdl", path=str(Path(sys.executable).parent)) or shutil.which("rumdl")
    if found is None:
        raise SystemExit("rumdl not found: pip install -e '.[bench]'")
    return [found, "check", "--no-cache", "--no-config", "--enable", "MD051"]


def markdownlint_note(markdownlint: Path) -> str:
    package = json.loads((markdownlint.parent / "package.json").read_text(encoding="utf-8"))
    required = package.get("engines", {}).get("node", "any")
    node = _output(["node", "--version"])
    return (
        f"markdownlint-cli2 {package['version']} runs on Node.js {node} here; it declares"
        f" Node.js {required} (package.json `engines`), so npm warns and a newer Node.js"
        " might time it differently."
    )


def _output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "not found"


def tool_versions(markdownlint: Path) -> dict[str, str]:
    import markdown
    import mkdocs

    import paperlint

    package = json.loads((markdownlint.parent / "package.json").read_text(encoding="utf-8"))
    return {
        "Python": platform.python_version(),
        "paperlint": paperlint.__version__,
        "Node.js": _output(["node", "--version"]),
        "markdownlint-cli2": package["version"],
        "rumdl": _output([rumdl_command()[0], "--version"]).removeprefix("rumdl "),
        "MkDocs": mkdocs.__version__,
        "Python-Markdown": markdown.__version__,
    }


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        memory = f", {int(total) / 1024 / 1024:.0f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def paperlint_command() -> list[str]:
    found = shutil.which("paperlint", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "paperlint"]


def compile_bytecode() -> None:
    """Write paperlint's bytecode, as an installed package has it: a checkout run with
    PYTHONDONTWRITEBYTECODE would otherwise compile every module on every start."""
    for package in ("paperlint", "mkdocs_paperlist"):
        compileall.compile_dir(ROOT / "src" / package, quiet=1)


def bench_startup(args: argparse.Namespace, markdownlint: Path) -> list[str]:
    # A fresh folder outside the repository: as in a list's own repository, no configuration
    # file is found above the list (this repository's pyproject.toml would be read).
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / ".markdownlint-cli2.jsonc").write_text(MARKDOWNLINT_CONFIG, encoding="utf-8")
        rows = []
        for source, what in SMALL_LISTS:
            name = Path(source).name
            shutil.copyfile(ROOT / "tests" / "data" / source, work / name)
            measured = measure_rounds(
                {
                    "python": [sys.executable, "-c", "pass"],
                    "paperlint": [*paperlint_command(), name],
                    "rumdl": [*rumdl_command(), name],
                    "markdownlint": ["node", str(markdownlint), name],
                },
                work,
                args.startup_runs,
                args.timeout,
            )
            rows.append((name, what, measured))
            print(name, {k: v.time_text(spread=True) for k, v in measured.items()}, flush=True)
    lines = [
        "<!-- section: startup -->",
        "## Start-up: one small list, as pre-commit runs it",
        "",
        f"`bench/run.py --only startup`: {args.startup_runs} rounds, each command once a"
        " round in turn;",
        "median (min–max) wall time. paperlint runs all rules with its",
        "default target (github); rumdl (`--no-cache --no-config --enable MD051`) and",
        "markdownlint-cli2 run only MD051 (link fragments). `python -c pass` is a bare start",
        "of the Python paperlint runs on. The lists are copied to an empty temporary folder,",
        "so that no configuration file is found. The ratios are taken within each round.",
        "",
        "| list | python -c pass | paperlint | rumdl | markdownlint-cli2 | paperlint / rumdl |"
        " paperlint / markdownlint-cli2 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, what, m in rows:
        lines.append(
            f"| {name} ({what}) | {m['python'].time_text(True)} |"
            f" {m['paperlint'].time_text(True)} | {m['rumdl'].time_text(True)} |"
            f" {m['markdownlint'].time_text(True)} | {ratio_text(m['paperlint'], m['rumdl'])} |"
            f" {ratio_text(m['paperlint'], m['markdownlint'])} |"
        )
    lines += ["", "### Against the targets", ""]
    for name, what, m in rows:
        ours, bare = m["paperlint"].median or 0, m["python"].median or 0
        target = STARTUP_TARGETS.get(name, STARTUP_TARGET_REAL_LIST)
        verdict = "met" if ours <= target else "not met"
        lines.append(
            f"- {name} ({what}): paperlint {_seconds(ours)} (target ≤ {_seconds(target)}):"
            f" **{verdict}**; {_seconds(ours - bare)} above a bare Python start"
        )
    lines += ["", markdownlint_note(markdownlint), ""]
    return lines


MARKDOWNLINT_CONFIG = '{"config": {"default": false, "MD051": true}}\n'


def bench_lint(args: argparse.Namespace, markdownlint: Path) -> list[str]:
    lines = [
        "<!-- section: lint -->",
        "## Linting large lists: paperlint against rumdl and markdownlint-cli2 (MD051 only)",
        "",
        "Synthetic lists from `bench/generate.py` (short notes; seed 20251124). paperlint runs",
        "all rules with `--target github --target mkdocs`; rumdl (`--no-cache --no-config",
        "--enable MD051`) and markdownlint-cli2 (through `node`, configured by",
        "`.markdownlint-cli2.jsonc`) run only MD051 (link fragments).",
        f"`bench/run.py --only lint`: {args.runs} rounds, each command once a round in turn;",
        "median (min–max) wall time and peak memory; the ratios (how many times paperlint's",
        "time the other tool takes) are taken within each round.",
        "",
        "| entries | file | paperlint | rumdl | markdownlint-cli2 | rumdl / paperlint |"
        " markdownlint-cli2 / paperlint |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    results = {}
    for size in args.sizes:
        path = WORK / f"list-{size}.md"
        if not path.exists():
            path.write_text(generate(size), encoding="utf-8")
        commands = {
            "paperlint": [*paperlint_command(), path.name, *TARGETS],
            "rumdl": [*rumdl_command(), path.name],
        }
        if size <= args.markdownlint_max:
            commands["markdownlint"] = ["node", str(markdownlint), path.name]
        m = measure_rounds(commands, WORK, args.runs, args.timeout)
        results[size] = m
        ours = m["paperlint"]
        theirs = m.get("markdownlint", Series("markdownlint"))
        lines.append(
            f"| {size:,} | {path.stat().st_size / 1e6:.1f} MB |"
            f" {ours.time_text(True)}, {ours.peak_mb:.0f} MB |"
            f" {m['rumdl'].time_text(True)}, {m['rumdl'].peak_mb:.0f} MB |"
            + (
                f" {theirs.time_text(True)}, {theirs.peak_mb:.0f} MB |"
                if theirs.times
                else " not run |"
            )
            + f" {ratio_text(m['rumdl'], ours)} | {ratio_text(theirs, ours)} |"
        )
        print(lines[-1], flush=True)
    lines.append("")
    lines += targets_section(results)
    return lines


def targets_section(results: dict[int, dict[str, Series]]) -> list[str]:
    lines = ["### Against the targets", ""]
    if 20_000 in results:
        ours = results[20_000]["paperlint"]
        theirs = results[20_000].get("markdownlint")
        if theirs is not None and ours.median:
            lines.append(
                f"- 20k list: markdownlint-cli2 / paperlint = {ratio_text(theirs, ours)}"
                f" (target ≥ 20×); paperlint peak {ours.peak_mb:.0f} MB (target < 150 MB)"
            )
            lines += _narrow_text_line(runs=3)
    if 10_000 in results and 100_000 in results:
        small, large = results[10_000]["paperlint"].median, results[100_000]["paperlint"].median
        if small and large:
            verdict = "met" if large / small <= LINEAR_TARGET else "not met"
            lines.append(
                f"- linear cost: time(100k) / time(10k) = {large / small:.1f}"
                f" (target ≤ {LINEAR_TARGET}): **{verdict}**"
            )
    lines.append("")
    return lines


def bench_targets(args: argparse.Namespace) -> list[str]:
    """The 20k generator list with the default target, with two targets, and fixed: timed in
    the same rounds, so that ``--fix`` is compared with the check of its own round."""
    source = WORK / "list-20000.md"
    if not source.exists():
        source.write_text(generate(20_000), encoding="utf-8")
    fixed = WORK / "fix-20000.md"

    def restore() -> None:  # --fix rewrites its file: each run starts from the defects
        shutil.copyfile(source, fixed)

    commands = {
        "default": [*paperlint_command(), source.name],
        "two targets": [*paperlint_command(), source.name, *TARGETS],
        "fix": [*paperlint_command(), "--fix", fixed.name],
        "diff": [*paperlint_command(), "--diff", source.name],
    }
    m = measure_rounds(commands, WORK, args.runs, args.timeout, prepare={"fix": restore})
    fixed.unlink(missing_ok=True)
    lines = [
        "<!-- section: targets -->",
        "## The 20,000-entry list: default target, two targets, `--fix`, `--diff`",
        "",
        "The generator's list of 20,000 entries (8.4 MB). `paperlint list-20000.md` (target",
        "github), the same with `--target github --target mkdocs`, `paperlint --fix` on a",
        "copy of the list restored before each run (untimed), and `paperlint --diff` (the diff",
        "of its 6,886 fixes, printed).",
        f"`bench/run.py --only targets`: {args.runs} rounds, the four commands in turn;",
        "median (min–max) wall time and peak memory; `--fix / check` is taken within each",
        "round against the default check.",
        "",
        "| command | time | peak memory |",
        "|---|---:|---:|",
    ]
    for label, series in m.items():
        lines.append(f"| {label} | {series.time_text(True)} | {series.peak_mb:.0f} MB |")
    fix_ratio = ratio_text(m["fix"], m["default"])
    lines += ["", f"`--fix` / check: {fix_ratio}.", "", "### Against the targets", ""]

    def verdict(met: bool) -> str:
        return "**met**" if met else "**not met**"

    for label in ("default", "two targets"):
        ours, target = m[label].median or 0, LARGE_TARGETS[label]
        lines.append(
            f"- {label}: {_seconds(ours)} (target ≤ {_seconds(target)}): {verdict(ours <= target)}"
        )
    ratios = [a / b for a, b in zip(m["fix"].times, m["default"].times, strict=True) if a and b]
    ratio = statistics.median(ratios) if ratios else float("inf")
    target = LARGE_TARGETS["fix / check"]
    met = verdict(ratio <= target)
    lines.append(f"- `--fix` / check: {ratio:.2f}× (target ≤ {target}×): {met}")
    target = LARGE_TARGETS["peak MB"]
    peaks = ", ".join(
        f"{label} {series.peak_mb:.0f} MB {verdict(series.peak_mb < target)}"
        for label, series in m.items()
    )
    lines += [f"- peak memory (target < {target} MB): {peaks}", ""]
    print("\n".join(lines), flush=True)
    return lines


def _narrow_text_line(runs: int) -> list[str]:
    """Peak memory on the 20k list with its few characters beyond U+FFFF (the emoji of the
    notes headings) replaced: Python then stores the text in 2 bytes a character, not 4."""
    source = WORK / "list-20000.md"
    narrow = WORK / "list-20000-bmp.md"
    text = source.read_text(encoding="utf-8")
    narrow.write_text("".join(c if ord(c) <= 0xFFFF else "*" for c in text), encoding="utf-8")
    command = [*paperlint_command(), str(narrow), *TARGETS]
    measured = measure_rounds({"paperlint": command}, WORK, runs, 900)["paperlint"]
    return [
        f"- the same list with its emoji replaced by `*` (text stored in 2 bytes a character"
        f" instead of 4): {measured.time_text()}, peak {measured.peak_mb:.0f} MB"
    ]


def bench_formats(args: argparse.Namespace) -> list[str]:
    """paperlint on 20,000-entry lists of three formats, timed in the same rounds."""
    from paperlint import parse

    commands = {}
    rows = []
    for name, shape, what in FORMAT_LISTS:
        path = WORK / name
        if not path.exists():
            path.write_text(SHAPES[shape](20_000), encoding="utf-8")
        detected = parse(path.read_text(encoding="utf-8")).format
        rows.append((name, what, path.stat().st_size, detected))
        commands[name] = [*paperlint_command(), name, *TARGETS]
    baseline = _baseline_source(args.baseline) if args.baseline else None
    if baseline is not None:
        # The same list with paperlint as it was at another commit, in the same rounds.
        commands["before"] = [
            "env", f"PYTHONPATH={baseline}", sys.executable, "-m", "paperlint",
            "list-20000.md", *TARGETS,
        ]  # fmt: skip
    measured = measure_rounds(commands, WORK, args.runs, args.timeout)
    lines = [
        "<!-- section: formats -->",
        "## Other list formats: paperlint on 20,000-entry lists",
        "",
        "Synthetic lists from `bench/generate.py` (seed 20251124): the generator's list of the",
        "section above, `--shape table` and `--shape bullets`, each with the defects its real",
        "lists show. paperlint runs all rules with `--target github --target mkdocs`.",
        f"`bench/run.py --only formats`: {args.runs} rounds, the three lists in turn; median",
        "(min–max) wall time and peak memory; with `--baseline REV`, the generator's list",
        "also with paperlint as it was at that commit, in the same rounds.",
        "",
        "| list | file | read as (entries) | paperlint |",
        "|---|---:|---|---:|",
    ]
    for name, what, size, detected in rows:
        m = measured[name]
        lines.append(
            f"| {name} ({what}) | {size / 1e6:.1f} MB | `{detected.name}` ({detected.entries:,})"
            f" | {m.time_text(True)}, {m.peak_mb:.0f} MB |"
        )
        print(lines[-1], flush=True)
    generator = measured["list-20000.md"]
    lines += ["", "### Against the targets", ""]
    for name, *_ in rows[1:]:
        ratios = [
            a / b
            for a, b in zip(measured[name].times, generator.times, strict=True)
            if a is not None and b
        ]
        ratio = statistics.median(ratios) if ratios else float("inf")
        same = "**met**" if 1 / 3 <= ratio <= 3 else "**not met**"
        lines.append(
            f"- {name} / the generator's list: {ratio_text(measured[name], generator)}"
            f" (target: the same order of time, within 3× either way): {same}"
        )
    if baseline is not None:
        after = measured["list-20000.md"]
        lines += [
            "",
            f"The generator's list with paperlint at `{args.baseline}`, in the same rounds: "
            f"{measured['before'].time_text(True)}, {measured['before'].peak_mb:.0f} MB; "
            f"after/before: {ratio_text(after, measured['before'])}.",
        ]
    lines.append("")
    return lines


def _baseline_source(revision: str) -> Path:
    """The ``src`` folder of a checkout of ``revision`` (a git worktree in bench/work)."""
    folder = WORK / f"baseline-{revision}"
    if not folder.exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(folder), revision],
            cwd=HERE.parent,
            check=True,
            capture_output=True,
        )
    return folder / "src"


def bench_mkdocs(args: argparse.Namespace) -> list[str]:
    try:
        from importlib.metadata import entry_points

        has_plugin = any(ep.name == "paperlist" for ep in entry_points(group="mkdocs.plugins"))
    except Exception:
        has_plugin = False
    if not has_plugin:
        return [
            "<!-- section: mkdocs -->",
            "## mkdocs build",
            "",
            "Not measured: the `paperlist` MkDocs plugin is not installed.",
            "",
        ]
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file"]
    labels = {"without the plugin": "[]", "with the plugin": "[paperlist]"}
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "docs").mkdir()
        (site / "docs" / "papers.md").write_text(generate(1_000, notes_size="long"), "utf-8")
        (site / "docs" / "index.md").write_text("# Benchmark\n\n[Papers](papers.md)\n", "utf-8")
        commands = {}
        for number, (label, plugins) in enumerate(labels.items()):
            config = site / f"mkdocs-{number}.yml"
            config.write_text(f"site_name: bench\nplugins: {plugins}\n", encoding="utf-8")
            commands[label] = [*mkdocs, config.name]
        measured = measure_rounds(commands, site, args.runs, args.timeout)
    base, plugin = measured["without the plugin"], measured["with the plugin"]
    return [
        "<!-- section: mkdocs -->",
        "## mkdocs build of a 1,000-entry list page (long notes, about 5 MB)",
        "",
        f"`bench/run.py --only mkdocs`: {args.runs} rounds, the two builds in turn.",
        "",
        "| build | median time (min–max) | peak memory |",
        "|---|---:|---:|",
        *(
            f"| {label} | {m.time_text(True)} | {m.peak_mb:.0f} MB |"
            for label, m in measured.items()
        ),
        "",
        f"with / without the plugin: {ratio_text(plugin, base)} (target ≤ 1.30×).",
        "",
    ]


def bench_phases(size: int = 20_000) -> list[str]:
    """Where paperlint spends its time and memory on one list, phase by phase, in-process."""
    import tracemalloc

    from paperlint.context import Context
    from paperlint.document import Document
    from paperlint.engine import lint_document
    from paperlint.parse import parse
    from paperlint.report import FileResult, Report, render
    from paperlint.rules import ALL_RULES
    from paperlint.settings import Settings

    path = WORK / f"list-{size}.md"
    if not path.exists():
        path.write_text(generate(size), encoding="utf-8")
    settings = Settings(targets=("github", "mkdocs"))

    def phases(measure_memory: bool) -> tuple[list[tuple[str, float]], int]:
        results: list[tuple[str, float]] = []

        def phase(label: str, action):  # type: ignore[no-untyped-def]
            before = 0
            if measure_memory:
                tracemalloc.reset_peak()
                before = tracemalloc.get_traced_memory()[0]
            started = time.perf_counter()
            value = action()
            if measure_memory:
                results.append((label, (tracemalloc.get_traced_memory()[1] - before) / 1e6))
            else:
                results.append((label, time.perf_counter() - started))
            return value

        document = phase("read and decode", lambda: Document.from_bytes(path.read_bytes()))
        paper_list = phase("parse", lambda: parse(document))
        context = Context(paper_list, settings)
        phase("heading ids (github, mkdocs)", lambda: context.anchors)
        phase("arXiv ids", lambda: context.arxiv)
        for rule in ALL_RULES:
            phase(f"rule {rule.code} {rule.name}", lambda rule=rule: list(rule.check(context)))
        diagnostics = phase(
            "whole lint, again from the document", lambda: lint_document(document, settings)
        )
        report = Report(files=[FileResult(path.name, document, diagnostics)])
        phase("text report", lambda: render(report, "text"))
        return results, len(diagnostics)

    timings, findings = phases(measure_memory=False)
    tracemalloc.start()
    memory, _ = phases(measure_memory=True)
    tracemalloc.stop()
    rows = [
        (label, seconds, peak) for (label, seconds), (_, peak) in zip(timings, memory, strict=True)
    ]
    lines = [
        "<!-- section: phases -->",
        f"## Where the time goes: paperlint on the {size:,}-entry list, in-process",
        "",
        f"{findings:,} findings. Time is one plain run; memory, from a second run under",
        "tracemalloc, is the peak allocated during the phase above what was held before it",
        "(the phases of the first rows stay allocated while the rules run).",
        "",
        "| phase | time | peak allocated |",
        "|---|---:|---:|",
    ]
    lines += [f"| {label} | {seconds:.2f} s | {peak:.0f} MB |" for label, seconds, peak in rows]
    lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="rounds per measurement (≥ 5)")
    parser.add_argument("--startup-runs", type=int, default=20, help="rounds on small lists")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per command")
    parser.add_argument("--quick", action="store_true", help="5 rounds, 10 on small lists")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument(
        "--only", nargs="+", choices=SECTIONS, default=list(SECTIONS), help="sections to run"
    )
    parser.add_argument(
        "--markdownlint-max", type=int, default=20_000, help="largest list given to markdownlint"
    )
    parser.add_argument(
        "--baseline", help="a git revision to time on the 20k generator list beside this one"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.startup_runs = 5, 10
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / ".markdownlint-cli2.jsonc").write_text(MARKDOWNLINT_CONFIG, encoding="utf-8")
    compile_bytecode()
    markdownlint = install_markdownlint()
    versions = tool_versions(markdownlint)
    run: dict[str, Callable[[], list[str]]] = {
        "startup": lambda: bench_startup(args, markdownlint),
        "lint": lambda: bench_lint(args, markdownlint),
        "targets": lambda: bench_targets(args),
        "formats": lambda: bench_formats(args),
        "phases": bench_phases,
        "mkdocs": lambda: bench_mkdocs(args),
    }
    kept = _sections(HERE / "RESULTS.md")
    load_before = os.getloadavg()
    measured = {name: run[name]() for name in SECTIONS if name in args.only}
    load_after = os.getloadavg()
    sections = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}.",
        "Versions: " + ", ".join(f"{name} {value}" for name, value in versions.items()) + ".",
        "",
        "Each section says how it was measured; `bench/run.py --only SECTION` measures it",
        "again and keeps the others. Last run: "
        f"`{' '.join(['.venv/bin/python', 'bench/run.py', *sys.argv[1:]])}`.",
        "",
        *_load_note(load_before, load_after),
    ]
    for name in SECTIONS:
        if name in measured:
            sections += measured[name]
        elif name in kept:
            sections += kept[name]
    (HERE / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    print((HERE / "RESULTS.md").read_text(encoding="utf-8"))


def _load_note(before: tuple[float, ...], after: tuple[float, ...]) -> list[str]:
    """What else ran on the machine: the load averages (1, 5 and 15 minutes) when the run
    began and ended, against its cores."""
    cores = os.cpu_count() or 1
    shown = " / ".join(f"{value:.1f}" for value in before), " / ".join(f"{v:.1f}" for v in after)
    note = [
        f"Load average (1 / 5 / 15 min) at the start {shown[0]}, at the end {shown[1]},"
        f" on {cores} cores."
    ]
    if max(*before, *after) > cores / 2:
        note.append(
            "The machine was shared with other jobs during this run: wall times, and the spread"
            " between min and max above all, are disturbed; ratios taken within a round are"
            " the steadier figures."
        )
    return [*note, ""]


def _sections(path: Path) -> dict[str, list[str]]:
    """The sections of a previous RESULTS.md by name, each from its marker comment on."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    for line in lines:
        if line.startswith("<!-- section: "):
            current = sections.setdefault(line.removeprefix("<!-- section: ").split()[0], [])
        if current is not None:
            current.append(line)
    return sections


if __name__ == "__main__":
    main()
