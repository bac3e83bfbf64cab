"""No false positives: a correct list yields no finding at all, on every target."""

from __future__ import annotations

import pytest

from paperlint.api import lint
from paperlint.settings import Settings
from paperlint.slugs import TARGETS

TITLES = [
    ("Why Do LLMs Fail? A Study (with Code)", "why-do-llms-fail-a-study-with-code", "2506.09634v1"),
    ("MedSeg-R: Reasoning Segmentation", "medseg-r-reasoning-segmentation", "2506.10465v1"),
    ("论文解读: 医疗报告 (Medical Reports) 🌟", "medical-reports", "2506.15477v2"),
    ("C++ & Rust: $O(n)$ [Fast] Parsers!", "c-rust-on-fast-parsers", "2505.01234"),
    ("Café Naïve Gödel — Ünïcödé Títlé", "cafe-naive-godel-unicode-title", "2412.12345v3"),
    ("Old-Style ids Work Too", "old-style-ids-work-too", "math/0007129v1"),
]
CODES = [
    "https://github.com/owner/why-fail",
    "https://huggingface.co/datasets/owner/medseg",
    "https://gitlab.com/group/project",
    "https://storm-bench.github.io/",
    "https://en.wikipedia.org/wiki/Go_(game)",
    "https://sites.google.com/view/old-style",
]


def _month(arxiv_id: str) -> str:
    digits = arxiv_id.split("/")[-1]
    return f"[{digits[:2]}/{digits[2:4]}]"


def clean_list(newline: str = "\n") -> str:
    lines = ["# Paper List of Terms(Clean)", ""]
    for (title, slug, arxiv_id), code in zip(TITLES, CODES, strict=True):
        lines += [
            f"- {_month(arxiv_id)} **{title}**  ",
            f"[[Paper](http://arxiv.org/pdf/{arxiv_id})] [[Code/Page]({code})] "
            f"[[Demo](https://owner.github.io/{slug}/demo)] [[TLDR/Notes](#{slug})]",
            "",
        ]
    lines += ["", "# TLDR/Notes"]
    for _, slug, _ in TITLES:
        lines += [
            f"## {slug}",
            "### Abstract",
            "Some notes: 论文 🌟, `code`, and a [link](https://x.org).",
            "",
        ]
    lines += ["```markdown", "- [YY/MM] **An example entry inside a fence is not an entry**", "```"]
    lines += ["<!-- [[Code/Page](https://broken.example.)] -->", ""]
    return newline.join(lines)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_clean_list_has_no_finding_on_any_target(newline: str) -> None:
    findings = lint(clean_list(newline), Settings(targets=TARGETS))
    assert [f"{d.line}:{d.column} {d.code} {d.message}" for d in findings] == []


@pytest.mark.parametrize("target", TARGETS)
def test_clean_list_each_target_alone(target: str) -> None:
    assert lint(clean_list(), Settings(targets=(target,))) == []
