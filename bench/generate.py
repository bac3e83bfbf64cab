"""Generate realistic synthetic paper lists in the corpus format, with a controlled mix of
the defects paperlint finds, from a fixed seed (the same N and seed give the same bytes).

    python bench/generate.py 20000 -o bench/work/list-20000.md
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

WORDS = [
    "multimodal",
    "large",
    "language",
    "models",
    "medical",
    "report",
    "generation",
    "reasoning",
    "segmentation",
    "benchmark",
    "dataset",
    "agents",
    "planning",
    "reinforcement",
    "learning",
    "reward",
    "entropy",
    "game",
    "minecraft",
    "vision",
    "diffusion",
    "retrieval",
    "tool",
    "use",
    "alignment",
    "efficient",
    "scalable",
    "robust",
    "open",
    "world",
    "instruction",
    "following",
    "memory",
    "evaluation",
    "foundation",
    "model",
    "clinical",
    "ultrasound",
    "ECG",
    "knowledge",
    "graph",
    "token",
    "policy",
    "gradient",
    "curriculum",
    "distillation",
    "transformer",
]
NOTES_CJK = "论文解读 医疗报告生成新突破 多模态大语言模型 核心方法 实验结果 可借鉴之处"

# (probability, defect) — each entry gets at most one of these.
DEFECTS = (
    (0.08, "trailing-period"),
    (0.02, "trailing-comma"),
    (0.02, "latex"),
    (0.01, "double-paren"),
    (0.04, "question-mark-anchor"),
    (0.01, "placeholder-date"),
    (0.01, "date-mismatch"),
    (0.005, "orphan-note"),
    (0.005, "missing-note"),
)


def _title(rng: random.Random, n: int) -> str:
    head = rng.choice(WORDS).capitalize() + "-" + str(n % 97)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9)))
    tail = rng.choice(["", "?", " (Extended Version)", ""])
    return f"{head}: {words.capitalize()}{tail}"


def _anchor(title: str) -> str:
    # The corpus generator's own recipe, bugs included: "X: Y" becomes "x--y".
    return re.sub(r"[,:.?\"']", " ", title).replace(" ", "-").lower()


def _abstract(rng: random.Random, sentences_range: tuple[int, int]) -> str:
    sentences = []
    low, high = sentences_range
    for _ in range(rng.randint(low, high)):
        size = (4, 8) if high == 1 else (10, 22)
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(*size)))
        sentences.append(sentence.capitalize() + ".")
    lines, line = [], ""
    for word in " ".join(sentences).split():
        if len(line) + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


NOTES = {"short": (1, 1), "long": (30, 40)}


def generate(count: int, seed: int = 20251124, notes_size: str = "short") -> str:
    """``short`` notes give about 350 bytes per entry (a 20,000-entry list is about 7 MB);
    ``long`` ones about 5 KB, like the corpus (a 1,000-entry list is about 5 MB)."""
    rng = random.Random(seed)
    sentences = NOTES[notes_size]
    entries: list[str] = []
    notes: list[str] = []
    for n in range(count):
        year = rng.choice([23, 24, 25])
        month = rng.randint(1, 12)
        arxiv = f"{year:02d}{month:02d}.{rng.randint(0, 99999):05d}"
        title = _title(rng, n)
        anchor = _anchor(title)
        code = (
            "" if rng.random() < 0.6 else f"https://github.com/lab{n % 500}/{title.split(':')[0]}"
        )
        tag = f"[{year:02d}/{month:02d}]"
        defect = None
        roll = rng.random()
        for probability, name in DEFECTS:
            if roll < probability:
                defect = name
                break
            roll -= probability
        if defect == "trailing-period" and code:
            code += "."
        elif defect == "trailing-comma" and code:
            code += ","
        elif defect == "latex" and code:
            code += "}{\\underline{\\small\\texttt{" + code + "}}}"
        elif defect == "double-paren" and code:
            code += ")"
        elif defect == "question-mark-anchor":
            anchor += "?"
        elif defect == "placeholder-date":
            tag = "[YY/MM]"
        elif defect == "date-mismatch":
            tag = f"[{year:02d}/{(month % 12) + 1:02d}]"
        heading = anchor
        if defect == "missing-note":
            heading = None
        entries.append(
            f"- {tag} **{title}**  \n"
            f"[[Paper](http://arxiv.org/pdf/{arxiv}v{rng.randint(1, 3)})] "
            f"[[Code/Page]({code})] [[TLDR/Notes](#{anchor})]\n"
        )
        if heading is not None:
            cjk = ""
            if notes_size == "long" or rng.random() < 0.1:
                cjk = f"### 🌟 {NOTES_CJK}\n{rng.choice(NOTES_CJK.split())} {title}\n"
            notes.append(f"## {heading}\n### Abstract\n{_abstract(rng, sentences)}\n{cjk}\n")
        if defect == "orphan-note":
            notes.append(f"## left-behind-{n}\n### Abstract\n{_abstract(rng, sentences)}\n\n")
    return (
        "# Paper List of Terms(Synthetic)\n"
        + "\n".join(entries)
        + "\n\n\n# TLDR/Notes\n"
        + "".join(notes)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of entries")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20251124)
    parser.add_argument("--notes", choices=sorted(NOTES), default="short")
    arguments = parser.parse_args()
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    text = generate(arguments.count, arguments.seed, arguments.notes)
    arguments.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
