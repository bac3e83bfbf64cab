"""Measure paperlint (and the MkDocs plugin) against the tools users would otherwise run, in
one run, side by side on the same files, and write bench/RESULTS.md.

    python bench/run.py                # everything (markdownlint-cli2 comes from npm)
    python bench/run.py --quick        # fewer repetitions, no 100k markdownlint attempt

Wall time is the median of several runs of the whole command (start-up included); peak
memory is the child's maximum resident set size (``wait4``). Timing lives here, never in
the test suite.
"""

from __future__ import annotations

import argparse
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
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
NODE_PREFIX = WORK / "node"
MARKDOWNLINT_VERSION = "0.24.1"
SIZES = (1_000, 10_000, 20_000, 100_000)
TARGETS = ("--target", "github", "--target", "mkdocs")

sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402


@dataclass
class Measure:
    seconds: float | None
    """Median wall time, or None when the command timed out."""
    peak_mb: float
    runs: int
    timeout: float | None = None

    def time_text(self) -> str:
        if self.seconds is None:
            return f"> {self.timeout:.0f} s (stopped)"
        return f"{self.seconds:.3f} s" if self.seconds < 10 else f"{self.seconds:.1f} s"


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


def measure(command: list[str], cwd: Path, runs: int, timeout: float) -> Measure:
    times: list[float] = []
    peak = 0.0
    for _ in range(runs):
        seconds, peak_mb = run_once(command, cwd, timeout)
        peak = max(peak, peak_mb)
        if seconds is None:
            return Measure(None, peak, len(times) + 1, timeout)
        times.append(seconds)
    return Measure(statistics.median(times), peak, runs)


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


def tool_versions(markdownlint: Path) -> dict[str, str]:
    def output(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "not found"

    import markdown
    import mkdocs

    import paperlint

    package = json.loads((markdownlint.parent / "package.json").read_text(encoding="utf-8"))
    return {
        "Python": platform.python_version(),
        "paperlint": paperlint.__version__,
        "Node.js": output(["node", "--version"]),
        "markdownlint-cli2": package["version"],
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


def bench_lint(args: argparse.Namespace, markdownlint: Path) -> list[str]:
    lines = [
        "## Linting: paperlint against markdownlint-cli2 (MD051 only)",
        "",
        "Synthetic lists from `bench/generate.py` (short notes; seed 20251124). paperlint runs",
        "all rules with `--target github --target mkdocs`; markdownlint-cli2 runs only MD051",
        "(link fragments) through `node`, configured by `.markdownlint-cli2.jsonc`.",
        "",
        "| entries | file | paperlint time | paperlint peak | markdownlint time |"
        " markdownlint peak | speed-up |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    results = {}
    for size in args.sizes:
        path = WORK / f"list-{size}.md"
        if not path.exists():
            path.write_text(generate(size), encoding="utf-8")
        ours = measure([*paperlint_command(), str(path), *TARGETS], WORK, args.runs, args.timeout)
        theirs: Measure | None = None
        if size <= args.markdownlint_max:
            theirs_runs = min(args.runs, 3)  # half a minute a run at 20k
            theirs = measure(
                ["node", str(markdownlint), path.name], WORK, theirs_runs, args.timeout
            )
        results[size] = (ours, theirs)
        ratio = "–"
        if theirs is not None and ours.seconds:
            if theirs.seconds is None:
                ratio = f"> {args.timeout / ours.seconds:.0f}×"
            else:
                ratio = f"{theirs.seconds / ours.seconds:.1f}×"
        lines.append(
            f"| {size:,} | {path.stat().st_size / 1e6:.1f} MB | {ours.time_text()} |"
            f" {ours.peak_mb:.0f} MB | {theirs.time_text() if theirs else 'not run'} |"
            f" {f'{theirs.peak_mb:.0f} MB' if theirs else '–'} | {ratio} |"
        )
        print(lines[-1], flush=True)
    lines.append("")
    lines += targets_section(results)
    return lines


def targets_section(results: dict[int, tuple[Measure, Measure | None]]) -> list[str]:
    lines = ["### Against the targets", ""]
    if 20_000 in results:
        ours, theirs = results[20_000]
        if theirs is not None and ours.seconds:
            bound = theirs.seconds if theirs.seconds is not None else theirs.timeout
            relation = "=" if theirs.seconds is not None else ">"
            lines.append(
                f"- 20k list: markdownlint-cli2 / paperlint {relation} "
                f"{(bound or 0) / ours.seconds:.1f}× (target ≥ 20×); paperlint peak "
                f"{ours.peak_mb:.0f} MB (target < 150 MB)"
            )
            lines += _narrow_text_line(runs=3)
    if 10_000 in results and 100_000 in results:
        small, large = results[10_000][0], results[100_000][0]
        if small.seconds and large.seconds:
            lines.append(
                f"- linear cost: time(100k) / time(10k) = {large.seconds / small.seconds:.1f}"
                " (target ≤ 11)"
            )
    lines.append("")
    return lines


def _narrow_text_line(runs: int) -> list[str]:
    """Peak memory on the 20k list with its few characters beyond U+FFFF (the emoji of the
    notes headings) replaced: Python then stores the text in 2 bytes a character, not 4."""
    source = WORK / "list-20000.md"
    narrow = WORK / "list-20000-bmp.md"
    text = source.read_text(encoding="utf-8")
    narrow.write_text("".join(c if ord(c) <= 0xFFFF else "*" for c in text), encoding="utf-8")
    measured = measure([*paperlint_command(), str(narrow), *TARGETS], WORK, runs, 900)
    return [
        f"- the same list with its emoji replaced by `*` (text stored in 2 bytes a character"
        f" instead of 4): {measured.time_text()}, peak {measured.peak_mb:.0f} MB"
    ]


def bench_startup(args: argparse.Namespace, markdownlint: Path) -> list[str]:
    source = ROOT / "tests" / "data" / "corpus" / "mllm-medical.md"
    target = WORK / "mllm-medical.md"
    shutil.copyfile(source, target)
    runs = max(args.runs * 3, 5)
    ours = measure([*paperlint_command(), target.name], WORK, runs, args.timeout)
    theirs = measure(["node", str(markdownlint), target.name], WORK, runs, args.timeout)
    ratio = (ours.seconds or 0) / (theirs.seconds or 1)
    return [
        "## Start-up: one small list (mllm-medical.md, 10 entries)",
        "",
        "| tool | median time | peak memory |",
        "|---|---:|---:|",
        f"| paperlint (default target) | {ours.time_text()} | {ours.peak_mb:.0f} MB |",
        f"| markdownlint-cli2, MD051 | {theirs.time_text()} | {theirs.peak_mb:.0f} MB |",
        "",
        f"paperlint / markdownlint-cli2 = {ratio:.2f} (target ≤ 0.3)",
        "",
    ]


def bench_mkdocs(args: argparse.Namespace) -> list[str]:
    try:
        from importlib.metadata import entry_points

        has_plugin = any(ep.name == "paperlist" for ep in entry_points(group="mkdocs.plugins"))
    except Exception:
        has_plugin = False
    if not has_plugin:
        return [
            "## mkdocs build",
            "",
            "Not measured: the `paperlist` MkDocs plugin is not installed.",
            "",
        ]
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        (site / "docs").mkdir()
        (site / "docs" / "papers.md").write_text(generate(1_000, notes_size="long"), "utf-8")
        (site / "docs" / "index.md").write_text("# Benchmark\n\n[Papers](papers.md)\n", "utf-8")
        for label, plugins in (("without the plugin", "[]"), ("with the plugin", "[paperlist]")):
            config = site / "mkdocs.yml"
            config.write_text(f"site_name: bench\nplugins: {plugins}\n", encoding="utf-8")
            rows.append((label, measure(mkdocs, site, args.runs, args.timeout)))
    base, plugin = rows[0][1], rows[1][1]
    overhead = ((plugin.seconds or 0) / (base.seconds or 1) - 1) * 100
    return [
        "## mkdocs build of a 1,000-entry list page (long notes, about 5 MB)",
        "",
        "| build | median time | peak memory |",
        "|---|---:|---:|",
        *(f"| {label} | {m.time_text()} | {m.peak_mb:.0f} MB |" for label, m in rows),
        "",
        f"The plugin adds {overhead:.0f}% (target ≤ 30%).",
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
    parser.add_argument("--runs", type=int, default=5, help="repetitions per measurement")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per command")
    parser.add_argument("--quick", action="store_true", help="3 runs, markdownlint up to 20k")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument(
        "--markdownlint-max", type=int, default=20_000, help="largest list given to markdownlint"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs = 3
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / ".markdownlint-cli2.jsonc").write_text(
        '{"config": {"default": false, "MD051": true}}\n', encoding="utf-8"
    )
    markdownlint = install_markdownlint()
    versions = tool_versions(markdownlint)
    sections = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}.",
        "Versions: " + ", ".join(f"{name} {value}" for name, value in versions.items()) + ".",
        "",
        f"Reproduce: `.venv/bin/python bench/run.py {' '.join(sys.argv[1:])}`".rstrip() + "",
        "",
    ]
    sections += bench_startup(args, markdownlint)
    sections += bench_lint(args, markdownlint)
    sections += bench_phases()
    sections += bench_mkdocs(args)
    (HERE / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    print((HERE / "RESULTS.md").read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
