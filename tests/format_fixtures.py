"""Format fixtures: a small list per profile and every part of its entries, with positions.

``tests/fixtures/formats/<name>/input.md`` is read with ``paperlint.parse``;
``expected.json`` holds the detected format and, per entry, each part the profile read as
``[name, "line:column", source text]`` (``describe``). Regenerate an expected file after a
deliberate change with ``python tests/format_fixtures.py tests/fixtures/formats/<name>`` and
review its diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def describe(text: str) -> dict[str, Any]:
    from paperlint import parse

    paper_list = parse(text)
    document = paper_list.document
    entries = []
    for entry in paper_list.entries:
        parts: list[list[str]] = []
        for name, span in entry.parts():
            line, column = document.position(span.start)
            parts.append([name, f"{line}:{column}", text[span.start : span.end]])
        described: dict[str, Any] = {
            "at": "{}:{}".format(*document.position(entry.start)),
            "format": entry.format,
            "parts": parts,
        }
        if entry.title is not None:
            described["title"] = entry.title.text
        if entry.date is not None:
            described["date"] = [
                entry.date.source.value,
                entry.date.year,
                entry.date.month,
                entry.date.day,
            ]
        described["links"] = [[link.kind.name, link.label, link.url] for link in entry.links]
        entries.append(described)
    return {"format": paper_list.format.name, "entries": entries}


def dumps(value: Any, indent: str = "") -> str:
    """JSON with one line per part or link, for diffs a reviewer can read."""
    inner = indent + " "
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key)}: {dumps(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        items = [inner + dumps(item, inner) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main(paths: list[str]) -> None:
    for folder in map(Path, paths):
        text = (folder / "input.md").read_text(encoding="utf-8")
        (folder / "expected.json").write_text(dumps(describe(text)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent.parent / "src"))
    main(sys.argv[1:])
