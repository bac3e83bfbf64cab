"""How each format profile scores each list: the calibration table for a new profile.

    .venv/bin/python tools/calibrate.py [FILES...]

Per file (by default the real lists in tests/data/, the repository's README, CHANGELOG and
docs), the detected format and entries, then per profile its total score and the number and
mean of the blocks it accepts (every block, not detection's sample). A profile must score
its own family's files high and every other file low.
"""

import glob
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
from paperlint.document import Document
from paperlint.formats import PROFILES
from paperlint.parse import _Parser, parse

files = sys.argv[1:] or [
    *sorted(glob.glob("tests/data/formats/*.md")),
    *sorted(glob.glob("tests/data/corpus/*.md")),
    "README.md",
    "CHANGELOG.md",
    *sorted(glob.glob("docs/*.md")),
]
for name in files:
    if name.endswith("SOURCE-README.md"):
        continue
    text = Path(name).read_text(encoding="utf-8")
    document = Document(text)
    result = parse(Document(text))
    parser = _Parser(document)
    parser.scan()
    cells = []
    for profile in PROFILES:
        total = 0.0
        count = 0
        for blocks in parser.regions:
            pending = [b for b in reversed(blocks) if b.kind in profile.kinds]
            while pending:
                block = pending.pop()
                value = profile.score(document, block)
                if value > 0:
                    total += value
                    count += 1
                elif block.children:
                    pending.extend(reversed(block.children))
        mean = total / count if count else 0.0
        cells.append(f"{profile.name}={total:.0f}/{count}@{mean:.2f}")
    short = Path(name).name[:34]
    print(f"{short:34} -> {result.format.name:10} {len(result.entries):4}  " + "  ".join(cells))
