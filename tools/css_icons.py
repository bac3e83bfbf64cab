"""Write the badge icons into paperlist.css as CSS masks, from the SVGs in the assets folder.

    .venv/bin/python tools/css_icons.py          rewrite the block between the markers
    .venv/bin/python tools/css_icons.py --check  exit 1 if the CSS is not in step with the SVGs

The page cannot carry <svg> elements (the HTML sanitizer refuses them), so each badge kind's
icon is a data: URI in a custom property that `.paperlist-icon` uses as its mask.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote

ASSETS = Path(__file__).resolve().parent.parent / "src" / "mkdocs_paperlist" / "assets"
CSS = ASSETS / "paperlist.css"
BEGIN = "/* icons: begin (tools/css_icons.py writes this block) */\n"
END = "/* icons: end */\n"
ICONS = {
    "paperlist-paper": "paper",
    "paperlist-code": "code",
    "paperlist-project": "page",
    "paperlist-data": "data",
    "paperlist-video": "video",
    "paperlist-notes-link": "notes",
    "paperlist-other": "other",
    "paperlist-nocode": "nocode",
}


def data_uri(svg: str) -> str:
    """The SVG as a data: URI for a CSS url("..."): only what would end or confuse it encoded."""
    return "data:image/svg+xml," + quote(svg.strip(), safe=" =:/'.,-")


def icon_block() -> str:
    lines = [BEGIN]
    for kind, name in ICONS.items():
        svg = (ASSETS / f"{name}.svg").read_text(encoding="utf-8")
        lines.append(f'.paperlist-badges .{kind} {{ --pl-icon: url("{data_uri(svg)}"); }}\n')
    lines.append(END)
    return "".join(lines)


def updated(css: str) -> str:
    start, end = css.index(BEGIN), css.index(END) + len(END)
    return css[:start] + icon_block() + css[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, write nothing")
    options = parser.parse_args(argv)
    css = CSS.read_text(encoding="utf-8")
    new = updated(css)
    if options.check:
        if new != css:
            print(
                f"{CSS.name} is out of step with the SVGs: run tools/css_icons.py", file=sys.stderr
            )
            return 1
        return 0
    if new != css:
        CSS.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
