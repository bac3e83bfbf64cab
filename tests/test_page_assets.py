"""The page's shipped CSS is in step with the icons it is generated from (tools/css_icons.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).parent.parent
ASSETS = ROOT / "src" / "mkdocs_paperlist" / "assets"
KINDS = ["paper", "code", "project", "data", "video", "notes-link", "other", "nocode"]


def test_css_icons_match_the_svgs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "css_icons.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_badge_kind_has_an_icon_that_is_svg() -> None:
    css = (ASSETS / "paperlist.css").read_text(encoding="utf-8")
    for kind in KINDS:
        match = re.search(
            rf'\.paperlist-{kind} {{ --pl-icon: url\("data:image/svg\+xml,([^"]+)"\); }}', css
        )
        assert match is not None, kind
        svg = unquote(match.group(1))
        assert svg.startswith("<svg ") and svg.endswith("</svg>") and '"' not in match.group(1)
