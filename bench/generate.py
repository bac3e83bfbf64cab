"""Generate realistic synthetic paper lists in the corpus format, with a controlled mix of
the defects paperlint finds, from a fixed seed (the same N and seed give the same bytes).
Two other formats of tests/data/formats/ too: Markdown tables (family G) and link-title
bullets (family E).

    python bench/generate.py 20000 -o bench/work/list-20000.md
    python bench/generate.py 20000 --shape table -o bench/work/table-20000.md
    python bench/generate.py 20000 --shape bullets -o bench/work/bullets-20000.md
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


VENUES = (
    "AAAI",
    "ACL",
    "ACL Findings",
    "CVPR",
    "EMNLP",
    "ICCV",
    "ICLR",
    "ICML",
    "NAACL",
    "NeurIPS",
    "USENIX Security",
    "WACV",
)
AUTHORS = (
    "Chen",
    "Garbin",
    "Hu",
    "Li",
    "Liu",
    "Martin-Brualla",
    "Park",
    "Peng",
    "Reiser",
    "Schwarz",
    "Wang",
    "Zhang",
)
GIVEN = ("Jian", "Yue", "Mingjie", "Ximing", "Shizhe", "Pavlo", "Yejin", "Jan", "Yi", "Bryan")
PLACEHOLDERS = ("-", "-", "-", ":heavy_minus_sign:", "")

# (probability, defect) for the other formats: what SOURCE-README.md saw in the real lists.
TABLE_DEFECTS = (
    (0.20, "date-mismatch"),  # 110 of 386 date cells differ from the arXiv id's month
    (0.02, "trailing-period"),
    (0.01, "backslash-url"),  # [link](\https://arxiv.org/pdf/2402.13494)
    (0.01, "text-fragment"),  # #:~:text=... ending in "."
    (0.01, "question-mark"),
    (0.005, "latex"),
    (0.005, "duplicate"),
    (0.005, "extra-cell"),
)
BULLET_DEFECTS = (
    (0.03, "venue-before-id"),
    (0.03, "trailing-space"),  # [Qwen3 Technical Report ](u)
    (0.02, "empty-link"),  # [Title]()
    (0.02, "trailing-period"),
    (0.01, "latex"),
    (0.01, "bad-arxiv-id"),
    (0.005, "duplicate"),
)


def _defect(rng: random.Random, defects: tuple[tuple[float, str], ...]) -> str | None:
    roll = rng.random()
    for probability, name in defects:
        if roll < probability:
            return name
        roll -= probability
    return None


def _arxiv(rng: random.Random) -> tuple[int, int, str]:
    year = rng.choice([22, 23, 24, 25])
    month = rng.randint(1, 12)
    return year, month, f"{year:02d}{month:02d}.{rng.randint(0, 99999):05d}"


def _code_url(rng: random.Random, n: int, title: str, defect: str | None) -> str:
    url = f"https://github.com/lab{n % 500}/{title.split(':')[0]}"
    if defect == "trailing-period":
        url += "."
    elif defect == "latex":
        url += "}{\\underline{\\small\\texttt{" + url + "}}}"
    return url


def generate_table(count: int, seed: int = 20251124) -> str:
    """A list written as Markdown tables, in sections of 20 to 300 rows: mostly the
    ``| Time | Title | Venue | Paper | Code |`` shape of Awesome-Jailbreak-on-LLMs (bold
    titles, ``2025.11`` dates, ``-`` placeholders), a quarter in the WACV-2024-Papers shape
    (``| **Title** | **Repo** | **Paper** | **Video** |``, the title a link, badge-image
    links, ``:heavy_minus_sign:`` and ``<br />`` in cells). About 250 bytes per row."""
    rng = random.Random(seed)
    parts = ["# Awesome Papers in Tables (Synthetic)\n\n"]
    n = 0
    section = 0
    titles: list[str] = []
    while n < count:
        section += 1
        rows = min(count - n, rng.randint(20, 300))
        generated = rng.random() < 0.25
        parts.append(f"## Section {section}\n\n")
        if generated:
            parts.append("| **Title** | **Repo** | **Paper** | **Video** |\n")
            parts.append("|-----------|:--------:|:---------:|:---------:|\n")
        else:
            parts.append(
                "| Time    | Title                                                        |"
                " Venue |                  Paper                   |"
                "                             Code                             |\n"
                "| ------- | ------------------------------------------------------------ |"
                " :---: | :--------------------------------------: |"
                " :----------------------------------------------------------: |\n"
            )
        for _ in range(rows):
            defect = _defect(rng, TABLE_DEFECTS)
            title = rng.choice(titles) if defect == "duplicate" and titles else _title(rng, n)
            titles.append(title)
            year, month, arxiv = _arxiv(rng)
            code = _code_url(rng, n, title, defect) if rng.random() < 0.45 else ""
            if generated:
                parts.append(_wacv_row(rng, title, arxiv, code))
            else:
                parts.append(_jailbreak_row(rng, title, year, month, arxiv, code, defect))
            n += 1
        parts.append("\n")
    return "".join(parts)


def _jailbreak_row(
    rng: random.Random,
    title: str,
    year: int,
    month: int,
    arxiv: str,
    code: str,
    defect: str | None,
) -> str:
    if defect == "date-mismatch":
        month = month % 12 + 1
    kind = rng.choice(["abs", "pdf", "pdf"])
    paper = f"https://arxiv.org/{kind}/{arxiv}" + rng.choice(["", "", "v1", "v2"])
    if defect == "backslash-url":
        paper = "\\" + paper
    elif defect == "text-fragment":
        paper += "#:~:text=We%20increase%20overhead%20for%20applications."
    elif defect == "question-mark":
        paper += "?"
    venue = "arXiv" if rng.random() < 0.6 else f"{rng.choice(VENUES)}'{year + 1:02d}"
    code_cell = f"[link]({code})" if code else rng.choice(PLACEHOLDERS[:3])
    pad = " " * rng.choice([1, 1, 3, 29])
    row = (
        f"| 20{year:02d}.{month:02d} | **{title}** |{pad}{venue}{pad}| [link]({paper}) |"
        f"{pad}{code_cell}{pad}|"
    )
    if defect == "extra-cell":
        row += "                               |"
    return row + "\n"


def _wacv_row(rng: random.Random, title: str, arxiv: str, code: str) -> str:
    slug = title.split(":")[0].replace(" ", "_")
    page = f"https://openaccess.thecvf.com/content/WACV2024/html/{slug}_WACV_2024_paper.html"
    repo = ":heavy_minus_sign:"
    if code:
        owner = code.split("/")[3]
        repo = f"[![GitHub](https://img.shields.io/github/stars/{owner}/{slug}?style=flat)]({code})"
        if rng.random() < 0.3:
            repo = (
                "[![GitHub Page](https://img.shields.io/badge/GitHub-Page-159957.svg)]"
                f"(https://{owner}.github.io/{slug}) <br /> {repo}"
            )
    paper = (
        "[![thecvf](https://img.shields.io/badge/pdf-thecvf-7395C5.svg)]"
        f"(https://openaccess.thecvf.com/content/WACV2024/papers/{slug}_WACV_2024_paper.pdf)"
    )
    if rng.random() < 0.6:
        paper += (
            f" <br /> [![arXiv](https://img.shields.io/badge/arXiv-{arxiv}-b31b1b.svg)]"
            f"(http://arxiv.org/abs/{arxiv})"
        )
    video = ":heavy_minus_sign:"
    if rng.random() < 0.9:
        video = (
            "[![YouTube](https://img.shields.io/badge/YouTube-%23FF0000.svg?style=for-the-badge"
            "&logo=YouTube&logoColor=white)](https://www.youtube.com/watch?v="
            f"{rng.randrange(16**11):011x})"
        )
    return f"| [{title}]({page}) | {repo} | {paper} | {video} |\n"


def generate_bullets(count: int, seed: int = 20251124) -> str:
    """A list of link-title bullets (family E), in year sections: about half in the
    awesome-NeRF shape ``- [Title](url), Authors et al., Venue 2021 | [github](u) |
    [bibtex](u)`` with an HTML comment after some entries, a quarter in the
    Awesome-LLM-Strawberry shape ``- [Title](arxiv url)`` with the authors on a nested
    bullet, the rest ``- [Title](url) [[code](u)]``. About 200 bytes per entry."""
    rng = random.Random(seed)
    parts = ["# Awesome Papers as Links (Synthetic)\n\n"]
    n = 0
    section = 0
    titles: list[str] = []
    while n < count:
        parts.append(f"### {2025 - section // 4}\n")
        section += 1
        for _ in range(min(count - n, rng.randint(20, 400))):
            defect = _defect(rng, BULLET_DEFECTS)
            title = rng.choice(titles) if defect == "duplicate" and titles else _title(rng, n)
            titles.append(title)
            id_year, _, arxiv = _arxiv(rng)
            if defect == "bad-arxiv-id":
                arxiv = arxiv[:-1]
            url = f"https://arxiv.org/{rng.choice(['abs', 'pdf'])}/{arxiv}"
            if defect == "empty-link":
                url = ""
            text = title + " " if defect == "trailing-space" else title
            shape = rng.random()
            if shape < 0.2:
                code = _code_url(rng, n, title, defect)
                parts.append(f"- [{text}]({url}) [[code]({code})]\n")
            elif shape < 0.45:
                authors = ", ".join(
                    f"{rng.choice(GIVEN)} {rng.choice(AUTHORS)}" for _ in range(rng.randint(1, 8))
                )
                parts.append(f"- [{text}]({url})\n  - {authors}\n")
            else:
                venue_year = 2000 + id_year + rng.choice([0, 0, 1])
                if defect == "venue-before-id":
                    venue_year = 2000 + id_year - 1
                venue = "Arxiv" if rng.random() < 0.4 else rng.choice(VENUES)
                entry = f"- [{text}]({url}), {rng.choice(AUTHORS)} et al., {venue} {venue_year}"
                if rng.random() < 0.5:
                    entry += f" | [github]({_code_url(rng, n, title, defect)})"
                key = title.split(":")[0].lower()
                entry += f" | [bibtex](./citations/{key}.txt)"
                if rng.random() < 0.3:
                    entry += f" <!---{key}{venue_year}-->"
                parts.append(entry + "\n")
            n += 1
        parts.append("\n")
    return "".join(parts)


SHAPES = {"generator": generate, "table": generate_table, "bullets": generate_bullets}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of entries")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20251124)
    parser.add_argument("--notes", choices=sorted(NOTES), default="short")
    parser.add_argument(
        "--shape", choices=sorted(SHAPES), default="generator", help="the list's format"
    )
    arguments = parser.parse_args()
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    if arguments.shape == "generator":
        text = generate(arguments.count, arguments.seed, arguments.notes)
    else:
        text = SHAPES[arguments.shape](arguments.count, arguments.seed)
    arguments.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
