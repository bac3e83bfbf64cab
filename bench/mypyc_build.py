"""Build a mypyc-compiled copy of paperlint's core, to measure it beside the pure one.

    python bench/mypyc_build.py                 # -> bench/work/mypyc/ (about 70 s of CPU)
    PYTHONPATH=bench/work/mypyc paperlint LIST  # runs the compiled core
    python bench/mypyc_compare.py               # pure and compiled, interleaved

The copy is src/paperlint with the modules a check runs compiled in place (one shared
extension for the group); the modules left out stay Python and are imported as usual.
mypyc comes with mypy (the `test` extra) and needs a C compiler and Python's headers.
Nothing here changes how paperlint is installed: see docs/benchmarks.md for the figures.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "paperlint"
DEFAULT_OUT = ROOT / "bench" / "work" / "mypyc"

# Modules a check runs that stay Python, and why.
LEFT_OUT = {
    "__init__.py": "the package: imports nothing a check spends time in",
    "__main__.py": "runs once",
    "context.py": (
        "mypyc compiles functools.cached_property as a plain property, recomputed on every"
        " access (a 1,000-entry check took 6.2 s instead of 0.16 s; python/mypy PR 21611)"
    ),
    "record.py": (
        "its NamedTuple stands in for typing's through a metaclass, and Record reads each"
        " subclass's fields in __init_subclass__; compiled classes inherit it as Python"
    ),
    "lazy_re.py": "_LazyPattern sets its methods as attributes on first use (not native)",
}
# Compiled: the modules of a check's hot path (sys.modules after a check of the 20k list,
# without the command line, configuration, files and reports, which run once).
COMPILED = [
    "anchors.py",
    "arxiv.py",
    "dates.py",
    "document.py",
    "engine.py",
    "escape.py",
    "inline.py",
    "model.py",
    "mojibake.py",
    "parse.py",
    "roles.py",
    "rule.py",
    "slugs.py",
    "suppress.py",
    "titles.py",
    "urls.py",
    "formats/base.py",
    "formats/detect.py",
    "formats/fields.py",
    "formats/generator.py",
    "formats/heading.py",
    "formats/link_title.py",
    "formats/multiline.py",
    "formats/numbered.py",
    "formats/prefixed.py",
    "formats/table.py",
    "formats/tagged.py",
]
MYPY_CONFIG = "[mypy]\nstrict = True\nignore_missing_imports = True\n"


def _prepare_rule(path: Path) -> None:
    """Rewrite a rule module of the copy for mypyc, keeping what it does.

    mypyc drops module docstrings (``__doc__`` is None in a compiled module), and a rule's
    documentation is its module's docstring (``Rule.from_module(__doc__, ...)``): the
    docstring becomes an assignment to ``__doc__`` after the ``__future__`` import. And in
    the import cycle rules -> suppress -> rules, mypyc's type check reaches ALL_RULES
    before it has inferred a rule's ``RULE`` ("Cannot determine type"): RULE is annotated.
    """
    text = path.read_text(encoding="utf-8")
    docstring = ast.parse(text).body[0]
    lines = text.splitlines(keepends=True)
    written = "".join(lines[docstring.lineno - 1 : docstring.end_lineno])
    rest = lines[docstring.end_lineno :]
    future = next(i for i, line in enumerate(rest) if line.startswith("from __future__"))
    rest.insert(future + 1, "\n__doc__ = " + written)
    text = "".join(rest).replace("\nRULE = Rule.from_module(", "\nRULE: Rule = Rule.from_module(")
    path.write_text(text, encoding="utf-8")


_CACHED = re.compile(r"    @cached_property\n    def (\w+)\(self\) -> (.+):\n")


def _prepare_context(path: Path) -> None:
    """For --with-context: each ``functools.cached_property`` of the copy's Context becomes
    a property over an attribute set on first use, which mypyc compiles as it should (it
    compiles cached_property as a plain property). To measure only: compiled code reads
    ``prefilter`` from the instance, so tests/test_prefilter.py, which sets it on the class,
    then compares the prefilter with itself; and ``str.lower`` in ``_url_haystack`` misses
    the final-sigma rule (see slugs.lower)."""

    def cached(match: re.Match[str]) -> str:
        name, returned = match.groups()
        return (
            f"    _cached_{name}: {returned}\n\n"
            f"    @property\n    def {name}(self) -> {returned}:\n"
            f"        try:\n            return self._cached_{name}\n"
            f"        except AttributeError:\n"
            f"            value = self._cached_{name} = self._compute_{name}()\n"
            f"            return value\n\n"
            f"    def _compute_{name}(self) -> {returned}:\n"
        )

    text = path.read_text(encoding="utf-8")
    path.write_text(_CACHED.sub(cached, text), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="the folder to build in")
    parser.add_argument(
        "--with-context",
        action="store_true",
        help="compile context.py too, its cached properties rewritten (to measure only)",
    )
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(SOURCE, out / "paperlint", ignore=shutil.ignore_patterns("__pycache__"))
    (out / "mypy.ini").write_text(MYPY_CONFIG, encoding="utf-8")
    rules = sorted((out / "paperlint" / "rules").glob("pl*.py"))
    for path in rules:
        _prepare_rule(path)
    compiled = list(COMPILED)
    if args.with_context:
        _prepare_context(out / "paperlint" / "context.py")
        compiled.append("context.py")
    mypyc = Path(sys.executable).with_name("mypyc")
    modules = [*compiled, "rules/__init__.py", *(f"rules/{path.name}" for path in rules)]
    command = [str(mypyc), *(f"paperlint/{name}" for name in modules)]
    started = time.perf_counter()
    before = os.times()
    done = subprocess.run(command, cwd=out, capture_output=True, text=True, check=False)
    after = os.times()
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        return 1
    cpu = (
        after.children_user - before.children_user + after.children_system - before.children_system
    )
    built = sorted(out.glob("*.so")) + sorted((out / "paperlint").rglob("*.so"))
    size = sum(path.stat().st_size for path in built)
    print(
        f"compiled {len(modules)} modules into {out} in {time.perf_counter() - started:.0f} s"
        f" ({cpu:.0f} s CPU); {len(built)} extension files, {size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
